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
import dev.vigie.ui.State;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardViewModelTest {
    private static final Texts EN = Texts.english();

    private static StoredIncident incident(String id, String service, Severity severity, String cause, String start, IncidentStatus status) {
        return new StoredIncident(id, service, Instant.parse(start), Instant.parse(start).plusSeconds(360), severity, status,
                cause == null ? null : "database", cause, null, null, List.of("error_events"), List.of("postgresql"));
    }

    private static CockpitSnapshot snapshot(long events, double perSecond, double errorRate, List<String> series,
                                            Map<String, MetricChart.Data> charts, boolean paused) {
        EngineSnapshot engine = new EngineSnapshot(new Counts(events, events, 0, 0, 0, 0, 0), Instant.parse("2026-03-14T08:21:00Z"),
                0, 0, 0, 0, 60, paused, new ModelStatus(false, "", 0, "no Ollama"), 0, 0, Map.of(), List.of(), "", "", List.of(), "");
        return new CockpitSnapshot(engine, perSecond, errorRate, List.of(), series, charts, 0);
    }

    @Test
    void theBannerNamesTheWorstOpenIncidentsServiceCauseStartAndFirstStep() {
        List<StoredIncident> open = List.of(
                incident("INC-w", "nginx", Severity.WARNING, "upstream 502s", "2026-03-14T08:10:00Z", IncidentStatus.OPEN),
                incident("INC-c", "api", Severity.CRITICAL, "database connection pool exhausted", "2026-03-14T08:20:00Z", IncidentStatus.OPEN));
        Health h = Health.of(open, "Find what holds the connections", true, true, false, ZoneOffset.UTC, EN);
        assertThat(h.state()).isEqualTo(State.CRITICAL);
        assertThat(h.text()).isEqualTo("Critical — api: database connection pool exhausted since 08:20; P1: Find what holds the connections"
                + " (+1 more open)");
        assertThat(h.incidentId()).isEqualTo("INC-c");
        assertThat(Health.of(open.subList(0, 1), "", true, true, false, ZoneOffset.ofHours(1), Texts.of(Locale.FRENCH)).text())
                .isEqualTo("Alerte — nginx : upstream 502s depuis 09:10");

        assertThat(Health.of(List.of(), "", true, true, false, ZoneOffset.UTC, EN))
                .isEqualTo(new Health(State.OK, "All is well: data is arriving and no incident is open.", null, true));
        assertThat(Health.of(List.of(), "", true, false, false, ZoneOffset.UTC, EN).state()).as("all is well only while data arrives")
                .isEqualTo(State.NO_DATA);
        Health idle = Health.of(List.of(), "", false, false, false, ZoneOffset.UTC, EN);
        assertThat(idle.text()).startsWith("Not watching anything");
        assertThat(idle.watching()).isFalse();
        assertThat(Health.of(List.of(), "", true, false, true, ZoneOffset.UTC, EN).text()).startsWith("Paused");
    }

    @Test
    void theGlanceFollowsTheEngineAndSaysWhenDataStopsArriving(@TempDir Path dir) {
        FakeEngine engine = new FakeEngine();
        engine.settings = TestSettings.in(dir, Map.of("simulator.enabled", "true", "time.zone", "UTC"));
        StoredIncident critical = incident("INC-c", "api", Severity.CRITICAL, "database connection pool exhausted", "2026-03-14T08:20:00Z",
                IncidentStatus.OPEN);
        StoredIncident reported = new StoredIncident("INC-old", "nginx", Instant.parse("2026-03-14T07:00:00Z"),
                Instant.parse("2026-03-14T07:05:00Z"), Severity.WARNING, IncidentStatus.RESOLVED, "network", "upstream 502s", "offline",
                "/r/INC-old.md", List.of(), List.of());
        engine.incidents = List.of(reported);
        DashboardViewModel vm = new DashboardViewModel(engine, Tasks.DIRECT, EN);

        Map<String, MetricChart.Data> charts = Map.of("api/error_rate", data(1, 2, 64.07), "api/latency_ms_p95", data(120, 180, 900),
                "web/log_errors_per_min", data(3));
        List<String> series = List.of("api/error_rate", "api/latency_ms_p95", "api/cpu_pct", "web/log_errors_per_min", "misc");
        vm.apply(snapshot(100, 12.345, 0.04, series, charts, false));
        assertThat(vm.health.get().state()).isEqualTo(State.OK);
        assertThat(vm.eventsPerSecond.get()).isEqualTo(12.3);
        assertThat(vm.newestReport.get().id()).isEqualTo("INC-old");
        assertThat(vm.services).extracting(ServiceHealth::service, ServiceHealth::state, ServiceHealth::error, ServiceHealth::p95)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", State.OK, "64.1 %", "900 ms"),
                        org.assertj.core.groups.Tuple.tuple("web", State.OK, "3 /min", ""));
        assertThat(vm.charted()).contains("api/error_rate", "api/latency_ms_p95", "web/log_errors_per_min").doesNotContain("api/cpu_pct");

        engine.incidents = List.of(reported, critical);
        engine.pages.put("INC-c", new IncidentPage(critical, "", List.of("Find what holds the connections"), Map.of()));
        engine.incidentListeners.forEach(Runnable::run);
        vm.apply(snapshot(200, 40, 64.07, series, charts, false));
        assertThat(vm.health.get().text()).isEqualTo("Critical — api: database connection pool exhausted since 08:20; "
                + "P1: Find what holds the connections");
        assertThat(vm.openCritical.get()).isEqualTo(1);
        assertThat(vm.openWarning.get()).isZero();
        vm.apply(snapshot(200, 0, 0, series, charts, false));
        assertThat(vm.services.get(0).state()).as("the service with an open incident comes first, in its colour")
                .isEqualTo(State.CRITICAL);

        engine.incidents = List.of(reported);
        engine.incidentListeners.forEach(Runnable::run);
        for (int k = 0; k < DashboardViewModel.QUIET_SNAPSHOTS; k++) {
            vm.apply(snapshot(200, 0, 0, series, charts, false));
        }
        assertThat(vm.health.get().state()).as("a minute without a new event").isEqualTo(State.NO_DATA);
        vm.apply(snapshot(201, 0.2, 0, series, charts, false));
        assertThat(vm.health.get().state()).isEqualTo(State.OK);
    }

    @Test
    void withNothingToWatchTheBannerOffersToAddASource(@TempDir Path dir) {
        FakeEngine engine = new FakeEngine();
        engine.settings = TestSettings.in(dir, Map.of("simulator.enabled", "false"));
        DashboardViewModel vm = new DashboardViewModel(engine, Tasks.DIRECT, EN);
        vm.apply(snapshot(0, 0, 0, List.of(), Map.of(), false));
        assertThat(vm.health.get().watching()).isFalse();
        assertThat(vm.health.get().text()).isEqualTo("Not watching anything: no source, replay or simulator is set.");
    }

    private static MetricChart.Data data(double... values) {
        List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            points.add(new XYChart.Data<>(k * 60, values[k]));
        }
        return new MetricChart.Data(points, List.of());
    }
}
