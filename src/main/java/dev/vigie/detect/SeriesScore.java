package dev.vigie.detect;

import dev.vigie.config.DetectorSettings;

/** The combined anomaly score of one series, point by point, for callers outside the detector. */
public final class SeriesScore {
    private final SeriesScorer scorer;

    public SeriesScore(DetectorSettings settings) {
        this.scorer = new SeriesScorer(settings, 0);
    }

    /** @return the score of this point in [0, 1], from the points before it */
    public double next(long epochSecond, double value) {
        return scorer.score(epochSecond, value);
    }
}
