package dev.vigie.ui.live;

import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.MetricChart;
import dev.vigie.ui.View;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

public final class LiveView extends View<VBox> {
    private final LiveViewModel vm = new LiveViewModel();

    public LiveView() {
        super("live", "Live", new VBox(8));
        root.setPadding(new Insets(12));
        ComboBox<String> series = new ComboBox<>(vm.series);
        series.setId("live-series");
        series.valueProperty().bindBidirectional(vm.selected);
        MetricChart chart = new MetricChart();
        chart.setId("live-chart");
        chart.setPrefHeight(320);
        vm.chart.addListener((o, a, b) -> chart.show(b));
        ListView<String> tail = new ListView<>(vm.lines);
        tail.setId("live-tail");
        tail.getStyleClass().add("mono");
        vm.lines.addListener((javafx.collections.ListChangeListener<String>) c -> tail.scrollTo(Math.max(0, vm.lines.size() - 1)));
        VBox.setVgrow(tail, Priority.ALWAYS);
        root.getChildren().addAll(new HBox(8, new Label("Series"), series), chart, new Label("Newest log lines"), tail);
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.apply(snapshot);
    }

    @Override
    public java.util.List<String> chartedSeries() {
        return vm.selected.get() == null ? java.util.List.of() : java.util.List.of(vm.selected.get());
    }
}
