package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.IngestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files from their checkpoints to their ends, through renames, copies and truncations. */
class OneShotReadingTest {
    @TempDir
    Path dir;
    final MemoryCheckpoints checkpoints = new MemoryCheckpoints();

    static void append(Path p, String s) throws Exception {
        Files.writeString(p, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    boolean includeCompressed;

    List<RawRecord> read(IngestOptions options) throws Exception {
        List<RawRecord> out = new ArrayList<>();
        for (RecordStream s : RecordStream.open(new SourcePaths(List.of(dir.toString()), includeCompressed), checkpoints, options, (p, e) -> {
            throw new AssertionError(p, e);
        })) {
            try (s) {
                RawRecord r;
                while ((r = s.next()) != null) {
                    out.add(r);
                    checkpoints.commit(r);
                }
            }
        }
        return out;
    }

    List<String> read() throws Exception {
        return read(IngestOptions.DEFAULTS).stream().map(RawRecord::text).toList();
    }

    @Test
    void aSecondReadResumesWhereTheFirstStopped() throws Exception {
        append(dir.resolve("a.log"), "one\ntwo\n");
        assertThat(read()).containsExactly("one", "two");
        assertThat(read()).isEmpty();
        append(dir.resolve("a.log"), "three\n");
        assertThat(read()).containsExactly("three");
    }

    @Test
    void aRenamedFileKeepsItsCheckpointAndANewFileAtTheOldPathStartsAtZero() throws Exception {
        append(dir.resolve("a.log"), "1 first file\n2\n");
        assertThat(read()).containsExactly("1 first file", "2");
        append(dir.resolve("a.log"), "3\n");
        Files.move(dir.resolve("a.log"), dir.resolve("a.log.1"));
        append(dir.resolve("a.log"), "1 second file\n");
        assertThat(read()).containsExactlyInAnyOrder("3", "1 second file");
    }

    @Test
    void copyTruncateGivesEveryLineOnce() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "1 original\n2\n");
        assertThat(read()).containsExactly("1 original", "2");
        append(log, "3\n");
        Files.copy(log, dir.resolve("a.log.1"));
        Files.writeString(log, "4 after truncation\n");
        assertThat(read()).containsExactlyInAnyOrder("3", "4 after truncation");
        assertThat(read()).isEmpty();
    }

    @Test
    void aCopyOfAFileStillBeingWrittenIsNotReadTwice() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "1 live\n2\n");
        Files.copy(log, dir.resolve("backup.log"));
        assertThat(read()).containsExactly("1 live", "2");
    }

    @Test
    void distinctFilesWithTheSameFirstLineAreBothRead() throws Exception {
        append(dir.resolve("a.csv"), "timestamp,value\n1,2\n");
        append(dir.resolve("b.csv"), "timestamp,value\n3,4\n");
        assertThat(read()).containsExactly("timestamp,value", "1,2", "timestamp,value", "3,4");
    }

    @Test
    void aLineInPlaceOfTheOldContentMeansTheFileWasRewritten() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "same first line\nlong second line of the old content\n");
        assertThat(read()).hasSize(2);
        Files.writeString(log, "same first line\n");
        assertThat(read()).containsExactly("same first line");
    }

    @Test
    void stackTracesTracebacksAndGoPanicsJoinTheirRecord() throws Exception {
        append(dir.resolve("svc.log"), """
                2026-03-14 09:50:10.200 ERROR 1 --- [main] x.Y : failed
                java.lang.IllegalStateException: boom
                \tat x.Y.run(Y.java:10)
                Caused by: java.io.IOException: disk
                \t... 3 more
                2026-03-14 09:50:11,000 - app - ERROR - bad input
                Traceback (most recent call last):
                  File "app.py", line 3, in <module>
                ValueError: bad
                panic: runtime error: index out of range [5] with length 3

                goroutine 1 [running]:
                main.main()
                \t/app/main.go:10 +0x1d
                exit status 2
                2026/03/14 09:50:12 restarted
                """);
        List<RawRecord> records = read(IngestOptions.DEFAULTS);
        assertThat(records).extracting(RawRecord::lines).containsExactly(5, 4, 6, 1);
        assertThat(records.get(2).text()).startsWith("panic: runtime error").endsWith("exit status 2");
        assertThat(records.get(3).text()).isEqualTo("2026/03/14 09:50:12 restarted");
    }

    @Test
    void longLinesAreCutAndInvalidUtf8IsReplacedAndBothAreFlagged() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "x".repeat(5000) + "\n");
        Files.write(log, new byte[] {'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, '\n', 'o', 'k', ' ', (byte) 0xC3, (byte) 0xA9, '\n'},
                StandardOpenOption.APPEND);
        append(log, "last line without newline");
        List<RawRecord> records = read(new IngestOptions(1024, IngestOptions.DEFAULTS.quiet()));
        assertThat(records).hasSize(4);
        assertThat(records.get(0).text()).hasSize(1024);
        assertThat(records.get(0).has(RawRecord.TRUNCATED)).isTrue();
        assertThat(records.get(0).endOffset()).isEqualTo(5001);
        assertThat(records.get(1).text()).isEqualTo("bad \uFFFD(");
        assertThat(records.get(1).has(RawRecord.INVALID_UTF8)).isTrue();
        assertThat(records.get(2).text()).isEqualTo("ok é");
        assertThat(records.get(2).flags()).isZero();
        assertThat(records.get(3).text()).isEqualTo("last line without newline");
        assertThat(records.get(3).endOffset()).isEqualTo(Files.size(log));
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

    @Test
    void aCompressedRotationIsReadFromWhereItsOriginalStoppedWhenAskedFor() throws Exception {
        Path log = dir.resolve("a.log");
        append(log, "1 first\n2\n");
        assertThat(read()).containsExactly("1 first", "2");
        append(log, "3 written before rotation\n");
        // logrotate with delaycompress: rename, then compress the rotated file and delete it
        Files.move(log, dir.resolve("a.log.1"));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("a.log.1.gz")))) {
            out.write(Files.readAllBytes(dir.resolve("a.log.1")));
        }
        Files.delete(dir.resolve("a.log.1"));
        append(log, "1 new file\n");
        assertThat(read()).containsExactly("1 new file"); // .gz skipped by default
        includeCompressed = true;
        assertThat(read()).containsExactly("3 written before rotation");
        assertThat(read()).isEmpty();
    }
}
