package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.TestSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.parse.LogParser;
import dev.vigie.sim.MetricSimulator;
import dev.vigie.sim.Scenario;
import dev.vigie.sim.ScenarioKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A metric fault opens its incident while it lasts, keeps it open to its end, and is one anomaly in it. */
class PipelineMetricIncidentTest {
    @Test
    void aLongMetricFaultOpensItsIncidentWhileItLastsAndIsOneAnomalyInIt(@TempDir Path dataDir) {
        Instant day = Instant.parse("2026-03-13T00:00:00Z");
        Instant faultStart = day.plus(Duration.ofHours(10));
        Instant faultEnd = faultStart.plus(Duration.ofMinutes(30)); // six times the incident gap
        MetricSimulator sim = new MetricSimulator(7,
                List.of(new Scenario(ScenarioKind.CPU_SATURATION, "api", faultStart, faultEnd)));
        EventBus bus = new EventBus();
        List<Incident> published = new ArrayList<>();
        List<Instant> openedAt = new ArrayList<>();
        List<String> anomalyIds = new ArrayList<>();
        PipelineStats stats = new PipelineStats();
        Pipeline pipeline = new Pipeline(new LogParser(Clock.systemUTC()), TestSettings.in(dataDir), bus, stats, r -> { });
        bus.subscribe(Incident.class, i -> {
            published.add(i);
            if (i.status() == IncidentStatus.OPEN) {
                openedAt.add(pipeline.newest());
            }
        });
        bus.subscribe(Anomaly.class, a -> anomalyIds.add(a.id()));

        for (Instant t = day.plus(Duration.ofHours(8)); t.isBefore(faultEnd.plus(Duration.ofMinutes(30)));
                t = t.plus(MetricSimulator.STEP)) {
            sim.at(t).forEach(pipeline::onSample);
        }
        pipeline.finish();

        List<Incident> api = published.stream().filter(i -> i.service().equals("api")).toList();
        assertThat(openedAt).as("opened at its second abnormal point, not when it is over").isNotEmpty()
                .first().satisfies(t -> assertThat(t).isEqualTo(faultStart.plusSeconds(20)));
        assertThat(api).extracting(Incident::status).as("opened once, resolved once, never reopened")
                .containsExactly(IncidentStatus.OPEN, IncidentStatus.RESOLVED);
        Incident resolved = api.get(1);
        assertThat(resolved.end()).isAfterOrEqualTo(faultEnd.minus(Duration.ofMinutes(2)));
        assertThat(resolved.anomalies()).extracting(Anomaly::id).doesNotHaveDuplicates();
        assertThat(resolved.anomalies()).filteredOn(a -> a.series().equals("api/cpu_usage"))
                .anySatisfy(a -> assertThat(Duration.between(a.start(), a.end())).isGreaterThan(Duration.ofMinutes(20)));
        assertThat(stats.snapshot().anomalies()).as("updates are not counted as new anomalies")
                .isEqualTo(anomalyIds.stream().distinct().count());
        assertThat((long) anomalyIds.size()).as("the anomalies were updated while they lasted")
                .isGreaterThan(anomalyIds.stream().distinct().count());
    }
}
