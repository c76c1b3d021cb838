package dev.vigie.ui.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.event.StoredIncident;
import dev.vigie.event.SimilarIncident;
import dev.vigie.pipeline.client.IncidentPage;
import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentsViewModelTest {
    private static StoredIncident incident(String id, IncidentStatus status, String report) {
        return new StoredIncident(id, "api", Instant.parse("2026-03-14T08:20:00Z"), Instant.parse("2026-03-14T08:26:00Z"),
                Severity.CRITICAL, status, report == null ? null : "database", null, null, report, List.of("error_events"), List.of());
    }

    @Test
    void theListIsReadAgainOnlyWhenTheEngineSaysAnIncidentChangedAndTheChosenOneShowsItsPage() {
        FakeEngine engine = new FakeEngine();
        engine.incidents = List.of(incident("INC-1", IncidentStatus.OPEN, null));
        engine.pages.put("INC-1", new IncidentPage(engine.incidents.get(0), "", List.of(), Map.of()));
        IncidentsViewModel vm = new IncidentsViewModel(engine, engine, Tasks.DIRECT, Texts.english());
        vm.refreshIfStale();
        assertThat(vm.incidents).extracting(StoredIncident::status).containsExactly(IncidentStatus.OPEN);
        vm.selected.set(vm.incidents.get(0));
        assertThat(vm.page.get().report()).as("being written").isEmpty();

        StoredIncident resolved = incident("INC-1", IncidentStatus.RESOLVED, "/reports/INC-1.md");
        engine.incidents = List.of(resolved);
        engine.pages.put("INC-1", new IncidentPage(resolved, "# INC-1 — api: database incident", List.of("Find what holds the connections"),
                Map.of("P1", true)));
        vm.refreshIfStale();
        assertThat(vm.incidents.get(0).status()).as("not read again before the engine says so").isEqualTo(IncidentStatus.OPEN);

        engine.incidentListeners.forEach(Runnable::run);
        vm.refreshIfStale();
        assertThat(vm.incidents.get(0).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(vm.selected.get().status()).as("the chosen incident follows its new state").isEqualTo(IncidentStatus.RESOLVED);
        assertThat(vm.page.get().report()).isEqualTo("# INC-1 — api: database incident");
        assertThat(vm.said).containsExactly(Map.entry("P1", true));
    }

    @Test
    void whatAPersonSaysOfAStepIsKeptByTheEngineAndShownAtOnce() {
        FakeEngine engine = new FakeEngine();
        StoredIncident i = incident("INC-2", IncidentStatus.RESOLVED, "/r.md");
        engine.incidents = List.of(i);
        engine.pages.put("INC-2", new IncidentPage(i, "# report", List.of("Restart the pool", "Raise the limit"), Map.of()));
        engine.similar.put("INC-2", List.of(new SimilarIncident("INC-0", "api", "database", "pool exhausted", "2026-03-01T08:00:00Z",
                List.of("Restart the pool"), List.of("P1"), List.of(), 0.93, true)));
        IncidentsViewModel vm = new IncidentsViewModel(engine, engine, Tasks.DIRECT, Texts.english());
        vm.refreshIfStale();
        vm.selected.set(vm.incidents.get(0));
        assertThat(vm.similar).extracting(SimilarIncident::id).containsExactly("INC-0");
        vm.feedback("P2", false);
        vm.feedback("P1", true);
        assertThat(engine.feedback).containsExactly("INC-2 P2 not-helped", "INC-2 P1 helped");
        assertThat(vm.said).containsEntry("P1", true).containsEntry("P2", false);
    }

    @Test
    void anIncidentAskedForBeforeTheListHoldsItIsShownOnceRead() {
        FakeEngine engine = new FakeEngine();
        IncidentsViewModel vm = new IncidentsViewModel(engine, engine, Tasks.DIRECT, Texts.english());
        vm.refreshIfStale();
        StoredIncident later = incident("INC-9", IncidentStatus.OPEN, null);
        engine.incidents = List.of(later);
        engine.pages.put("INC-9", new IncidentPage(later, "", List.of(), Map.of()));
        vm.open("INC-9");
        assertThat(vm.selected.get()).isEqualTo(later);
        assertThat(vm.page.get().incident().id()).isEqualTo("INC-9");

        vm.open("INC-404");
        assertThat(vm.selected.get()).as("an id not stored changes nothing").isEqualTo(later);
    }
}
