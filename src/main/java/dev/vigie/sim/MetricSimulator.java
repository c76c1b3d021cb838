package dev.vigie.sim;

import dev.vigie.event.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated service metrics as a pure function of the seed and the event time: daily seasonality
 * of load, load driving CPU, latency and connections, noise, and the injected scenarios. The same
 * seed and time always give the same value, whatever was asked before.
 */
public final class MetricSimulator {
    public static final Duration STEP = Duration.ofSeconds(10);

    private record Series(String service, String metric, double base, double perLoad, double noise,
                          double min, double max) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("api", "requests_per_s", 8, 40, 2.5, 0, Double.MAX_VALUE),
            new Series("api", "cpu_usage", 20, 25, 2, 0, 100),
            new Series("api", "latency_ms_p95", 90, 60, 6, 1, Double.MAX_VALUE),
            new Series("api", "error_rate", 0.5, 0.3, 0.15, 0, 100),
            new Series("billing", "cpu_usage", 12, 10, 1.5, 0, 100),
            new Series("billing", "memory_usage", 58, 4, 0.8, 0, 100),
            new Series("postgresql", "active_connections", 14, 14, 1.5, 0, 100),
            new Series("postgresql", "cpu_usage", 10, 20, 1.5, 0, 100));

    /** Faults that match the incidents embedded in the sample logs, so the replayed day is coherent. */
    public static final List<Scenario> SAMPLE_DAY = List.of(
            new Scenario("connection storm", "postgresql", "active_connections",
                    Instant.parse("2026-03-14T08:19:20Z"), Instant.parse("2026-03-14T08:26:00Z"), 72, 40),
            new Scenario("slow queries", "api", "latency_ms_p95",
                    Instant.parse("2026-03-14T08:19:40Z"), Instant.parse("2026-03-14T08:26:00Z"), 2400, 30),
            new Scenario("memory leak", "billing", "memory_usage",
                    Instant.parse("2026-03-14T09:25:00Z"), Instant.parse("2026-03-14T09:50:12Z"), 40, 1500),
            new Scenario("bad deploy", "api", "error_rate",
                    Instant.parse("2026-03-14T10:30:00Z"), Instant.parse("2026-03-14T10:34:00Z"), 35, 20));

    private final long seed;
    private final List<Scenario> scenarios;

    public MetricSimulator(long seed, List<Scenario> scenarios) {
        this.seed = seed;
        this.scenarios = List.copyOf(scenarios);
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Every series at time {@code t} (aligned to {@link #STEP} by the caller). */
    public List<MetricSample> at(Instant t) {
        double load = load(t);
        List<MetricSample> out = new ArrayList<>(SERIES.size());
        for (int i = 0; i < SERIES.size(); i++) {
            Series s = SERIES.get(i);
            SplittableRandom r = new SplittableRandom(seed * 31 + i * 1_000_003L + t.getEpochSecond() * 0x9E3779B97F4A7C15L);
            double v = s.base() + s.perLoad() * load + s.noise() * r.nextGaussian();
            for (Scenario sc : scenarios) {
                if (sc.service().equals(s.service()) && sc.metric().equals(s.metric())) {
                    v += sc.effectAt(t);
                }
            }
            v = Math.max(s.min(), Math.min(s.max(), v));
            out.add(new MetricSample(t, s.service(), s.metric(), Math.round(v * 100) / 100.0));
        }
        return out;
    }

    /** Load in [0.4, 1.0]: quiet at night, busiest mid-afternoon (UTC). */
    static double load(Instant t) {
        double hour = t.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 3600.0;
        return 0.7 + 0.3 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    }

    public static Instant alignToStep(Instant t) {
        long step = STEP.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), step) * step);
    }
}
