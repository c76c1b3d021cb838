package dev.vigie.ui.dashboard;

import dev.vigie.event.StoredIncident;
import dev.vigie.ui.MetricChart;
import dev.vigie.ui.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.scene.chart.XYChart;

/**
 * One cell of the service grid: a service's state (its worst open incident, else whether its
 * series move), its error measure and its p95 latency with the last points for a sparkline.
 *
 * @param error     the newest error measure as shown ("12.3 %", "4 /min"), or empty when it has none
 * @param p95       the newest p95 latency as shown ("180 ms"), or empty
 * @param p95Points the last p95 points, oldest first
 */
record ServiceHealth(String service, State state, String error, String p95, List<Double> p95Points, String errorSeries,
                     String p95Series) {
    /** Error measures, the most telling first: a share of requests, then errors per minute. */
    static final List<String> ERRORS = List.of("error_rate", "http_5xx_ratio", "log_errors_per_min");
    static final List<String> LATENCIES = List.of("latency_ms_p95", "http_request_time_p95_ms");

    /** The series a service's cell shows, for each service that has any: what the refresher reads. */
    static List<String> charted(List<String> seriesNames) {
        List<String> out = new ArrayList<>();
        byService(seriesNames).forEach((service, names) -> {
            pick(names, service, ERRORS).ifPresent(out::add);
            pick(names, service, LATENCIES).ifPresent(out::add);
        });
        return out;
    }

    static List<ServiceHealth> of(List<String> seriesNames, Map<String, MetricChart.Data> charts, List<StoredIncident> open) {
        List<ServiceHealth> out = new ArrayList<>();
        byService(seriesNames).forEach((service, names) -> {
            String errorSeries = pick(names, service, ERRORS).orElse("");
            String p95Series = pick(names, service, LATENCIES).orElse("");
            List<Double> errors = values(charts.get(errorSeries));
            List<Double> p95 = values(charts.get(p95Series));
            Optional<StoredIncident> worst = open.stream().filter(i -> i.service().equals(service) || i.affected().contains(service))
                    .min(Health.WORST);
            State state = worst.map(i -> State.of(i.severity())).orElse(errors.isEmpty() && p95.isEmpty() ? State.NO_DATA : State.OK);
            out.add(new ServiceHealth(service, state, errors.isEmpty() ? "" : error(errorSeries, errors.get(errors.size() - 1)),
                    p95.isEmpty() ? "" : Math.round(p95.get(p95.size() - 1)) + " ms", p95, errorSeries, p95Series));
        });
        out.sort(Comparator.comparing(ServiceHealth::state).thenComparing(ServiceHealth::service));
        return out;
    }

    private static String error(String series, double value) {
        if (series.endsWith("/log_errors_per_min")) {
            return Math.round(value) + " /min";
        }
        double percent = series.endsWith("/http_5xx_ratio") ? 100 * value : value;
        return String.format(java.util.Locale.ROOT, "%.1f %%", percent);
    }

    private static Map<String, List<String>> byService(List<String> seriesNames) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String name : seriesNames) {
            int slash = name.indexOf('/');
            if (slash > 0) {
                out.computeIfAbsent(name.substring(0, slash), k -> new ArrayList<>()).add(name);
            }
        }
        out.values().removeIf(names -> names.stream().noneMatch(n -> ERRORS.stream().anyMatch(e -> n.endsWith("/" + e))
                || LATENCIES.stream().anyMatch(l -> n.endsWith("/" + l))));
        return out;
    }

    private static Optional<String> pick(List<String> names, String service, List<String> preferred) {
        return preferred.stream().map(p -> service + "/" + p).filter(names::contains).findFirst();
    }

    private static List<Double> values(MetricChart.Data data) {
        if (data == null) {
            return List.of();
        }
        List<Double> out = new ArrayList<>(data.values().size());
        for (XYChart.Data<Number, Number> d : data.values()) {
            out.add(d.getYValue().doubleValue());
        }
        return out;
    }
}
