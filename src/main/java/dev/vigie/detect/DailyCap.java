package dev.vigie.detect;

/**
 * At most {@link #MAX} anomalies a day (of event time) from one series' statistical checks. Past
 * that, a new stretch is raised only if it starts clearly further from what was expected than any
 * point let through that day (in the series' own units; scores near 1 do not compare): a bursty
 * series that keeps crossing its own percentile alarms four times, not forty, while a fault worse
 * than everything seen that day still gets through. The statistical checks learn what is usual as
 * they go; this bounds what they cost while they learn a series they have not seen.
 */
final class DailyCap {
    static final int MAX = 4;
    private static final long DAY = 86_400;
    /** Further by a tenth: the same burst again is never further by chance. */
    private static final double CLEARLY = 1.1;

    private long day = Long.MIN_VALUE;
    private int raised;
    private double strongest;

    /** A stretch starting now this far from the expected value may be raised. */
    boolean allows(long epochSecond, double deviation) {
        roll(epochSecond);
        return raised < MAX || deviation > strongest * CLEARLY;
    }

    /** A point of a stretch that was let through: the strongest of the day is the strongest of them. */
    void seen(long epochSecond, double deviation) {
        roll(epochSecond);
        strongest = Math.max(strongest, deviation);
    }

    void raised(long epochSecond) {
        roll(epochSecond);
        raised++;
    }

    private void roll(long epochSecond) {
        long d = Math.floorDiv(epochSecond, DAY);
        if (d != day) {
            day = d;
            raised = 0;
            strongest = 0;
        }
    }
}
