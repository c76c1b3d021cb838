package dev.vigie.detect;

/**
 * The global z-score check: how far a value lies from the mean of everything before it, in
 * standard deviations of that whole history. Mean and variance are updated in place (Welford), so
 * a long history costs nothing to keep.
 */
final class GlobalZScore {
    /** The smallest spread believed: a flat history is not infinitely surprised by a small move. */
    private final double spreadFloor;
    private long n;
    private double mean;
    private double m2;

    GlobalZScore(double spreadFloor) {
        this.spreadFloor = spreadFloor;
    }

    /** @return the z of {@code v} against the values added so far; 0 before two of them */
    double z(double v) {
        if (n < 2) {
            return 0;
        }
        return Math.abs(v - mean) / SeriesScorer.atLeast(std(), spreadFloor);
    }

    void add(double v) {
        n++;
        double d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
    }

    double mean() {
        return mean;
    }

    /** The sample standard deviation of the values added so far. */
    double std() {
        return n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    }
}
