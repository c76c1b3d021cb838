package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The share of a service's lines that are errors, per minute, against its share over the last 30
 * minutes: reported when the minute has at least 20 lines and 5 errors, its share is at least twice
 * the baseline share, and a binomial z-score says so (≥ 4). A rising ratio on steady traffic is
 * what a bad deploy or a failing dependency looks like before the error count alone stands out.
 */
final class ErrorRatioCheck extends MinuteCheck {
    static final int BASELINE_MINUTES = 30;
    static final int MIN_HISTORY = 10;
    static final long MIN_LINES = 20;
    static final long MIN_ERRORS = 5;
    static final double MIN_Z = 4;
    /** The least baseline share: a service that never erred is not held to zero. */
    static final double FLOOR = 0.01;

    private final Map<String, Rolling> lines = new HashMap<>();
    private final Map<String, Rolling> errors = new HashMap<>();

    @Override
    String name() {
        return "error_ratio";
    }

    @Override
    boolean check(Minute m, AnomalySink sink) {
        Rolling n = lines.computeIfAbsent(m.service, s -> new Rolling(BASELINE_MINUTES));
        Rolling e = errors.computeIfAbsent(m.service, s -> new Rolling(BASELINE_MINUTES));
        double base = n.sum() == 0 ? 0 : (double) e.sum() / n.sum();
        boolean warm = n.size() >= MIN_HISTORY;
        n.add(m.events);
        e.add(m.errors.count);
        long errs = m.errors.count;
        double p0 = Math.max(base, FLOOR);
        double ratio = m.events == 0 ? 0 : (double) errs / m.events;
        double z = m.events == 0 ? 0 : (errs - m.events * p0) / Math.sqrt(m.events * p0 * (1 - p0));
        boolean holds = warm && m.events >= MIN_LINES && errs >= MIN_ERRORS && z >= MIN_Z && ratio >= 2 * p0;
        int row = inARow(m.service, holds);
        if (!holds) {
            return false;
        }
        double rise = ratio / p0;
        Severity severity = Evidence.severity(true, true, row, rise);
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("errors", errs);
        evidence.put("lines_in_minute", m.events);
        evidence.put("ratio", CountExcessCheck.round(ratio));
        evidence.put("baseline_ratio", CountExcessCheck.round(base));
        evidence.put("z", CountExcessCheck.round(z));
        evidence.put("minutes_in_a_row", row);
        evidence.put("templates", m.errors.templates);
        evidence.put("samples", List.copyOf(m.errors.samples));
        evidence.put("lines", List.copyOf(m.errors.lines));
        sink.accept(new Anomaly(name(), m.service, null, m.from(), m.to(), severity, Math.min(1, z / 12),
                String.format(java.util.Locale.ROOT, "%s: %.0f%% of lines are errors (%d of %d in 1 min), baseline %.1f%%", m.service,
                        100 * ratio, errs, m.events, 100 * base), evidence));
        return true;
    }
}
