package dev.vigie.detect;

/**
 * A least-squares line through the last {@code capacity} points of a series, kept in O(1) per point
 * by running sums. The sums are taken relative to a base point and recomputed exactly from the
 * buffer once per {@code capacity} points, so rounding never accumulates.
 */
final class TrendFit {
    private final long[] times;
    private final double[] values;
    private int next;
    private int size;
    private int sinceReset;
    private long baseT;
    private double baseY;
    private double sx;
    private double sy;
    private double sxx;
    private double sxy;
    private double syy;

    TrendFit(int capacity) {
        times = new long[capacity];
        values = new double[capacity];
    }

    void add(long t, double y) {
        if (size == times.length) {
            remove(times[next], values[next]);
        } else {
            size++;
        }
        times[next] = t;
        values[next] = y;
        next = next + 1 == times.length ? 0 : next + 1;
        if (size == 1 || ++sinceReset >= times.length) {
            recompute(t, y);
        } else {
            include(t, y);
        }
    }

    boolean full() {
        return size == times.length;
    }

    int size() {
        return size;
    }

    /** Seconds from the oldest point to the newest. */
    long span() {
        return size == 0 ? 0 : times[newest()] - times[size == times.length ? next : 0];
    }

    /** The slope per second, or NaN when all points share one time. */
    double slope() {
        double cxx = sxx - sx * sx / size;
        return cxx <= 0 ? Double.NaN : (sxy - sx * sy / size) / cxx;
    }

    /** The line's value at the newest point's time. */
    double fittedNow() {
        double slope = slope();
        double mx = sx / size;
        double my = sy / size;
        return baseY + my + slope * (times[newest()] - baseT - mx);
    }

    /** The standard error of the slope; NaN with fewer than three points. */
    double slopeError() {
        double cxx = sxx - sx * sx / size;
        double cxy = sxy - sx * sy / size;
        double cyy = syy - sy * sy / size;
        double sse = Math.max(0, cyy - cxy * cxy / cxx);
        return size < 3 ? Double.NaN : Math.sqrt(sse / (size - 2) / cxx);
    }

    /** The largest value among the points older than the newest {@code recent}. */
    double maxBefore(int recent) {
        double max = Double.NEGATIVE_INFINITY;
        int oldest = size == times.length ? next : 0;
        for (int i = 0; i < size - recent; i++) {
            max = Math.max(max, values[(oldest + i) % times.length]);
        }
        return max;
    }

    private int newest() {
        return next == 0 ? times.length - 1 : next - 1;
    }

    private void include(long t, double y) {
        double x = t - baseT;
        double v = y - baseY;
        sx += x;
        sy += v;
        sxx += x * x;
        sxy += x * v;
        syy += v * v;
    }

    private void remove(long t, double y) {
        double x = t - baseT;
        double v = y - baseY;
        sx -= x;
        sy -= v;
        sxx -= x * x;
        sxy -= x * v;
        syy -= v * v;
    }

    private void recompute(long t, double y) {
        baseT = t;
        baseY = y;
        sx = sy = sxx = sxy = syy = 0;
        sinceReset = 0;
        for (int i = 0; i < size; i++) {
            include(times[i], values[i]);
        }
    }
}
