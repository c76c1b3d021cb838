package dev.vigie.ui.settings;

import dev.vigie.pipeline.LiveRuntime;
import dev.vigie.store.SourceStatus;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Where Vigie keeps things, what it reads, and whether a model answers. */
public final class SettingsViewModel {
    private static final int SOURCES_EVERY = 8;

    final StringProperty paths = new SimpleStringProperty("");
    final StringProperty model = new SimpleStringProperty("");
    final StringProperty counts = new SimpleStringProperty("");
    final ObservableList<SourceStatus> sources = FXCollections.observableArrayList();
    private final LiveRuntime runtime;
    private int ticks;

    SettingsViewModel(LiveRuntime runtime) {
        this.runtime = runtime;
        var s = runtime.settings();
        paths.set("Data directory: " + s.dataDir() + "\nSettings file: " + s.settingsFile() + "\nDatabase: "
                + s.databaseFile() + "\nReports: " + s.reportsDir() + "\nSources: "
                + (s.sources().isEmpty() ? "(none configured)" : String.join(", ", s.sources()))
                + "\nReplay: " + (s.replayDir() == null ? "off" : s.replayDir() + " at " + s.replaySpeed() + "×"));
    }

    void apply(CockpitSnapshot s) {
        var h = s.status().ollama();
        model.set(h.up() ? "Ollama at " + runtime.settings().ollamaUrl() + ": model " + h.model() + " (" + h.models().size() + " listed)"
                : "Offline analyst in use: " + h.error());
        var st = s.stats();
        counts.set(String.format(Locale.ROOT, "%d lines, %d events, %d rejected, %d anomalies, %d incidents closed, "
                        + "%d metric samples · queue %d · %d store write errors · %d analysis errors",
                st.lines(), st.events(), st.rejected(), st.anomalies(), st.incidents(), st.samples(),
                s.status().queueDepth(), s.status().writeErrors(), s.status().analysisErrors())
                + s.status().unreadableSources().entrySet().stream()
                        .map(e -> "\nCannot read " + e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining())
                + (s.status().checks().isEmpty() ? "" : "\nLog checks, fired / service-minutes examined: " + s.status().checks().stream()
                        .map(c -> String.format(Locale.ROOT, "%s %d/%d", c.check(), c.fired(), c.examined()))
                        .collect(java.util.stream.Collectors.joining(" · "))));
        if (ticks++ % SOURCES_EVERY == 0) {
            Background.run(runtime.store()::sources, sources::setAll, e -> counts.set("Cannot list sources: " + e.getMessage()));
        }
    }
}
