package dev.vigie.agent;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.incident.FactsReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small hand-made facts report for the analysts' tests. */
final class Facts {
    private Facts() {
    }

    static FactsReport of(String template, String sampleLine) {
        Instant start = Instant.parse("2026-03-14T08:20:00Z");
        return new FactsReport("INC-test", "api", start, start.plusSeconds(300), Severity.CRITICAL, IncidentStatus.RESOLVED,
                start + " error_events: api logged 24 ERROR/FATAL events in 1 min",
                List.of(new FactsReport.AnomalyFact("error_events", null, start, start.plusSeconds(59), Severity.CRITICAL,
                        1.0, "api logged 24 ERROR/FATAL events in 1 min", Map.of("count", 24))),
                List.of(new FactsReport.TemplateFact("t1", template, 0, 24)),
                List.of(sampleLine), List.of(), false);
    }
}
