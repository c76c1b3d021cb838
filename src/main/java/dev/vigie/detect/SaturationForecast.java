package dev.vigie.detect;

import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When a saturating metric (disk, memory, connections) will reach its ceiling if it keeps rising
 * as it has. Least-squares lines through a short and a long window of recent points; a line is
 * believed only when its slope stands {@link #MIN_T} standard errors above zero, and only as far
 * ahead as {@link #REACH} times the span it was fitted on — a ten-minute rise says nothing about the
 * next six hours. A rise seen only by the short window must also have taken the series above every
 * value of the long one: the upswing of a wander the series has made before predicts nothing.
 * Streaming and causal.
 */
final class SaturationForecast {
    static final String CHECK = "forecast";
    /** The ceiling of each metric it watches; connections: PostgreSQL's default max_connections. */
    static final Map<String, Double> CEILINGS = Map.of(
            "disk_usage", 100.0,
            "memory_usage", 100.0,
            "active_connections", 100.0);
    static final double MIN_T = 12;
    /** How many times its own span a line may be extrapolated. */
    static final double REACH = 4;
    /** The long window is this many short ones. */
    static final int LONG_FACTOR = 12;
    private static final double CRITICAL_SECONDS = 3600;

    private final double ceiling;
    private final long horizonSeconds;
    private final TrendFit[] fits;

    SaturationForecast(double ceiling, int window, long horizonSeconds) {
        this.ceiling = ceiling;
        this.horizonSeconds = horizonSeconds;
        this.fits = new TrendFit[] {new TrendFit(window * LONG_FACTOR), new TrendFit(window)};
    }

    /** @return the forecast including this point, or null when no crossing is predicted within the horizon */
    Finding onPoint(MetricSample s) {
        long t = s.time().getEpochSecond();
        TrendFit longFit = fits[0];
        TrendFit shortFit = fits[1];
        longFit.add(t, s.value());
        shortFit.add(t, s.value());
        Finding found = forecast(longFit, s);
        if (found == null && longFit.full()) {
            found = forecast(shortFit, s);
            if (found != null && s.value() <= longFit.maxBefore(shortFit.size())) {
                found = null; // (checked last: it reads the whole long window)
            }
        }
        return found;
    }

    private Finding forecast(TrendFit fit, MetricSample s) {
        if (!fit.full() || s.value() >= ceiling) {
            return null; // at the ceiling already, the threshold check speaks
        }
        double slope = fit.slope();
        if (!(slope > 0)) {
            return null;
        }
        double now = fit.fittedNow();
        double se = fit.slopeError();
        double eta = (ceiling - now) / slope;
        if (now >= ceiling || slope < MIN_T * se || eta > Math.min(horizonSeconds, REACH * fit.span())) {
            return null;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("eta_seconds", Math.round(eta));
        evidence.put("ceiling", ceiling);
        evidence.put("slope_per_hour", Math.round(slope * 3600 * 1000) / 1000.0);
        evidence.put("fitted", Math.round(now * 1000) / 1000.0);
        evidence.put("t", Math.round(slope / Math.max(se, 1e-12) * 10) / 10.0);
        evidence.put("window", fit.size());
        // sooner is worse: an hour away or less is critical
        Severity severity = eta <= CRITICAL_SECONDS ? Severity.CRITICAL : Severity.WARNING;
        return new Finding(CHECK, severity, 1 - eta / (horizonSeconds + 1.0),
                () -> String.format(Locale.ROOT, "%s %s reaches %s in about %s (rising %.1f per hour, now %.1f)",
                        s.service(), s.metric(), number(ceiling) + (s.metric().endsWith("_usage") ? "%" : ""),
                        duration((long) eta), slope * 3600, s.value()), evidence);
    }

    /** {@code 3 h 20 min}, {@code 45 min}, {@code 2 d 4 h}: the precision a person plans with. */
    static String duration(long seconds) {
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            long m = minutes % 60;
            return m == 0 ? hours + " h" : hours + " h " + m + " min";
        }
        long h = hours % 24;
        return h == 0 ? hours / 24 + " d" : hours / 24 + " d " + h + " h";
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
