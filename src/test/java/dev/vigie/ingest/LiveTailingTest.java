package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.config.IngestOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live tail loop through the rotations real tools do. */
class LiveTailingTest {
    static final Duration SOON = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    final MemoryCheckpoints checkpoints = new MemoryCheckpoints();
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Map<String, String> errors = new ConcurrentHashMap<>();
    Tailing tailing;

    @BeforeEach
    void start() throws Exception {
        tailing = new Tailing(new SourcePaths(List.of(dir.toString())), checkpoints,
                new IngestOptions(1024, Duration.ofMillis(300)), r -> {
                    lines.add(r.text());
                    checkpoints.commit(r);
                }, errors::put);
        tailing.start();
    }

    @AfterEach
    void stop() throws Exception {
        tailing.close();
    }

    static void append(Path p, String s) throws Exception {
        Files.writeString(p, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void renameAndCreateReadsTheOldFileToItsEndThenTheNewOne() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "1 old\n");
        await().atMost(SOON).until(() -> lines.size() == 1);
        append(log, "2\n");
        Files.move(log, dir.resolve("a.log.1"));
        append(log, "1 new\n");
        append(dir.resolve("a.log.1"), "3 late write to the renamed file\n");
        await().atMost(SOON).until(() -> lines.size() == 4);
        assertThat(lines).containsExactlyInAnyOrder("1 old", "2", "3 late write to the renamed file", "1 new");
    }

    @Test
    void copyTruncateWhileLiveGivesEveryLineOnce() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "1 original\n2\n");
        await().atMost(SOON).until(() -> lines.size() == 2);
        append(log, "3\n");
        Files.copy(log, dir.resolve("a.log.1"));
        Files.writeString(log, "4 after truncation\n");
        await().atMost(SOON).until(() -> lines.size() >= 4);
        append(log, "5\n");
        await().atMost(SOON).until(() -> lines.contains("5"));
        assertThat(lines).containsExactlyInAnyOrder("1 original", "2", "3", "4 after truncation", "5");
    }

    @Test
    void aDeletedFileIsReadToItsEndAndReleased() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "1\n");
        await().atMost(SOON).until(() -> lines.size() == 1);
        append(log, "2 written just before deletion\n");
        Files.delete(log);
        await().atMost(SOON).until(() -> lines.size() == 2);
        append(log, "1 a new file\n");
        await().atMost(SOON).until(() -> lines.size() == 3);
        assertThat(lines).containsExactly("1", "2 written just before deletion", "1 a new file");
    }

    @Test
    void anUnterminatedLastLineIsEmittedOnceAfterTheQuietTime() throws Exception {
        append(dir.resolve("a.log"), "complete\npartial");
        await().atMost(SOON).until(() -> lines.size() == 2);
        assertThat(lines).containsExactly("complete", "partial");
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameFirstLineIsReadAgainFromItsStart() throws Exception {
        Path log = dir.resolve("export.csv");
        append(log, "time,level,message\n2026-03-14T08:00:00Z,INFO,first run a\n2026-03-14T08:00:01Z,INFO,first run b\n");
        await().atMost(SOON).until(() -> lines.size() == 3);
        String key = FileTailer.fileKey(log);
        // the same file (same inode), rewritten from its start with the same header and more than was read
        String again = "time,level,message\n2026-03-14T09:00:00Z,WARN,second run a\n2026-03-14T09:00:01Z,WARN,second run b\n"
                + "2026-03-14T09:00:02Z,WARN,second run c\n";
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(again.getBytes(StandardCharsets.UTF_8)), 0);
        }
        assertThat(FileTailer.fileKey(log)).isEqualTo(key);
        await().atMost(SOON).until(() -> lines.size() == 7);
        assertThat(lines.subList(3, 7)).containsExactly("time,level,message", "2026-03-14T09:00:00Z,WARN,second run a",
                "2026-03-14T09:00:01Z,WARN,second run b", "2026-03-14T09:00:02Z,WARN,second run c");
    }

    @Test
    void aFileDeletedThenCreatedAgainOnItsInodeWithTheSameBytesIsReadAgain() throws Exception {
        Path log = dir.resolve("same.log");
        String content = "2026-03-14T08:00:00Z INFO hello\n2026-03-14T08:00:01Z INFO bye\n";
        append(log, content);
        await().atMost(SOON).until(() -> lines.size() == 2);
        String key = FileTailer.fileKey(log);
        Files.delete(log);
        await().atMost(SOON).until(() -> tailing.tracked() == 0);
        append(log, content);
        Assumptions.assumeTrue(FileTailer.fileKey(log).equals(key), "this file system gave the new file another inode");
        await().atMost(SOON).until(() -> lines.size() == 4);
        assertThat(lines).containsExactly("2026-03-14T08:00:00Z INFO hello", "2026-03-14T08:00:01Z INFO bye",
                "2026-03-14T08:00:00Z INFO hello", "2026-03-14T08:00:01Z INFO bye");
    }
}
