package dev.vigie.event;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One point of a metric series at event time. A series is named by its service, its metric and its
 * labels (e.g. {@code quantile=0.95}, {@code instance=db-2}), kept sorted by key so that a series
 * has one name whatever order its labels came in.
 */
public record MetricSample(Instant time, String service, String metric, double value, Map<String, String> labels) {

    public MetricSample {
        labels = labels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public MetricSample(Instant time, String service, String metric, double value) {
        this(time, service, metric, value, Map.of());
    }

    /** {@code service/metric}, or {@code service/metric{k=v,…}} with labels. */
    public String series() {
        return service + "/" + name();
    }

    /** The metric with its labels: {@code latency_ms{quantile=0.95}}. */
    public String name() {
        if (labels.isEmpty()) {
            return metric;
        }
        StringJoiner j = new StringJoiner(",", metric + "{", "}");
        labels.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
