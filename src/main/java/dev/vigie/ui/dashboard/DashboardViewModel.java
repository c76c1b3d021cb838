package dev.vigie.ui.dashboard;

import dev.vigie.config.Settings;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.event.StoredIncident;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.MetricChart;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The CTO's glance: the health banner, a cell per service, open incidents by severity, the newest
 * report, throughput and error rate. The incidents are read again only when the engine says one
 * changed; the rest comes with each snapshot.
 */
public final class DashboardViewModel {
    static final String CHARTED_SERIES = "api/latency_ms_p95";
    /** Four snapshots a second: a minute without a new event or sample is "no data arriving". */
    static final int QUIET_SNAPSHOTS = 240;

    final DoubleProperty eventsPerSecond = new SimpleDoubleProperty();
    final DoubleProperty errorRate = new SimpleDoubleProperty();
    final IntegerProperty openCritical = new SimpleIntegerProperty();
    final IntegerProperty openWarning = new SimpleIntegerProperty();
    final ObjectProperty<Health> health;
    final ObservableList<ServiceHealth> services = FXCollections.observableArrayList();
    /** The newest incident with a report, or null. */
    final ObjectProperty<StoredIncident> newestReport = new SimpleObjectProperty<>();
    final ObjectProperty<MetricChart.Data> chart = new SimpleObjectProperty<>();
    final javafx.beans.property.StringProperty chartedSeries = new javafx.beans.property.SimpleStringProperty(CHARTED_SERIES);
    private final EngineQueries engine;
    private final Tasks tasks;
    private final Texts texts;
    private final ZoneId zone;
    private final boolean watching;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private List<StoredIncident> open = List.of();
    private String firstAction = "";
    private long lastTotal = -1;
    private int quiet;
    private List<String> seriesNames = List.of();

    public DashboardViewModel(EngineQueries engine, Tasks tasks, Texts texts) {
        this.engine = engine;
        this.tasks = tasks;
        this.texts = texts;
        Settings s = engine.settings();
        this.zone = s.zone();
        this.watching = !s.sources().isEmpty() || s.replayDir() != null || s.simulator();
        this.health = new SimpleObjectProperty<>(new Health(dev.vigie.ui.State.NO_DATA, texts.get("health.starting"), null, watching));
        engine.onIncidentsChanged(() -> stale.set(true));
    }

    void apply(CockpitSnapshot s) {
        eventsPerSecond.set(Math.round(s.eventsPerSecond() * 10) / 10.0);
        errorRate.set(Math.round(s.errorRate() * 10) / 10.0);
        long total = s.engine().counts().events() + s.engine().counts().samples();
        quiet = total != lastTotal ? 0 : quiet + 1;
        lastTotal = total;
        if (stale.getAndSet(false)) {
            tasks.run(this::readIncidents, this::incidentsRead, e -> stale.set(true));
        }
        seriesNames = s.series();
        services.setAll(ServiceHealth.of(s.series(), s.charts(), open));
        // the chart follows the service in the worst state: its latency, else its errors
        String shown = services.stream().map(h -> h.p95Series().isEmpty() ? h.errorSeries() : h.p95Series()).filter(n -> !n.isEmpty())
                .findFirst().orElse(CHARTED_SERIES);
        chartedSeries.set(shown);
        chart.set(s.chart(shown));
        health.set(Health.of(open, firstAction, watching, total > 0 && quiet < QUIET_SNAPSHOTS, s.engine().paused(), zone, texts));
    }

    private record Read(List<StoredIncident> all, String firstAction) {
    }

    /** Off the FX thread: every incident, and the worst open one's first step. */
    private Read readIncidents() {
        List<StoredIncident> all = engine.incidents();
        String first = all.stream().filter(DashboardViewModel::isOpen).min(Health.WORST)
                .flatMap(i -> engine.incidentPage(i.id())).map(p -> p.plan().isEmpty() ? "" : p.plan().get(0)).orElse("");
        return new Read(all, first);
    }

    private void incidentsRead(Read r) {
        open = r.all().stream().filter(DashboardViewModel::isOpen).toList();
        firstAction = r.firstAction();
        openCritical.set((int) open.stream().filter(i -> i.severity() == Severity.CRITICAL).count());
        openWarning.set((int) open.stream().filter(i -> i.severity() != Severity.CRITICAL).count());
        newestReport.set(r.all().stream().filter(i -> i.reportPath() != null).max(Comparator.comparing(StoredIncident::end)
                .thenComparing(StoredIncident::id)).orElse(null));
    }

    private static boolean isOpen(StoredIncident i) {
        return i.status() != IncidentStatus.RESOLVED;
    }

    /** The series the grid and the chart show, for the refresher to read. */
    List<String> charted() {
        List<String> out = new java.util.ArrayList<>(ServiceHealth.charted(seriesNames));
        if (!out.contains(CHARTED_SERIES)) {
            out.add(CHARTED_SERIES);
        }
        return out;
    }
}
