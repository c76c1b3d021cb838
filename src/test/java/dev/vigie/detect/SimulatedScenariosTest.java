package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.sim.GroundTruth;
import dev.vigie.sim.MetricSimulator;
import dev.vigie.sim.Scenario;
import dev.vigie.sim.ScenarioKind;
import dev.vigie.sim.ScenarioScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulator's ground truth against the detector with its default settings. */
class SimulatedScenariosTest {
    private static final Instant FRIDAY = Instant.parse("2026-03-13T00:00:00Z");
    private static final Duration RECOVERY = Duration.ofMinutes(10);
    /** A leak and a filling disk start from nothing: they are found by the trend they draw. */
    private static final Set<ScenarioKind> GRADUAL = EnumSet.of(ScenarioKind.MEMORY_LEAK, ScenarioKind.DISK_FILLING);

    @Test
    void eachScenarioOfASimulatedDayIsDetectedSoonAfterItStartsAndNothingElseIs() {
        List<Scenario> script = ScenarioScript.parse("""
                +02:00  cpu_saturation    api         10m
                +05:00  memory_leak       billing     25m
                +08:00  latency_spike     api         8m
                +11:00  connection_storm  postgresql  6m
                +14:00  slow_query        postgresql  10m
                +17:00  disk_filling      postgresql  3h
                +21:00  bad_deploy        api         5m
                """, FRIDAY);
        assertThat(script.stream().map(Scenario::kind)).containsExactlyInAnyOrder(ScenarioKind.values());

        GroundTruth.Result r = GroundTruth.match(script, detect(new MetricSimulator(42, script), FRIDAY, 1), RECOVERY);

        assertThat(r.falseAlarms()).as("anomalies that no scenario explains").isEmpty();
        for (GroundTruth.Hit hit : r.hits()) {
            assertThat(hit.detected()).as(hit.scenario().name()).isTrue();
            long allowed = GRADUAL.contains(hit.scenario().kind()) ? 36 : 2;
            assertThat(hit.delaySteps()).as(hit.scenario().name() + " found by " + hit.first().text()).isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void aLeakIsForetoldBeforeTheMemoryRunsOut() {
        Instant start = FRIDAY.plus(Duration.ofHours(5));
        Scenario leak = new Scenario(ScenarioKind.MEMORY_LEAK, "billing", start, start.plus(Duration.ofMinutes(40)));
        List<Anomaly> found = detect(new MetricSimulator(42, List.of(leak)), FRIDAY, 1);

        Anomaly forecast = found.stream().filter(a -> a.check().equals(SaturationForecast.CHECK)).findFirst().orElseThrow();
        assertThat(forecast.series()).isEqualTo("billing/memory_usage");
        assertThat(forecast.text()).matches("billing memory_usage reaches 100% in about \\d+ min \\(rising .* per hour, now .*\\)");
        Instant predictedFull = forecast.end().plusSeconds(((Number) forecast.evidence().get("eta_seconds")).longValue());
        assertThat(forecast.end()).isBefore(predictedFull.minus(Duration.ofMinutes(15)));
        Anomaly critical = found.stream().filter(a -> a.check().equals("static_threshold")).findFirst().orElseThrow();
        assertThat(forecast.start()).isBefore(critical.start());
    }

    @Test
    void scenarioFreeDaysRaiseNothingAcrossTheWeekendOrMidweek() {
        assertThat(detect(new MetricSimulator(42, List.of()), FRIDAY.plus(Duration.ofHours(12)), 2)).isEmpty();
        assertThat(detect(new MetricSimulator(42, List.of()), FRIDAY.minus(Duration.ofDays(3)), 2)).as("Tuesday and Wednesday")
                .isEmpty();
    }

    private static List<Anomaly> detect(MetricSimulator sim, Instant from, int days) {
        List<MetricSample> all = new ArrayList<>();
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(days))); t = t.plus(MetricSimulator.STEP)) {
            all.addAll(sim.at(t));
        }
        return Detector.detectMetrics(DetectorSettings.DEFAULTS, all);
    }
}
