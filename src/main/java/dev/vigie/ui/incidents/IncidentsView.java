package dev.vigie.ui.incidents;

import dev.vigie.event.Incident;
import dev.vigie.pipeline.EventBus;
import dev.vigie.pipeline.LiveRuntime;
import dev.vigie.store.IncidentReport;
import dev.vigie.store.StoredIncident;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.View;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;

public final class IncidentsView extends View<SplitPane> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private final IncidentsViewModel vm;

    public IncidentsView(LiveRuntime runtime) {
        super("incidents", "Incidents", new SplitPane());
        vm = new IncidentsViewModel(runtime.store());
        root.setPadding(new Insets(12));
        ListView<StoredIncident> list = new ListView<>(vm.incidents);
        list.setId("incidents-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StoredIncident i, boolean empty) {
                super.updateItem(i, empty);
                getStyleClass().removeAll("CRITICAL", "WARNING", "INFO");
                if (empty || i == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add(i.severity().name());
                setText(WHEN.format(i.start()) + "  " + i.severity() + "  " + i.service()
                        + "\n" + (i.domain() == null ? i.status().name().toLowerCase() + ", analysing…" : i.domain()
                        + " · " + i.status().name().toLowerCase()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected.set(b));
        TextArea report = new TextArea();
        report.setId("incident-report");
        report.setEditable(false);
        report.setWrapText(true);
        report.getStyleClass().add("mono");
        report.textProperty().bind(vm.report);
        root.getItems().addAll(list, report);
        root.setDividerPositions(0.3);
    }

    /** Incidents and reports arrive on engine threads: only a flag is set there. */
    public void listenTo(EventBus bus) {
        bus.subscribe(Incident.class, i -> vm.markStale());
        bus.subscribe(IncidentReport.class, r -> vm.markStale());
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.refreshIfStale();
    }
}
