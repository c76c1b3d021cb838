package dev.vigie.detect;

import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.util.Locale;
import java.util.Map;

/** Fixed warning and critical levels per metric. */
final class StaticThresholdCheck {
    record Limits(double warning, double critical) {
    }

    static final Map<String, Limits> DEFAULTS = Map.of(
            "cpu_usage", new Limits(80, 90),
            "memory_usage", new Limits(85, 95),
            "disk_usage", new Limits(85, 95),
            "error_rate", new Limits(5, 20),
            "latency_ms_p95", new Limits(500, 1000),
            "active_connections", new Limits(80, 95));

    private final Map<String, Limits> limits;

    StaticThresholdCheck(Map<String, Limits> limits) {
        this.limits = Map.copyOf(limits);
    }

    String name() {
        return "static_threshold";
    }

    /** The limits of a metric, or null when it has none: looked up once per series, not per point. */
    Limits limitsOf(String metric) {
        return limits.get(metric);
    }

    /** @return the finding, or null when the point is within its limits */
    Finding evaluate(MetricSample s, Limits l) {
        if (l == null || s.value() < l.warning()) {
            return null;
        }
        boolean critical = s.value() >= l.critical();
        double threshold = critical ? l.critical() : l.warning();
        return new Finding(name(), critical ? Severity.CRITICAL : Severity.WARNING, critical ? 1.0 : 0.6,
                () -> String.format(Locale.ROOT, "%s: %s %s (%.1f) above threshold %.1f",
                        critical ? "CRITICAL" : "WARNING", s.service(), s.metric(), s.value(), threshold),
                Map.of("value", s.value(), "threshold", threshold));
    }
}
