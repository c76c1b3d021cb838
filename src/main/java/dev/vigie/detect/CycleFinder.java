package dev.vigie.detect;

/**
 * The period of a series, if it has one other than the day and the week, found once from the
 * autocorrelation of its first {@link #POINTS} points: the lag, after the correlation first falls
 * below zero, where it peaks highest, if that peak is at least {@link #MIN_CORRELATION}. A batch
 * every 20 minutes or an hourly job is then a baseline of its own ("the same point of its cycle").
 * Costs one pass over the lags, once per series.
 */
final class CycleFinder {
    static final int POINTS = 1_024;
    /**
     * A period whose cycles agree this well. 0.5 was tried first: it found a one-hour swing in a
     * misconfigured service's CPU, which then hid the misconfiguration (NAB standard 72.7 → 67.8).
     */
    static final double MIN_CORRELATION = 0.8;
    /** At least three cycles in the points looked at. */
    private static final int MAX_LAG = POINTS / 3;
    private static final int MIN_LAG = 3;

    private final double[] values = new double[POINTS];
    private int n;

    /** @return false while it still collects points; then {@link #period()} is known */
    boolean add(double v) {
        if (n < POINTS) {
            values[n++] = v;
        }
        return n == POINTS;
    }

    /** The period in points, or 0 when the series has none. */
    int period() {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= POINTS;
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        if (variance <= 0) {
            return 0;
        }
        boolean fell = false;
        int best = 0;
        double bestCorrelation = MIN_CORRELATION;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            double sum = 0;
            for (int i = 0; i + lag < POINTS; i++) {
                sum += (values[i] - mean) * (values[i + lag] - mean);
            }
            // normalised by the whole variance: a long lag shares fewer pairs and is not favoured
            double r = sum / variance;
            fell |= r < 0;
            if (fell && r >= bestCorrelation) {
                best = lag;
                bestCorrelation = r;
            }
        }
        return best;
    }
}
