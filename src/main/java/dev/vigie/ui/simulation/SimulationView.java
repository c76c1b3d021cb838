package dev.vigie.ui.simulation;

import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.MetricChart;
import dev.vigie.ui.View;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

public final class SimulationView extends View<VBox> {
    private final SimulationViewModel vm;

    public SimulationView(EngineQueries engine, EngineCommands commands) {
        super("simulation", "Simulation", new VBox(8));
        vm = new SimulationViewModel(engine, commands, Background.FX);
        root.setPadding(new Insets(12));
        ComboBox<String> series = new ComboBox<>(vm.series);
        series.setId("simulation-series");
        series.valueProperty().bindBidirectional(vm.selected);
        Slider z = slider("simulation-z", 1.5, 8, vm.zThreshold.get());
        z.valueProperty().bindBidirectional(vm.zThreshold);
        Slider window = slider("simulation-window", 10, 200, vm.window.get());
        window.valueProperty().bindBidirectional(vm.window);
        CheckBox thresholds = new CheckBox("Static thresholds");
        thresholds.setId("simulation-thresholds");
        thresholds.selectedProperty().bindBidirectional(vm.thresholds);
        Label zValue = new Label();
        zValue.textProperty().bind(vm.zThreshold.asString(Locale.ROOT, "%.1f σ"));
        Label windowValue = new Label();
        windowValue.textProperty().bind(vm.window.asString(Locale.ROOT, "%.0f points"));
        Button rerun = new Button("Re-run on newest data");
        rerun.setId("simulation-rerun");
        rerun.setOnAction(e -> vm.redetect());
        Button apply = new Button("Use for live detection");
        apply.setId("simulation-apply");
        apply.setOnAction(e -> vm.applyToLive());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, new Label("Series"), series, rerun, apply);
        form.addRow(1, new Label("Rolling z-score threshold"), z, zValue);
        form.addRow(2, new Label("Rolling window"), window, windowValue);
        form.addRow(3, thresholds);

        MetricChart chart = new MetricChart();
        chart.setId("simulation-chart");
        vm.chart.addListener((o, a, b) -> chart.show(b));
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("simulation-summary");
        summary.textProperty().bind(vm.summary);
        root.getChildren().addAll(form, summary, chart);
    }

    private static Slider slider(String id, double min, double max, double value) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setPrefWidth(360);
        s.setShowTickLabels(true);
        s.setShowTickMarks(true);
        s.setMajorTickUnit((max - min) / 4);
        return s;
    }

    @Override
    public void onShow() {
        vm.redetect();
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.updateSeries(snapshot.series());
    }
}
