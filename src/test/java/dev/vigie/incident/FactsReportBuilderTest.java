package dev.vigie.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.Severity;
import dev.vigie.privacy.Redactor;
import dev.vigie.template.Template;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactsReportBuilderTest {
    private static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    @Test
    void sampleLinesAndTemplatesAreRedactedBeforeTheyLeaveTheFactsLevel() {
        String pass = "hun" + "ter22x";
        String line = T0.plusSeconds(30) + " ERROR login failed for bob" + "@example.org with password=" + pass;
        EvidenceBuffer buffer = new EvidenceBuffer();
        buffer.onEvent(new LogEvent(T0.plusSeconds(30), "/l/api.log", "api", Level.ERROR, "login failed", Map.of(), line,
                false, "t1"), new Template("t1", "login failed for bob" + "@example.org with password=" + pass, 1,
                T0, T0, line));
        Anomaly a = new Anomaly("error_events", "api", null, T0, T0.plusSeconds(59), Severity.WARNING, 0.5, "api errors", Map.of());
        Incident incident = new Incident("INC-1", "api", T0, T0.plusSeconds(59), Severity.WARNING, IncidentStatus.RESOLVED, List.of(a));

        FactsReport facts = new FactsReportBuilder(Redactor.standard()).build(incident, buffer);

        String json = FactsJson.write(facts);
        assertThat(json).doesNotContain(pass).doesNotContain("bob@example.org");
        assertThat(facts.sampleLines()).singleElement().asString().endsWith("login failed for <email> with password=<secret:password>");
        assertThat(facts.templates()).singleElement().satisfies(t -> assertThat(t.template()).contains("<secret:password>"));
    }
}
