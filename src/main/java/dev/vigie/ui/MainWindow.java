package dev.vigie.ui;

import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.chat.ChatView;
import dev.vigie.ui.dashboard.DashboardView;
import dev.vigie.ui.incidents.IncidentsView;
import dev.vigie.ui.live.LiveView;
import dev.vigie.ui.logs.LogsView;
import dev.vigie.ui.settings.SettingsView;
import dev.vigie.ui.simulation.SimulationView;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The window: navigation on the left, the chosen view in the middle, the engine's state at the bottom. */
public final class MainWindow implements Navigator {
    private final List<View<?>> views;
    private final Map<String, ToggleButton> navButtons = new HashMap<>();
    private final LogsView logs;
    private final IncidentsView incidents;
    private final ChatView chat;
    private final UiRefresher refresher;
    private final StackPane center = new StackPane();
    private final BorderPane root = new BorderPane();

    public MainWindow(EngineQueries engine, EngineCommands commands) {
        this(engine, commands, Texts.of(Locale.getDefault()));
    }

    public MainWindow(EngineQueries engine, EngineCommands commands, Texts texts) {
        ZoneId zone = engine.settings().zone();
        this.logs = new LogsView(engine, this, texts, zone);
        this.incidents = new IncidentsView(engine, commands, this, texts, zone);
        this.chat = new ChatView(engine, this, texts);
        this.views = List.of(
                new DashboardView(),
                new LiveView(),
                logs,
                incidents,
                chat,
                new SimulationView(engine, commands),
                new SettingsView(engine));
        VBox nav = new VBox(4);
        nav.setId("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        Label brand = new Label("Vigie");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (View<?> v : views) {
            ToggleButton b = new ToggleButton(v.title());
            b.setId("nav-" + v.id());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> {
                b.setSelected(true);
                select(v);
            });
            navButtons.put(v.id(), b);
            nav.getChildren().add(b);
        }
        ((ToggleButton) nav.getChildren().get(1)).setSelected(true);
        select(views.get(0));

        StatusBar status = new StatusBar();
        root.setLeft(nav);
        root.setCenter(center);
        root.setBottom(status.node());
        root.setId("cockpit");

        List<View<?>> refreshed = new ArrayList<>(views);
        refreshed.add(status);
        refresher = new UiRefresher(engine, refreshed);
    }

    private void select(View<?> v) {
        v.onShow();
        center.getChildren().setAll(v.node());
    }

    private void go(View<?> v) {
        navButtons.get(v.id()).setSelected(true);
        select(v);
    }

    @Override
    public void openIncident(String incidentId) {
        incidents.open(incidentId);
        go(incidents);
    }

    @Override
    public void openLogLine(long eventId) {
        logs.showLine(eventId);
        go(logs);
    }

    @Override
    public void openTemplate(String templateId) {
        logs.showTemplate(templateId);
        go(logs);
    }

    @Override
    public void ask(String question) {
        go(chat);
        chat.ask(question);
    }

    public Scene scene() {
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("cockpit.css")).toExternalForm());
        return scene;
    }

    public void show(Stage stage) {
        stage.setTitle("Vigie — AIOps cockpit");
        stage.setScene(scene());
        stage.show();
        refresher.start();
    }

    /** For tests that host the window themselves. */
    public void startRefreshing() {
        refresher.start();
    }

    public void close() {
        refresher.stop();
    }
}
