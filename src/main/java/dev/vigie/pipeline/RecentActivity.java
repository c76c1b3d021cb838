package dev.vigie.pipeline;

import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ScoredSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the views show live, kept in bounded memory: the last log events and the buffered, scored
 * history of every metric series (which the simulation sliders re-run detection over).
 * Fed from the event bus on the pipeline thread, read from any thread.
 */
public final class RecentActivity {
    public static final int EVENTS = 500;
    public static final int POINTS_PER_SERIES = 10_000;

    private final Deque<LogEvent> events = new ArrayDeque<>();
    private final Map<String, Deque<ScoredSample>> series = new TreeMap<>();

    public RecentActivity(EventBus bus) {
        bus.subscribe(LogEvent.class, this::onEvent);
        bus.subscribe(ScoredSample.class, this::onSample);
    }

    private synchronized void onEvent(LogEvent e) {
        events.addLast(e);
        if (events.size() > EVENTS) {
            events.removeFirst();
        }
    }

    private synchronized void onSample(ScoredSample s) {
        Deque<ScoredSample> q = series.computeIfAbsent(s.sample().series(), k -> new ArrayDeque<>());
        q.addLast(s);
        if (q.size() > POINTS_PER_SERIES) {
            q.removeFirst();
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

    /** The last {@code max} points of a series, oldest first, as the live detector scored them. */
    public synchronized List<ScoredSample> scored(String name, int max) {
        List<ScoredSample> all = new ArrayList<>(series.getOrDefault(name, new ArrayDeque<>()));
        return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    /** The last {@code max} points of every series, series by series: what re-detection reads. */
    public synchronized List<MetricSample> all(int max) {
        List<MetricSample> out = new ArrayList<>();
        for (String name : series.keySet()) {
            out.addAll(series(name, max));
        }
        return out;
    }

    /** The last {@code max} points of a series, oldest first. */
    public List<MetricSample> series(String name, int max) {
        return scored(name, max).stream().map(ScoredSample::sample).toList();
    }
}
