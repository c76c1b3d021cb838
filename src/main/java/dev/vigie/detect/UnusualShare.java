package dev.vigie.detect;

/**
 * The density check: how many of the last {@link #WINDOW} points were unusual — beyond their own
 * 99th percentile of residual — measured against how many usually are (the 99th percentile of that
 * count so far, never fewer than {@link #MIN_USUAL}). It sees a stretch that is off without any one
 * point being far off: a moderate, lasting degradation.
 */
final class UnusualShare {
    static final int WINDOW = 100;
    /** Fewer unusual points than this are never taken as many: 4 in 100 raised false alarms on calm simulated days, 5 and 6 none. */
    static final double MIN_USUAL = 6;

    private final boolean[] unusual = new boolean[WINDOW];
    private final TailQuantile usual;
    private int next;
    private int count;
    private long seen;

    UnusualShare(double quantile) {
        this.usual = new TailQuantile(quantile);
    }

    /**
     * @param unusualNow whether this point is beyond its residual's percentile
     * @return the count of unusual points among the last {@link #WINDOW}, this one included, over
     *     the usual count; 0 until a whole window precedes it
     */
    double ratio(boolean unusualNow) {
        if (unusual[next]) {
            count--;
        }
        unusual[next] = unusualNow;
        if (unusualNow) {
            count++;
        }
        next = next + 1 == WINDOW ? 0 : next + 1;
        if (++seen <= WINDOW + 1) {
            return 0;
        }
        double r = count / SeriesScorer.atLeast(usual.value(0), MIN_USUAL);
        usual.add(count);
        return r;
    }

    /** Unusual points among the last {@link #WINDOW}. */
    int count() {
        return count;
    }

    /** The usual count: the 99th percentile of the counts so far, never below {@link #MIN_USUAL}. */
    double usual() {
        return SeriesScorer.atLeast(usual.value(0), MIN_USUAL);
    }
}
