package dev.vigie.detect;

/**
 * What a series did at the same time of day (or week) on the last few periods: the median of the
 * values kept for the slot the time falls in. Slots are the series' own sampling interval, so a
 * missed point leaves a slot one period older instead of shifting every later one.
 */
final class SeasonalBaseline {
    private final long period;
    private final long step;
    private final double[][] slots;
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
        this.slots = new double[slots][depth];
        this.counts = new int[slots];
        this.depth = depth;
    }

    int slot(long epochSecond) {
        return (int) (Math.floorMod(epochSecond, period) / step);
    }

    boolean has(int slot) {
        return counts[slot] > 0;
    }

    double expected(int slot) {
        double[] v = slots[slot];
        int n = Math.min(counts[slot], depth);
        if (n == 1) {
            return v[0];
        }
        if (n == 2) {
            return (v[0] + v[1]) / 2;
        }
        // depth 3 and beyond: the median of the three most recent periods
        double a = v[0], b = v[1], c = v[2];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    void add(int slot, double value) {
        double[] v = slots[slot];
        System.arraycopy(v, 0, v, 1, depth - 1);
        v[0] = value;
        counts[slot]++;
    }
}
