package dev.vigie.ui.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import dev.vigie.pipeline.client.Redetection;
import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.Tasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationViewModelTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    @Test
    void movingASliderReRunsDetectionWithItsValueAndSaysWhatWasFound() {
        FakeEngine engine = new FakeEngine();
        List<MetricSample> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(new MetricSample(T0.plusSeconds(10L * i), "postgresql", "active_connections", i == 50 ? 400 : 40));
        }
        engine.series.put("postgresql/active_connections", points);
        Anomaly spike = new Anomaly("anomaly_score", "postgresql", "postgresql/active_connections", T0.plusSeconds(500),
                T0.plusSeconds(510), Severity.WARNING, 0.9, "a spike", Map.of());
        Anomaly elsewhere = new Anomaly("anomaly_score", "api", "api/cpu_usage", T0, T0, Severity.WARNING, 0.8, "x", Map.of());
        engine.redetection = new Redetection(List.of(spike, elsewhere), 2_000, 2, 3.5);
        SimulationViewModel vm = new SimulationViewModel(engine, engine, Tasks.DIRECT);

        vm.zThreshold.set(3.0);
        assertThat(engine.redetections).last().satisfies(s -> {
            assertThat(s.zThreshold()).isEqualTo(3.0);
            assertThat(s.window()).isEqualTo(60);
        });
        vm.window.set(90);
        assertThat(engine.redetections).last().satisfies(s -> assertThat(s.window()).isEqualTo(90));
        assertThat(vm.anomalies.get()).containsExactly(spike, elsewhere);
        assertThat(vm.summary.get()).startsWith("2 anomalies over 2000 points of 2 series, 1 on this one (z ≥ 3.0, window 90");
        assertThat(vm.chart.get().values()).hasSize(100);
        assertThat(vm.chart.get().anomalies()).hasSize(2); // the points at 500 s and 510 s
    }

    @Test
    void theSlidersStartWhereLiveDetectionStandsAndCanBeAppliedToIt() {
        FakeEngine engine = new FakeEngine();
        engine.live = DetectorSettings.DEFAULTS.toBuilder().zThreshold(4).window(120).densityWeight(2).build();
        SimulationViewModel vm = new SimulationViewModel(engine, engine, Tasks.DIRECT);
        assertThat(vm.zThreshold.get()).isEqualTo(4);
        assertThat(vm.window.get()).isEqualTo(120);

        vm.zThreshold.set(6);
        vm.thresholds.set(false);
        vm.applyToLive();
        assertThat(engine.applied).singleElement().satisfies(s -> {
            assertThat(s.zThreshold()).isEqualTo(6);
            assertThat(s.window()).isEqualTo(120);
            assertThat(s.thresholds()).isFalse();
            assertThat(s.densityWeight()).as("what no slider moves stays as live had it").isEqualTo(2);
        });
        assertThat(vm.summary.get()).isEqualTo("Live detection now uses z ≥ 6.0, window 120, from its buffered history on");
    }
}
