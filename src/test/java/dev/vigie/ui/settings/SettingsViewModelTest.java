package dev.vigie.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.TestSettings;
import dev.vigie.event.CheckRate;
import dev.vigie.event.SourceStatus;
import dev.vigie.pipeline.client.Counts;
import dev.vigie.pipeline.client.EngineSnapshot;
import dev.vigie.pipeline.client.ModelStatus;
import dev.vigie.ui.CockpitSnapshot;
import dev.vigie.ui.FakeEngine;
import dev.vigie.ui.Tasks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    private static CockpitSnapshot snapshot(ModelStatus model) {
        EngineSnapshot engine = new EngineSnapshot(new Counts(120, 118, 4, 2, 3, 1, 60), Instant.parse("2026-03-14T08:21:00Z"),
                5, 0, 0, 0, 60, false, model, 0, 1, Map.of("/var/log/locked.log", "AccessDeniedException"),
                List.of(new CheckRate("error_events", 31, 1)), "", "", List.of("/var/log/later.log"), "");
        return new CockpitSnapshot(engine, 0, 0, List.of(), List.of(), Map.of(), 0);
    }

    @Test
    void itSaysWhereThingsAreWhetherAModelAnswersWhatWasReadAndListsTheSourcesNowAndThen(@TempDir Path dir) {
        FakeEngine engine = new FakeEngine();
        engine.settings = TestSettings.in(dir);
        engine.sources = List.of(new SourceStatus("/var/log/app.log", 120, 118, 2, 0, 0, 0, null, null, Instant.EPOCH, null));
        SettingsViewModel vm = new SettingsViewModel(engine, Tasks.DIRECT);
        assertThat(vm.paths.get()).contains("Data directory: " + dir, "Sources: (none configured)", "Replay: off");

        vm.apply(snapshot(new ModelStatus(false, "", 0, "no Ollama at http://127.0.0.1:9")));
        assertThat(vm.model.get()).isEqualTo("Offline analyst in use: no Ollama at http://127.0.0.1:9");
        assertThat(vm.counts.get()).startsWith("120 lines, 118 events, 2 rejected, 3 anomalies, 1 incident closed, 60 metric samples · queue 5 · "
                + "0 store write errors · 1 analysis error")
                .contains("Cannot read /var/log/locked.log: AccessDeniedException", "error_events 1/31",
                        "Waiting for /var/log/later.log: it does not exist yet");
        assertThat(vm.sources).hasSize(1);

        vm.apply(snapshot(new ModelStatus(true, "qwen2.5:7b", 2, "")));
        assertThat(vm.model.get()).isEqualTo("Ollama at http://127.0.0.1:9: model qwen2.5:7b (2 listed)");
        assertThat(engine.sourceLookups).as("sources are read again only every few refreshes").isEqualTo(1);
    }
}
