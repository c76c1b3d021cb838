package dev.vigie.ui.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.event.StoredIncident;
import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.Tasks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentsViewModelTest {
    private static StoredIncident incident(IncidentStatus status, String report) {
        return new StoredIncident("INC-1", "api", Instant.parse("2026-03-14T08:20:00Z"), Instant.parse("2026-03-14T08:26:00Z"),
                Severity.CRITICAL, status, report == null ? null : "database", null, null, report, List.of("error_events"), List.of());
    }

    @Test
    void theListIsReadAgainOnlyWhenTheEngineSaysAnIncidentChangedAndTheChosenOneShowsItsReport() {
        FakeEngine engine = new FakeEngine();
        engine.incidents = List.of(incident(IncidentStatus.OPEN, null));
        IncidentsViewModel vm = new IncidentsViewModel(engine, Tasks.DIRECT);
        vm.refreshIfStale();
        assertThat(vm.incidents).extracting(StoredIncident::status).containsExactly(IncidentStatus.OPEN);
        vm.selected.set(vm.incidents.get(0));
        assertThat(vm.report.get()).isEqualTo("INC-1 is open; its report is being written.");

        engine.incidents = List.of(incident(IncidentStatus.RESOLVED, "/reports/INC-1.md"));
        engine.reports.put("INC-1", "# INC-1 — api: database incident");
        vm.refreshIfStale();
        assertThat(vm.incidents.get(0).status()).as("not read again before the engine says so").isEqualTo(IncidentStatus.OPEN);

        engine.incidentListeners.forEach(Runnable::run);
        vm.refreshIfStale();
        assertThat(vm.incidents.get(0).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(vm.selected.get().status()).as("the chosen incident follows its new state").isEqualTo(IncidentStatus.RESOLVED);
        assertThat(vm.report.get()).isEqualTo("# INC-1 — api: database incident");
    }
}
