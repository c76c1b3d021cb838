package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.SampleLogs;
import dev.vigie.TestSettings;
import dev.vigie.config.Settings;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.StoredEvent;
import dev.vigie.event.StoredIncident;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay stopped half-way and started again stores each recorded record once, and leaves no incident open for ever. */
class ReplayRestartTest {
    private static final Duration LONG = Duration.ofSeconds(90);

    private static Settings settings(Path dataDir, String speed) {
        return TestSettings.in(dataDir, Map.of("replay.dir", SampleLogs.DIR.toString(), "replay.speed", speed,
                "simulator.enabled", "false"));
    }

    @Test
    void aReplayStoppedMidWayResumesWhereItStoppedAndStoresEachRecordOnce(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        List<String> expected = expected(dir);
        int firstRun;
        List<String> leftOpen;
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(settings(data, "600"), Clock.systemUTC()))) {
            runtime.start();
            // stopped while an incident is open, some way into the recordings
            await().atMost(LONG).until(() -> runtime.store().incidents().stream().anyMatch(i -> i.status() == IncidentStatus.OPEN));
            firstRun = runtime.snapshot().replayed();
        }
        try (Engine engine = Engine.open(settings(data, "max"), Clock.systemUTC())) {
            leftOpen = engine.store().incidents().stream().filter(i -> i.status() == IncidentStatus.OPEN)
                    .map(StoredIncident::id).toList();
        }
        assertThat(firstRun).as("stopped mid-replay").isPositive().isLessThan(expected.size() / 2);
        assertThat(leftOpen).isNotEmpty();

        List<String> replayed;
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(settings(data, "max"), Clock.systemUTC()))) {
            assertThat(runtime.snapshot().replayed()).as("resumes after what the spool holds").isEqualTo(firstRun);
            runtime.start();
            await().atMost(LONG).until(() -> {
                var s = runtime.snapshot();
                return s.replayed() == s.replayTotal() && s.queueDepth() == 0
                        && runtime.store().count("log_events") >= expected.size();
            });
            replayed = stored(runtime.store().events("", 100_000));
            assertThat(runtime.snapshot().replaySpeed()).as("the recordings over, event time runs at real time, not to the year 2079")
                    .isEqualTo(1);
            assertThat(runtime.snapshot().eventTime()).isBefore(Instant.parse("2026-03-14T12:00:00Z"));
            await("the incidents the stop left open are resolved, with a report").atMost(LONG)
                    .until(() -> runtime.store().incidents().stream().filter(i -> leftOpen.contains(i.id()))
                            .allMatch(i -> i.status() == IncidentStatus.RESOLVED && i.reportPath() != null));
        }
        assertThat(replayed).as("the stored events, one for one with the recorded ones").isEqualTo(expected);
    }

    /** What the recordings hold, read once by {@code ingest --once}: the events a replay must store, each once. */
    private static List<String> expected(Path dir) throws Exception {
        Path data = dir.resolve("once");
        if (!Files.exists(data)) {
            try (Engine engine = Engine.open(TestSettings.in(data), Clock.systemUTC())) {
                OnceIngest.run(engine, List.of(SampleLogs.DIR.toString()));
            }
        }
        try (Engine engine = Engine.open(TestSettings.in(data), Clock.systemUTC())) {
            return stored(engine.store().events("", 100_000));
        }
    }

    private static List<String> stored(List<StoredEvent> events) {
        return events.stream().map(e -> e.time() + " " + e.service() + " " + e.level() + " " + e.message()).sorted().toList();
    }
}
