package dev.vigie.bench;

import dev.vigie.config.DetectorSettings;
import dev.vigie.detect.SeriesScore;

/**
 * The anomaly score of one series as {@code vigie score} writes it: the combined score of every
 * check, reported once per rise ({@link ReportGate}), so that a reader who applies any threshold
 * sees an anomaly when it starts and not at each of its points.
 */
public final class ReportedScores {
    /** Points after a report during which only a clearly higher score is reported again. */
    static final int HOLD = 100;
    static final double RISE = 1.1;

    private final SeriesScore scorer;
    private final ReportGate gate = new ReportGate(HOLD, RISE);

    public ReportedScores(DetectorSettings settings) {
        this.scorer = new SeriesScore(settings);
    }

    /** @return the reported score of this point, in [0, 1) */
    public double next(long epochSecond, double value) {
        return gate.pass(scorer.next(epochSecond, value));
    }
}
