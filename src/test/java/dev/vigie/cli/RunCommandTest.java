package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.Cli;
import dev.vigie.ingest.Checkpoint;
import dev.vigie.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie run} in a process of its own, stopped with SIGTERM as a service manager stops it. */
class RunCommandTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final int LINES = 20_000;

    private static Process run(Path data, Path logs, Path stderr) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "dev.vigie.Vigie",
                "run", "--source", logs.toString(), "--data-dir", data.toString(), "--ollama-url", "http://127.0.0.1:9");
        pb.redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static long stored(Path data) throws IOException {
        try (Store store = new Store(data.resolve("vigie.db"), Clock.systemUTC())) {
            return store.count("log_events");
        }
    }

    @Test
    void sigtermDrainsWhatWasReadAndASecondRunStoresTheRestOnce(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path app = logs.resolve("app.log");
        List<String> lines = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-14T08:00:00Z");
        for (int i = 0; i < LINES; i++) {
            lines.add(t0.plusMillis(50L * i) + " INFO worker-" + (i % 7) + " handled job " + i);
        }
        Files.write(app, lines, StandardCharsets.UTF_8);
        Path data = dir.resolve("data");

        Process first = run(data, logs, dir.resolve("first.err"));
        await().atMost(LONG).until(() -> Files.exists(data.resolve("vigie.db")) && stored(data) > 0);
        // one owner per data directory: a second engine is told who has it; reading commands work beside it
        Cli.Result second = Cli.run("ingest", logs.toString(), "--once", "--data-dir", data.toString());
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).startsWith("vigie: the data directory " + data + " is in use by process " + first.pid()
                + " (vigie run, since ");
        assertThat(Cli.run("incidents", "--data-dir", data.toString()).exitCode()).isZero();
        Cli.Result asked = Cli.run("ask", "what failed?", "--data-dir", data.toString());
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.err()).contains("answering without the memory");
        first.destroy(); // SIGTERM
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s").isTrue();
        assertThat(Files.readString(dir.resolve("first.err"))).contains("vigie: following", "vigie: stopped");

        try (Store store = new Store(data.resolve("vigie.db"), Clock.systemUTC())) {
            long offset = store.checkpointsAt(app.toString()).stream().mapToLong(Checkpoint::offset).max().orElse(0);
            byte[] read = java.util.Arrays.copyOf(Files.readAllBytes(app), (int) offset);
            long linesRead = new String(read, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
            assertThat(store.count("log_events")).as("what was read up to the checkpoint, and nothing else")
                    .isEqualTo(linesRead);
        }

        Process again = run(data, logs, dir.resolve("second.err"));
        await().atMost(LONG).until(() -> stored(data) == LINES);
        again.destroy();
        assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stored(data)).as("each line once").isEqualTo(LINES);
    }

    @Test
    void aSourceThatDoesNotExistYetIsWaitedForAndReadOnceItAppears(@TempDir Path dir) throws Exception {
        Path later = dir.resolve("later/app.log");
        Path data = dir.resolve("data");
        Path err = dir.resolve("run.err");
        Process p = run(data, later, err);
        try {
            await().atMost(LONG).until(() -> Files.exists(err)
                    && Files.readString(err).contains("vigie: waiting for " + later + ": it does not exist yet"));
            Files.createDirectories(later.getParent());
            Files.write(later, List.of("2026-03-14T08:00:00Z INFO up", "2026-03-14T08:00:01Z INFO ready"));
            await().atMost(LONG).until(() -> Files.exists(data.resolve("vigie.db")) && stored(data) == 2);
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void withNothingToRunItSaysWhatToGive(@TempDir Path dir) {
        Cli.Result r = Cli.run("run", "--data-dir", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
    }
}
