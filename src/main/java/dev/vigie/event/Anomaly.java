package dev.vigie.event;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fact: something abnormal that a check measured, over [start, end] in event time.
 * {@code text} states the fact in one sentence; {@code evidence} keeps the numbers behind it,
 * sorted by key so that its serialised form is stable.
 */
public record Anomaly(
        String check,
        String service,
        String series,
        Instant start,
        Instant end,
        Severity severity,
        double score,
        String text,
        Map<String, Object> evidence) {

    public Anomaly {
        evidence = java.util.Collections.unmodifiableMap(new TreeMap<>(evidence));
    }

    /** Stable across runs: the same check on the same series at the same start is the same anomaly. */
    public String id() {
        return Ids.of(check, service, series, start.toString());
    }
}
