package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.config.IngestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the pipeline's queue is full the tailer waits: the file is the buffer, and no line is dropped. */
class BackPressureTest {
    @Test
    void aFullQueueStopsTheTailerAndLosesNothing(@TempDir Path dir) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            lines.append("line ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("a.log"), lines);
        BlockingQueue<RawRecord> queue = new ArrayBlockingQueue<>(16);
        try (Tailing tailing = new Tailing(new SourcePaths(List.of(dir.toString())), CheckpointSource.NONE,
                IngestOptions.DEFAULTS, r -> {
                    try {
                        queue.put(r);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }, (source, error) -> { })) {
            tailing.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.remainingCapacity() == 0);
            // full, and it stays full: the tailer is waiting, not dropping or buffering elsewhere
            assertThat(queue.poll(200, TimeUnit.MILLISECONDS)).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.remainingCapacity() == 0);
            List<String> seen = new ArrayList<>(List.of("line 0"));
            while (seen.size() < 5_000) {
                RawRecord r = queue.poll(10, TimeUnit.SECONDS);
                assertThat(r).as("record %d", seen.size()).isNotNull();
                seen.add(r.text());
            }
            for (int i = 0; i < 5_000; i++) {
                assertThat(seen.get(i)).isEqualTo("line " + i);
            }
        }
    }
}
