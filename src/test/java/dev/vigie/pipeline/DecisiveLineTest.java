package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.TestSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decisive line opens its anomaly and its critical incident at once: not when its minute of event
 * time closes (no later line comes here), and not when its multi-line record is complete (the quiet
 * time is a minute here, and a Go dump never says it is over).
 */
class DecisiveLineTest {
    @Test
    void aGoPanicOpensACriticalIncidentBeforeItsDumpIsOverOrItsMinuteCloses(@TempDir Path data, @TempDir Path logs) throws Exception {
        Path worker = logs.resolve("worker.log");
        StringBuilder calm = new StringBuilder();
        for (int s = 0; s < 30; s++) {
            calm.append(String.format("2026-03-14T10:00:%02dZ INFO job %d done%n", s, s));
        }
        Files.writeString(worker, calm);
        List<Anomaly> anomalies = new CopyOnWriteArrayList<>();
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(TestSettings.in(data, Map.of(
                "sources", logs.toString(), "simulator.enabled", "false", "ingest.quiet.ms", "60000")), Clock.systemUTC()))) {
            runtime.bus().subscribe(Anomaly.class, anomalies::add);
            runtime.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.store().count("log_events") == 29); // the last line is held

            Files.writeString(worker, "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.store().incidents().stream()
                    .anyMatch(i -> i.severity() == Severity.CRITICAL && i.status() == IncidentStatus.OPEN && i.service().equals("worker")));
            assertThat(anomalies).singleElement().satisfies(a -> {
                assertThat(a.check()).isEqualTo("decisive_line");
                assertThat(a.text()).contains("panic: runtime error: index out of range");
            });
            // the line before the panic is stored with the batch that held the anomaly (the report may be written first)
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.store().count("log_events") >= 30);
            assertThat(runtime.store().count("log_events")).as("the dump is not stored before it is whole").isEqualTo(30);
        }
    }

    @Test
    void aFatalLineFollowedByNothingIsAnAnomalyBeforeItsMinuteCloses(@TempDir Path data, @TempDir Path logs) throws Exception {
        Path db = logs.resolve("postgresql.log");
        Files.writeString(db, "2026-03-14 10:00:00.100 UTC [61] LOG:  checkpoint starting: time\n");
        List<Anomaly> anomalies = new CopyOnWriteArrayList<>();
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(TestSettings.in(data, Map.of(
                "sources", logs.toString(), "simulator.enabled", "false")), Clock.systemUTC()))) {
            runtime.bus().subscribe(Anomaly.class, anomalies::add);
            runtime.start();
            Files.writeString(db, "2026-03-14 10:00:01.200 UTC [4413] FATAL:  could not write to file \"pg_wal/xlogtemp.4413\": "
                    + "No space left on device\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.store().count("anomalies") == 1);
            assertThat(anomalies).singleElement().satisfies(a -> {
                assertThat(a.check()).isEqualTo("decisive_line");
                assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(a.start()).isEqualTo(java.time.Instant.parse("2026-03-14T10:00:01.200Z"));
            });
        }
    }
}
