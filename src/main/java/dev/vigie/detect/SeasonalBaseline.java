package dev.vigie.detect;

/**
 * What a series did at the same time of day (or week) on the last few periods: the median of the
 * values kept for the slot the time falls in. Slots are the series' own sampling interval, so a
 * missed point leaves a slot one period older instead of shifting every later one.
 */
final class SeasonalBaseline {
    private final long period;
    private final long step;
    /** Per slot, {@code depth} values, newest first, in one array. */
    private final double[] values;
    private final int[] counts;
    private final int depth;

    /** @return a baseline, or null when the period does not hold a whole, sensible number of steps */
    static SeasonalBaseline of(long periodSeconds, long stepSeconds, int depth, int maxSlots) {
        if (stepSeconds <= 0 || periodSeconds % stepSeconds != 0) {
            return null;
        }
        long n = periodSeconds / stepSeconds;
        return n < 4 || n > maxSlots ? null : new SeasonalBaseline(periodSeconds, stepSeconds, (int) n, depth);
    }

    private SeasonalBaseline(long period, long step, int slots, int depth) {
        this.period = period;
        this.step = step;
        this.values = new double[slots * depth];
        this.counts = new int[slots];
        this.depth = depth;
    }

    private long lastTime = Long.MIN_VALUE;
    private int lastSlot;

    /** The slot of a time; one step after the last time asked is the next slot, without a division. */
    int slot(long epochSecond) {
        if (epochSecond - step == lastTime) {
            lastSlot = lastSlot + 1 == counts.length ? 0 : lastSlot + 1;
        } else {
            lastSlot = (int) (Math.floorMod(epochSecond, period) / step);
        }
        lastTime = epochSecond;
        return lastSlot;
    }

    boolean has(int slot) {
        return counts[slot] > 0;
    }

    double expected(int slot) {
        int at = slot * depth;
        int n = Math.min(counts[slot], depth);
        if (n == 1) {
            return values[at];
        }
        if (n == 2) {
            return (values[at] + values[at + 1]) / 2;
        }
        // depth 3 and beyond: the median of the three most recent periods
        double a = values[at], b = values[at + 1], c = values[at + 2];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    void add(int slot, double value) {
        int at = slot * depth;
        for (int i = depth - 1; i > 0; i--) {
            values[at + i] = values[at + i - 1];
        }
        values[at] = value;
        counts[slot]++;
    }
}
