package dev.vigie.detect;

import dev.vigie.detect.SeriesScorer.Check;
import dev.vigie.detect.SeriesScorer.Reading;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The sentence and the numbers of a combined-score anomaly, said by the check that weighed most. */
final class ScoreText {
    static final String CHECK = "anomaly_score";
    private static final double CRITICAL_SCORE = 0.9;

    private ScoreText() {
    }

    static Finding finding(MetricSample s, Reading r) {
        double v = r.value();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("score", round(r.score()));
        evidence.put("check", r.check().name().toLowerCase(Locale.ROOT));
        evidence.put("value", v);
        if (r.basis() != null) {
            evidence.put("expected", round(r.expected()));
            evidence.put("basis", r.basis());
        }
        for (Check c : Check.values()) {
            if (!Double.isNaN(r.z(c))) {
                evidence.put("z_" + c.name().toLowerCase(Locale.ROOT), round(r.z(c)));
            }
        }
        Severity severity = r.score() >= CRITICAL_SCORE ? Severity.CRITICAL : Severity.WARNING;
        return new Finding(CHECK, severity, r.score(), () -> sentence(s, r), evidence);
    }

    private static String sentence(MetricSample s, Reading r) {
        String series = s.service() + " " + s.metric();
        double v = r.value();
        String text = switch (r.check()) {
            case RESIDUAL -> String.format(Locale.ROOT, "%s %.1f is %.1f σ %s the expected %.1f (%s)", series, v,
                    r.z(Check.RESIDUAL), v >= r.expected() ? "above" : "below", r.expected(), r.basis());
            case GLOBAL_Z -> String.format(Locale.ROOT, "%s %.1f is %.1f σ from its mean over the whole history",
                    series, v, r.z(Check.GLOBAL_Z));
            case ROLLING_Z -> String.format(Locale.ROOT, "%s %.1f is %.1f σ %s its %d-point rolling mean %.1f", series,
                    v, r.z(Check.ROLLING_Z), v >= r.rollingMean() ? "above" : "below", r.rollingPoints(),
                    r.rollingMean());
            case CHANGE -> String.format(Locale.ROOT, "%s changed to %.1f, a step %.1f σ beyond its usual changes",
                    series, v, r.z(Check.CHANGE));
            case LEVEL_SHIFT -> String.format(Locale.ROOT, "%s %.1f is outside every value seen so far (%.1f to %.1f)",
                    series, v, r.low(), r.high());
            case DENSITY -> String.format(Locale.ROOT,
                    "%s: %.0f of its last %d points were unusual (beyond the 99th percentile of their deviation), "
                            + "%.0f as a rule; now %.1f",
                    series, r.z(Check.DENSITY), UnusualShare.WINDOW, r.usualUnusual(), v);
        };
        return String.format(Locale.ROOT, "%s; anomaly score %.2f", text, r.score());
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
