package dev.vigie.detect;

/**
 * At most {@link #MAX} anomalies a day (of event time) from one series' statistical checks. Past
 * that, a new stretch is raised only if it starts stronger than the strongest of the day: a bursty
 * series that keeps crossing its own percentile alarms four times, not forty, while a fault worse
 * than everything seen that day still gets through. The statistical checks learn what is usual as
 * they go; this bounds what they cost while they learn a series they have not seen.
 */
final class DailyCap {
    static final int MAX = 4;
    private static final long DAY = 86_400;

    private long day = Long.MIN_VALUE;
    private int raised;
    private double strongest;

    /** A stretch starting now with this score may be raised. */
    boolean allows(long epochSecond, double score) {
        roll(epochSecond);
        return raised < MAX || score > strongest;
    }

    /** A point of a stretch that was let through: the strongest of the day is the strongest of them. */
    void seen(long epochSecond, double score) {
        roll(epochSecond);
        strongest = Math.max(strongest, score);
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
