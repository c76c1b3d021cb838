package dev.vigie.ui.dashboard;

import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.MetricChart;
import dev.vigie.ui.View;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

public final class DashboardView extends View<VBox> {
    private final DashboardViewModel vm = new DashboardViewModel();
    final Tile eventsTile = tile(Tile.SkinType.NUMBER, "Events per second", "ev/s", 1);
    final Tile errorTile = tile(Tile.SkinType.NUMBER, "Error rate", "%", 1);
    final Tile incidentsTile = tile(Tile.SkinType.NUMBER, "Open incidents", "", 0);
    final Tile sparkTile = TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE).title("Throughput")
            .unit("ev/s").decimals(1).averagingPeriod(60).averageVisible(true).animated(false).build();
    private final MetricChart chart = new MetricChart();

    public DashboardView() {
        super("dashboard", "Dashboard", new VBox(10));
        root.setPadding(new Insets(12));
        Label verdict = new Label();
        verdict.setId("dashboard-verdict");
        verdict.getStyleClass().add("verdict");
        verdict.textProperty().bind(vm.verdict);
        eventsTile.setId("dashboard-events");
        errorTile.setId("dashboard-errors");
        incidentsTile.setId("dashboard-open-incidents");
        sparkTile.setId("dashboard-sparkline");
        GridPane tiles = new GridPane();
        tiles.setHgap(10);
        tiles.add(eventsTile, 0, 0);
        tiles.add(errorTile, 1, 0);
        tiles.add(incidentsTile, 2, 0);
        tiles.add(sparkTile, 3, 0);
        vm.eventsPerSecond.addListener((o, a, b) -> {
            eventsTile.setValue(b.doubleValue());
            sparkTile.setValue(b.doubleValue());
        });
        vm.errorRate.addListener((o, a, b) -> errorTile.setValue(b.doubleValue()));
        vm.openIncidents.addListener((o, a, b) -> incidentsTile.setValue(b.doubleValue()));
        vm.chart.addListener((o, a, b) -> chart.show(b));
        chart.setId("dashboard-chart");
        chart.setTitle(DashboardViewModel.CHARTED_SERIES + " (anomalies marked)");
        VBox.setVgrow(chart, Priority.ALWAYS);
        root.getChildren().addAll(verdict, tiles, chart);
    }

    private static Tile tile(Tile.SkinType type, String title, String unit, int decimals) {
        return TileBuilder.create().skinType(type).title(title).unit(unit).decimals(decimals).prefSize(220, 180)
                .animated(false).build();
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.apply(snapshot);
    }

    @Override
    public String chartedSeries() {
        return DashboardViewModel.CHARTED_SERIES;
    }
}
