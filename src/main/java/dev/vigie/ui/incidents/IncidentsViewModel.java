package dev.vigie.ui.incidents;

import dev.vigie.event.StoredIncident;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Tasks;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The incident list, reloaded when the engine says an incident changed, and the chosen one's report. */
public final class IncidentsViewModel {
    final ObservableList<StoredIncident> incidents = FXCollections.observableArrayList();
    final ObjectProperty<StoredIncident> selected = new SimpleObjectProperty<>();
    final StringProperty report = new SimpleStringProperty("Select an incident to read its report.");
    private final EngineQueries engine;
    private final Tasks tasks;
    private final AtomicBoolean stale = new AtomicBoolean(true);

    /** Listens to the engine: when an incident changes, only a flag is set, on the engine's thread. */
    public IncidentsViewModel(EngineQueries engine, Tasks tasks) {
        this.engine = engine;
        this.tasks = tasks;
        engine.onIncidentsChanged(this::markStale);
        selected.addListener((o, a, b) -> loadReport(b));
    }

    /** Any thread: the list must be read again at the next refresh. */
    void markStale() {
        stale.set(true);
    }

    void refreshIfStale() {
        if (stale.getAndSet(false)) {
            tasks.run(engine::incidents, list -> {
                StoredIncident keep = selected.get();
                incidents.setAll(list);
                if (keep != null) {
                    list.stream().filter(i -> i.id().equals(keep.id())).findFirst().ifPresent(i -> {
                        if (!i.equals(keep)) {
                            selected.set(i);
                        }
                    });
                }
            }, e -> report.set("Cannot list incidents: " + e.getMessage()));
        }
    }

    private void loadReport(StoredIncident incident) {
        if (incident == null) {
            return;
        }
        if (incident.reportPath() == null) {
            report.set(incident.id() + " is " + incident.status().name().toLowerCase() + "; its report is being written.");
            return;
        }
        tasks.run(() -> engine.report(incident.id()).orElse(incident.id() + " has no report yet."), report::set,
                e -> report.set("Cannot read the report of " + incident.id() + ": " + e.getMessage()));
    }
}
