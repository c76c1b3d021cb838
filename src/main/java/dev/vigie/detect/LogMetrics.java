package dev.vigie.detect;

import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Metrics derived from log lines, per service and event-time minute, handed to the metric detector
 * as any series: error events (every log), and from access-log lines (events with an HTTP status)
 * requests, the share of 5xx answers and the 95th percentile of request time.
 */
public final class LogMetrics {
    static final long WINDOW_MS = 60_000;
    static final String REQUESTS = "http_requests_per_min";
    static final String ERROR_RATIO = "http_5xx_ratio";
    static final String LATENCY_P95 = "http_request_time_p95_ms";
    static final String LOG_ERRORS = "log_errors_per_min";

    private final Map<String, Window> open = new TreeMap<>();

    private static final class Window {
        final long start;
        long errorEvents;
        long requests;
        long errors;
        double[] times = new double[64];
        int timed;

        Window(long start) {
            this.start = start;
        }
    }

    public void onEvent(LogEvent e, Consumer<MetricSample> out) {
        long start = Math.floorDiv(e.time().toEpochMilli(), WINDOW_MS) * WINDOW_MS;
        Window w = open.get(e.service());
        if (w != null && start > w.start) {
            emit(e.service(), w, out);
            w = null;
        }
        if (w == null) {
            w = new Window(start);
            open.put(e.service(), w);
        }
        if (e.level().isErrorOrWorse()) {
            w.errorEvents++;
        }
        String status = e.fields().get("status");
        if (status == null || status.length() != 3 || !Character.isDigit(status.charAt(0))) {
            return;
        }
        w.requests++;
        if (status.charAt(0) == '5') {
            w.errors++;
        }
        String time = e.fields().get("request_time");
        if (time != null) {
            try {
                if (w.timed == w.times.length) {
                    w.times = Arrays.copyOf(w.times, w.timed * 2);
                }
                w.times[w.timed++] = Double.parseDouble(time) * 1000;
            } catch (NumberFormatException ignored) {
                // a request time that is not a number: the request still counts
            }
        }
    }

    /** Event time reached {@code watermark}: minutes that ended before it are complete. */
    public void advance(Instant watermark, Consumer<MetricSample> out) {
        List<String> done = new ArrayList<>();
        open.forEach((service, w) -> {
            if (w.start + WINDOW_MS <= watermark.toEpochMilli()) {
                done.add(service);
            }
        });
        for (String service : done) {
            emit(service, open.remove(service), out);
        }
    }

    public void flush(Consumer<MetricSample> out) {
        List<Map.Entry<String, Window>> all = new ArrayList<>(open.entrySet());
        open.clear();
        all.forEach(e -> emit(e.getKey(), e.getValue(), out));
    }

    private static void emit(String service, Window w, Consumer<MetricSample> out) {
        Instant t = Instant.ofEpochMilli(w.start);
        out.accept(new MetricSample(t, service, LOG_ERRORS, w.errorEvents));
        if (w.requests == 0) {
            return;
        }
        out.accept(new MetricSample(t, service, REQUESTS, w.requests));
        out.accept(new MetricSample(t, service, ERROR_RATIO, Math.round(1000.0 * w.errors / w.requests) / 10.0));
        if (w.timed > 0) {
            double[] sorted = Arrays.copyOf(w.times, w.timed);
            Arrays.sort(sorted);
            double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
            out.accept(new MetricSample(t, service, LATENCY_P95, Math.round(p95 * 10) / 10.0));
        }
    }
}
