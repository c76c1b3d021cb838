package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailerTest {
    @TempDir
    Path dir;

    private static List<String> texts(List<RawRecord> records) {
        return records.stream().map(RawRecord::text).toList();
    }

    private static void append(Path p, String s) throws Exception {
        Files.writeString(p, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void resumesFromItsCheckpointWhenTheFileIsTheSame() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "one\ntwo\n");
        List<RawRecord> out = new ArrayList<>();
        try (FileTailer t = new FileTailer(log, CheckpointSource.NONE)) {
            t.poll(out::add, true);
        }
        assertThat(texts(out)).containsExactly("one", "two");
        RawRecord last = out.get(1);
        assertThat(last.endOffset()).isEqualTo(Files.size(log));

        append(log, "three\n");
        CheckpointSource saved = s -> Optional.of(new Checkpoint(s, last.fileKey(), last.endOffset()));
        List<RawRecord> resumed = new ArrayList<>();
        try (FileTailer t = new FileTailer(log, saved)) {
            t.poll(resumed::add, true);
        }
        assertThat(texts(resumed)).containsExactly("three");
    }

    @Test
    void aNewFileAtAnOldPathIsReadFromTheStart() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "new file line\n");
        CheckpointSource stale = s -> Optional.of(new Checkpoint(s, "(dev=0,ino=0)", 5));
        List<RawRecord> out = new ArrayList<>();
        try (FileTailer t = new FileTailer(log, stale)) {
            t.poll(out::add, true);
        }
        assertThat(texts(out)).containsExactly("new file line");
    }

    @Test
    void stackTracesAndContinuationLinesJoinTheirEvent() throws Exception {
        Path log = dir.resolve("svc.log");
        append(log, """
                2026-03-14 09:50:10.200 ERROR 1 --- [main] x.Y : failed
                java.lang.IllegalStateException: boom
                \tat x.Y.run(Y.java:10)
                Caused by: java.io.IOException: disk
                \t... 3 more
                2026-03-14 09:50:11.000  INFO 1 --- [main] x.Y : next
                Traceback (most recent call last):
                  File "app.py", line 3, in <module>
                ValueError: bad
                """);
        List<RawRecord> out = new ArrayList<>();
        try (FileTailer t = new FileTailer(log, CheckpointSource.NONE)) {
            t.poll(out::add, true);
        }
        assertThat(out).hasSize(2);
        assertThat(out.get(0).lines()).isEqualTo(5);
        assertThat(out.get(0).text()).endsWith("\t... 3 more");
        assertThat(out.get(1).lines()).isEqualTo(4);
        assertThat(out.get(1).text()).endsWith("ValueError: bad");
    }

    @Test
    void anUnterminatedLastLineIsHeldUntilItsNewlineOrTheEndOfInput() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "complete\npart");
        List<RawRecord> out = new ArrayList<>();
        try (FileTailer t = new FileTailer(log, CheckpointSource.NONE)) {
            t.poll(out::add, false);
            assertThat(texts(out)).isEmpty(); // "complete" waits: the next line may continue it
            append(log, "ial\n2026 next\n");
            t.poll(out::add, false);
            assertThat(texts(out)).containsExactly("complete", "partial");
            t.poll(out::add, true);
        }
        assertThat(texts(out)).containsExactly("complete", "partial", "2026 next");
    }

    @Test
    void renameAndCreateReadsTheOldFileToItsEndThenTheNewOne() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "1\n2\n");
        List<RawRecord> out = new ArrayList<>();
        try (FileTailer t = new FileTailer(log, CheckpointSource.NONE)) {
            t.poll(out::add, false);
            append(log, "3\n");
            Files.move(log, dir.resolve("a.log.1"));
            append(log, "4\n");
            t.poll(out::add, true);
        }
        assertThat(texts(out)).containsExactly("1", "2", "3", "4");
    }

    @Test
    void copyTruncateIsReadAgainFromTheStart() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "old line one\nold line two\n");
        List<RawRecord> out = new ArrayList<>();
        try (FileTailer t = new FileTailer(log, CheckpointSource.NONE)) {
            t.poll(out::add, true);
            Files.writeString(log, "new\n");
            t.poll(out::add, true);
        }
        assertThat(texts(out)).containsExactly("old line one", "old line two", "new");
    }

    @Test
    void sourcePathsExpandDirectoriesAndGlobsAndSkipCompressedFiles() throws Exception {
        append(dir.resolve("a.log"), "x\n");
        append(dir.resolve("b.jsonl"), "x\n");
        append(dir.resolve("a.log.1.gz"), "x\n");
        Files.createDirectories(dir.resolve("sub"));
        append(dir.resolve("sub/c.log"), "x\n");
        assertThat(new SourcePaths(List.of(dir.toString())).files())
                .containsExactly(dir.resolve("a.log"), dir.resolve("b.jsonl"), dir.resolve("sub/c.log"));
        assertThat(new SourcePaths(List.of(dir + "/*.log")).files()).containsExactly(dir.resolve("a.log"));
        assertThat(new SourcePaths(List.of(dir.resolve("b.jsonl").toString())).files()).containsExactly(dir.resolve("b.jsonl"));
    }
}
