package dev.vigie.detect;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.util.Locale;
import java.util.Map;

/** How many standard deviations a point lies from the mean of the points just before it. */
final class RollingZScoreCheck {
    static final int MIN_POINTS = dev.vigie.config.DetectorSettings.MIN_WINDOW;
    /**
     * The smallest spread believed per metric: a series that sat at 0% errors for an hour has no
     * spread, and one 5xx would otherwise be infinitely many σ away.
     */
    private static final Map<String, Double> MIN_SPREAD = Map.of(
            LogMetrics.ERROR_RATIO, 2.0,
            LogMetrics.LATENCY_P95, 20.0,
            LogMetrics.REQUESTS, 5.0,
            LogMetrics.LOG_ERRORS, 3.0,
            "error_rate", 1.0);

    private final double threshold;

    static double minSpread(String metric) {
        return MIN_SPREAD.getOrDefault(metric, 0.0);
    }

    RollingZScoreCheck(double threshold) {
        this.threshold = threshold;
    }

    String name() {
        return "rolling_zscore";
    }

    /**
     * @param minSpread the smallest spread believed for this series ({@link #minSpread(String)})
     * @return the finding, or null when the point is normal
     */
    Finding evaluate(MetricSample s, SeriesWindow before, double minSpread) {
        if (before.size() < MIN_POINTS) {
            return null;
        }
        double mean = before.mean();
        // a flat series has no spread: measure against 1% of its level so that noise does not fire
        double floor = Math.max(Math.max(minSpread, 1e-9), Math.abs(mean) * 0.01);
        double std = Math.max(before.std(mean), floor);
        double z = (s.value() - mean) / std;
        if (Math.abs(z) < threshold) {
            return null;
        }
        int points = before.size();
        Severity severity = Math.abs(z) >= 2 * threshold ? Severity.CRITICAL : Severity.WARNING;
        return new Finding(name(), severity, Math.min(1.0, Math.abs(z) / (2 * threshold)),
                () -> String.format(Locale.ROOT, "%s %s %.1f is %.1f σ %s its %d-point rolling mean %.1f",
                        s.service(), s.metric(), s.value(), Math.abs(z), z > 0 ? "above" : "below", points, mean),
                Map.of("value", s.value(), "mean", mean, "std", std, "z", z, "window", points));
    }
}
