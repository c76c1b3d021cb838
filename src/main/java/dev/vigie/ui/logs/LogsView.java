package dev.vigie.ui.logs;

import dev.vigie.event.StoredEvent;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.Columns;
import dev.vigie.ui.View;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

public final class LogsView extends View<VBox> {
    private final LogsViewModel vm;
    private boolean loaded;

    public LogsView(EngineQueries engine) {
        super("logs", "Logs", new VBox(8));
        vm = new LogsViewModel(engine, Background.FX);
        root.setPadding(new Insets(12));
        TextField query = new TextField();
        query.setId("logs-query");
        query.setPromptText("Full-text search, e.g. HikariPool or origin");
        query.textProperty().bindBidirectional(vm.query);
        query.setOnAction(e -> vm.search());
        Button search = new Button("Search");
        search.setId("logs-search");
        search.setOnAction(e -> vm.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        TableView<StoredEvent> table = new TableView<>(vm.rows);
        table.setId("logs-table");
        table.getColumns().add(Columns.text("Time (UTC)", e -> e.time().toString(), 200));
        table.getColumns().add(Columns.text("Service", StoredEvent::service, 110));
        table.getColumns().add(Columns.text("Level", StoredEvent::level, 70));
        table.getColumns().add(Columns.text("Message", StoredEvent::message, 700));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label status = new Label();
        status.setId("logs-status");
        status.textProperty().bind(vm.status);
        root.getChildren().addAll(new HBox(8, query, search), status, table);
    }

    @Override
    public void onShow() {
        if (!loaded) {
            loaded = true;
            vm.search();
        }
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        // the explorer shows what was asked for; it does not move under the reader's eyes
    }
}
