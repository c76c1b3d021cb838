package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vigie.SampleLogs;
import dev.vigie.TestSettings;
import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ScoredSample;
import dev.vigie.sim.MetricSimulator;
import dev.vigie.sim.ReplayClock;
import dev.vigie.sim.Scenario;
import dev.vigie.sim.ScenarioKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live engine tails configured sources: appends and new files are picked up promptly and stored. */
class LiveRuntimeTest {
    // the tail loop looks at least every 250 ms; the bound is loose so that a loaded 2-core machine
    // does not fail it (speed is the benchmark's business, not a test's)
    static final Duration PROMPTLY = Duration.ofSeconds(10);

    @Test
    void appendsAndNewFilesArePickedUpAndStored(@TempDir Path dataDir, @TempDir Path logs) throws Exception {
        Path app = logs.resolve("app.log");
        Files.writeString(app, "2026-03-14T08:00:00Z INFO started\n");
        List<LogEvent> seen = new CopyOnWriteArrayList<>();
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(TestSettings.in(dataDir, Map.of(
                "sources", logs.toString(), "simulator.enabled", "false")), Clock.systemUTC()))) {
            runtime.bus().subscribe(LogEvent.class, seen::add);
            runtime.start();
            await().atMost(PROMPTLY).until(() -> seen.size() == 1);

            Files.writeString(app, "2026-03-14T08:00:01Z ERROR payment failed\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            await().atMost(PROMPTLY).until(() -> seen.size() == 2);
            assertThat(seen.get(1).message()).isEqualTo("payment failed");

            Files.writeString(logs.resolve("worker.log"), "2026-03-14T08:00:02Z WARN queue is deep\n");
            await().atMost(PROMPTLY).until(() -> seen.size() == 3);
            assertThat(seen.get(2).service()).isEqualTo("worker");

            await().atMost(PROMPTLY).until(() -> runtime.store().count("log_events") == 3);
            assertThat(runtime.store().checkpointsAt(app.toString())).singleElement()
                    .satisfies(c -> assertThat(c.offset()).isEqualTo(Files.size(app)));
        }
    }

    @Test
    void theSimulationIsPausedSteppedAndRunAtMaxSpeedWithAScenarioInjectedOnDemand(@TempDir Path dataDir) throws Exception {
        List<MetricSample> samples = new CopyOnWriteArrayList<>();
        List<Anomaly> anomalies = new CopyOnWriteArrayList<>();
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(TestSettings.in(dataDir, Map.of("simulator.enabled", "true")),
                Clock.systemUTC()))) {
            runtime.bus().subscribe(ScoredSample.class, s -> samples.add(s.sample()));
            runtime.bus().subscribe(Anomaly.class, anomalies::add);
            ReplayClock replay = runtime.replay();
            runtime.client().pause();
            Instant start = replay.now();
            int perStep = runtime.simulator().at(start).size();
            runtime.start();

            // paused: the step at the start, then exactly the six of the minute stepped over
            await().atMost(PROMPTLY).until(() -> samples.size() == perStep);
            runtime.client().step(6);
            await().atMost(PROMPTLY).until(() -> samples.size() == 7 * perStep);
            assertThat(runtime.snapshot().eventTime()).isEqualTo(start.plus(Duration.ofMinutes(1)));
            assertThat(runtime.snapshot().paused()).isTrue();

            Instant storm = MetricSimulator.alignToStep(start).plus(Duration.ofMinutes(40));
            runtime.simulator().inject(new Scenario(ScenarioKind.CONNECTION_STORM, "postgresql", storm,
                    storm.plus(Duration.ofMinutes(5))));
            runtime.client().setReplaySpeed(ReplayClock.MAX);
            runtime.client().resume();
            await().atMost(PROMPTLY).until(() -> anomalies.stream().anyMatch(a -> a.series().equals("postgresql/active_connections")
                    && !a.start().isBefore(storm) && a.start().isBefore(storm.plus(Duration.ofMinutes(1)))));

            runtime.client().inject("cpu_saturation api 10m");
            assertThat(runtime.simulator().scenarios()).anySatisfy(sc -> {
                assertThat(sc.kind()).isEqualTo(ScenarioKind.CPU_SATURATION);
                assertThat(sc.service()).isEqualTo("api");
            });
            assertThatThrownBy(() -> runtime.client().inject("volcano api 5m")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown scenario 'volcano'");

            DetectorSettings calmer = DetectorSettings.DEFAULTS.toBuilder().zThreshold(7).build();
            runtime.client().applyDetectorSettings(calmer);
            await().atMost(PROMPTLY).until(() -> runtime.client().detectorSettings().equals(calmer));
            assertThat(runtime.snapshot().eventTime()).isAfter(storm.plus(Duration.ofMinutes(5)));
        }
        List<Instant> times = samples.stream().filter(s -> s.series().equals("api/cpu_usage")).map(MetricSample::time).toList();
        assertThat(times).as("no step lost or repeated").doesNotHaveDuplicates().isSorted();
        assertThat(Duration.between(times.get(0), times.get(times.size() - 1)).toSeconds() / 10).isEqualTo(times.size() - 1);
    }

    @Test
    void feedbackOnAStoredIncidentIsKeptAndOnAnUnknownOneRefused(@TempDir Path dataDir, @TempDir Path logs) throws Exception {
        Files.copy(SampleLogs.DIR.resolve("kern.log"), logs.resolve("kern.log"));
        try (Engine engine = Engine.open(TestSettings.in(dataDir), Clock.systemUTC())) {
            OnceIngest.run(engine, List.of(logs.toString()));
        }
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(TestSettings.in(dataDir, Map.of("simulator.enabled", "false")),
                Clock.systemUTC()))) {
            runtime.start();
            String id = runtime.client().incidents().get(0).id();
            runtime.client().feedback(id, "", false, "  not the kernel: billing leaked memory first  ");
            await().atMost(PROMPTLY).until(() -> !runtime.store().feedback(id).isEmpty());
            assertThat(runtime.store().feedback(id)).singleElement().satisfies(f -> {
                assertThat(f.useful()).isFalse();
                assertThat(f.note()).isEqualTo("not the kernel: billing leaked memory first");
            });
            assertThatThrownBy(() -> runtime.client().feedback(id, "P9", true, "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no action P9");
            assertThatThrownBy(() -> runtime.client().feedback("INC-nope", "", true, "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no incident INC-nope");
            // the memory learns what was stored, the feedback included, on its own thread
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.store().memoryChanges(1).isEmpty());
            assertThat(runtime.client().ask("have we seen Killed process before?", piece -> { }).citations()).contains(id);
        }
    }
}
