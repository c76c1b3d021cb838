package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DetectorTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    private static LogEvent event(int second, Level level, String raw) {
        return new LogEvent(T0.plusSeconds(second), "/l/api.log", "api", level, raw.lines().findFirst().orElse(""), Map.of(),
                raw, false, "t-" + level);
    }

    private static List<MetricSample> noisy(String metric, int n, double mean, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<MetricSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MetricSample(T0.plusSeconds(10L * i), "api", metric, mean + sd * r.nextGaussian()));
        }
        return out;
    }

    @Test
    void errorEventsAreCountedPerMinuteAndAnIsolatedBurstIsAWarning() {
        List<Anomaly> found = new ArrayList<>();
        Detector d = new Detector(DetectorSettings.DEFAULTS, found::add);
        d.onEvent(event(1, Level.INFO, "fine"));
        d.onEvent(event(2, Level.ERROR, "lonely error"));
        for (int s = 0; s < 12; s++) {
            d.onEvent(event(60 + s, Level.ERROR, "burst"));
        }
        d.onEvent(event(180, Level.WARN, "later"));
        d.flush();
        List<Anomaly> errors = found.stream().filter(a -> a.check().equals("error_events")).toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(errors.get(0).evidence()).containsEntry("count", 1L);
        assertThat(errors.get(1).severity()).as("critical needs a sustained rise").isEqualTo(Severity.WARNING);
        assertThat(errors.get(1).start()).isEqualTo(T0.plusSeconds(60));
        assertThat(errors.get(1).text()).isEqualTo("api logged 12 ERROR/FATAL events in 1 min (baseline 1.0/min)");
    }

    @Test
    void exceptionsAreFoundInStackTraces() {
        List<Anomaly> found = new ArrayList<>();
        Detector d = new Detector(DetectorSettings.DEFAULTS, found::add);
        d.onEvent(event(1, Level.WARN, "retrying\njava.net.SocketTimeoutException: Read timed out\n\tat x.Y.z(Y.java:1)"));
        d.onEvent(event(2, Level.WARN, "no trace here\n  indented detail"));
        d.flush();
        assertThat(found).extracting(Anomaly::check).containsExactly("exceptions");
        assertThat(found.get(0).evidence()).containsEntry("count", 1L);
    }

    @Test
    void aStaticThresholdStatesTheFact() {
        List<MetricSample> series = new ArrayList<>(noisy("cpu_usage", 30, 40, 2, 1));
        series.add(new MetricSample(T0.plusSeconds(400), "api", "cpu_usage", 95.0));
        series.add(new MetricSample(T0.plusSeconds(410), "api", "cpu_usage", 41.0));
        List<Anomaly> found = Detector.detectMetrics(DetectorSettings.DEFAULTS, series).stream()
                .filter(a -> a.check().equals("static_threshold")).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).text()).isEqualTo("CRITICAL: api cpu_usage (95.0) above threshold 90.0");
        assertThat(found.get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void rollingZScoreFiresOnAShortBurstButNotOnNoise() {
        List<MetricSample> calm = noisy("latency_ms_p95", 20_000, 120, 5, 7);
        assertThat(Detector.detectMetrics(DetectorSettings.DEFAULTS, calm)).isEmpty();

        // two points: the minimum duration of an anomaly
        List<MetricSample> spiky = new ArrayList<>(calm.subList(0, 100));
        spiky.add(new MetricSample(T0.plusSeconds(1000 * 10), "api", "latency_ms_p95", 412));
        spiky.add(new MetricSample(T0.plusSeconds(1001 * 10), "api", "latency_ms_p95", 390));
        List<Anomaly> found = Detector.detectMetrics(DetectorSettings.DEFAULTS, spiky);
        assertThat(found).extracting(Anomaly::check).containsExactly("rolling_zscore");
        assertThat(found.get(0).text()).matches("api latency_ms_p95 412\\.0 is \\d+\\.\\d σ above its 60-point rolling mean 1\\d\\d\\.\\d");
    }

    @Test
    void seriesOfOneMetricWithDifferentLabelsAreWatchedApart() {
        List<MetricSample> both = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant t = T0.plusSeconds(10L * i);
            // p50 steady near 100; p95 steady near 400, which would be a spike if it were the same series
            both.add(new MetricSample(t, "api", "latency_ms", 100 + (i % 3), Map.of("quantile", "0.5")));
            both.add(new MetricSample(t, "api", "latency_ms", 400 + (i % 5) + (i >= 250 && i < 253 ? 400 : 0),
                    Map.of("quantile", "0.95")));
        }
        List<Anomaly> found = Detector.detectMetrics(DetectorSettings.DEFAULTS, both);
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.series()).isEqualTo("api/latency_ms{quantile=0.95}");
            assertThat(a.start()).isEqualTo(T0.plusSeconds(2500));
        });
    }

    @Test
    void consecutiveAbnormalPointsAreOneAnomalyAndAFlatSeriesStaysQuiet() {
        List<MetricSample> series = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double v = i >= 40 && i < 45 ? 97 : 50;
            series.add(new MetricSample(T0.plusSeconds(10L * i), "db", "active_connections", v));
        }
        List<Anomaly> thresholds = Detector.detectMetrics(DetectorSettings.DEFAULTS, series).stream()
                .filter(a -> a.check().equals("static_threshold")).toList();
        assertThat(thresholds).hasSize(1);
        assertThat(thresholds.get(0).start()).isEqualTo(T0.plusSeconds(400));
        assertThat(thresholds.get(0).end()).isEqualTo(T0.plusSeconds(440));
        assertThat(thresholds.get(0).evidence()).containsEntry("points", 5);
        List<Anomaly> flat = Detector.detectMetrics(DetectorSettings.DEFAULTS, series.subList(0, 40));
        assertThat(flat).isEmpty();
    }

    @Test
    void pointsThatAreNotNumbersAreSkippedAndPoisonNothing() {
        List<MetricSample> clean = new ArrayList<>();
        List<MetricSample> dirty = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 600; i++) {
            MetricSample s = new MetricSample(T0.plusSeconds(10L * i), "api", "latency_ms_p95",
                    100 + r.nextGaussian() + (i >= 500 && i < 510 ? 80 : 0));
            clean.add(s);
            dirty.add(s);
            if (i % 50 == 7) {
                double bad = i % 100 == 7 ? Double.NaN : Double.POSITIVE_INFINITY;
                dirty.add(new MetricSample(s.time().plusSeconds(5), "api", "latency_ms_p95", bad));
            }
        }
        List<Anomaly> expected = Detector.detectMetrics(DetectorSettings.DEFAULTS, clean);
        assertThat(expected).as("the fault at point 500").isNotEmpty();
        assertThat(Detector.detectMetrics(DetectorSettings.DEFAULTS, dirty)).isEqualTo(expected);
    }

    @Test
    void newSettingsApplyFromNowOnAfterReadingTheHistorySilently() {
        List<MetricSample> calm = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calm.add(new MetricSample(T0.plusSeconds(10L * i), "api", "cpu_usage", 50 + (i % 5)));
        }
        List<MetricSample> hot = new ArrayList<>();
        for (int i = 300; i < 320; i++) {
            hot.add(new MetricSample(T0.plusSeconds(10L * i), "api", "cpu_usage", 97));
        }
        List<Anomaly> kept = new ArrayList<>();
        Detector unchanged = new Detector(DetectorSettings.DEFAULTS, kept::add);
        calm.forEach(unchanged::onSample);
        hot.forEach(unchanged::onSample);
        assertThat(kept).extracting(Anomaly::check).contains("static_threshold");

        List<Anomaly> found = new ArrayList<>();
        Detector d = new Detector(DetectorSettings.DEFAULTS, found::add);
        calm.forEach(d::onSample);
        d.reconfigure(DetectorSettings.DEFAULTS.toBuilder().thresholds(false).build(), calm);
        assertThat(found).as("reading the history reports nothing").isEmpty();
        hot.forEach(d::onSample);
        assertThat(found).extracting(Anomaly::check).doesNotContain("static_threshold").isNotEmpty();
        assertThat(found).as("the jump is still seen, at the same point as before")
                .anySatisfy(a -> assertThat(a.start()).isEqualTo(T0.plusSeconds(3000)));
    }
}
