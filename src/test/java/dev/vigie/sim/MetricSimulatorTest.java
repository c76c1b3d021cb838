package dev.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.detect.Detector;
import dev.vigie.detect.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSimulatorTest {
    @Test
    void theSameSeedAndTimeGiveTheSameValues() {
        Instant t = Instant.parse("2026-03-14T08:00:00Z");
        assertThat(new MetricSimulator(42, List.of()).at(t)).isEqualTo(new MetricSimulator(42, List.of()).at(t));
        assertThat(new MetricSimulator(43, List.of()).at(t)).isNotEqualTo(new MetricSimulator(42, List.of()).at(t));
    }

    @Test
    void theSampleDaysScenariosAreDetectedWhileTheyRunAndNothingElseIs() {
        MetricSimulator sim = new MetricSimulator(42, MetricSimulator.SAMPLE_DAY);
        List<MetricSample> all = new ArrayList<>();
        for (Instant t = Instant.parse("2026-03-14T07:00:00Z"); t.isBefore(Instant.parse("2026-03-14T11:00:00Z")); t = t.plus(MetricSimulator.STEP)) {
            all.addAll(sim.at(t));
        }
        List<Anomaly> found = new ArrayList<>();
        all.stream().map(MetricSample::series).distinct().forEach(series ->
                found.addAll(Detector.detectMetrics(DetectorSettings.DEFAULTS, all.stream().filter(s -> s.series().equals(series)).toList())));
        for (Scenario sc : MetricSimulator.SAMPLE_DAY) {
            assertThat(found).as(sc.name()).anyMatch(a -> a.series().equals(sc.service() + "/" + sc.metric())
                    && !a.start().isBefore(sc.start()) && a.start().isBefore(sc.end()));
        }
        assertThat(found).as("anomalies outside every scenario").allMatch(a -> MetricSimulator.SAMPLE_DAY.stream().anyMatch(sc ->
                a.series().equals(sc.service() + "/" + sc.metric())
                        && !a.start().isBefore(sc.start()) && !a.start().isAfter(sc.end().plus(Duration.ofMinutes(5)))));
    }
}
