package dev.vigie.incident;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.template.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recent past of every service and series, kept so that a closing incident can be described:
 * a bounded horizon of event time, and a cap on lines per service.
 */
public final class EvidenceBuffer {
    static final Duration HORIZON = Duration.ofMinutes(90);
    private static final int MAX_LINES_PER_SERVICE = 50_000;
    /** Of a line, what is kept: a facts report shows 400 characters at most, and memory stays bounded whatever the input. */
    static final int MAX_RAW_CHARS = 2_000;

    record Line(Instant time, String templateId, Level level, String raw) {
    }

    private final Map<String, Deque<Line>> lines = new HashMap<>();
    private final Map<String, Deque<MetricSample>> samples = new TreeMap<>();
    private final Map<String, String> templateTexts = new HashMap<>();
    private final Map<String, Instant> templateFirstSeen = new HashMap<>();
    private Instant newest = Instant.EPOCH;

    public void onEvent(LogEvent e, Template t) {
        templateTexts.put(t.id(), t.text());
        templateFirstSeen.putIfAbsent(t.id(), t.firstSeen());
        Deque<Line> q = lines.computeIfAbsent(e.service(), k -> new ArrayDeque<>());
        String raw = e.raw().length() > MAX_RAW_CHARS ? e.raw().substring(0, MAX_RAW_CHARS) : e.raw();
        q.addLast(new Line(e.time(), t.id(), e.level(), raw));
        if (q.size() > MAX_LINES_PER_SERVICE) {
            q.removeFirst();
        }
        advance(e.time());
    }

    public void onSample(MetricSample s) {
        samples.computeIfAbsent(s.series(), k -> new ArrayDeque<>()).addLast(s);
        advance(s.time());
    }

    private void advance(Instant t) {
        if (!t.isAfter(newest)) {
            return;
        }
        Instant previous = newest;
        newest = t;
        // evict at most once per event-time minute: eviction walks every deque
        if (previous.plusSeconds(60).isAfter(t)) {
            return;
        }
        Instant cutoff = newest.minus(HORIZON);
        lines.values().forEach(q -> {
            while (!q.isEmpty() && q.peekFirst().time().isBefore(cutoff)) {
                q.removeFirst();
            }
        });
        samples.values().forEach(q -> {
            while (!q.isEmpty() && q.peekFirst().time().isBefore(cutoff)) {
                q.removeFirst();
            }
        });
    }

    List<Line> lines(String service) {
        return List.copyOf(lines.getOrDefault(service, new ArrayDeque<>()));
    }

    Map<String, List<MetricSample>> samplesOf(String service) {
        Map<String, List<MetricSample>> out = new TreeMap<>();
        samples.forEach((series, q) -> {
            if (!q.isEmpty() && q.peekFirst().service().equals(service)) {
                out.put(series, List.copyOf(q));
            }
        });
        return out;
    }

    /** When the miner first saw the template (before this buffer's horizon, for an old one), or null. */
    Instant firstSeen(String id) {
        return templateFirstSeen.get(id);
    }

    String templateText(String id) {
        return templateTexts.getOrDefault(id, "?");
    }
}
