package dev.vigie.ui.simulation;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Plural;
import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.pipeline.client.Redetection;
import dev.vigie.ui.MetricChart;
import dev.vigie.ui.Tasks;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The engineer's bench: detector parameters as properties; each change re-runs detection over the
 * buffered history of every series, off the FX thread, and publishes the new anomalies
 * ({@link #anomalies}); the chosen series is drawn with its own. Only the newest request's result
 * is shown.
 */
public final class SimulationViewModel {
    static final int SHOWN_POINTS = 720;
    /** Points of each series that re-detection runs over: as many as the cockpit buffers. */
    static final int HISTORY = 10_000;

    final ObservableList<String> series = FXCollections.observableArrayList();
    final StringProperty selected = new SimpleStringProperty("postgresql/active_connections");
    final DoubleProperty zThreshold = new SimpleDoubleProperty();
    final DoubleProperty window = new SimpleDoubleProperty();
    final BooleanProperty thresholds = new SimpleBooleanProperty();
    final ObjectProperty<MetricChart.Data> chart = new SimpleObjectProperty<>();
    final StringProperty summary = new SimpleStringProperty("");
    final SimpleObjectProperty<List<Anomaly>> anomalies = new SimpleObjectProperty<>(List.of());
    private final EngineQueries engine;
    private final EngineCommands commands;
    private final Tasks tasks;
    private final AtomicLong generation = new AtomicLong();
    /** The settings live detection uses; the sliders' others come from them. */
    private DetectorSettings live;

    public SimulationViewModel(EngineQueries engine, EngineCommands commands, Tasks tasks) {
        this.engine = engine;
        this.commands = commands;
        this.tasks = tasks;
        // the sliders start where live detection stands
        live = engine.detectorSettings();
        zThreshold.set(live.zThreshold());
        window.set(live.window());
        thresholds.set(live.thresholds());
        selected.addListener((o, a, b) -> redetect());
        zThreshold.addListener((o, a, b) -> redetect());
        window.addListener((o, a, b) -> redetect());
        thresholds.addListener((o, a, b) -> redetect());
    }

    DetectorSettings settings() {
        return live.toBuilder().zThreshold(zThreshold.get()).window((int) Math.round(window.get()))
                .thresholds(thresholds.get()).build();
    }

    void redetect() {
        String name = selected.get();
        if (name == null) {
            return;
        }
        DetectorSettings settings = settings();
        long mine = generation.incrementAndGet();
        record Result(MetricChart.Data data, Redetection found, int inSeries) {
        }
        tasks.run(() -> {
            // every buffered series is re-detected, as the live detector would have with these settings
            Redetection found = commands.redetect(settings, HISTORY);
            List<MetricSample> history = engine.series(name, HISTORY);
            List<Anomaly> ofSeries = found.anomalies().stream().filter(a -> a.series().equals(name)).toList();
            List<MetricSample> shown = history.subList(Math.max(0, history.size() - SHOWN_POINTS), history.size());
            return new Result(MetricChart.data(shown, ofSeries), found, ofSeries.size());
        }, r -> {
            if (mine != generation.get()) {
                return; // a newer setting is already being computed
            }
            chart.set(r.data());
            anomalies.set(r.found().anomalies());
            summary.set(String.format(Locale.ROOT,
                    "%s over %d points of %d series, %d on this one (z ≥ %.1f, window %d%s) — re-detected in %.1f ms",
                    Plural.of(r.found().anomalies().size(), "anomaly"), r.found().points(), r.found().series(), r.inSeries(), settings.zThreshold(),
                    settings.window(), settings.thresholds() ? ", static thresholds on" : "", r.found().millis()));
        }, e -> summary.set("Re-detection failed: " + e.getMessage()));
    }

    /** Live detection takes the sliders' settings from now on. */
    void applyToLive() {
        DetectorSettings chosen = settings();
        tasks.run(() -> {
            commands.applyDetectorSettings(chosen);
            return chosen;
        }, applied -> {
            live = applied;
            summary.set(String.format(Locale.ROOT, "Live detection now uses z ≥ %.1f, window %d%s, from its buffered history on",
                    applied.zThreshold(), applied.window(), applied.thresholds() ? ", static thresholds on" : ""));
        }, e -> summary.set("Could not apply the settings: " + e.getMessage()));
    }

    void updateSeries(List<String> names) {
        if (!series.equals(names)) {
            series.setAll(names);
        }
    }
}
