package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.config.IngestOptions;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A content is known by its first bytes (up to 1 KB): short files as they grow, old checkpoints, header-first files. */
class FileIdentityTest {
    @TempDir
    Path dir;
    final MemoryCheckpoints checkpoints = new MemoryCheckpoints();
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Map<String, String> errors = new ConcurrentHashMap<>();

    private Tailing follow() throws Exception {
        Tailing t = new Tailing(new SourcePaths(List.of(dir.toString())), checkpoints, new IngestOptions(1024, Duration.ofMillis(300)),
                r -> {
                    lines.add(r.text());
                    checkpoints.commit(r);
                }, errors::put);
        t.start();
        return t;
    }

    @Test
    void aFileWhoseOnlyLineHasNoNewlineIsReadOnceQuiet() throws Exception {
        Files.writeString(dir.resolve("status.log"), "2026-03-14T08:00:00Z ERROR disk almost full");
        try (Tailing t = follow()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 1);
        }
        assertThat(lines).containsExactly("2026-03-14T08:00:00Z ERROR disk almost full");
    }

    @Test
    void aShortFileIsIdentifiedAgainAsItGrowsAndResumedAcrossAStop() throws Exception {
        Path log = dir.resolve("a.log");
        LiveTailingTest.append(log, "line 0\n");
        try (Tailing t = follow()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 1);
            for (int i = 1; i < 200; i++) {
                LiveTailingTest.append(log, "line " + i + "\n");
            }
            t.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 200);
        }
        assertThat(checkpoints.byContent.values()).extracting(c -> Fingerprint.length(c.fingerprint()))
                .as("identified by its 7 bytes, then by more as it grew").contains(7, Fingerprint.SIZE);

        for (int i = 200; i < 210; i++) {
            LiveTailingTest.append(log, "line " + i + "\n");
        }
        lines.clear();
        try (Tailing t = follow()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 10);
        }
        assertThat(lines).first().isEqualTo("line 200");
        assertThat(lines).doesNotHaveDuplicates().hasSize(10);
    }

    @Test
    void aCheckpointMadeWhenTheFileWasShortResumesItLongAfter() throws Exception {
        Path log = dir.resolve("a.log");
        LiveTailingTest.append(log, "first\n");
        assertThat(readOnce()).containsExactly("first");
        LiveTailingTest.append(log, "x".repeat(3000) + "\nlast\n");
        assertThat(readOnce()).containsExactly("x".repeat(3000), "last");
    }

    @Test
    void aCheckpointStoredBeforeByteFingerprintsIsResumedNotReadAgain() throws Exception {
        Path log = dir.resolve("a.log");
        LiveTailingTest.append(log, "#Fields: date time level message\n2026-03-14 08:00:00 INFO one\n");
        String key = FileTailer.fileKey(log);
        String legacy;
        try (FileChannel ch = FileTailer.open(log)) {
            legacy = Fingerprint.legacy(Fingerprint.head(ch));
        }
        assertThat(legacy).as("the old form: a hash of the first line, no length").doesNotContain(":");
        long read = Files.size(log);
        checkpoints.byContent.put("old", new Checkpoint(key, legacy, log.toString(), read));
        LiveTailingTest.append(log, "2026-03-14 08:00:01 INFO two\n");

        assertThat(readOnce()).containsExactly("2026-03-14 08:00:01 INFO two");
    }

    @Test
    void twoExportsWithTheSameHeaderAreTwoContents() throws Exception {
        String header = "#Fields: date time s-ip cs-method cs-uri-stem sc-status\n";
        Path first = dir.resolve("u_ex1.log");
        LiveTailingTest.append(first, header + "2026-03-14 08:00:00 10.0.0.1 GET /a 200\n");
        assertThat(readOnce()).hasSize(2);
        // the first export goes while Vigie is down; the next one starts with the same header
        Files.delete(first);
        LiveTailingTest.append(dir.resolve("u_ex2.log"), header + "2026-03-14 09:00:00 10.0.0.1 GET /b 500\n");
        assertThat(readOnce()).containsExactly(header.strip(), "2026-03-14 09:00:00 10.0.0.1 GET /b 500");
    }

    private List<String> readOnce() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        for (RecordStream s : RecordStream.open(new SourcePaths(List.of(dir.toString())), checkpoints, IngestOptions.DEFAULTS,
                (p, e) -> errors.put(p, e.toString()))) {
            try (s) {
                RawRecord r;
                while ((r = s.next()) != null) {
                    out.add(r.text());
                    checkpoints.commit(r);
                }
            }
        }
        return out;
    }
}
