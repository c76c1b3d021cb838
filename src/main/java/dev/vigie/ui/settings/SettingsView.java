package dev.vigie.ui.settings;

import dev.vigie.config.Settings;
import dev.vigie.event.SourceStatus;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.Columns;
import dev.vigie.ui.View;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

public final class SettingsView extends View<VBox> {
    private final SettingsViewModel vm;

    public SettingsView(EngineQueries engine) {
        super("settings", "Settings", new VBox(8));
        vm = new SettingsViewModel(engine, Background.FX);
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
        table.getColumns().add(Columns.text("Source", SourceStatus::source, 420));
        table.getColumns().add(Columns.text("Lines", s -> String.valueOf(s.lines()), 80));
        table.getColumns().add(Columns.text("Events", s -> String.valueOf(s.events()), 80));
        table.getColumns().add(Columns.text("Rejected", s -> String.valueOf(s.rejected()), 80));
        table.getColumns().add(Columns.text("Invalid UTF-8", s -> String.valueOf(s.invalidUtf8()), 100));
        table.getColumns().add(Columns.text("Cut", s -> String.valueOf(s.truncated()), 60));
        table.getColumns().add(Columns.text("Last error", s -> s.lastError() == null ? "" : s.lastErrorAt() + " " + s.lastError(), 400));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(paths, model, counts, new Label("Sources"), table);
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.apply(snapshot);
    }
}
