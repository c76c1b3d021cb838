package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts matching events of each service per fixed event-time window and reports a window that
 * had any, with its count, templates and first lines as evidence. One anomaly per window rather
 * than per line keeps a burst of a thousand errors one fact.
 */
abstract class WindowedCountCheck implements LogCheck {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SAMPLES = 3;

    private final Map<String, Window> open = new TreeMap<>();

    private static final class Window {
        final Instant start;
        long count;
        Level worst = Level.TRACE;
        final Map<String, Long> templates = new LinkedHashMap<>();
        final List<String> samples = new ArrayList<>();
        Instant first;
        Instant last;

        Window(Instant start, Instant first) {
            this.start = start;
            this.first = first;
        }
    }

    abstract String name();

    abstract boolean matches(LogEvent event);

    /** The fact, in one sentence. */
    abstract String describe(String service, long count, Duration window);

    @Override
    public void onEvent(LogEvent event, AnomalySink sink) {
        if (!matches(event)) {
            return;
        }
        Instant start = windowStart(event.time());
        Window w = open.get(event.service());
        if (w != null && start.isAfter(w.start)) {
            close(event.service(), w, sink);
            w = null;
        }
        if (w == null) {
            w = new Window(start, event.time());
            open.put(event.service(), w);
        }
        w.count++;
        w.last = event.time();
        if (event.level().compareTo(w.worst) > 0) {
            w.worst = event.level();
        }
        w.templates.merge(event.templateId() == null ? "?" : event.templateId(), 1L, Long::sum);
        if (w.samples.size() < SAMPLES) {
            w.samples.add(event.raw().length() > 500 ? event.raw().substring(0, 500) : event.raw());
        }
    }

    @Override
    public void advance(Instant watermark, AnomalySink sink) {
        var it = open.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().start.plus(WINDOW).isAfter(watermark)) {
                close(e.getKey(), e.getValue(), sink);
                it.remove();
            }
        }
    }

    @Override
    public void flush(AnomalySink sink) {
        open.forEach((service, w) -> close(service, w, sink));
        open.clear();
    }

    private void close(String service, Window w, AnomalySink sink) {
        Severity severity = w.worst == Level.FATAL || w.count >= 10 ? Severity.CRITICAL
                : w.count >= 3 ? Severity.WARNING : Severity.INFO;
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("count", w.count);
        evidence.put("window_seconds", WINDOW.toSeconds());
        evidence.put("worst_level", w.worst.name());
        evidence.put("templates", new TreeMap<>(w.templates));
        evidence.put("samples", List.copyOf(w.samples));
        sink.accept(new Anomaly(name(), service, null, w.first, w.last, severity,
                Math.min(1.0, w.count / 10.0), describe(service, w.count, WINDOW), evidence));
    }

    private static Instant windowStart(Instant t) {
        long ms = WINDOW.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }
}
