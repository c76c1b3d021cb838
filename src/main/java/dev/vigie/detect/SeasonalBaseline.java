package dev.vigie.detect;

import java.util.Arrays;

/**
 * What a series did at the same time of day (or week) on the last few periods: the median of the
 * values kept for the slot the time falls in. Slots are the series' own sampling interval, so a
 * missed point leaves a slot one period older instead of shifting every later one.
 */
final class SeasonalBaseline {
    private final long period;
    private final long step;
    private final int slots;
    /**
     * Per slot, its last {@code depth} values in one array, in no order (a median needs none): the
     * next one overwrites the oldest. NaN where none was seen yet, always after the values.
     */
    private final double[] values;
    /** Per slot, where its next value goes. */
    private final byte[] nextOf;
    private final int depth;
    private final double[] scratch;

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
        this.slots = slots;
        this.values = new double[slots * depth];
        Arrays.fill(values, Double.NaN);
        this.depth = depth;
        this.scratch = new double[depth];
        this.nextOf = new byte[slots];
    }

    private long lastTime = Long.MIN_VALUE;
    private int lastSlot;

    /** The slot of a time; one step after the last time asked is the next slot, without a division. */
    int slot(long epochSecond) {
        if (epochSecond - step == lastTime) {
            lastSlot = lastSlot + 1 == slots ? 0 : lastSlot + 1;
        } else {
            lastSlot = (int) (Math.floorMod(epochSecond, period) / step);
        }
        lastTime = epochSecond;
        return lastSlot;
    }

    /** The median of the slot's values, or NaN when it has none yet. */
    double expected(int slot) {
        int at = slot * depth;
        double a = values[at];
        if (depth == 1) {
            return a;
        }
        double b = values[at + 1];
        if (b != b) {
            return a; // one value (or none: NaN)
        }
        if (depth == 2 || values[at + 2] != values[at + 2]) {
            return (a + b) / 2;
        }
        double c = values[at + 2];
        if (depth == 3 || values[at + 3] != values[at + 3]) {
            return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }
        if (depth == 4) {
            // of four, the two that are neither the smallest nor the largest, without sorting
            double d = values[at + 3];
            return (Math.max(Math.min(a, b), Math.min(c, d)) + Math.min(Math.max(a, b), Math.max(c, d))) / 2;
        }
        return medianOfMany(at);
    }

    private double medianOfMany(int at) {
        int n = 0;
        while (n < depth && values[at + n] == values[at + n]) {
            scratch[n] = values[at + n];
            n++;
        }
        Arrays.sort(scratch, 0, n);
        return (n & 1) == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
    }

    void add(int slot, double value) {
        int k = nextOf[slot];
        values[slot * depth + k] = value;
        nextOf[slot] = (byte) (k + 1 == depth ? 0 : k + 1);
    }
}
