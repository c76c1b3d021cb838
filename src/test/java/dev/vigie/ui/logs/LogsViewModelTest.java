package dev.vigie.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.EventDetail;
import dev.vigie.event.StoredEvent;
import dev.vigie.event.EventQuery;
import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.Tasks;
import dev.vigie.ui.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogsViewModelTest {
    private static final StoredEvent HIKARI = new StoredEvent(1, Instant.parse("2026-03-14T08:20:00Z"), "api", "ERROR",
            "HikariPool-1 - Connection is not available", "t1abcdef99");

    @Test
    void aSearchShowsItsRowsAndSaysHowManyAndWhatIsNotSearchableYet() {
        FakeEngine engine = new FakeEngine();
        engine.events = List.of(HIKARI);
        engine.notSearchable = 12;
        LogsViewModel vm = new LogsViewModel(engine, Tasks.DIRECT, Texts.english());
        vm.query.set("HikariPool");
        vm.level.set(LogsViewModel.PROBLEMS);
        vm.service.set("api");
        vm.search();
        EventQuery asked = engine.searches.get(0);
        assertThat(asked.words()).isEqualTo("HikariPool");
        assertThat(asked.levels()).isEqualTo(Set.of("WARN", "ERROR", "FATAL"));
        assertThat(asked.service()).isEqualTo("api");
        assertThat(vm.rows).hasSize(1);
        assertThat(vm.status.get()).isEqualTo("1 event — the 12 newest are not searchable by words yet");

        engine.events = List.of();
        vm.query.set("");
        vm.search();
        assertThat(vm.status.get()).isEqualTo("0 events");
    }

    @Test
    void aCitedLineIsShownWithItsRecordAmongItsServicesLinesAround() {
        FakeEngine engine = new FakeEngine();
        engine.events = List.of(HIKARI);
        engine.details = Map.of(1L, new EventDetail(HIKARI, "/var/log/api.log", "ERROR HikariPool-1 - Connection is not available\n\tat x.y",
                Map.of("format", "json"), false));
        LogsViewModel vm = new LogsViewModel(engine, Tasks.DIRECT, Texts.english());
        vm.query.set("something else");
        vm.showLine(1);
        EventQuery asked = engine.searches.get(0);
        assertThat(asked.words()).as("the filters give way to the line's neighbourhood").isEmpty();
        assertThat(asked.service()).isEqualTo("api");
        assertThat(asked.from()).isEqualTo(Instant.parse("2026-03-14T08:18:00Z"));
        assertThat(asked.to()).isEqualTo(Instant.parse("2026-03-14T08:22:00Z"));
        assertThat(vm.focus.get()).isEqualTo(HIKARI);
        assertThat(vm.detail.get().raw()).contains("\tat x.y");

        vm.showLine(404);
        assertThat(vm.status.get()).isEqualTo("No stored line L-404.");

        vm.showTemplate("t1abcdef");
        assertThat(engine.searches.get(engine.searches.size() - 1).template()).isEqualTo("t1abcdef");
        assertThat(engine.searches.get(engine.searches.size() - 1).service()).isEmpty();
    }
}
