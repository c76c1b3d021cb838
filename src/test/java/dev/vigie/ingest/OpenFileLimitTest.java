package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.config.IngestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many more followed files than may be open: idle ones are parked and reopened by identity, and nothing is lost or read twice. */
class OpenFileLimitTest {
    private static final int FILES = 300;
    private static final int LIMIT = 16;

    @TempDir
    Path dir;
    final MemoryCheckpoints checkpoints = new MemoryCheckpoints();
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Map<String, String> errors = new ConcurrentHashMap<>();
    final AtomicInteger mostOpen = new AtomicInteger();

    @Test
    void followsThreeHundredFilesWithSixteenOpenThroughAppendsAndRotations() throws Exception {
        for (int i = 0; i < FILES; i++) {
            LiveTailingTest.append(file(i), "first " + i + "\n");
        }
        IngestOptions options = new IngestOptions(1024, Duration.ofMillis(300)).withOpenFiles(LIMIT, Duration.ofMillis(200));
        Tailing[] holder = new Tailing[1];
        try (Tailing tailing = new Tailing(new SourcePaths(List.of(dir.toString())), checkpoints, options, r -> {
            lines.add(r.text());
            checkpoints.commit(r);
            mostOpen.accumulateAndGet(holder[0].openFiles(), Math::max); // the tail thread: the one that opens and parks
        }, errors::put)) {
            holder[0] = tailing;
            tailing.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.size() == FILES);
            await().atMost(Duration.ofSeconds(5)).until(() -> tailing.openFiles() == 0); // all idle: parked

            // parked files grow, and some are rotated (renamed, a new file at their path) while parked
            for (int i = 0; i < FILES; i++) {
                LiveTailingTest.append(file(i), "second " + i + "\n");
            }
            for (int i = 0; i < 10; i++) {
                Files.move(file(i), dir.resolve("f" + i + ".log.1"));
                LiveTailingTest.append(file(i), "after rotation " + i + "\n");
                LiveTailingTest.append(dir.resolve("f" + i + ".log.1"), "late " + i + "\n");
            }
            tailing.wake();
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.size() == 2 * FILES + 20);
        }
        assertThat(lines).doesNotHaveDuplicates().hasSize(2 * FILES + 20);
        for (int i = 0; i < FILES; i++) {
            assertThat(lines).contains("first " + i, "second " + i);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(lines).contains("after rotation " + i, "late " + i);
        }
        assertThat(mostOpen.get()).as("files open at once").isLessThanOrEqualTo(LIMIT);
        assertThat(errors).isEmpty();
    }

    private Path file(int i) {
        return dir.resolve("f" + i + ".log");
    }
}
