package dev.vigie.ui;

import dev.vigie.pipeline.client.Counts;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.pipeline.client.EngineSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Coalesces the engine's activity into at most one FX update per tick (4 Hz, well under 60 Hz):
 * the snapshot is gathered on this class's own thread; if the FX thread has not yet applied the
 * previous one, the new one is dropped and counted, never queued.
 */
final class UiRefresher {
    static final long PERIOD_MILLIS = 250;
    static final int CHART_POINTS = 360;

    private final EngineQueries engine;
    private final List<View<?>> views;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigie-ui-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private Counts previous;
    private long previousNanos;

    UiRefresher(EngineQueries engine, List<View<?>> views) {
        this.engine = engine;
        this.views = views;
    }

    void start() {
        previous = engine.snapshot().counts();
        previousNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (pending.get()) {
            shed.incrementAndGet();
            return;
        }
        CockpitSnapshot s = capture();
        pending.set(true);
        Platform.runLater(() -> {
            try {
                views.forEach(v -> v.apply(s));
                applied.incrementAndGet();
            } finally {
                pending.set(false);
            }
        });
    }

    private CockpitSnapshot capture() {
        EngineSnapshot state = engine.snapshot();
        Counts now = state.counts();
        long nanos = System.nanoTime();
        double seconds = Math.max(1e-3, (nanos - previousNanos) / 1e9);
        long events = now.events() - previous.events();
        long errors = now.errors() - previous.errors();
        Map<String, MetricChart.Data> charts = new HashMap<>();
        for (View<?> v : views) {
            for (String series : v.chartedSeries()) {
                charts.computeIfAbsent(series, name -> MetricChart.scored(engine.scored(name, CHART_POINTS)));
            }
        }
        CockpitSnapshot s = new CockpitSnapshot(state, events / seconds,
                events == 0 ? 0 : 100.0 * errors / events, engine.latestEvents(100),
                engine.seriesNames(), charts, shed.get());
        previous = now;
        previousNanos = nanos;
        return s;
    }

    /** Snapshots applied so far. */
    long applied() {
        return applied.get();
    }

    void stop() {
        timer.shutdownNow();
    }
}
