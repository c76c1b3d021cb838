package dev.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.event.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class MetricSimulatorTest {
    private static final Instant WEDNESDAY = Instant.parse("2026-03-11T00:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-03-14T00:00:00Z");

    @Test
    void theSameSeedAndTimeGiveTheSameValues() {
        Instant t = Instant.parse("2026-03-14T08:00:00Z");
        assertThat(new MetricSimulator(42, List.of()).at(t)).isEqualTo(new MetricSimulator(42, List.of()).at(t));
        assertThat(new MetricSimulator(43, List.of()).at(t)).isNotEqualTo(new MetricSimulator(42, List.of()).at(t));
    }

    @Test
    void everyServiceReportsTheEightMetricsWithinTheirBounds() {
        List<MetricSample> day = day(new MetricSimulator(7, List.of()), WEDNESDAY);
        Map<String, List<String>> metrics = day.stream().filter(s -> s.time().equals(WEDNESDAY)).collect(
                Collectors.groupingBy(MetricSample::service, Collectors.mapping(MetricSample::metric, Collectors.toList())));
        assertThat(metrics).containsOnlyKeys("api", "billing", "postgresql");
        metrics.values().forEach(m -> assertThat(m).containsExactlyInAnyOrder("requests_per_s", "cpu_usage",
                "memory_usage", "latency_ms_p50", "latency_ms_p95", "error_rate", "active_connections", "disk_usage"));
        assertThat(day).allSatisfy(s -> assertThat(s.value()).isGreaterThanOrEqualTo(0));
        assertThat(day).filteredOn(s -> s.metric().endsWith("_usage") || s.metric().equals("error_rate"))
                .allSatisfy(s -> assertThat(s.value()).isLessThanOrEqualTo(100));
        List<MetricSample> p50 = series(day, "api/latency_ms_p50");
        List<MetricSample> p95 = series(day, "api/latency_ms_p95");
        for (int i = 0; i < p50.size(); i++) {
            assertThat(p95.get(i).value()).isGreaterThanOrEqualTo(p50.get(i).value());
        }
    }

    @Test
    void loadDrivesRequestsCpuLatencyAndConnectionsTogether() {
        List<MetricSample> day = day(new MetricSimulator(7, List.of()), WEDNESDAY);
        double[] requests = values(day, "api/requests_per_s");
        assertThat(correlation(requests, values(day, "api/cpu_usage"))).isGreaterThan(0.8);
        assertThat(correlation(requests, values(day, "api/latency_ms_p95"))).isGreaterThan(0.8);
        assertThat(correlation(requests, values(day, "postgresql/active_connections"))).isGreaterThan(0.8);
        // quiet at night, busy in the afternoon
        assertThat(mean(day, "api/requests_per_s", s -> hour(s) >= 13 && hour(s) < 17))
                .isGreaterThan(1.5 * mean(day, "api/requests_per_s", s -> hour(s) >= 1 && hour(s) < 5));
    }

    @Test
    void theWeekendIsQuieterThanAWeekday() {
        MetricSimulator sim = new MetricSimulator(7, List.of());
        double weekday = mean(day(sim, WEDNESDAY), "api/requests_per_s", s -> true);
        double saturday = mean(day(sim, SATURDAY), "api/requests_per_s", s -> true);
        assertThat(saturday).isLessThan(0.85 * weekday).isGreaterThan(0.6 * weekday);
    }

    @Test
    void aScenarioInjectedOnDemandMovesItsSeriesFromItsStartAndIsKeptAsGroundTruth() {
        MetricSimulator sim = new MetricSimulator(7, List.of());
        MetricSimulator untouched = new MetricSimulator(7, List.of());
        Instant start = WEDNESDAY.plus(Duration.ofHours(10));
        Scenario storm = new Scenario(ScenarioKind.CONNECTION_STORM, "postgresql", start, start.plus(Duration.ofMinutes(5)));
        sim.inject(storm);

        assertThat(sim.scenarios()).containsExactly(storm);
        assertThat(sim.at(start.minusSeconds(10))).isEqualTo(untouched.at(start.minusSeconds(10)));
        assertThat(value(sim.at(start.plusSeconds(60)), "postgresql/active_connections"))
                .isGreaterThan(value(untouched.at(start.plusSeconds(60)), "postgresql/active_connections") + 50);
        assertThat(sim.at(storm.end())).isEqualTo(untouched.at(storm.end()));
    }

    @Test
    void aSlowQueryRaisesTheDatabaseLatencyAndThatOfItsCallersTogether() {
        Instant start = WEDNESDAY.plus(Duration.ofHours(14));
        Scenario slow = new Scenario(ScenarioKind.SLOW_QUERY, "postgresql", start, start.plus(Duration.ofMinutes(10)));
        MetricSimulator sim = new MetricSimulator(7, List.of(slow));
        MetricSimulator normal = new MetricSimulator(7, List.of());
        Instant t = start.plus(Duration.ofMinutes(2));
        for (String series : List.of("postgresql/latency_ms_p95", "api/latency_ms_p95", "billing/latency_ms_p95")) {
            assertThat(value(sim.at(t), series)).as(series).isGreaterThan(2.5 * value(normal.at(t), series));
        }
        assertThat(MetricSimulator.truth(slow)).contains("postgresql/latency_ms_p95", "api/latency_ms_p95",
                "billing/latency_ms_p95").doesNotContain("api/cpu_usage");
    }

    @Test
    void aScenarioOnAServiceThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> new MetricSimulator(7, List.of()).inject(new Scenario(ScenarioKind.DISK_FILLING,
                "mysql", WEDNESDAY, WEDNESDAY.plusSeconds(60)))).hasMessageContaining("mysql").hasMessageContaining("postgresql");
    }

    static List<MetricSample> day(MetricSimulator sim, Instant from) {
        List<MetricSample> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(1))); t = t.plus(MetricSimulator.STEP)) {
            out.addAll(sim.at(t));
        }
        return out;
    }

    private static List<MetricSample> series(List<MetricSample> all, String name) {
        return all.stream().filter(s -> s.series().equals(name)).toList();
    }

    private static double[] values(List<MetricSample> all, String name) {
        return series(all, name).stream().mapToDouble(MetricSample::value).toArray();
    }

    private static double value(List<MetricSample> at, String name) {
        return at.stream().filter(s -> s.series().equals(name)).findFirst().orElseThrow().value();
    }

    private static double mean(List<MetricSample> all, String name, Predicate<MetricSample> when) {
        return series(all, name).stream().filter(when).mapToDouble(MetricSample::value).average().orElseThrow();
    }

    private static int hour(MetricSample s) {
        return (int) (s.time().getEpochSecond() % 86_400 / 3600);
    }

    private static double correlation(double[] a, double[] b) {
        return new PearsonsCorrelation().correlation(a, b);
    }
}
