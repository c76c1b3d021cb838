package dev.vigie.ui.logs;

import dev.vigie.event.EventDetail;
import dev.vigie.event.StoredEvent;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.event.EventQuery;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The log explorer: stored events by words, service, level and template, newest first, read off
 * the FX thread; the chosen one's whole record; a cited line shown among its neighbours.
 */
public final class LogsViewModel {
    static final int LIMIT = 500;
    /** A cited line is shown with what its service logged this long before and after it. */
    static final Duration AROUND = Duration.ofMinutes(2);
    static final String PROBLEMS = "WARN+";

    final StringProperty query = new SimpleStringProperty("");
    final StringProperty service = new SimpleStringProperty("");
    /** A level name, {@link #PROBLEMS} for warnings and worse, or empty for any. */
    final StringProperty level = new SimpleStringProperty("");
    /** A template id or its first characters, or empty. */
    final StringProperty template = new SimpleStringProperty("");
    final StringProperty status = new SimpleStringProperty("");
    final ObservableList<StoredEvent> rows = FXCollections.observableArrayList();
    final ObjectProperty<EventDetail> detail = new SimpleObjectProperty<>();
    /** The row to select once the rows are read: a cited line. */
    final ObjectProperty<StoredEvent> focus = new SimpleObjectProperty<>();
    private final EngineQueries engine;
    private final Tasks tasks;
    private final Texts texts;

    public LogsViewModel(EngineQueries engine, Tasks tasks, Texts texts) {
        this.engine = engine;
        this.tasks = tasks;
        this.texts = texts;
    }

    void search() {
        run(query(null, null), null);
    }

    private EventQuery query(Instant from, Instant to) {
        Set<String> levels = switch (level.get()) {
            case "" -> Set.of();
            case PROBLEMS -> Set.of("WARN", "ERROR", "FATAL");
            default -> Set.of(level.get());
        };
        return new EventQuery(query.get().strip(), service.get(), levels, template.get(), from, to, 0, LIMIT);
    }

    private void run(EventQuery q, StoredEvent toFocus) {
        status.set(texts.get("logs.searching"));
        tasks.run(() -> engine.events(q), found -> {
            rows.setAll(found.events());
            int n = found.events().size();
            String count = n == LIMIT ? texts.format("logs.countMore", n) : texts.format(n == 1 ? "logs.countOne" : "logs.count", n);
            String lag = found.notSearchable() > 0 && q.words() != null && !q.words().isEmpty()
                    ? " — " + texts.format("logs.notSearchable", found.notSearchable()) : "";
            status.set(count + lag);
            focus.set(toFocus);
        }, e -> status.set(texts.format("logs.failed", e.getMessage())));
    }

    /** The whole record of a listed event. */
    void choose(StoredEvent e) {
        if (e == null) {
            detail.set(null);
            return;
        }
        tasks.run(() -> engine.eventDetail(e.id()), d -> detail.set(d.orElse(null)),
                ex -> status.set(texts.format("logs.failed", ex.getMessage())));
    }

    /** A cited line: its record, among what its service logged just before and after it. */
    public void showLine(long eventId) {
        tasks.run(() -> engine.eventDetail(eventId), found -> found.ifPresentOrElse(d -> {
            query.set("");
            level.set("");
            template.set("");
            service.set(d.event().service());
            detail.set(d);
            run(query(d.event().time().minus(AROUND), d.event().time().plus(AROUND)), d.event());
        }, () -> status.set(texts.format("logs.noLine", eventId))), e -> status.set(texts.format("logs.failed", e.getMessage())));
    }

    /** One service's lines (empty: every service) at a level or worse, newest first. */
    public void showFiltered(String byService, String atLevel) {
        query.set("");
        template.set("");
        service.set(byService);
        level.set(atLevel);
        search();
    }

    /** The lines of one template, newest first. */
    public void showTemplate(String templateId) {
        query.set("");
        service.set("");
        level.set("");
        template.set(templateId);
        search();
    }
}
