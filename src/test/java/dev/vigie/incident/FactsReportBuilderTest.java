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

    @Test
    void anIncidentOfRelatedServicesHasTheLinesOfEachAndSaysWhatChanged() {
        EvidenceBuffer buffer = new EvidenceBuffer();
        Template routine = new Template("t-old", "GET /orders 200", 500, T0.minusSeconds(86_400), T0, "GET /orders 200");
        Template fresh = new Template("t-new", "could not serialize access due to concurrent update", 1, T0.plusSeconds(20),
                T0.plusSeconds(20), "x");
        Template deploy = new Template("t-dep", "deployed orders-api <*>", 1, T0.minusSeconds(3600), T0.minusSeconds(60), "x");
        buffer.onEvent(event("api", T0.minusSeconds(120), Level.INFO, "GET /orders 200", "t-old"), routine);
        buffer.onEvent(event("api", T0.minusSeconds(60), Level.INFO, "deployed orders-api v2.14.1", "t-dep"), deploy);
        buffer.onEvent(event("db", T0.plusSeconds(20), Level.ERROR, "could not serialize access due to concurrent update", "t-new"), fresh);
        Anomaly a = new Anomaly("error_events", "db", null, T0, T0.plusSeconds(59), Severity.WARNING, 0.5, "db errors", Map.of());
        Incident incident = new Incident("INC-2", "db", T0, T0.plusSeconds(59), Severity.WARNING, IncidentStatus.RESOLVED,
                List.of(a), List.of("db", "api"));

        FactsReport facts = new FactsReportBuilder(Redactor.standard()).build(incident, buffer);

        assertThat(facts.services()).containsExactly("db", "api");
        assertThat(facts.metrics()).extracting(FactsReport.MetricFact::series).contains("db/log_errors_per_min", "api/log_events_per_min");
        assertThat(facts.changes()).containsExactly(
                "new template (1 lines): could not serialize access due to concurrent update",
                "change: " + T0.minusSeconds(60) + " INFO deployed orders-api v2.14.1");
    }

    @Test
    void aLargeIncidentIsCutToFitASmallModelAndSaysSo() {
        List<FactsReport.AnomalyFact> anomalies = new java.util.ArrayList<>();
        for (int k = 0; k < 20; k++) {
            anomalies.add(new FactsReport.AnomalyFact("error_events", null, T0.plusSeconds(60L * k), T0.plusSeconds(60L * k + 59),
                    k % 3 == 0 ? Severity.CRITICAL : Severity.WARNING, 0.5, "api logged " + (20 + k) + " ERROR events in 1 min "
                    + "x".repeat(120), Map.of("count", 20 + k, "baseline", 1.5, "samples", List.of("a".repeat(300)))));
        }
        List<FactsReport.Point> points = new java.util.ArrayList<>();
        for (int k = 0; k < 12; k++) {
            points.add(new FactsReport.Point(T0.plusSeconds(60L * k), k));
        }
        List<FactsReport.MetricFact> metrics = new java.util.ArrayList<>();
        for (int k = 0; k < 12; k++) {
            metrics.add(new FactsReport.MetricFact("api/series_" + k, 1, 0, 10 + k, points));
        }
        FactsReport big = new FactsReport("INC-3", "api", T0, T0.plusSeconds(1200), Severity.CRITICAL, IncidentStatus.RESOLVED,
                "first", anomalies, List.of(new FactsReport.TemplateFact("t", "y".repeat(600), 0, 3)),
                List.of("z".repeat(400), "w".repeat(400), "v".repeat(400), "u".repeat(400), "s".repeat(400)), metrics, false);
        assertThat(FactsJson.estimatedTokens(big)).isGreaterThan(FactsReportBuilder.TOKEN_BUDGET);

        FactsReport fitted = FactsReportBuilder.fit(big);

        assertThat(FactsJson.estimatedTokens(fitted)).isLessThanOrEqualTo(FactsReportBuilder.TOKEN_BUDGET);
        assertThat(fitted.summarised()).isTrue();
        assertThat(fitted.anomalies()).hasSize(10).allSatisfy(a -> assertThat(a.evidence()).doesNotContainKey("samples"));
        assertThat(fitted.anomalies()).extracting(FactsReport.AnomalyFact::severity).contains(Severity.CRITICAL);
        assertThat(FactsReportBuilder.fit(fitted)).isEqualTo(fitted);
    }

    private static LogEvent event(String service, Instant t, Level level, String message, String template) {
        return new LogEvent(t, "/l/" + service + ".log", service, level, message, Map.of(), t + " " + level + " " + message,
                false, template);
    }
}
