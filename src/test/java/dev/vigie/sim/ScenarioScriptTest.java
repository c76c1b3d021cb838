package dev.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioScriptTest {
    private static final Instant RUN = Instant.parse("2026-03-13T00:00:00Z");

    @Test
    void readsOffsetsInstantsAndDurations() {
        List<Scenario> s = ScenarioScript.parse("""
                # when                scenario          service     duration
                +2h                   cpu_saturation    api         10m

                +08:19:20             connection-storm  postgresql  6m40s   # from the sample day
                2026-03-14T09:25:00Z  MEMORY_LEAK       billing     1h30m
                """, RUN);
        assertThat(s).containsExactly(
                new Scenario(ScenarioKind.CPU_SATURATION, "api", RUN.plus(Duration.ofHours(2)),
                        RUN.plus(Duration.ofMinutes(130))),
                new Scenario(ScenarioKind.CONNECTION_STORM, "postgresql", Instant.parse("2026-03-13T08:19:20Z"),
                        Instant.parse("2026-03-13T08:26:00Z")),
                new Scenario(ScenarioKind.MEMORY_LEAK, "billing", Instant.parse("2026-03-14T09:25:00Z"),
                        Instant.parse("2026-03-14T10:55:00Z")));
    }

    @Test
    void aLineThatCannotBeReadIsNamedWithTheReason() {
        assertThatThrownBy(() -> ScenarioScript.parse("+1h cpu_saturation api 5m\n+2h meteor_strike api 5m", RUN))
                .hasMessageContaining("line 2").hasMessageContaining("meteor_strike").hasMessageContaining("disk_filling");
        assertThatThrownBy(() -> ScenarioScript.parse("+1h cpu_saturation api soon", RUN))
                .hasMessageContaining("line 1").hasMessageContaining("not a duration: 'soon'");
        assertThatThrownBy(() -> ScenarioScript.parse("yesterday cpu_saturation api 5m", RUN))
                .hasMessageContaining("not a time");
        assertThatThrownBy(() -> ScenarioScript.parse("+1h cpu_saturation api", RUN))
                .hasMessageContaining("expected: when scenario service duration");
        assertThatThrownBy(() -> ScenarioScript.parse("+1h cpu_saturation api 0s", RUN))
                .hasMessageContaining("longer than zero");
    }
}
