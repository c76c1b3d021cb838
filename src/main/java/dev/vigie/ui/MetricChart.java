package dev.vigie.ui;

import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ScoredSample;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** A metric series over event time, with its anomalous points marked. */
public final class MetricChart extends LineChart<Number, Number> {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** Chart-ready points, built off the FX thread. */
    public record Data(List<XYChart.Data<Number, Number>> values, List<XYChart.Data<Number, Number>> anomalies) {
    }

    private final XYChart.Series<Number, Number> values = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> markers = new XYChart.Series<>();

    public MetricChart() {
        super(timeAxis(), new NumberAxis());
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        setAnimated(false);
        setLegendVisible(false);
        setCreateSymbols(true);
        values.setName("value");
        markers.setName("anomaly");
        getData().setAll(FXCollections.observableArrayList(List.of(values, markers)));
        getStyleClass().add("metric-chart");
    }

    private static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setAutoRanging(true);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return HH_MM.format(Instant.ofEpochSecond(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return x;
    }

    /** Off the FX thread: the points of a series and those inside any of its anomalies. */
    public static Data data(List<MetricSample> samples, List<Anomaly> anomalies) {
        List<XYChart.Data<Number, Number>> v = new ArrayList<>(samples.size());
        List<XYChart.Data<Number, Number>> m = new ArrayList<>();
        for (MetricSample s : samples) {
            v.add(new XYChart.Data<>(s.time().getEpochSecond(), s.value()));
            for (Anomaly a : anomalies) {
                if (!s.time().isBefore(a.start()) && !s.time().isAfter(a.end())) {
                    m.add(new XYChart.Data<>(s.time().getEpochSecond(), s.value()));
                    break;
                }
            }
        }
        return new Data(v, m);
    }

    /** Off the FX thread: live points, marked where the live detector found them abnormal. */
    public static Data scored(List<ScoredSample> samples) {
        List<XYChart.Data<Number, Number>> v = new ArrayList<>(samples.size());
        List<XYChart.Data<Number, Number>> m = new ArrayList<>();
        for (ScoredSample s : samples) {
            v.add(new XYChart.Data<>(s.sample().time().getEpochSecond(), s.sample().value()));
            if (s.abnormal()) {
                m.add(new XYChart.Data<>(s.sample().time().getEpochSecond(), s.sample().value()));
            }
        }
        return new Data(v, m);
    }

    /** On the FX thread. */
    public void show(Data data) {
        values.getData().setAll(data.values());
        markers.getData().setAll(data.anomalies());
    }

    public int markerCount() {
        return markers.getData().size();
    }
}
