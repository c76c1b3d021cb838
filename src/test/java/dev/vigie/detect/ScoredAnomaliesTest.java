package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import dev.vigie.detect.SeriesScorer.Check;
import dev.vigie.detect.SeriesScorer.Reading;
import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The statistical checks as live anomalies: one episode per fault whichever check sees it, minimum
 * duration, hysteresis, and the sentence each check says.
 */
class ScoredAnomaliesTest {
    static final Instant T0 = Instant.parse("2026-03-14T00:00:00Z");

    /** Calm noise; from point 300 a flapping fault (high, normal, high, …) for 20 points; a lone spike at 500. */
    private static List<MetricSample> flappingThenLoneSpike() {
        SplittableRandom r = new SplittableRandom(11);
        List<MetricSample> out = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            double v = 40 + r.nextGaussian();
            if (i >= 300 && i < 320 && i % 2 == 0) {
                v += 30;
            }
            if (i == 500) {
                v += 200;
            }
            out.add(new MetricSample(T0.plusSeconds(10L * i), "api", "latency_ms_p95", v));
        }
        return out;
    }

    private static List<Anomaly> scored(DetectorSettings settings) {
        return Detector.detectMetrics(settings, flappingThenLoneSpike()).stream()
                .filter(a -> a.check().equals(ScoreText.CHECK) || a.check().equals("rolling_zscore")).toList();
    }

    @Test
    void aFlappingFaultIsOneAnomalyAndALonePointIsNone() {
        assertThat(scored(DetectorSettings.DEFAULTS)).singleElement().satisfies(a -> {
            assertThat(a.start()).isEqualTo(T0.plusSeconds(3000));
            assertThat(a.text()).startsWith("api latency_ms_p95 ").contains(" σ above ");
            assertThat(a.end()).isAfterOrEqualTo(T0.plusSeconds(3100)); // the flaps that follow are the same anomaly
        });
    }

    @Test
    void withoutMinimumDurationOrHysteresisTheSameSeriesRaisesMore() {
        DetectorSettings d = DetectorSettings.DEFAULTS;
        DetectorSettings eager = d.toBuilder().minPoints(1).clearPoints(1).build();
        List<Anomaly> found = scored(eager);
        assertThat(found).hasSizeGreaterThan(2);
        assertThat(found).anySatisfy(a -> assertThat(a.start()).isEqualTo(T0.plusSeconds(5000)));
    }

    private static Reading reading(Check check, double value, double score) {
        double[] z = {6.3, 7.2, 5.1, 9.0, 0.5, 14};
        return new Reading(score, check, value, "same time on recent days", 118, 20, z, z.clone(), 101.5, 60, 20, 80, 6);
    }

    @Test
    void eachCheckStatesItsFact() {
        MetricSample s = new MetricSample(T0, "api", "latency_ms_p95", 412);
        assertThat(ScoreText.finding(s, reading(Check.RESIDUAL, 412, 0.91)).text()).isEqualTo(
                "api latency_ms_p95 412.0 is 6.3 σ above the expected 118.0 (same time on recent days); anomaly score 0.91");
        assertThat(ScoreText.finding(s, reading(Check.GLOBAL_Z, 412, 0.8)).text()).isEqualTo(
                "api latency_ms_p95 412.0 is 7.2 σ from its mean over the whole history; anomaly score 0.80");
        assertThat(ScoreText.finding(s, reading(Check.ROLLING_Z, 412, 0.8)).text()).isEqualTo(
                "api latency_ms_p95 412.0 is 5.1 σ above its 60-point rolling mean 101.5; anomaly score 0.80");
        assertThat(ScoreText.finding(s, reading(Check.CHANGE, 412, 0.8)).text()).isEqualTo(
                "api latency_ms_p95 changed to 412.0, a step 9.0 σ beyond its usual changes; anomaly score 0.80");
        assertThat(ScoreText.finding(s, reading(Check.LEVEL_SHIFT, 412, 0.8)).text()).isEqualTo(
                "api latency_ms_p95 412.0 is outside every value seen so far (20.0 to 80.0); anomaly score 0.80");
        assertThat(ScoreText.finding(s, reading(Check.DENSITY, 412, 0.8)).text()).isEqualTo(
                "api latency_ms_p95: 14 of its last 100 points were unusual (beyond the 99th percentile of their "
                        + "deviation), 6 as a rule; now 412.0; anomaly score 0.80");
        assertThat(ScoreText.finding(s, reading(Check.RESIDUAL, 412, 0.91)).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ScoreText.finding(s, reading(Check.RESIDUAL, 412, 0.8)).severity()).isEqualTo(Severity.WARNING);
    }
}
