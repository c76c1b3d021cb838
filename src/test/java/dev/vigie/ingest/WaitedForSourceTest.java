package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.config.IngestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source named before it exists is waited for, said as such, and read once it appears. */
class WaitedForSourceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void aFileAndADirectoryThatDoNotExistYetAreWaitedForThenRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("later/app.log");
        Path folder = dir.resolve("later-dir");
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        List<String> lines = new CopyOnWriteArrayList<>();
        Map<String, String> said = new ConcurrentHashMap<>();
        try (Tailing tailing = new Tailing(new SourcePaths(List.of(file.toString(), folder.toString())), checkpoints,
                new IngestOptions(1024, Duration.ofMillis(300)), r -> {
                    lines.add(r.text());
                    checkpoints.commit(r);
                }, said::put)) {
            tailing.start();
            await().atMost(SOON).until(() -> said.size() == 2);
            assertThat(said).containsEntry(file.toString(), "waiting for it to appear")
                    .containsEntry(folder.toString(), "waiting for it to appear");
            assertThat(tailing.errors()).containsKeys(file.toString(), folder.toString());

            Files.createDirectories(file.getParent());
            Files.writeString(file, "2026-03-14T08:00:00Z INFO up\n", StandardCharsets.UTF_8);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("worker.log"), "2026-03-14T08:00:01Z INFO ready\n", StandardCharsets.UTF_8);
            await().atMost(SOON).until(() -> lines.size() == 2);
            assertThat(lines).containsExactlyInAnyOrder("2026-03-14T08:00:00Z INFO up", "2026-03-14T08:00:01Z INFO ready");
            await().atMost(SOON).until(() -> said.get(file.toString()).isEmpty() && said.get(folder.toString()).isEmpty());
            assertThat(tailing.errors()).doesNotContainKeys(file.toString(), folder.toString());
        }
    }

    @Test
    void whatIsNeitherAFileNorADirectoryIsNamedWithItsReason(@TempDir Path dir) throws Exception {
        Path loop = dir.resolve("loop.log");
        Files.createSymbolicLink(loop, dir.resolve("other.log"));
        Files.createSymbolicLink(dir.resolve("other.log"), loop);
        Path missing = dir.resolve("missing.log");
        assertThat(new SourcePaths(List.of(loop.toString(), missing.toString(), dir.toString())).problems()).containsExactly(
                Map.entry(loop.toString(), "is a symbolic link that leads nowhere (a loop, or its target is missing)"),
                Map.entry(missing.toString(), "does not exist"));
    }
}
