package dev.vigie.ui;

import dev.vigie.chat.ChatService;
import dev.vigie.pipeline.LiveRuntime;
import dev.vigie.ui.chat.ChatView;
import dev.vigie.ui.dashboard.DashboardView;
import dev.vigie.ui.incidents.IncidentsView;
import dev.vigie.ui.live.LiveView;
import dev.vigie.ui.logs.LogsView;
import dev.vigie.ui.settings.SettingsView;
import dev.vigie.ui.simulation.SimulationView;
import java.util.List;
import java.util.Locale;
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
public final class MainWindow {
    private final List<View> views;
    private final UiRefresher refresher;
    private final StackPane center = new StackPane();
    private final Label statusBar = new Label();
    private final BorderPane root = new BorderPane();

    public MainWindow(LiveRuntime runtime) {
        IncidentsView incidents = new IncidentsView(runtime);
        this.views = List.of(
                new DashboardView(runtime),
                new LiveView(),
                new LogsView(runtime.store()),
                incidents,
                new ChatView(new ChatService(runtime.store())),
                new SimulationView(runtime),
                new SettingsView(runtime));
        VBox nav = new VBox(4);
        nav.setId("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        Label brand = new Label("Vigie");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (View v : views) {
            ToggleButton b = new ToggleButton(v.title());
            b.setId("nav-" + v.id());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> {
                b.setSelected(true);
                select(v);
            });
            nav.getChildren().add(b);
        }
        ((ToggleButton) nav.getChildren().get(1)).setSelected(true);
        select(views.get(0));

        statusBar.setId("status-bar");
        statusBar.setPadding(new Insets(4, 10, 4, 10));
        root.setLeft(nav);
        root.setCenter(center);
        root.setBottom(statusBar);
        root.setId("cockpit");

        View status = new View() {
            @Override
            public String id() {
                return "status";
            }

            @Override
            public String title() {
                return "";
            }

            @Override
            public javafx.scene.Node node() {
                return statusBar;
            }

            @Override
            public void apply(CockpitSnapshot s) {
                LiveRuntime.Status st = s.status();
                String replay = st.replayTotal() == 0 ? "no replay"
                        : String.format(Locale.ROOT, "replay %d/%d lines at %.0f×", st.replayed(), st.replayTotal(), st.replaySpeed());
                String model = st.ollama().up() ? "Ollama: " + st.ollama().model() : "offline analyst (" + st.ollama().error() + ")";
                statusBar.setText(String.format(Locale.ROOT, "event time %s · %s · queue %d · %s · %d UI updates shed",
                        st.eventTime().toString().substring(0, 19).replace('T', ' '), replay, st.queueDepth(), model,
                        s.shedUpdates()));
            }
        };
        refresher = new UiRefresher(runtime, java.util.stream.Stream.concat(views.stream(), java.util.stream.Stream.of(status)).toList());
        incidents.listenTo(runtime.bus());
    }

    private void select(View v) {
        center.getChildren().setAll(v.node());
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
