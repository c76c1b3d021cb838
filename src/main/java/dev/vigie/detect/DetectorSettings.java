package dev.vigie.detect;

/**
 * Every hyper-parameter of the metric checks; a new value re-runs detection.
 *
 * @param zThreshold  rolling z-score beyond which a point is abnormal
 * @param window      points in the rolling window
 * @param thresholds  whether static thresholds apply
 */
public record DetectorSettings(double zThreshold, int window, boolean thresholds) {
    public static final DetectorSettings DEFAULTS = new DetectorSettings(5.0, 60, true);

    public DetectorSettings {
        if (zThreshold <= 0 || window < RollingZScoreCheck.MIN_POINTS) {
            throw new IllegalArgumentException("need zThreshold > 0 and window >= " + RollingZScoreCheck.MIN_POINTS);
        }
    }
}
