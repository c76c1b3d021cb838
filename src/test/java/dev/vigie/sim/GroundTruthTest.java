package dev.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Severity;
import dev.vigie.sim.Scenario;
import dev.vigie.sim.ScenarioKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
    private static final Instant T = Instant.parse("2026-03-13T14:00:00Z");
    private static final Scenario SLOW = new Scenario(ScenarioKind.SLOW_QUERY, "postgresql", T, T.plus(Duration.ofMinutes(10)));
    private static final Scenario STORM = new Scenario(ScenarioKind.CONNECTION_STORM, "postgresql", T.plus(Duration.ofHours(2)),
            T.plus(Duration.ofHours(2).plusMinutes(5)));

    private static Anomaly anomaly(String series, Instant start) {
        return new Anomaly("rolling_zscore", series.substring(0, series.indexOf('/')), series, start, start.plusSeconds(30),
                Severity.WARNING, 0.6, series, Map.of());
    }

    @Test
    void aHitIsTheFirstAnomalyOnAMovedSeriesAndItsDelayIsInSteps() {
        GroundTruth.Result r = GroundTruth.match(List.of(SLOW, STORM), List.of(
                anomaly("api/latency_ms_p95", T.plusSeconds(30)),           // a caller, moved by the slow query
                anomaly("postgresql/latency_ms_p95", T.plusSeconds(10)),    // the database itself, earlier
                anomaly("api/latency_ms_p95", T.plus(Duration.ofMinutes(15))), // recovery: explained, not a hit
                anomaly("api/cpu_usage", STORM.start().plusSeconds(60)),    // a storm does not reach the database's callers
                anomaly("postgresql/cpu_usage", T.plus(Duration.ofHours(1)))), // between the scenarios
                Duration.ofMinutes(10));

        assertThat(r.hits().get(0).first().series()).isEqualTo("postgresql/latency_ms_p95");
        assertThat(r.hits().get(0).delaySteps()).isEqualTo(1);
        assertThat(r.hits().get(1).detected()).isFalse();
        assertThat(r.hits().get(1).delaySteps()).isEqualTo(-1);
        assertThat(r.detected()).isEqualTo(1);
        assertThat(r.falseAlarms()).extracting(Anomaly::series).containsExactly("api/cpu_usage", "postgresql/cpu_usage");
    }
}
