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
 *
 * <p>A minute is emitted when the watermark passes its end. Minutes in which a service logged
 * nothing count as zero errors (and zero requests for a service that serves HTTP), as the log
 * checks count them, so that {@code log_errors_per_min} means one thing everywhere; a service quiet
 * for {@link ServiceMinutes#DORMANT_AFTER} stops producing them until it logs again.
 */
public final class LogMetrics {
    static final long WINDOW_MS = 60_000;
    static final String REQUESTS = "http_requests_per_min";
    static final String ERROR_RATIO = "http_5xx_ratio";
    static final String LATENCY_P95 = "http_request_time_p95_ms";
    static final String LOG_ERRORS = "log_errors_per_min";
    private static final long DORMANT_MS = ServiceMinutes.DORMANT_AFTER.toMillis();

    private final Map<String, Window> open = new TreeMap<>();

    /** One service's minute, with what it carries over to the next: its last event, and whether it serves HTTP. */
    private static final class Window {
        final long start;
        long lastEventMs = Long.MIN_VALUE;
        /** Its logs answered HTTP requests: its quiet minutes are zero requests. */
        boolean serving;
        long events;
        long errorEvents;
        long requests;
        long errors;
        double[] times = new double[64];
        int timed;

        Window(long start) {
            this.start = start;
        }

        /** The empty minute at {@code start} that follows this one. */
        Window next(long start) {
            Window w = new Window(start);
            w.lastEventMs = lastEventMs;
            w.serving = serving;
            return w;
        }
    }

    private static long quietSince(Window w) {
        return w.lastEventMs == Long.MIN_VALUE ? w.start : w.lastEventMs;
    }

    public void onEvent(LogEvent e, Consumer<MetricSample> out) {
        String service = e.service();
        long start = Math.floorDiv(e.time().toEpochMilli(), WINDOW_MS) * WINDOW_MS;
        Window w = open.get(service);
        if (w == null) {
            w = new Window(start);
            open.put(service, w);
        } else if (start > w.start) {
            w = closeUpTo(service, w, start, out);
        }
        // a late event (its minute already emitted) is counted in the open minute: counts stay whole
        w.lastEventMs = Math.max(w.lastEventMs, e.time().toEpochMilli());
        w.events++;
        if (e.level().isErrorOrWorse()) {
            w.errorEvents++;
        }
        String status = e.fields().get("status");
        if (status == null || status.length() != 3 || !Character.isDigit(status.charAt(0))) {
            return;
        }
        w.serving = true;
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

    /** Emits {@code w} and the empty minutes after it up to {@code until}; @return the window opened at {@code until} */
    private Window closeUpTo(String service, Window w, long until, Consumer<MetricSample> out) {
        emit(service, w, out);
        long quietSince = quietSince(w);
        for (long next = w.start + WINDOW_MS; next < until && next < quietSince + DORMANT_MS; next += WINDOW_MS) {
            emit(service, w.next(next), out);
        }
        Window opened = w.next(until);
        open.put(service, opened);
        return opened;
    }

    /** Event time reached {@code watermark}: minutes that ended before it are complete. */
    public void advance(Instant watermark, Consumer<MetricSample> out) {
        long now = watermark.toEpochMilli();
        long current = Math.floorDiv(now, WINDOW_MS) * WINDOW_MS;
        for (String service : List.copyOf(open.keySet())) { // in order: the map is sorted
            Window w = open.get(service);
            if (w.start + WINDOW_MS > now) {
                continue;
            }
            if (w.events == 0 && w.start >= quietSince(w) + DORMANT_MS) {
                open.remove(service); // dormant until it logs again
            } else {
                closeUpTo(service, w, current, out);
            }
        }
    }

    /** End of input: the minutes that hold events are emitted; no empty minutes are made up. */
    public void flush(Consumer<MetricSample> out) {
        List<Map.Entry<String, Window>> all = new ArrayList<>(open.entrySet());
        open.clear();
        all.stream().filter(e -> e.getValue().events > 0).forEach(e -> emit(e.getKey(), e.getValue(), out));
    }

    private void emit(String service, Window w, Consumer<MetricSample> out) {
        Instant t = Instant.ofEpochMilli(w.start);
        out.accept(new MetricSample(t, service, LOG_ERRORS, w.errorEvents));
        if (w.requests == 0) {
            if (w.serving) {
                out.accept(new MetricSample(t, service, REQUESTS, 0));
            }
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
