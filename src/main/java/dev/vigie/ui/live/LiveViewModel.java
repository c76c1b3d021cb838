package dev.vigie.ui.live;

import dev.vigie.event.LogEvent;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.MetricChart;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The live stream: the newest log lines and the chosen series. */
public final class LiveViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    final ObservableList<String> lines = FXCollections.observableArrayList();
    final ObservableList<String> series = FXCollections.observableArrayList();
    final StringProperty selected = new SimpleStringProperty("api/cpu_usage");
    final ObjectProperty<MetricChart.Data> chart = new SimpleObjectProperty<>();

    void apply(CockpitSnapshot s) {
        if (!series.equals(s.series())) {
            series.setAll(s.series());
        }
        lines.setAll(s.latestEvents().stream()
                .map(e -> TIME.format(e.time()) + "  " + pad(e.level().name()) + " " + e.service() + "  " + firstLine(e))
                .toList());
        chart.set(s.chart(selected.get()));
    }

    private static String pad(String level) {
        return String.format("%-5s", level);
    }

    private static String firstLine(LogEvent e) {
        String m = e.message();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
