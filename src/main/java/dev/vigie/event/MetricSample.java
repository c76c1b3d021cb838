package dev.vigie.event;

import java.time.Instant;

/** One point of a metric series at event time. A series is named by its service and metric. */
public record MetricSample(Instant time, String service, String metric, double value) {

    public String series() {
        return service + "/" + metric;
    }
}
