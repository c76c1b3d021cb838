package dev.vigie.detect;

/**
 * The last points of a series before the one being checked (a ring buffer), with their mean and
 * standard deviation kept up to date in O(1) per point. Sums are taken around a shift (the first
 * value, then the mean) so that a series far from zero with little spread keeps its precision, and
 * recomputed exactly once per turn of the buffer so that rounding does not drift.
 */
final class SeriesWindow {
    private final double[] values;
    private int size;
    private int next;
    private double shift = Double.NaN;
    private double sum;
    private double sumSq;
    private int sinceExact;

    SeriesWindow(int capacity) {
        values = new double[capacity];
    }

    void add(double v) {
        if (Double.isNaN(shift)) {
            shift = v;
        }
        if (size == values.length) {
            double old = values[next] - shift;
            sum -= old;
            sumSq -= old * old;
        } else {
            size++;
        }
        values[next] = v;
        double d = v - shift;
        sum += d;
        sumSq += d * d;
        next = next + 1 == values.length ? 0 : next + 1;
        if (++sinceExact >= values.length) {
            recompute();
        }
    }

    private void recompute() {
        sinceExact = 0;
        shift = mean(); // re-anchored where the series is now, as after a level shift
        sum = 0;
        sumSq = 0;
        for (int i = 0; i < size; i++) {
            double d = values[i] - shift;
            sum += d;
            sumSq += d * d;
        }
    }

    int size() {
        return size;
    }

    double mean() {
        return shift + sum / size;
    }

    /** The sample standard deviation; {@code mean} is this window's mean. */
    double std(double mean) {
        if (size < 2) {
            return 0;
        }
        double m = sum / size;
        double var = (sumSq - size * m * m) / (size - 1);
        return var > 0 ? Math.sqrt(var) : 0;
    }
}
