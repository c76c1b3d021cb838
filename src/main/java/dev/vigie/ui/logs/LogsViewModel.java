package dev.vigie.ui.logs;

import dev.vigie.store.Store;
import dev.vigie.store.StoredEvent;
import dev.vigie.ui.Background;
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
    private final Store store;

    LogsViewModel(Store store) {
        this.store = store;
    }

    void search() {
        String q = query.get();
        status.set("Searching…");
        record Found(java.util.List<StoredEvent> events, long lag) {
        }
        Background.run(() -> new Found(store.events(q, LIMIT), store.searchLag()), found -> {
            rows.setAll(found.events());
            int n = found.events().size();
            status.set(n + (n == LIMIT ? "+" : "") + " events" + (q.isBlank() ? " (newest)" : " with every word of “" + q + "”")
                    + (found.lag() > 0 && !q.isBlank() ? " — the " + found.lag() + " newest are not searchable yet" : ""));
        }, e -> status.set("Search failed: " + e.getMessage()));
    }
}
