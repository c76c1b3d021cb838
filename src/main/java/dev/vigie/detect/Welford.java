package dev.vigie.detect;

/** Mean and variance of everything seen, updated in place (Welford), so a long history costs nothing to keep. */
final class Welford {
    private long n;
    private double mean;
    private double m2;

    void add(double v) {
        n++;
        double d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
    }

    long count() {
        return n;
    }

    double mean() {
        return mean;
    }

    double std() {
        return n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    }
}
