package dev.vigie.sim;

import dev.vigie.event.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated service metrics as a pure function of the seed, the scenarios and the event time. Every
 * service reports the eight {@link SimMetric}s. Load follows the time of day, is lower at the
 * weekend, drifts slowly over the quarter and wanders a little from hour to hour; it drives
 * requests, CPU, latency and connections together. Memory and disk have their own slow drift. The
 * same seed and time always give the same values, whatever was asked before.
 *
 * <p>Scenarios are injected by script or on demand ({@link #inject}); each is kept as the ground
 * truth that detections are counted against ({@link #truth}).
 */
public final class MetricSimulator {
    public static final Duration STEP = Duration.ofSeconds(10);
    /** Seconds between the knots of the slow wander; between knots it is interpolated smoothly. */
    private static final long KNOT_SECONDS = 600;

    //                     requests cpu  memory p50   p95   errors conns disk
    static final List<SimService> SERVICES = List.of(
            new SimService("api",
                    new double[] {8, 20, 55, 35, 80, 0.5, 20, 48},
                    new double[] {40, 25, 3, 25, 70, 0.3, 30, 0},
                    new double[] {2.5, 2, 0.6, 2, 6, 0.15, 2, 0.02}, 0.15, List.of("billing", "postgresql")),
            new SimService("billing",
                    new double[] {2, 12, 58, 60, 140, 0.3, 5, 35},
                    new double[] {10, 10, 4, 20, 60, 0.1, 10, 0},
                    new double[] {0.8, 1.5, 0.8, 3, 9, 0.1, 1, 0.02}, 0.1, List.of("postgresql")),
            new SimService("postgresql",
                    new double[] {50, 10, 70, 2, 8, 0.05, 14, 62},
                    new double[] {250, 20, 2, 3, 12, 0.02, 14, 0},
                    new double[] {12, 1.5, 0.4, 0.15, 0.8, 0.03, 1.5, 0.02}, 0.3, List.of()));

    /** Faults that match the incidents embedded in the sample logs, so the replayed day is coherent. */
    public static final List<Scenario> SAMPLE_DAY = List.of(
            new Scenario(ScenarioKind.CONNECTION_STORM, "postgresql",
                    Instant.parse("2026-03-14T08:19:20Z"), Instant.parse("2026-03-14T08:26:00Z")),
            new Scenario(ScenarioKind.SLOW_QUERY, "postgresql",
                    Instant.parse("2026-03-14T08:19:40Z"), Instant.parse("2026-03-14T08:26:00Z")),
            new Scenario(ScenarioKind.MEMORY_LEAK, "billing",
                    Instant.parse("2026-03-14T09:25:00Z"), Instant.parse("2026-03-14T09:50:10Z")),
            new Scenario(ScenarioKind.BAD_DEPLOY, "api",
                    Instant.parse("2026-03-14T10:30:00Z"), Instant.parse("2026-03-14T10:34:00Z")));

    private final long seed;
    private volatile List<Scenario> scenarios;

    public MetricSimulator(long seed, List<Scenario> scenarios) {
        this.seed = seed;
        scenarios.forEach(this::checkService);
        this.scenarios = List.copyOf(scenarios);
    }

    /** The scenarios injected so far, in the order they were: the ground truth. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Injects a fault on demand; it moves the values from its start on. */
    public synchronized void inject(Scenario scenario) {
        checkService(scenario);
        List<Scenario> next = new ArrayList<>(scenarios);
        next.add(scenario);
        scenarios = List.copyOf(next);
    }

    private static List<String> services() {
        return SERVICES.stream().map(SimService::name).toList();
    }

    /** The series ({@code service/metric}) a scenario is expected to make abnormal. */
    public static List<String> truth(Scenario sc) {
        List<String> out = new ArrayList<>();
        for (SimService s : SERVICES) {
            boolean target = s.name().equals(sc.service());
            if (target || sc.kind().reachesCallers() && s.calls().contains(sc.service())) {
                for (SimMetric m : sc.kind().moved(target)) {
                    out.add(s.name() + "/" + m.metric);
                }
            }
        }
        return out;
    }

    /** Every series at time {@code t} (aligned to {@link #STEP} by the caller). */
    public List<MetricSample> at(Instant t) {
        List<Scenario> active = new ArrayList<>(2);
        for (Scenario sc : scenarios) {
            if (sc.activeAt(t)) {
                active.add(sc);
            }
        }
        long second = t.getEpochSecond();
        double load = load(t);
        double[] v = new double[SimMetric.ALL.length];
        List<MetricSample> out = new ArrayList<>(SERVICES.size() * v.length);
        for (int i = 0; i < SERVICES.size(); i++) {
            SimService s = SERVICES.get(i);
            double serviceLoad = load * (1 + 0.04 * wander(i, 99, second));
            for (SimMetric m : SimMetric.ALL) {
                int k = m.ordinal();
                double drift = m == SimMetric.DISK ? s.diskPerDay() * diskDays(second)
                        : m == SimMetric.MEMORY ? 0.6 * wander(i, k, second) : 0;
                v[k] = s.idle()[k] + s.perLoad()[k] * serviceLoad + drift + s.noise()[k] * gaussian(i, k, second);
            }
            for (Scenario sc : active) {
                boolean target = sc.service().equals(s.name());
                if (target || sc.kind().reachesCallers() && s.calls().contains(sc.service())) {
                    sc.kind().apply(v, target, sc.elapsedSeconds(t));
                }
            }
            v[SimMetric.LATENCY_P95.ordinal()] = Math.max(v[SimMetric.LATENCY_P95.ordinal()], v[SimMetric.LATENCY_P50.ordinal()]);
            for (SimMetric m : SimMetric.ALL) {
                double x = Math.max(m.min, Math.min(m.max, v[m.ordinal()]));
                out.add(new MetricSample(t, s.name(), m.metric, Math.round(x * 100) / 100.0));
            }
        }
        return out;
    }

    /**
     * Load in about [0.3, 1.1]: quiet at night, busiest mid-afternoon (UTC), a quarter lower at the
     * weekend, and a slow swell of ±8 % over a quarter of a year.
     */
    static double load(Instant t) {
        long second = t.getEpochSecond();
        double hour = Math.floorMod(second, 86_400) / 3600.0;
        double daily = 0.7 + 0.3 * Math.sin(2 * Math.PI * (hour - 9) / 24);
        double quarter = 1 + 0.08 * Math.sin(2 * Math.PI * second / (91 * 86_400.0));
        return daily * (1 - 0.25 * weekend(second)) * quarter;
    }

    /** 0 on weekdays, 1 on Saturday and Sunday, with four-hour transitions around midnight. */
    static double weekend(long second) {
        // 1970-01-01 was a Thursday: shift so that 0 is Monday 00:00
        double h = Math.floorMod(second + 3 * 86_400L, 7 * 86_400L) / 3600.0;
        if (h < 118) {
            return 0;
        }
        if (h < 122) {
            return smooth((h - 118) / 4);
        }
        return h < 164 ? 1 : smooth((168 - h) / 4);
    }

    /** Disk fills and is cleaned up over eight weeks: at most a few tenths of a percent a day. */
    private static double diskDays(long second) {
        double days = second / 86_400.0;
        return 28 * (1 - Math.cos(2 * Math.PI * days / 56)) / 2;
    }

    /** Smooth noise of unit scale, the same for the same series and time: knots joined by a smoothstep. */
    private double wander(int service, int metric, long second) {
        long knot = Math.floorDiv(second, KNOT_SECONDS);
        double f = smooth((second - knot * KNOT_SECONDS) / (double) KNOT_SECONDS);
        double a = gaussian(service, 1000 + metric, knot);
        double b = gaussian(service, 1000 + metric, knot + 1);
        return a + (b - a) * f;
    }

    private double gaussian(int service, int stream, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + service * 1_000_003L + stream * 7_919L
                + index * 0xC2B2AE3D27D4EB4FL).nextGaussian();
    }

    private static double smooth(double x) {
        return x * x * (3 - 2 * x);
    }

    private void checkService(Scenario sc) {
        if (SERVICES.stream().noneMatch(s -> s.name().equals(sc.service()))) {
            throw new IllegalArgumentException("no simulated service '" + sc.service() + "'; known: " + services());
        }
    }

    public static Instant alignToStep(Instant t) {
        long step = STEP.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), step) * step);
    }
}
