package dev.vigie.detect;

/**
 * Every hyper-parameter of the metric checks; a new value re-runs detection. The defaults are the
 * one configuration that {@code vigie score} runs on every NAB series.
 *
 * @param zThreshold   rolling z-score beyond which a point is abnormal for the rolling z-score check
 * @param window       points in the rolling window (rolling z-score)
 * @param thresholds   whether static thresholds apply
 * @param robustWindow points of the rolling median baseline
 * @param errorAlpha   weight of the newest error in each baseline's running mean absolute error
 * @param quantile     the percentile of its own past z that each check's z is measured against
 * @param warmUp       points a series is watched before it is scored
 * @param seasonDays   days of the daily baseline (the median of that many same-time values)
 * @param globalWeight weight of the global z-score in the combined score
 * @param rollingWeight weight of the rolling z-score in the combined score
 * @param changeWeight weight of the rate of change (z-score of the delta) in the combined score
 * @param shiftWeight  combined-score ratio per range-width that a value lies beyond every value seen
 * @param densityWeight weight of the density check (unusual points among the last 100, over their usual count)
 * @param alertScore   combined score from which a point is abnormal
 * @param minPoints    abnormal points in a row before an anomaly is raised
 * @param clearPoints  normal points in a row before a raised anomaly ends (hysteresis)
 * @param forecastWindow  points the saturation forecast fits its trend line through
 * @param forecastMinutes how far ahead a predicted crossing of a ceiling raises a predictive anomaly
 */
public record DetectorSettings(double zThreshold, int window, boolean thresholds, int robustWindow, double errorAlpha,
                               double quantile, int warmUp, int seasonDays, double globalWeight, double rollingWeight,
                               double changeWeight, double shiftWeight, double densityWeight, double alertScore, int minPoints,
                               int clearPoints, int forecastWindow, int forecastMinutes) {
    public static final DetectorSettings DEFAULTS = new DetectorSettings(5.0, 60, true, 24, 0.02, 0.99, 150, 3, 1, 0,
            0.2, 20, 3, 0.75, 2, 6, 60, 360);

    public DetectorSettings {
        if (zThreshold <= 0 || window < RollingZScoreCheck.MIN_POINTS) {
            throw new IllegalArgumentException("need zThreshold > 0 and window >= " + RollingZScoreCheck.MIN_POINTS);
        }
        if (robustWindow < 8 || errorAlpha <= 0 || errorAlpha > 1 || quantile <= 0.5 || quantile >= 1 || warmUp < 0
                || seasonDays < 1 || alertScore <= 0 || alertScore >= 1 || minPoints < 1 || clearPoints < 1
                || forecastWindow < 8 || forecastMinutes < 1) {
            throw new IllegalArgumentException("detector settings out of range: " + this);
        }
    }

    /** The defaults with the three parameters of the simulation panel's first sliders. */
    public static DetectorSettings of(double zThreshold, int window, boolean thresholds) {
        DetectorSettings d = DEFAULTS;
        return new DetectorSettings(zThreshold, window, thresholds, d.robustWindow, d.errorAlpha, d.quantile, d.warmUp,
                d.seasonDays, d.globalWeight, d.rollingWeight, d.changeWeight, d.shiftWeight, d.densityWeight, d.alertScore,
                d.minPoints, d.clearPoints, d.forecastWindow, d.forecastMinutes);
    }
}
