package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import dev.vigie.detect.Detector;
import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import dev.vigie.incident.EvidenceBuffer;
import dev.vigie.incident.FactsReport;
import dev.vigie.incident.FactsReportBuilder;
import dev.vigie.privacy.Redactor;
import dev.vigie.template.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code log_errors_per_min} is one series: the facts report says what the detector watched. */
class LogErrorsPerMinuteTest {
    @Test
    void theFactsReportAndTheDetectedSeriesCountTheSameErrorsInTheSameMinutes() {
        Instant t0 = Instant.parse("2026-03-14T08:00:00Z");
        EvidenceBuffer buffer = new EvidenceBuffer();
        List<MetricSample> detected = new ArrayList<>();
        Detector detector = new Detector(DetectorSettings.DEFAULTS, new Detector.Output() {
            @Override
            public void accept(Anomaly a) {
            }

            @Override
            public void derived(MetricSample s) {
                detected.add(s);
            }
        });
        Template template = new Template("t", "work <*>", 1, t0, t0, "work 1");
        SplittableRandom r = new SplittableRandom(3);
        for (int second = 0; second < 40 * 60; second += 7) {
            int minute = second / 60;
            if (minute >= 12 && minute < 15) {
                continue; // three quiet minutes inside the report's window
            }
            boolean error = minute >= 20 && minute < 25 ? r.nextInt(2) == 0 : r.nextInt(20) == 0;
            LogEvent e = new LogEvent(t0.plusSeconds(second), "/l/api.log", "api", error ? Level.ERROR : Level.INFO,
                    "work " + second, Map.of(), "work " + second, false, "t");
            buffer.onEvent(e, template);
            detector.onEvent(e);
        }
        detector.advance(t0.plusSeconds(45 * 60));
        detected.forEach(buffer::onSample);
        Anomaly a = new Anomaly("error_events", "api", null, t0.plusSeconds(20 * 60), t0.plusSeconds(25 * 60 - 1),
                Severity.WARNING, 0.9, "api errors", Map.of());
        Incident incident = new Incident("INC-1", "api", a.start(), a.end(), Severity.WARNING, IncidentStatus.RESOLVED,
                List.of(a));

        FactsReport facts = new FactsReportBuilder(Redactor.standard()).build(incident, buffer);

        FactsReport.MetricFact inReport = facts.metrics().stream()
                .filter(m -> m.series().equals("api/log_errors_per_min")).findFirst().orElseThrow();
        assertThat(facts.metrics()).extracting(FactsReport.MetricFact::series).doesNotHaveDuplicates();
        Map<Instant, Double> watched = new java.util.HashMap<>();
        detected.stream().filter(s -> s.metric().equals("log_errors_per_min")).forEach(s -> watched.put(s.time(), s.value()));
        assertThat(inReport.points()).as("the report's points (thinned) are the detected series' own values")
                .allSatisfy(p -> assertThat(watched.get(p.time())).as(p.time().toString()).isEqualTo(p.value()))
                .anySatisfy(p -> assertThat(p.time()).as("a quiet minute is a zero in both").isEqualTo(t0.plusSeconds(13 * 60)));
        assertThat(inReport.maxDuring()).isEqualTo(watched.entrySet().stream()
                .filter(e -> !e.getKey().isBefore(a.start()) && e.getKey().isBefore(a.end()))
                .mapToDouble(Map.Entry::getValue).max().orElseThrow());
    }
}
