package dev.vigie.config;

/**
 * Every hyper-parameter of the metric checks; a new value re-runs detection. The defaults, declared
 * once in {@link Builder}, are the one configuration that {@code vigie score} runs on every NAB
 * series. Change one value with {@code DEFAULTS.toBuilder().window(90).build()}.
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
    /** The rolling z-score needs this many points in its window before it says anything. */
    public static final int MIN_WINDOW = 10;
    public static final DetectorSettings DEFAULTS = new Builder().build();

    public DetectorSettings {
        if (zThreshold <= 0 || window < MIN_WINDOW) {
            throw new IllegalArgumentException("need zThreshold > 0 and window >= " + MIN_WINDOW);
        }
        if (robustWindow < 8 || errorAlpha <= 0 || errorAlpha > 1 || quantile <= 0.5 || quantile >= 1 || warmUp < 0
                || seasonDays < 1 || seasonDays > 100 || alertScore <= 0 || alertScore >= 1 || minPoints < 1 || clearPoints < 1
                || forecastWindow < 8 || forecastMinutes < 1) {
            throw new IllegalArgumentException("detector settings out of range: " + this);
        }
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.zThreshold = zThreshold;
        b.window = window;
        b.thresholds = thresholds;
        b.robustWindow = robustWindow;
        b.errorAlpha = errorAlpha;
        b.quantile = quantile;
        b.warmUp = warmUp;
        b.seasonDays = seasonDays;
        b.globalWeight = globalWeight;
        b.rollingWeight = rollingWeight;
        b.changeWeight = changeWeight;
        b.shiftWeight = shiftWeight;
        b.densityWeight = densityWeight;
        b.alertScore = alertScore;
        b.minPoints = minPoints;
        b.clearPoints = clearPoints;
        b.forecastWindow = forecastWindow;
        b.forecastMinutes = forecastMinutes;
        return b;
    }

    /** Named values, starting from the defaults (their one declaration). */
    public static final class Builder {
        private double zThreshold = 5.0;
        private int window = 60;
        private boolean thresholds = true;
        private int robustWindow = 32;
        private double errorAlpha = 0.02;
        private double quantile = 0.99;
        private int warmUp = 100;
        private int seasonDays = 4;
        private double globalWeight = 1;
        private double rollingWeight = 0;
        private double changeWeight = 0.1;
        private double shiftWeight = 15;
        private double densityWeight = 3;
        private double alertScore = 0.75;
        private int minPoints = 2;
        private int clearPoints = 6;
        private int forecastWindow = 60;
        private int forecastMinutes = 360;

        private Builder() {
        }

        public Builder zThreshold(double v) {
            zThreshold = v;
            return this;
        }

        public Builder window(int v) {
            window = v;
            return this;
        }

        public Builder thresholds(boolean v) {
            thresholds = v;
            return this;
        }

        public Builder robustWindow(int v) {
            robustWindow = v;
            return this;
        }

        public Builder errorAlpha(double v) {
            errorAlpha = v;
            return this;
        }

        public Builder quantile(double v) {
            quantile = v;
            return this;
        }

        public Builder warmUp(int v) {
            warmUp = v;
            return this;
        }

        public Builder seasonDays(int v) {
            seasonDays = v;
            return this;
        }

        public Builder globalWeight(double v) {
            globalWeight = v;
            return this;
        }

        public Builder rollingWeight(double v) {
            rollingWeight = v;
            return this;
        }

        public Builder changeWeight(double v) {
            changeWeight = v;
            return this;
        }

        public Builder shiftWeight(double v) {
            shiftWeight = v;
            return this;
        }

        public Builder densityWeight(double v) {
            densityWeight = v;
            return this;
        }

        public Builder alertScore(double v) {
            alertScore = v;
            return this;
        }

        public Builder minPoints(int v) {
            minPoints = v;
            return this;
        }

        public Builder clearPoints(int v) {
            clearPoints = v;
            return this;
        }

        public Builder forecastWindow(int v) {
            forecastWindow = v;
            return this;
        }

        public Builder forecastMinutes(int v) {
            forecastMinutes = v;
            return this;
        }

        public DetectorSettings build() {
            return new DetectorSettings(zThreshold, window, thresholds, robustWindow, errorAlpha, quantile, warmUp, seasonDays,
                    globalWeight, rollingWeight, changeWeight, shiftWeight, densityWeight, alertScore, minPoints, clearPoints,
                    forecastWindow, forecastMinutes);
        }
    }
}
