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
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window: navigation on the left (a shortcut per view), the chosen view in the middle, the
 * engine's state at the bottom; sized to the screen the first time, then as it was left.
 */
public final class MainWindow implements Navigator {
    private static final List<String> ICONS = List.of("mdi2v-view-dashboard-outline", "mdi2c-chart-line", "mdi2t-text-box-search-outline",
            "mdi2a-alert-octagon-outline", "mdi2c-chat-outline", "mdi2t-tune", "mdi2c-cog-outline");
    private final List<View<?>> views;
    private final Map<String, ToggleButton> navButtons = new HashMap<>();
    private final LogsView logs;
    private final IncidentsView incidents;
    private final ChatView chat;
    private final EngineQueries engine;
    private final EngineCommands commands;
    private final Texts texts;
    private final Theme theme;
    private final UiRefresher refresher;
    private final StackPane center = new StackPane();
    private final BorderPane root = new BorderPane();

    /** The theme and language the settings give. */
    public MainWindow(EngineQueries engine, EngineCommands commands) {
        this(engine, commands, Texts.of(Locale.forLanguageTag(engine.settings().ui().languageFor(Locale.getDefault()))),
                new Theme(engine.settings().ui().dark()));
    }

    public MainWindow(EngineQueries engine, EngineCommands commands, Texts texts, Theme theme) {
        this.engine = engine;
        this.commands = commands;
        this.texts = texts;
        this.theme = theme;
        ZoneId zone = engine.settings().zone();
        this.logs = new LogsView(engine, this, texts, zone);
        this.incidents = new IncidentsView(engine, commands, this, texts, zone);
        this.chat = new ChatView(engine, this, texts);
        this.views = List.of(
                new DashboardView(engine, this, texts, theme),
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
        for (int k = 0; k < views.size(); k++) {
            View<?> v = views.get(k);
            ToggleButton b = new ToggleButton(texts.get("nav." + v.id()), new FontIcon(ICONS.get(k)));
            b.setId("nav-" + v.id());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(texts.format("nav.shortcut", "Ctrl+" + (k + 1))));
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

    @Override
    public void openLogs(String service, String level) {
        logs.showFiltered(service, level);
        go(logs);
    }

    @Override
    public void show(String viewId) {
        views.stream().filter(v -> v.id().equals(viewId)).findFirst().ifPresent(this::go);
    }

    public Scene scene() {
        return scene(1280, 800);
    }

    public Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        theme.apply(scene);
        // Ctrl+1…7 a view, Ctrl+K the log search, Ctrl+Down / Ctrl+Up the next or previous incident, Ctrl+P pause or resume
        for (int k = 0; k < views.size(); k++) {
            View<?> v = views.get(k);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (k + 1)), KeyCombination.SHORTCUT_DOWN), () -> go(v));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> {
            go(logs);
            logs.focusSearch();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN), () -> {
            go(incidents);
            incidents.move(1);
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN), () -> {
            go(incidents);
            incidents.move(-1);
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::pauseOrResume);
        return scene;
    }

    private void pauseOrResume() {
        Tasks tasks = Background.FX;
        tasks.run(() -> {
            if (engine.snapshot().paused()) {
                commands.resume();
            } else {
                commands.pause();
            }
            return true;
        }, done -> { }, e -> { }); // no replay to pause: nothing to do
    }

    public void show(Stage stage) {
        stage.setTitle(texts.get("window.title"));
        WindowPlace place = WindowPlace.remembered();
        stage.setScene(scene(place.width(), place.height()));
        place.applyTo(stage);
        stage.setOnCloseRequest(e -> WindowPlace.of(stage).remember());
        stage.show();
        refresher.start();
    }

    Texts texts() {
        return texts;
    }

    /** The window's root, in its scene once {@link #scene} was called. */
    javafx.scene.Parent sceneNode() {
        return root;
    }

    /** Snapshots the views have taken so far. */
    long refreshes() {
        return refresher.applied();
    }

    /** For tests that host the window themselves. */
    public void startRefreshing() {
        refresher.start();
    }

    public void close() {
        refresher.stop();
    }
}
