package dev.vigie.detect;

import dev.vigie.event.MetricSample;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Metrics derived from log lines, per service and event-time minute, handed to the metric detector
 * as any series: error events (every log), and from access-log lines (events with an HTTP status)
 * requests, the share of 5xx answers and the 95th percentile of request time.
 *
 * <p>It reads the minutes the log checks read ({@link ServiceMinutes}), so a minute in which a
 * service logged nothing is zero errors (and zero requests for a service that serves HTTP), until
 * the service has been quiet for {@link ServiceMinutes#DORMANT_AFTER}: {@code log_errors_per_min}
 * means one thing everywhere.
 */
final class LogMetrics {
    static final String REQUESTS = "http_requests_per_min";
    static final String ERROR_RATIO = "http_5xx_ratio";
    static final String LATENCY_P95 = "http_request_time_p95_ms";
    static final String LOG_ERRORS = "log_errors_per_min";

    /** Services whose logs answered HTTP requests: their quiet minutes are zero requests. */
    private final Set<String> serving = new HashSet<>();

    void onMinute(Minute m, Consumer<MetricSample> out) {
        Instant t = m.start;
        out.accept(new MetricSample(t, m.service, LOG_ERRORS, m.errors.count));
        if (m.requests == 0) {
            if (serving.contains(m.service)) {
                out.accept(new MetricSample(t, m.service, REQUESTS, 0));
            }
            return;
        }
        serving.add(m.service);
        out.accept(new MetricSample(t, m.service, REQUESTS, m.requests));
        out.accept(new MetricSample(t, m.service, ERROR_RATIO, Math.round(1000.0 * m.serverErrors / m.requests) / 10.0));
        if (m.timed > 0) {
            double[] sorted = Arrays.copyOf(m.requestTimes, m.timed);
            Arrays.sort(sorted);
            double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
            out.accept(new MetricSample(t, m.service, LATENCY_P95, Math.round(p95 * 10) / 10.0));
        }
    }
}
