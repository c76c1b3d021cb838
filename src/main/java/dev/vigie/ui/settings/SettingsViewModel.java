package dev.vigie.ui.settings;

import dev.vigie.event.Plural;
import dev.vigie.event.SourceStatus;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.Tasks;
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
    private final EngineQueries engine;
    private final Tasks tasks;
    private int ticks;

    public SettingsViewModel(EngineQueries engine, Tasks tasks) {
        this.engine = engine;
        this.tasks = tasks;
        var s = engine.settings();
        paths.set("Data directory: " + s.dataDir() + "\nSettings file: " + s.settingsFile() + "\nDatabase: "
                + s.databaseFile() + "\nReports: " + s.reportsDir() + "\nSources: "
                + (s.sources().isEmpty() ? "(none configured)" : String.join(", ", s.sources()))
                + "\nReplay: " + (s.replayDir() == null ? "off" : s.replayDir() + " at " + s.replaySpeed() + "×"));
    }

    void apply(CockpitSnapshot s) {
        var h = s.engine().model();
        model.set(h.up() ? "Ollama at " + engine.settings().ollamaUrl() + ": model " + h.model() + " (" + h.listed() + " listed)"
                : "Offline analyst in use: " + h.error());
        var st = s.engine().counts();
        counts.set(String.format(Locale.ROOT, "%s, %s, %d rejected, %s, %s closed, %s · queue %d · %s · %s",
                Plural.of(st.lines(), "line"), Plural.of(st.events(), "event"), st.rejected(), Plural.of(st.anomalies(), "anomaly"),
                Plural.of(st.incidents(), "incident"), Plural.of(st.samples(), "metric sample"), s.engine().queueDepth(),
                Plural.of(s.engine().writeErrors(), "store write error"), Plural.of(s.engine().analysisErrors(), "analysis error"))
                + s.engine().unreadableSources().entrySet().stream()
                        .map(e -> "\nCannot read " + e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining())
                + s.engine().waitingSources().stream().map(p -> "\nWaiting for " + p + ": it does not exist yet")
                        .collect(java.util.stream.Collectors.joining())
                + (s.engine().checks().isEmpty() ? "" : "\nLog checks, fired / service-minutes examined: " + s.engine().checks().stream()
                        .map(c -> String.format(Locale.ROOT, "%s %d/%d", c.check(), c.fired(), c.examined()))
                        .collect(java.util.stream.Collectors.joining(" · "))));
        if (ticks++ % SOURCES_EVERY == 0) {
            tasks.run(engine::sources, sources::setAll, e -> counts.set("Cannot list sources: " + e.getMessage()));
        }
    }
}
