package dev.vigie.ui.dashboard;

import dev.vigie.event.StoredIncident;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.MetricChart;
import dev.vigie.ui.Navigator;
import dev.vigie.ui.State;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import dev.vigie.ui.Theme;
import dev.vigie.ui.View;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The CTO's glance: a banner coloured by state that says what is broken, where it began and what
 * to do first; a cell per service; open incidents by severity; the newest report; throughput and
 * error rate. Everything opens its detail when clicked.
 */
public final class DashboardView extends View<VBox> {
    private final DashboardViewModel vm;
    private final Navigator navigator;
    private final Texts texts;
    final Tile eventsTile;
    final Tile errorTile;
    final Tile incidentsTile;
    private final HBox banner = new HBox(12);
    private final Label bannerText = new Label();
    private final Button bannerAction = new Button();
    private final FlowPane grid = new FlowPane(10, 10);
    private final Label newest = new Label();
    private final MetricChart chart = new MetricChart();

    public DashboardView(EngineQueries engine, Navigator navigator, Texts texts, Theme theme) {
        this(engine, navigator, texts, theme, Background.FX);
    }

    DashboardView(EngineQueries engine, Navigator navigator, Texts texts, Theme theme, Tasks tasks) {
        super("dashboard", texts.get("nav.dashboard"), new VBox(12));
        this.vm = new DashboardViewModel(engine, tasks, texts);
        this.navigator = navigator;
        this.texts = texts;
        root.setPadding(new Insets(16));

        banner.setId("dashboard-banner");
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        bannerText.setId("dashboard-verdict");
        bannerText.getStyleClass().add("banner-text");
        bannerText.setWrapText(true);
        HBox.setHgrow(bannerText, Priority.ALWAYS);
        bannerText.setMaxWidth(Double.MAX_VALUE);
        bannerAction.setId("dashboard-banner-action");
        bannerAction.setMinWidth(Region.USE_PREF_SIZE);
        banner.getChildren().addAll(bannerText, bannerAction);
        vm.health.addListener((o, a, h) -> showHealth(h));
        showHealth(vm.health.get());

        eventsTile = tile(theme, texts.get("dashboard.events"), texts.get("dashboard.eventsUnit"), 1);
        eventsTile.setId("dashboard-events");
        errorTile = tile(theme, texts.get("dashboard.errors"), "%", 1);
        errorTile.setId("dashboard-errors");
        incidentsTile = tile(theme, texts.get("dashboard.open"), "", 0);
        incidentsTile.setId("dashboard-open-incidents");
        clickable(eventsTile, () -> navigator.openLogs("", ""));
        clickable(errorTile, () -> navigator.openLogs("", "WARN+"));
        clickable(incidentsTile, () -> navigator.show("incidents"));
        vm.eventsPerSecond.addListener((o, a, b) -> eventsTile.setValue(b.doubleValue()));
        vm.errorRate.addListener((o, a, b) -> errorTile.setValue(b.doubleValue()));
        vm.openCritical.addListener((o, a, b) -> showOpen());
        vm.openWarning.addListener((o, a, b) -> showOpen());

        VBox report = card(texts.get("dashboard.newest"), newest);
        report.setId("dashboard-newest");
        newest.setWrapText(true);
        newest.setText(texts.get("dashboard.noReport"));
        vm.newestReport.addListener((o, a, i) -> newest.setText(i == null ? texts.get("dashboard.noReport")
                : i.id() + " · " + i.service() + "\n" + (i.cause() != null ? i.cause() : i.domain() == null ? "" : i.domain())));
        clickable(report, () -> {
            StoredIncident i = vm.newestReport.get();
            if (i != null) {
                navigator.openIncident(i.id());
            }
        });
        Label slo = new Label(texts.get("dashboard.noSlo"));
        slo.setWrapText(true);
        slo.getStyleClass().add("hint");
        VBox sloCard = card(texts.get("dashboard.slo"), slo);
        sloCard.setId("dashboard-slo");
        HBox tiles = new HBox(12, eventsTile, errorTile, incidentsTile, report, sloCard);
        HBox.setHgrow(report, Priority.ALWAYS);
        HBox.setHgrow(sloCard, Priority.ALWAYS);

        Label servicesTitle = new Label(texts.get("dashboard.services"));
        servicesTitle.getStyleClass().add("section-title");
        grid.setId("dashboard-services");
        vm.services.addListener((javafx.collections.ListChangeListener<ServiceHealth>) c -> showServices());

        vm.chart.addListener((o, a, b) -> chart.show(b));
        chart.setId("dashboard-chart");
        chart.titleProperty().bind(vm.chartedSeries.map(n -> texts.format("dashboard.chart", n)));
        VBox.setVgrow(chart, Priority.ALWAYS);
        root.getChildren().addAll(banner, tiles, servicesTitle, grid, chart);
    }

    private void showHealth(Health h) {
        banner.getStyleClass().removeIf(c -> c.startsWith("state-"));
        banner.getStyleClass().add(h.state().styleClass());
        bannerText.setText(h.text());
        FontIcon icon = new FontIcon(switch (h.state()) {
            case CRITICAL -> "mdi2a-alert-octagon";
            case WARNING -> "mdi2a-alert";
            case OK -> "mdi2c-check-circle";
            case NO_DATA -> "mdi2h-help-circle-outline";
        });
        icon.getStyleClass().add(h.state().styleClass());
        icon.setIconSize(28);
        bannerText.setGraphic(icon);
        bannerText.setGraphicTextGap(12);
        if (h.incidentId() != null) {
            bannerAction.setText(texts.get("dashboard.openIncident"));
            bannerAction.setOnAction(e -> navigator.openIncident(h.incidentId()));
        } else if (!h.watching()) {
            bannerAction.setText(texts.get("dashboard.addSource"));
            bannerAction.setOnAction(e -> navigator.show("settings"));
        }
        bannerAction.setVisible(h.incidentId() != null || !h.watching());
        bannerAction.setManaged(bannerAction.isVisible());
    }

    private void showOpen() {
        int critical = vm.openCritical.get();
        int warning = vm.openWarning.get();
        incidentsTile.setValue(critical + warning);
        incidentsTile.setDescription(texts.format("dashboard.bySeverity", critical, warning));
        incidentsTile.setValueColor(critical > 0 ? javafx.scene.paint.Color.web("#f85149")
                : warning > 0 ? javafx.scene.paint.Color.web("#d29922") : incidentsTile.getTitleColor());
    }

    private void showServices() {
        List<Node> cells = vm.services.stream().map(this::cell).toList();
        grid.getChildren().setAll(cells);
    }

    private Node cell(ServiceHealth s) {
        Label name = new Label(s.service());
        name.getStyleClass().add("row-title");
        Label state = new Label(texts.get("state." + s.state().name()));
        state.getStyleClass().addAll("hint", s.state().styleClass());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, name, gap, state);
        Label numbers = new Label((s.error().isEmpty() ? "" : texts.format("dashboard.cellErrors", s.error()))
                + (s.error().isEmpty() || s.p95().isEmpty() ? "" : " · ") + (s.p95().isEmpty() ? "" : "p95 " + s.p95()));
        numbers.getStyleClass().add("hint");
        VBox box = new VBox(4, top, numbers, sparkline(s.p95Points(), 180, 32));
        box.getStyleClass().addAll("card", s.state().styleClass());
        box.setId("service-" + s.service());
        box.setPrefWidth(210);
        clickable(box, () -> navigator.openLogs(s.service(), ""));
        return box;
    }

    /** The points as a line scaled into the box: the shape of the last minutes, no axes. */
    static Pane sparkline(List<Double> points, double width, double height) {
        Polyline line = new Polyline();
        line.getStyleClass().add("sparkline");
        if (points.size() > 1) {
            double min = points.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = points.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            double span = max - min == 0 ? 1 : max - min;
            for (int k = 0; k < points.size(); k++) {
                line.getPoints().addAll(width * k / (points.size() - 1), height - 2 - (height - 4) * (points.get(k) - min) / span);
            }
        }
        Pane pane = new Pane(line);
        pane.setMinSize(width, height);
        pane.setPrefSize(width, height);
        pane.setMaxSize(width, height);
        return pane;
    }

    private static VBox card(String title, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add("hint");
        VBox card = new VBox(6, t, body);
        card.getStyleClass().add("card");
        card.setPrefSize(220, 150);
        card.setMinWidth(180);
        return card;
    }

    private static void clickable(Node n, Runnable open) {
        n.setOnMouseClicked(e -> open.run());
        n.setStyle("-fx-cursor: hand;");
    }

    private static Tile tile(Theme theme, String title, String unit, int decimals) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.NUMBER).title(title).unit(unit).decimals(decimals).prefSize(200, 150)
                .animated(false).build();
        theme.style(t);
        return t;
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.apply(snapshot);
    }

    @Override
    public List<String> chartedSeries() {
        return vm.charted();
    }
}
