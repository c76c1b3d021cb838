package dev.vigie.report;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.List;

/**
 * An incident's facts and its analysis, as stored once the analysts are done. It carries the
 * incident's window too, so it can be written before or after the pipeline's own row.
 *
 * @param plan the recommended steps, P1 first, redacted
 */
public record IncidentReport(String incidentId, String service, Instant start, Instant end, Severity severity,
                             IncidentStatus status, String factsJson, String domain, String cause, String analyst,
                             String reportPath, List<String> plan) {
    public IncidentReport {
        plan = List.copyOf(plan);
    }
}
