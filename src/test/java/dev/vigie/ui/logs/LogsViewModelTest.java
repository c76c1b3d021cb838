package dev.vigie.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.StoredEvent;
import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.Tasks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogsViewModelTest {
    @Test
    void aSearchShowsItsRowsAndSaysHowManyAndWhatIsNotSearchableYet() {
        FakeEngine engine = new FakeEngine();
        engine.events = List.of(new StoredEvent(1, Instant.parse("2026-03-14T08:20:00Z"), "api", "ERROR",
                "HikariPool-1 - Connection is not available", "t1"));
        engine.notSearchable = 12;
        LogsViewModel vm = new LogsViewModel(engine, Tasks.DIRECT);
        vm.query.set("HikariPool");
        vm.search();
        assertThat(engine.searches).containsExactly("HikariPool");
        assertThat(vm.rows).hasSize(1);
        assertThat(vm.status.get()).isEqualTo("1 event with every word of “HikariPool” — the 12 newest are not searchable yet");

        engine.events = List.of();
        vm.query.set("");
        vm.search();
        assertThat(vm.status.get()).isEqualTo("0 events (newest)");
    }
}
