package dev.vigie.detect;

/**
 * A high quantile of every non-negative value seen so far, kept in O(1) per value: counts in
 * quarter-octave bins (from the double's exponent and top two mantissa bits, no logarithm), and the
 * bin holding the quantile moved up or down as counts arrive. Answers the bin's upper edge, so it
 * is never below the true quantile by more than a quarter octave.
 */
final class TailQuantile {
    private static final int MIN_EXPONENT = -20;
    private static final int BINS = 4 * 61;
    private static final double[] UPPER = new double[BINS];
    private static final double[] INVERSE = new double[BINS];

    static {
        for (int b = 0; b < BINS; b++) {
            UPPER[b] = Math.scalb(1 + ((b & 3) + 1) / 4.0, b / 4 + MIN_EXPONENT);
            INVERSE[b] = 1 / UPPER[b];
        }
    }

    private final double tail;
    private final int[] counts = new int[BINS];
    private long total;
    private int bin;
    /** Values in bins above {@link #bin}. */
    private long above;

    /** @param quantile e.g. 0.99 */
    TailQuantile(double quantile) {
        this.tail = 1 - quantile;
    }

    void add(double v) {
        int b = bin(v);
        counts[b]++;
        total++;
        if (b > bin) {
            above++;
        }
        double need = tail * total;
        if (above >= need || above + counts[bin] < need) {
            move(need); // rare: kept out of the per-point path
        }
    }

    private void move(double need) {
        while (above >= need && bin < BINS - 1) {
            bin++;
            above -= counts[bin];
        }
        while (above + counts[bin] < need && bin > 0) {
            above += counts[bin];
            bin--;
        }
    }

    /** The quantile, or {@code fallback} before anything was seen. */
    double value(double fallback) {
        return total == 0 ? fallback : UPPER[bin];
    }

    /**
     * 1 / max(quantile, floor) given 1 / floor, or 1 / floor before anything was seen: the caller
     * multiplies instead of dividing at every point.
     */
    double inverseAtLeast(double inverseFloor) {
        double inverse = INVERSE[bin];
        return total == 0 || inverse > inverseFloor ? inverseFloor : inverse;
    }

    static int bin(double v) {
        if (!(v > 0)) {
            return 0;
        }
        long bits = Double.doubleToRawLongBits(v);
        int exponent = Math.getExponent(v);
        int b = (exponent - MIN_EXPONENT) * 4 + (int) ((bits >>> 50) & 3);
        return b < 0 ? 0 : Math.min(b, BINS - 1);
    }
}
