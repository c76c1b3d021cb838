package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.incident.FactsReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundingGuardTest {
    private static final Instant T = Instant.parse("2026-03-14T08:20:00Z");
    private static final FactsReport FACTS = new FactsReport("INC-1", "api", T, T.plusSeconds(300), Severity.CRITICAL,
            IncidentStatus.RESOLVED, T + " rolling_zscore: api latency_ms_p95 412.0 is 6.3 σ above its 60-point rolling mean 118.0",
            List.of(new FactsReport.AnomalyFact("rolling_zscore", "api/latency_ms_p95", T, T.plusSeconds(59), Severity.CRITICAL, 1.0,
                    "api latency_ms_p95 412.0 is 6.3 σ above its 60-point rolling mean 118.0", Map.of("z", 6.3, "mean", 118.0))),
            List.of(new FactsReport.TemplateFact("t1", "HikariPool-<*> - Connection is not available", 2, 240)),
            List.of("2026-03-14T08:21:07Z ERROR HikariPool-1 - Connection is not available, request timed out after 30000ms."),
            List.of(new FactsReport.MetricFact("api/error_ratio", 0.012, 0.0, 0.35, List.of())), false);

    private final GroundingGuard guard = new GroundingGuard(FACTS);

    @Test
    void numbersTimesNamesAndQuotesFoundInTheFactsAreGrounded() {
        GroundingGuard.Verdict v = guard.check("At 08:20 latency_ms_p95 rose to 412 ms (6.3 σ over 118), with 240 lines of "
                + "\"Connection is not available\" and a 35% error ratio; the pool waits 30000 ms.");
        assertThat(v.ungrounded()).isEmpty();
        assertThat(v.claims()).isEqualTo(v.grounded()).isEqualTo(9);
        assertThat(v.marked()).doesNotContain(GroundingGuard.MARK);
    }

    @Test
    void inventedOnesAreCountedAndMarkedWhereTheyStand() {
        GroundingGuard.Verdict v = guard.check("CPU hit 97% at 07:55 and disk_io_wait_ms reached 812 ms; latency_ms_p95 was 412.");
        assertThat(v.ungrounded()).containsExactly("07:55", "disk_io_wait_ms", "97%", "812 ms");
        assertThat(v.claims()).isEqualTo(6);
        assertThat(v.grounded()).isEqualTo(2);
        assertThat(v.marked()).contains("97%" + GroundingGuard.MARK, "812 ms" + GroundingGuard.MARK)
                .contains("412.").doesNotContain("412" + GroundingGuard.MARK);
    }

    @Test
    void listMarkersAndSmallCountsAreNotClaims() {
        GroundingGuard.Verdict v = guard.check("P1: restart 2 instances, then 3. check the pool.");
        assertThat(v.claims()).isZero();
        assertThat(v.share()).isEqualTo(1.0);
    }
}
