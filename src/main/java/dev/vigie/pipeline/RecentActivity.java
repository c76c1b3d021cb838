package dev.vigie.pipeline;

import dev.vigie.event.Anomaly;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the views show live, kept in bounded memory: the last log events, the buffered history of
 * every metric series (which the simulation sliders re-run detection over) and the last anomalies.
 * Fed from the event bus on the pipeline thread, read from any thread.
 */
public final class RecentActivity {
    public static final int EVENTS = 500;
    public static final int POINTS_PER_SERIES = 10_000;
    public static final int ANOMALIES = 500;

    private final Deque<LogEvent> events = new ArrayDeque<>();
    private final Map<String, Deque<MetricSample>> series = new TreeMap<>();
    private final Deque<Anomaly> anomalies = new ArrayDeque<>();

    public RecentActivity(EventBus bus) {
        bus.subscribe(LogEvent.class, this::onEvent);
        bus.subscribe(MetricSample.class, this::onSample);
        bus.subscribe(Anomaly.class, this::onAnomaly);
    }

    private synchronized void onEvent(LogEvent e) {
        events.addLast(e);
        if (events.size() > EVENTS) {
            events.removeFirst();
        }
    }

    private synchronized void onSample(MetricSample s) {
        Deque<MetricSample> q = series.computeIfAbsent(s.series(), k -> new ArrayDeque<>());
        q.addLast(s);
        if (q.size() > POINTS_PER_SERIES) {
            q.removeFirst();
        }
    }

    private synchronized void onAnomaly(Anomaly a) {
        anomalies.addLast(a);
        if (anomalies.size() > ANOMALIES) {
            anomalies.removeFirst();
        }
    }

    /** Newest last. */
    public synchronized List<LogEvent> events(int max) {
        List<LogEvent> all = new ArrayList<>(events);
        return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    public synchronized List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }

    /** The last {@code max} points of a series, oldest first. */
    public synchronized List<MetricSample> series(String name, int max) {
        List<MetricSample> all = new ArrayList<>(series.getOrDefault(name, new ArrayDeque<>()));
        return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    public synchronized List<Anomaly> anomalies() {
        return List.copyOf(anomalies);
    }
}
