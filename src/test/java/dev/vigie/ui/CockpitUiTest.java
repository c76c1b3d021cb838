package dev.vigie.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.SampleLogs;
import dev.vigie.TestSettings;
import dev.vigie.event.StoredEvent;
import dev.vigie.event.StoredIncident;
import dev.vigie.pipeline.Engine;
import dev.vigie.pipeline.LiveRuntime;
import eu.hansolo.tilesfx.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cockpit, headless: every view opens, the dashboard moves, incidents arrive with their reports. */
@ExtendWith(ApplicationExtension.class)
class CockpitUiTest {
    static final List<String> VIEWS = List.of("dashboard", "live", "logs", "incidents", "chat", "simulation", "settings");

    private LiveRuntime runtime;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dataDir = Files.createTempDirectory("vigie-ui");
        runtime = new LiveRuntime(Engine.open(TestSettings.in(dataDir, Map.of(
                "replay.dir", SampleLogs.DIR.toString(), "replay.speed", "1200")), Clock.systemUTC()));
        runtime.start();
        window = new MainWindow(runtime.client(), runtime.client());
        stage.setScene(window.scene());
        stage.show();
        window.startRefreshing();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        runtime.close();
    }

    /** Looks at the scene on the FX thread: the cockpit keeps changing it while the test runs. */
    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void visitsEveryView(FxRobot robot) {
        for (String id : VIEWS) {
            robot.clickOn("#nav-" + id);
            WaitForAsyncUtils.waitForFxEvents();
            Node view = onFx(() -> robot.lookup("#" + id + "-view").query());
            assertThat(onFx(view::isVisible)).as(id).isTrue();
            assertThat(onFx(view::getScene)).as(id + " is in the window").isNotNull();
        }
    }

    @Test
    void dashboardMovesAndIncidentsArriveWithReports(FxRobot robot) {
        Tile events = onFx(() -> robot.lookup("#dashboard-events").queryAs(Tile.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(events::getValue) > 0);
        MetricChart chart = onFx(() -> robot.lookup("#dashboard-chart").queryAs(MetricChart.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> onFx(chart::markerCount) > 0);

        robot.clickOn("#nav-incidents");
        ListView<StoredIncident> list = onFx(() -> robot.lookup("#incidents-list").queryListView());
        // an incident listed a moment ago may since have been folded into an older one: pick again from the list as it is
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            robot.interact(() -> list.getItems().stream().filter(i -> i.reportPath() != null).findFirst()
                    .ifPresent(i -> list.getSelectionModel().select(i)));
            return onFx(() -> robot.lookup("#incident-report").tryQuery().map(MarkdownTest::text).orElse("")).contains("Root cause");
        });
        String report = onFx(() -> MarkdownTest.text(robot.lookup("#incident-report").query()));
        assertThat(report).as("drawn, not raw Markdown").doesNotContain("## ", "|---", "**");
    }

    @Test
    void settingsShowEachLogChecksFiringRate(FxRobot robot) {
        robot.clickOn("#nav-settings");
        Label counts = onFx(() -> robot.lookup("#settings-counts").queryAs(Label.class));
        await().atMost(Duration.ofSeconds(60)).until(() -> onFx(counts::getText).matches("(?s).*error_events [1-9]\\d*/\\d+.*"));
        assertThat(onFx(counts::getText)).contains("template_burst").contains("silence");
    }

    @Test
    void chatAnswersFromTheStoredIncidentsAndItsCitationsOpenThem(FxRobot robot) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.store().incidents().stream()
                .anyMatch(i -> i.reportPath() != null && (i.service().equals("api") || i.affected().contains("api"))));
        robot.clickOn("#nav-chat");
        robot.clickOn("#chat-question").write("what failed at 08:21?");
        robot.clickOn("#chat-ask");
        Node transcript = onFx(() -> robot.lookup("#chat-transcript").query());
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> MarkdownTest.text(transcript)).contains("Around 08:21"));
        Hyperlink cited = onFx(() -> MarkdownTest.all(transcript).filter(Hyperlink.class::isInstance).map(Hyperlink.class::cast)
                .filter(h -> h.getText().startsWith("INC-")).findFirst().orElseThrow());
        String id = onFx(cited::getText);
        robot.interact(cited::fire);
        assertThat(onFx(() -> robot.lookup("#incidents-view").query().isVisible())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> MarkdownTest.text(robot.lookup("#incident-page").query())).contains(id));
    }

    @Test
    void aPersonSaysWhetherAStepHelpedOnTheIncidentPage(FxRobot robot) {
        await().atMost(Duration.ofSeconds(90)).until(() -> runtime.store().incidents().stream()
                .anyMatch(i -> i.reportPath() != null && !runtime.store().plan(i.id()).isEmpty()));
        StoredIncident analysed = runtime.store().incidents().stream()
                .filter(i -> i.reportPath() != null && !runtime.store().plan(i.id()).isEmpty()).findFirst().orElseThrow();
        robot.interact(() -> window.openIncident(analysed.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> robot.lookup("#helped-P1").tryQuery().isPresent()));
        robot.clickOn("#not-helped-P1");
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.store().feedback(analysed.id()).stream()
                .anyMatch(f -> f.action().equals("P1") && !f.useful()));
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> robot.lookup("#not-helped-P1").queryAs(ToggleButton.class).isSelected()));
        assertThat(onFx(() -> robot.lookup("#helped-P1").queryAs(ToggleButton.class).isSelected())).isFalse();
    }

    @Test
    void simulationSlidersReRunDetection(FxRobot robot) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.client().series("api/latency_ms_p95", 10_000).size() > 200);
        robot.clickOn("#nav-simulation");
        ComboBox<String> series = onFx(() -> robot.lookup("#simulation-series").queryComboBox());
        robot.interact(() -> series.setValue("api/latency_ms_p95"));
        Label summary = onFx(() -> robot.lookup("#simulation-summary").queryAs(Label.class));
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(summary::getText).contains("z ≥ 5.0"));
        int strict = anomalies(onFx(summary::getText));
        robot.interact(() -> robot.lookup("#simulation-z").queryAs(Slider.class).setValue(1.5));
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(summary::getText).contains("z ≥ 1.5"));
        assertThat(anomalies(onFx(summary::getText))).isGreaterThan(strict);

        robot.clickOn("#simulation-apply");
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.client().detectorSettings().zThreshold() == 1.5);
        assertThat(onFx(summary::getText)).startsWith("Live detection now uses z ≥ 1.5");
    }

    private static int anomalies(String summary) {
        return Integer.parseInt(summary.substring(0, summary.indexOf(' ')));
    }

    @Test
    void theLogExplorerFindsStoredLinesByWords(FxRobot robot) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.store().incidents().stream()
                .anyMatch(i -> i.service().equals("api") || i.affected().contains("api")) && runtime.store().searchLag() == 0);
        robot.clickOn("#nav-logs");
        robot.clickOn("#logs-query").write("HikariPool connection");
        robot.clickOn("#logs-search");
        TableView<StoredEvent> table = onFx(() -> robot.lookup("#logs-table").queryTableView());
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(e -> e.message().contains("HikariPool"))));
        assertThat(onFx(() -> robot.lookup("#logs-status").queryAs(Label.class).getText())).matches("\\d+\\+? events?.*");
    }
}
