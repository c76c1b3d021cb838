package dev.vigie.ui.incidents;

import dev.vigie.event.StoredIncident;
import dev.vigie.event.SimilarIncident;
import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.pipeline.client.IncidentPage;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.Markdown;
import dev.vigie.ui.Navigator;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import dev.vigie.ui.View;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Incidents: the list (severity, service, cause, status, duration) and the chosen one's page: its
 * plan with "helped / did not help" on each step, similar past incidents, and its report drawn
 * from Markdown, citations as links.
 */
public final class IncidentsView extends View<SplitPane> {
    private final IncidentsViewModel vm;
    private final Texts texts;
    private final Navigator navigator;
    private final DateTimeFormatter when;
    private final VBox page = new VBox(12);
    private final ListView<StoredIncident> list;
    private final VBox header = new VBox(6);
    private final VBox plan = new VBox(6);
    private final VBox similar = new VBox(4);
    private final VBox report = new VBox(6);
    private final Map<String, ToggleButton[]> steps = new HashMap<>();
    private String drawnPlan;
    private String drawnReport;

    public IncidentsView(EngineQueries engine, EngineCommands commands, Navigator navigator, Texts texts, ZoneId zone) {
        this(engine, commands, navigator, texts, zone, Background.FX);
    }

    IncidentsView(EngineQueries engine, EngineCommands commands, Navigator navigator, Texts texts, ZoneId zone, Tasks tasks) {
        super("incidents", texts.get("incidents.title"), new SplitPane());
        this.vm = new IncidentsViewModel(engine, commands, tasks, texts);
        this.texts = texts;
        this.navigator = navigator;
        this.when = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(zone);
        root.setPadding(new Insets(12));
        list = new ListView<>(vm.incidents);
        list.setId("incidents-list");
        list.setCellFactory(v -> new IncidentCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selected.set(b);
            }
        });
        vm.selected.addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
                list.scrollTo(b);
            }
        });
        page.setId("incident-page");
        page.setPadding(new Insets(4, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        Label message = new Label();
        message.setId("incident-message");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.textProperty().bind(vm.message);
        message.visibleProperty().bind(vm.message.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        plan.setId("incident-plan");
        similar.setId("incident-similar");
        page.getChildren().addAll(message, header, plan, similar, report);
        vm.page.addListener((o, a, b) -> draw());
        vm.said.addListener((MapChangeListener<String, Boolean>) c -> showSaid());
        vm.similar.addListener((javafx.collections.ListChangeListener<SimilarIncident>) c -> drawSimilar());
        root.getItems().addAll(list, scroll);
        root.setDividerPositions(0.32);
    }

    /** The next ({@code +1}) or previous ({@code -1}) incident in the list, from the chosen one. */
    public void move(int by) {
        if (list.getItems().isEmpty()) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        int to = at < 0 ? 0 : Math.floorMod(at + by, list.getItems().size());
        list.getSelectionModel().select(to);
        list.scrollTo(to);
    }

    /** Shows one incident (a chat citation, a dashboard tile). */
    public void open(String incidentId) {
        vm.open(incidentId);
    }

    /**
     * The page's parts, each drawn again only when what it shows changed: an open incident changes
     * every few seconds, and a button must not be replaced under a click.
     */
    private void draw() {
        IncidentPage p = vm.page.get();
        header.getChildren().clear();
        if (p == null) {
            plan.getChildren().clear();
            report.getChildren().clear();
            steps.clear();
            drawnPlan = null;
            drawnReport = null;
            return;
        }
        StoredIncident i = p.incident();
        Label title = new Label(i.id() + " · " + i.service());
        title.getStyleClass().add("page-title");
        Label window = new Label(texts.format("incidents.window", when.format(i.start()), when.format(i.end()),
                duration(i), texts.get("status." + i.status().name())));
        window.getStyleClass().add("hint");
        Label cause = new Label(i.cause() != null ? i.cause() : i.domain() != null ? i.domain() : texts.get("incidents.analysing"));
        cause.setId("incident-cause");
        cause.setWrapText(true);
        cause.getStyleClass().add("page-cause");
        Button copy = new Button(texts.get("incidents.copy"));
        copy.setId("incident-copy");
        copy.setDisable(p.report().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(p.report());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        HBox top = new HBox(10, badge(i), title);
        top.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().addAll(top, window, cause, new HBox(8, copy));

        String planKey = i.id() + "\n" + String.join("\n", p.plan());
        if (!planKey.equals(drawnPlan)) {
            drawnPlan = planKey;
            plan.getChildren().clear();
            steps.clear();
            if (!p.plan().isEmpty()) {
                plan.getChildren().add(section(texts.get("incidents.plan")));
                for (int k = 0; k < p.plan().size(); k++) {
                    plan.getChildren().add(step("P" + (k + 1), p.plan().get(k)));
                }
            }
        }
        showSaid();
        String reportKey = i.id() + "\n" + p.report();
        if (!reportKey.equals(drawnReport)) {
            drawnReport = reportKey;
            report.getChildren().clear();
            report.getChildren().add(section(texts.get("incidents.report")));
            if (p.report().isEmpty()) {
                Label waiting = new Label(texts.format("incidents.writing", i.id()));
                waiting.getStyleClass().add("hint");
                report.getChildren().add(waiting);
            } else {
                Node drawn = Markdown.render(p.report(), this::cited);
                drawn.setId("incident-report");
                report.getChildren().add(drawn);
            }
        }
    }

    private void drawSimilar() {
        similar.getChildren().clear();
        if (!vm.similar.isEmpty()) {
            similar.getChildren().add(section(texts.get("incidents.similar")));
            vm.similar.forEach(s -> similar.getChildren().add(similar(s)));
        }
    }

    /** What was said of each step, on the buttons already drawn. */
    private void showSaid() {
        steps.forEach((action, buttons) -> {
            Boolean said = vm.said.get(action);
            buttons[0].setSelected(Boolean.TRUE.equals(said));
            buttons[1].setSelected(Boolean.FALSE.equals(said));
        });
    }

    private Node step(String action, String text) {
        Label name = new Label(action);
        name.getStyleClass().add("step-name");
        name.setMinWidth(28);
        Label what = new Label(text);
        what.setWrapText(true);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        ToggleButton helped = new ToggleButton(texts.get("incidents.helped"));
        helped.setId("helped-" + action);
        helped.getStyleClass().add("feedback-yes");
        helped.setOnAction(e -> vm.feedback(action, true));
        ToggleButton notHelped = new ToggleButton(texts.get("incidents.notHelped"));
        notHelped.setId("not-helped-" + action);
        notHelped.getStyleClass().add("feedback-no");
        notHelped.setOnAction(e -> vm.feedback(action, false));
        steps.put(action, new ToggleButton[] {helped, notHelped});
        HBox row = new HBox(8, name, what, helped, notHelped);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("plan-step");
        return row;
    }

    private Node similar(SimilarIncident s) {
        Hyperlink id = new Hyperlink(s.id());
        id.getStyleClass().add("citation");
        id.setMinWidth(Region.USE_PREF_SIZE);
        id.setOnAction(e -> navigator.openIncident(s.id()));
        String helped = s.helped().isEmpty() ? "" : " · " + texts.format("incidents.similarHelped", String.join(", ", s.helped()));
        Label what = new Label(s.service() + " · " + (s.cause() == null || s.cause().isEmpty() ? s.domain() : s.cause())
                + String.format(Locale.ROOT, " · %.0f%%", 100 * s.similarity()) + helped);
        what.setWrapText(true);
        HBox row = new HBox(6, id, what);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void cited(String citation) {
        if (citation.startsWith("INC-")) {
            navigator.openIncident(citation);
        } else if (citation.startsWith("T-")) {
            navigator.openTemplate(citation.substring(2));
        } else if (citation.startsWith("L-")) {
            navigator.openLogLine(Long.parseLong(citation.substring(2)));
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private Label badge(StoredIncident i) {
        Label b = new Label(texts.get("severity." + i.severity().name()));
        b.getStyleClass().addAll("badge", "severity-" + i.severity().name().toLowerCase(Locale.ROOT));
        return b;
    }

    private static String duration(StoredIncident i) {
        Duration d = Duration.between(i.start(), i.end());
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : Math.max(1, d.toMinutes()) + " min";
    }

    /** A row of the list: severity, service and start; then the cause, status and duration. */
    private final class IncidentCell extends ListCell<StoredIncident> {
        @Override
        protected void updateItem(StoredIncident i, boolean empty) {
            super.updateItem(i, empty);
            if (empty || i == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label service = new Label(i.service());
            service.getStyleClass().add("row-title");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label start = new Label(when.format(i.start()));
            start.getStyleClass().add("hint");
            Label cause = new Label((i.cause() != null ? i.cause() : i.domain() != null ? i.domain() : texts.get("incidents.analysing"))
                    + " · " + texts.get("status." + i.status().name()) + " · " + duration(i));
            cause.getStyleClass().add("hint");
            cause.setWrapText(true);
            cause.setMaxWidth(Double.MAX_VALUE);
            cause.setPrefWidth(0);
            HBox top = new HBox(8, badge(i), service, gap, start);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, top, cause);
            setText(null);
            setGraphic(box);
        }
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        vm.refreshIfStale();
    }
}
