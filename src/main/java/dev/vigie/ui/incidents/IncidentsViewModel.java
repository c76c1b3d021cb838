package dev.vigie.ui.incidents;

import dev.vigie.event.StoredIncident;
import dev.vigie.event.SimilarIncident;
import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.pipeline.client.IncidentPage;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The incident list, read again when the engine says an incident changed, and the chosen one's
 * page: report, plan with what people said of each step, similar past incidents.
 */
public final class IncidentsViewModel {
    final ObservableList<StoredIncident> incidents = FXCollections.observableArrayList();
    final ObjectProperty<StoredIncident> selected = new SimpleObjectProperty<>();
    final ObjectProperty<IncidentPage> page = new SimpleObjectProperty<>();
    /** What was said of each step on this page ({@code P1}... or empty for the analysis), as shown. */
    final ObservableMap<String, Boolean> said = FXCollections.observableMap(new TreeMap<>());
    /** Past incidents like the chosen one: read apart, as the memory may first load its model. */
    final ObservableList<SimilarIncident> similar = FXCollections.observableArrayList();
    final StringProperty message;
    private final EngineQueries engine;
    private final EngineCommands commands;
    private final Tasks tasks;
    private final Texts texts;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    /** An incident asked for (a chat citation) before the list holding it was read. */
    private String wanted;

    /** Listens to the engine: when an incident changes, only a flag is set, on the engine's thread. */
    public IncidentsViewModel(EngineQueries engine, EngineCommands commands, Tasks tasks, Texts texts) {
        this.engine = engine;
        this.commands = commands;
        this.tasks = tasks;
        this.texts = texts;
        this.message = new SimpleStringProperty(texts.get("incidents.choose"));
        engine.onIncidentsChanged(this::markStale);
        selected.addListener((o, a, b) -> load(b, a == null || b == null || !a.id().equals(b.id())));
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
                String id = wanted != null ? wanted : keep == null ? null : keep.id();
                if (id != null) {
                    list.stream().filter(i -> i.id().equals(id)).findFirst().ifPresent(i -> {
                        wanted = null;
                        if (!i.equals(keep)) {
                            selected.set(i);
                        }
                    });
                }
            }, e -> message.set(texts.format("incidents.cannotList", e.getMessage())));
        }
    }

    /** Shows one incident, read from the engine now if the list does not hold it yet. */
    public void open(String incidentId) {
        incidents.stream().filter(i -> i.id().equals(incidentId)).findFirst().ifPresentOrElse(selected::set, () -> {
            wanted = incidentId;
            markStale();
            refreshIfStale();
        });
    }

    private void load(StoredIncident incident, boolean another) {
        if (incident == null) {
            page.set(null);
            return;
        }
        String id = incident.id();
        if (another) {
            page.set(null);
            said.clear();
            similar.clear();
            tasks.run(() -> engine.similarIncidents(id), found -> {
                if (selected.get() != null && selected.get().id().equals(id)) {
                    similar.setAll(found);
                }
            }, e -> similar.clear());
        }
        tasks.run(() -> engine.incidentPage(id), p -> {
            if (selected.get() == null || !selected.get().id().equals(id)) {
                return; // another was chosen meanwhile
            }
            p.ifPresentOrElse(found -> {
                page.set(found);
                said.clear();
                said.putAll(found.feedback());
                message.set("");
            }, () -> message.set(texts.format("incidents.gone", id)));
        }, e -> message.set(texts.format("incidents.cannotRead", id, e.getMessage())));
    }

    /** A person says a step ({@code P1}...) helped or not: kept by the engine, shown at once. */
    void feedback(String action, boolean helped) {
        IncidentPage p = page.get();
        if (p == null) {
            return;
        }
        String id = p.incident().id();
        tasks.run(() -> {
            commands.feedback(id, action, helped, "");
            return helped;
        }, ok -> said.put(action, ok), e -> message.set(texts.format("incidents.feedbackFailed", e.getMessage())));
    }

    Map<String, Boolean> said() {
        return said;
    }
}
