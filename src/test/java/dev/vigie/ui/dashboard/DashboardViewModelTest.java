package dev.vigie.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.pipeline.client.Counts;
import dev.vigie.pipeline.client.EngineSnapshot;
import dev.vigie.pipeline.client.ModelStatus;
import dev.vigie.ui.CockpitSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {
    private static CockpitSnapshot snapshot(long open, long closed, double perSecond, double errorRate) {
        EngineSnapshot engine = new EngineSnapshot(new Counts(0, 0, 0, 0, 0, closed, 0), Instant.parse("2026-03-14T08:21:00Z"),
                0, open, 0, 0, 60, false, new ModelStatus(false, "", 0, "no Ollama"), 0, 0, Map.of(), List.of(), "", "", List.of(), "");
        return new CockpitSnapshot(engine, perSecond, errorRate, List.of(), List.of(), Map.of(), 0);
    }

    @Test
    void theVerdictCountsOpenIncidentsAndTheTilesAreRoundedToATenth() {
        DashboardViewModel vm = new DashboardViewModel();
        vm.apply(snapshot(0, 3, 12.345, 0.04));
        assertThat(vm.verdict.get()).isEqualTo("All is well: no open incident (3 closed so far)");
        assertThat(vm.eventsPerSecond.get()).isEqualTo(12.3);
        assertThat(vm.errorRate.get()).isEqualTo(0.0);
        vm.apply(snapshot(1, 3, 40, 64.07));
        assertThat(vm.verdict.get()).isEqualTo("1 open incident: see Incidents");
        assertThat(vm.openIncidents.get()).isEqualTo(1);
        assertThat(vm.errorRate.get()).isEqualTo(64.1);
        vm.apply(snapshot(2, 3, 40, 0));
        assertThat(vm.verdict.get()).isEqualTo("2 open incidents: see Incidents");
    }
}
