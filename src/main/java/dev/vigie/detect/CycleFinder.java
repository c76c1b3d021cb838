package dev.vigie.detect;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The period of a series, if it has one other than the day and the week, found once from the
 * autocorrelation of its first {@link #POINTS} points: the lag, after the correlation first falls
 * below zero, where it peaks highest, if that peak is at least {@link #MIN_CORRELATION}. A batch
 * every 20 minutes or an hourly job is then a baseline of its own ("the same point of its cycle").
 * Costs two Fourier transforms of 2,048 points, once per series.
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
    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);

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
        // every lag's sum of products at once, through the spectrum: zero-padded to twice the points, so
        // that it does not wrap (a direct sum over the lags cost 3 ms of each 25 ms re-detection)
        double[] padded = new double[2 * POINTS];
        for (int i = 0; i < POINTS; i++) {
            padded[i] = values[i] - mean;
        }
        Complex[] spectrum = FFT.transform(padded, TransformType.FORWARD);
        for (int i = 0; i < spectrum.length; i++) {
            double re = spectrum[i].getReal();
            double im = spectrum[i].getImaginary();
            spectrum[i] = new Complex(re * re + im * im);
        }
        Complex[] sums = FFT.transform(spectrum, TransformType.INVERSE);
        double variance = sums[0].getReal();
        if (variance <= 1e-12) {
            return 0;
        }
        boolean fell = false;
        int best = 0;
        double bestCorrelation = MIN_CORRELATION;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            // normalised by the whole variance: a long lag shares fewer pairs and is not favoured
            double r = sums[lag].getReal() / variance;
            fell |= r < 0;
            if (fell && r >= bestCorrelation) {
                best = lag;
                bestCorrelation = r;
            }
        }
        return best;
    }
}
