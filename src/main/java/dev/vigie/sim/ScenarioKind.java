package dev.vigie.sim;

import static dev.vigie.sim.SimMetric.CONNECTIONS;
import static dev.vigie.sim.SimMetric.CPU;
import static dev.vigie.sim.SimMetric.DISK;
import static dev.vigie.sim.SimMetric.ERROR_RATE;
import static dev.vigie.sim.SimMetric.LATENCY_P50;
import static dev.vigie.sim.SimMetric.LATENCY_P95;
import static dev.vigie.sim.SimMetric.MEMORY;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The faults the simulator can inject. Each moves the metrics of its service (and, for a slow
 * query, the latency of the services that call it) from the moment it starts: most reach their
 * full effect within {@link #RAMP_SECONDS}; a leak and a filling disk grow for as long as they last.
 */
public enum ScenarioKind {
    CPU_SATURATION("CPU saturation", EnumSet.of(CPU, LATENCY_P50, LATENCY_P95), Set.of()) {
        @Override
        void apply(double[] v, boolean target, double elapsed) {
            double r = ramp(elapsed);
            v[CPU.ordinal()] += (97 - v[CPU.ordinal()]) * r;
            v[LATENCY_P50.ordinal()] *= 1 + 0.8 * r;
            v[LATENCY_P95.ordinal()] *= 1 + 2.0 * r;
        }
    },
    MEMORY_LEAK("memory leak", EnumSet.of(MEMORY), Set.of()) {
        @Override
        void apply(double[] v, boolean target, double elapsed) {
            v[MEMORY.ordinal()] += 1.5 * elapsed / 60; // 1.5 % a minute until the process is restarted
        }
    },
    LATENCY_SPIKE("latency spike", EnumSet.of(LATENCY_P50, LATENCY_P95), Set.of()) {
        @Override
        void apply(double[] v, boolean target, double elapsed) {
            double r = ramp(elapsed);
            v[LATENCY_P50.ordinal()] *= 1 + 1.5 * r;
            v[LATENCY_P95.ordinal()] *= 1 + 4.0 * r;
        }
    },
    CONNECTION_STORM("connection storm", EnumSet.of(CONNECTIONS), Set.of()) {
        @Override
        void apply(double[] v, boolean target, double elapsed) {
            double r = ramp(elapsed);
            v[CONNECTIONS.ordinal()] += 60 * r;
            v[CPU.ordinal()] += 8 * r;
        }
    },
    SLOW_QUERY("slow query", EnumSet.of(LATENCY_P50, LATENCY_P95, CONNECTIONS), EnumSet.of(LATENCY_P95)) {
        @Override
        void apply(double[] v, boolean target, double elapsed) {
            double r = ramp(elapsed);
            if (target) {
                v[LATENCY_P50.ordinal()] *= 1 + 3 * r;
                v[LATENCY_P95.ordinal()] *= 1 + 8 * r;
                v[CONNECTIONS.ordinal()] += 25 * r;
                v[CPU.ordinal()] += 10 * r;
            } else {
                // a caller waits on the database: its tail latency rises with it
                v[LATENCY_P50.ordinal()] *= 1 + 0.8 * r;
                v[LATENCY_P95.ordinal()] *= 1 + 3 * r;
            }
        }
    },
    DISK_FILLING("disk filling", EnumSet.of(DISK), Set.of()) {
        @Override
        void apply(double[] v, boolean target, double elapsed) {
            v[DISK.ordinal()] += 0.25 * elapsed / 60; // a runaway log: 0.25 % a minute
        }
    },
    BAD_DEPLOY("bad deploy", EnumSet.of(ERROR_RATE), Set.of()) {
        @Override
        void apply(double[] v, boolean target, double elapsed) {
            double r = ramp(elapsed);
            v[ERROR_RATE.ordinal()] += 12 * r;
            v[LATENCY_P95.ordinal()] *= 1 + 0.3 * r;
            v[CPU.ordinal()] += 5 * r;
        }
    };

    /** Seconds a stepped fault takes to reach its full effect: two simulator steps. */
    static final double RAMP_SECONDS = 20;

    private final String label;
    private final Set<SimMetric> moves;
    private final Set<SimMetric> movesCallers;

    ScenarioKind(String label, Set<SimMetric> moves, Set<SimMetric> movesCallers) {
        this.label = label;
        this.moves = moves;
        this.movesCallers = movesCallers;
    }

    /** Moves the values of one service at {@code elapsed} seconds into the fault; {@code target} is false for a caller. */
    abstract void apply(double[] v, boolean target, double elapsed);

    /** Whether the fault moves the services that call its target. */
    boolean reachesCallers() {
        return !movesCallers.isEmpty();
    }

    /** The metrics of the target (or of a caller) that the fault is expected to make abnormal: the ground truth. */
    Set<SimMetric> moved(boolean target) {
        return target ? moves : movesCallers;
    }

    public String label() {
        return label;
    }

    /** {@code connection_storm}, as scripts and the command line name it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScenarioKind byKey(String key) {
        try {
            return valueOf(key.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scenario '" + key + "'; known: " + keys(), e);
        }
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (ScenarioKind k : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(k.key());
        }
        return b.toString();
    }

    private static double ramp(double elapsed) {
        return Math.min(1.0, elapsed / RAMP_SECONDS);
    }
}
