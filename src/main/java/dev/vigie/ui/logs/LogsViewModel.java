package dev.vigie.ui.logs;

import dev.vigie.event.Plural;
import dev.vigie.event.StoredEvent;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Tasks;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Searches the stored events (full text) off the FX thread. */
public final class LogsViewModel {
    static final int LIMIT = 500;

    final StringProperty query = new SimpleStringProperty("");
    final StringProperty status = new SimpleStringProperty("");
    final ObservableList<StoredEvent> rows = FXCollections.observableArrayList();
    private final EngineQueries engine;
    private final Tasks tasks;

    public LogsViewModel(EngineQueries engine, Tasks tasks) {
        this.engine = engine;
        this.tasks = tasks;
    }

    void search() {
        String q = query.get();
        status.set("Searching…");
        tasks.run(() -> engine.events(q, LIMIT), found -> {
            rows.setAll(found.events());
            int n = found.events().size();
            status.set((n == LIMIT ? n + "+ events" : Plural.of(n, "event")) + (q.isBlank() ? " (newest)" : " with every word of “" + q + "”")
                    + (found.notSearchable() > 0 && !q.isBlank() ? " — the " + found.notSearchable() + " newest are not searchable yet" : ""));
        }, e -> status.set("Search failed: " + e.getMessage()));
    }
}
