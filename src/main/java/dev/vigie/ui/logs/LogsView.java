package dev.vigie.ui.logs;

import dev.vigie.store.Store;
import dev.vigie.store.StoredEvent;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.View;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.function.Function;

public final class LogsView implements View {
    private final LogsViewModel vm;
    private final VBox root = new VBox(8);
    private boolean loaded;

    public LogsView(Store store) {
        vm = new LogsViewModel(store);
        root.setId("logs-view");
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
        table.getColumns().add(column("Time (UTC)", e -> e.time().toString(), 200));
        table.getColumns().add(column("Service", StoredEvent::service, 110));
        table.getColumns().add(column("Level", StoredEvent::level, 70));
        table.getColumns().add(column("Message", StoredEvent::message, 700));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label status = new Label();
        status.setId("logs-status");
        status.textProperty().bind(vm.status);
        root.getChildren().addAll(new HBox(8, query, search), status, table);
    }

    private static TableColumn<StoredEvent, String> column(String title, Function<StoredEvent, String> value, double width) {
        TableColumn<StoredEvent, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public String id() {
        return "logs";
    }

    @Override
    public String title() {
        return "Logs";
    }

    @Override
    public Node node() {
        if (!loaded) {
            loaded = true;
            vm.search();
        }
        return root;
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        // the explorer shows what was asked for; it does not move under the reader's eyes
    }
}
