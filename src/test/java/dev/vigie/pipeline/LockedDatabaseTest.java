package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process holds the database's write lock for a while: the engine says so, reading waits, and nothing is lost. */
class LockedDatabaseTest {
    @Test
    void aWriteLockHeldElsewhereIsSaidAndWritingResumesWhenItIsReleased(@TempDir Path data, @TempDir Path logs) throws Exception {
        Path app = logs.resolve("app.log");
        Files.writeString(app, "2026-03-14T08:00:00Z INFO started\n");
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(TestSettings.in(data, Map.of(
                "sources", logs.toString(), "simulator.enabled", "false")), Clock.systemUTC()))) {
            runtime.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.store().count("log_events") == 1);

            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigie.db"));
                 Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                for (int i = 1; i <= 50; i++) {
                    Files.writeString(app, "2026-03-14T08:00:0" + (i % 10) + "Z INFO line " + i + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.APPEND);
                }
                await().atMost(Duration.ofSeconds(40)).until(() -> runtime.client().snapshot().storeProblem()
                        .contains("another process holds the database locked"));
                s.execute("ROLLBACK");
            }
            await().atMost(Duration.ofSeconds(40)).until(() -> runtime.store().count("log_events") == 51
                    && runtime.client().snapshot().storeProblem().isEmpty());
        }
        assertThat(Files.readAllLines(app)).hasSize(51);
    }
}
