package dev.vigie.ui.dashboard;

import dev.vigie.event.Plural;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.MetricChart;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The one-glance state: throughput, error rate, open incidents, a verdict, and one live series. */
public final class DashboardViewModel {
    static final String CHARTED_SERIES = "api/latency_ms_p95";

    final DoubleProperty eventsPerSecond = new SimpleDoubleProperty();
    final DoubleProperty errorRate = new SimpleDoubleProperty();
    final DoubleProperty openIncidents = new SimpleDoubleProperty();
    final StringProperty verdict = new SimpleStringProperty("Starting…");
    final ObjectProperty<MetricChart.Data> chart = new SimpleObjectProperty<>();

    void apply(CockpitSnapshot s) {
        eventsPerSecond.set(Math.round(s.eventsPerSecond() * 10) / 10.0);
        errorRate.set(Math.round(s.errorRate() * 10) / 10.0);
        openIncidents.set(s.engine().openIncidents());
        verdict.set(s.engine().openIncidents() == 0
                ? "All is well: no open incident (" + s.engine().counts().incidents() + " closed so far)"
                : Plural.of(s.engine().openIncidents(), "open incident") + ": see Incidents");
        chart.set(s.chart(CHARTED_SERIES));
    }
}
