package dev.vigie.ui.settings;

import dev.vigie.pipeline.LiveRuntime;
import dev.vigie.store.SourceStatus;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.View;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

public final class SettingsView implements View {
    private final SettingsViewModel vm;
    private final VBox root = new VBox(8);

    public SettingsView(LiveRuntime runtime) {
        vm = new SettingsViewModel(runtime);
        root.setId("settings-view");
        root.setPadding(new Insets(12));
        Label paths = new Label();
        paths.textProperty().bind(vm.paths);
        Label model = new Label();
        model.setId("settings-model");
        model.textProperty().bind(vm.model);
        Label counts = new Label();
        counts.setId("settings-counts");
        counts.textProperty().bind(vm.counts);
        TableView<SourceStatus> table = new TableView<>(vm.sources);
        table.setId("settings-sources");
        table.getColumns().add(column("Source", SourceStatus::source, 420));
        table.getColumns().add(column("Lines", s -> String.valueOf(s.lines()), 80));
        table.getColumns().add(column("Events", s -> String.valueOf(s.events()), 80));
        table.getColumns().add(column("Rejected", s -> String.valueOf(s.rejected()), 80));
        table.getColumns().add(column("Checkpoint (bytes)", s -> String.valueOf(s.offset()), 140));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(paths, model, counts, new Label("Sources"), table);
    }

    private static TableColumn<SourceStatus, String> column(String title, Function<SourceStatus, String> value, double width) {
        TableColumn<SourceStatus, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.apply(snapshot);
    }
}
