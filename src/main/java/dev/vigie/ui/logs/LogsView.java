package dev.vigie.ui.logs;

import dev.vigie.event.EventDetail;
import dev.vigie.event.StoredEvent;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.Background;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.Columns;
import dev.vigie.ui.Navigator;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import dev.vigie.ui.View;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The log explorer: filters (words, service, level, template), a table of stored events coloured by
 * level, and the chosen event's whole record, with "ask the chat about this line".
 */
public final class LogsView extends View<VBox> {
    private final LogsViewModel vm;
    private final Texts texts;
    private final DateTimeFormatter when;
    private boolean loaded;
    private final TextField query = new TextField();

    public LogsView(EngineQueries engine, Navigator navigator, Texts texts, ZoneId zone) {
        this(engine, navigator, texts, zone, Background.FX);
    }

    LogsView(EngineQueries engine, Navigator navigator, Texts texts, ZoneId zone, Tasks tasks) {
        super("logs", texts.get("logs.title"), new VBox(8));
        this.vm = new LogsViewModel(engine, tasks, texts);
        this.texts = texts;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(zone);
        root.setPadding(new Insets(12));

        query.setId("logs-query");
        query.setPromptText(texts.get("logs.prompt"));
        query.textProperty().bindBidirectional(vm.query);
        query.setOnAction(e -> vm.search());
        TextField service = new TextField();
        service.setId("logs-service");
        service.setPromptText(texts.get("logs.service"));
        service.setPrefColumnCount(9);
        service.textProperty().bindBidirectional(vm.service);
        service.setOnAction(e -> vm.search());
        ComboBox<String> level = new ComboBox<>();
        level.setId("logs-level");
        level.getItems().addAll("", LogsViewModel.PROBLEMS, "FATAL", "ERROR", "WARN", "INFO", "DEBUG");
        level.valueProperty().bindBidirectional(vm.level);
        level.setPromptText(texts.get("logs.anyLevel"));
        level.setOnAction(e -> vm.search());
        Button template = new Button();
        template.setId("logs-template");
        template.textProperty().bind(vm.template.map(t -> texts.format("logs.templateChip", t)));
        template.visibleProperty().bind(vm.template.isNotEmpty());
        template.managedProperty().bind(template.visibleProperty());
        template.setOnAction(e -> {
            vm.template.set("");
            vm.search();
        });
        Button search = new Button(texts.get("logs.search"));
        search.setId("logs-search");
        search.setDefaultButton(false);
        search.setOnAction(e -> vm.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        HBox filters = new HBox(8, query, service, level, template, search);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<StoredEvent> table = new TableView<>(vm.rows);
        table.setId("logs-table");
        table.getColumns().add(Columns.text(texts.format("logs.time", zone.getId()), e -> when.format(e.time()), 190));
        table.getColumns().add(Columns.text(texts.get("logs.serviceColumn"), StoredEvent::service, 110));
        table.getColumns().add(Columns.text(texts.get("logs.level"), StoredEvent::level, 70));
        table.getColumns().add(Columns.text(texts.get("logs.message"), StoredEvent::message, 760));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StoredEvent e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll("level-fatal", "level-error", "level-warn");
                if (!empty && e != null && !e.level().equals("INFO") && !e.level().equals("DEBUG") && !e.level().equals("TRACE")) {
                    getStyleClass().add("level-" + e.level().toLowerCase(Locale.ROOT));
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.choose(b));
        vm.focus.addListener((o, a, b) -> {
            if (b != null) {
                vm.rows.stream().filter(r -> r.id() == b.id()).findFirst().ifPresent(r -> {
                    table.getSelectionModel().select(r);
                    table.scrollTo(Math.max(0, table.getSelectionModel().getSelectedIndex() - 5));
                });
            }
        });

        Label title = new Label();
        title.getStyleClass().add("section-title");
        TextArea raw = new TextArea();
        raw.setId("logs-detail");
        raw.setEditable(false);
        raw.setWrapText(false);
        raw.getStyleClass().add("mono");
        VBox.setVgrow(raw, Priority.ALWAYS);
        Button ask = new Button(texts.get("logs.ask"));
        ask.setId("logs-ask");
        ask.disableProperty().bind(vm.detail.isNull());
        ask.setOnAction(e -> {
            EventDetail d = vm.detail.get();
            navigator.ask(texts.format("logs.askQuestion", d.event().message()));
        });
        Button sameTemplate = new Button(texts.get("logs.sameTemplate"));
        sameTemplate.setId("logs-same-template");
        sameTemplate.disableProperty().bind(vm.detail.map(d -> d.event().templateId() == null).orElse(true));
        sameTemplate.setOnAction(e -> vm.showTemplate(vm.detail.get().event().templateId()));
        VBox detail = new VBox(6, title, new HBox(8, ask, sameTemplate), raw);
        detail.setPadding(new Insets(6, 0, 0, 0));
        vm.detail.addListener((o, a, d) -> {
            title.setText(d == null ? "" : "L-" + d.event().id() + " · " + d.event().service() + " · " + d.event().level()
                    + " · " + when.format(d.event().time()) + (d.timeInferred() ? " " + texts.get("logs.timeInferred") : ""));
            raw.setText(d == null ? "" : describe(d));
        });
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label status = new Label();
        status.setId("logs-status");
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.status);
        root.getChildren().addAll(filters, status, split);
    }

    private String describe(EventDetail d) {
        StringBuilder b = new StringBuilder(d.raw());
        b.append("\n\n").append(texts.get("logs.source")).append(": ").append(d.source());
        if (d.event().templateId() != null) {
            b.append('\n').append(texts.get("logs.templateField")).append(": T-").append(d.event().templateId());
        }
        for (Map.Entry<String, String> n : new java.util.TreeMap<>(d.notes()).entrySet()) {
            b.append('\n').append(n.getKey()).append(": ").append(n.getValue());
        }
        return b.toString();
    }

    /** Ctrl+K: the words to look for. */
    public void focusSearch() {
        query.requestFocus();
        query.selectAll();
    }

    /** A cited log line, among its neighbours. */
    public void showLine(long eventId) {
        loaded = true;
        vm.showLine(eventId);
    }

    public void showFiltered(String service, String level) {
        loaded = true;
        vm.showFiltered(service, level);
    }

    public void showTemplate(String templateId) {
        loaded = true;
        vm.showTemplate(templateId);
    }

    @Override
    public void onShow() {
        if (!loaded) {
            loaded = true;
            vm.search();
        }
    }

    @Override
    public void apply(CockpitSnapshot snapshot) {
        // the explorer shows what was asked for; it does not move under the reader's eyes
    }
}
