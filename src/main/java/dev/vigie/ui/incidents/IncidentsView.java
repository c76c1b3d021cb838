package dev.vigie.ui.incidents;

import dev.vigie.event.StoredIncident;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Background;
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

    public IncidentsView(EngineQueries engine) {
        super("incidents", "Incidents", new SplitPane());
        vm = new IncidentsViewModel(engine, Background.FX);
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

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.refreshIfStale();
    }
}
