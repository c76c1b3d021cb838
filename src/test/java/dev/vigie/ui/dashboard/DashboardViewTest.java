package dev.vigie.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.TestSettings;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.event.StoredIncident;
import dev.vigie.pipeline.client.Counts;
import dev.vigie.pipeline.client.EngineSnapshot;
import dev.vigie.pipeline.client.IncidentPage;
import dev.vigie.pipeline.client.ModelStatus;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.MetricChart;
import dev.vigie.ui.Navigator;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import dev.vigie.ui.Theme;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dashboard in a window: the banner says what is broken and opens it; a service's cell opens its lines. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
    private final List<String> went = new ArrayList<>();
    private DashboardView view;

    @Start
    void start(Stage stage) throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.settings = TestSettings.in(Files.createTempDirectory("vigie-dash"), Map.of("simulator.enabled", "true", "time.zone", "UTC"));
        StoredIncident critical = new StoredIncident("INC-ac3f062b", "api", Instant.parse("2026-03-14T08:20:00Z"),
                Instant.parse("2026-03-14T08:26:00Z"), Severity.CRITICAL, IncidentStatus.OPEN, "database",
                "database connection pool exhausted", "offline", null, List.of("error_events"), List.of("postgresql"));
        engine.incidents = List.of(critical);
        engine.pages.put(critical.id(), new IncidentPage(critical, "", List.of("Find what holds the connections"), Map.of()));
        Navigator recording = new Navigator() {
            @Override
            public void openIncident(String incidentId) {
                went.add("incident " + incidentId);
            }

            @Override
            public void openLogLine(long eventId) {
            }

            @Override
            public void openTemplate(String templateId) {
            }

            @Override
            public void ask(String question) {
            }

            @Override
            public void openLogs(String service, String level) {
                went.add("logs " + service + " " + level);
            }

            @Override
            public void show(String viewId) {
                went.add("view " + viewId);
            }
        };
        Theme theme = new Theme(true);
        view = new DashboardView(engine, recording, Texts.english(), theme, Tasks.DIRECT);
        Scene scene = new Scene(view.node(), 1200, 800);
        theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        List<XYChart.Data<Number, Number>> p95 = List.of(new XYChart.Data<>(0, 120), new XYChart.Data<>(60, 900));
        EngineSnapshot state = new EngineSnapshot(new Counts(10, 10, 5, 0, 1, 0, 20), Instant.parse("2026-03-14T08:21:00Z"), 0, 1, 0, 0,
                60, false, new ModelStatus(false, "", 0, "no Ollama"), 0, 0, Map.of(), List.of(), "", "", List.of(), "");
        view.apply(new CockpitSnapshot(state, 40, 50, List.of(), List.of("api/latency_ms_p95"),
                Map.of("api/latency_ms_p95", new MetricChart.Data(p95, List.of())), 0));
    }

    @Test
    void theBannerSaysWhatIsBrokenAndOpensItAndEachCellOpensItsServicesLines(FxRobot robot) {
        Label banner = robot.lookup("#dashboard-verdict").queryAs(Label.class);
        assertThat(banner.getText()).isEqualTo("Critical — api: database connection pool exhausted since 08:20; "
                + "P1: Find what holds the connections");
        assertThat(robot.lookup("#dashboard-banner").query().getStyleClass()).contains("state-critical");
        robot.clickOn("#dashboard-banner-action");
        robot.clickOn("#service-api");
        robot.clickOn("#dashboard-open-incidents");
        assertThat(went).containsExactly("incident INC-ac3f062b", "logs api ", "view incidents");
        assertThat(robot.lookup("#service-api").query().getStyleClass()).contains("state-critical");
    }
}
