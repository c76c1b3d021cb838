package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.IngestOptions;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailerTest {
    @Test
    void aFileRewrittenLongerUnderTheTailerIsNotReadFromTheOldOffset(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("a.log");
        Files.writeString(log, "1 original\n2\n");
        List<String> out = new ArrayList<>();
        FileChannel channel = FileTailer.open(log);
        try (FileTailer t = FileTailer.at(log, channel, FileTailer.fileKey(log), Fingerprint.head(channel), 0,
                IngestOptions.DEFAULTS)) {
            t.poll(r -> out.add(r.text()), false);
            // copy-truncate then a write longer than what was read: size alone would not tell
            Files.writeString(log, "4 after truncation, longer than the old content\n");
            t.poll(r -> out.add(r.text()), false);
            assertThat(out).containsExactly("1 original"); // "2" is still held, and no fragment of the new content
            assertThat(t.contentReplaced()).isTrue();
            assertThat(t.emittedOffset()).isEqualTo("1 original\n".length());
        }
    }

    private static List<RawRecord> readAll(Path log, long offset) throws Exception {
        List<RawRecord> out = new ArrayList<>();
        FileChannel channel = FileTailer.open(log);
        try (FileTailer t = FileTailer.at(log, channel, FileTailer.fileKey(log), Fingerprint.head(channel), offset,
                IngestOptions.DEFAULTS)) {
            t.poll(out::add, true);
        }
        return out;
    }

    private static byte[] marked(byte[] mark, String text, Charset charset) {
        byte[] body = text.getBytes(charset);
        byte[] all = Arrays.copyOf(mark, mark.length + body.length);
        System.arraycopy(body, 0, all, mark.length, body.length);
        return all;
    }

    @Test
    void utf16WithAByteOrderMarkIsReadInEitherOrderAndResumesWhereItStopped(@TempDir Path dir) throws Exception {
        String text = "2026-03-14T08:00:00Z INFO café ouvert\r\n2026-03-14T08:00:01Z WARN 日本の倉庫 ĊĠ\n2026-03-14T08:00:02Z ERROR fin\n";
        List<String> lines = List.of("2026-03-14T08:00:00Z INFO café ouvert", "2026-03-14T08:00:01Z WARN 日本の倉庫 ĊĠ",
                "2026-03-14T08:00:02Z ERROR fin");
        Path le = Files.write(dir.resolve("le.log"), marked(new byte[] {(byte) 0xFF, (byte) 0xFE}, text, StandardCharsets.UTF_16LE));
        Path be = Files.write(dir.resolve("be.log"), marked(new byte[] {(byte) 0xFE, (byte) 0xFF}, text, StandardCharsets.UTF_16BE));
        for (Path log : List.of(le, be)) {
            List<RawRecord> records = readAll(log, 0);
            assertThat(records).extracting(RawRecord::text).as(log.toString()).containsExactlyElementsOf(lines);
            assertThat(records.get(2).endOffset()).isEqualTo(Files.size(log));
            assertThat(records).allSatisfy(r -> assertThat(r.has(RawRecord.INVALID_UTF8)).isFalse());
            // from a checkpoint: the rest, and nothing before it
            assertThat(readAll(log, records.get(0).endOffset())).extracting(RawRecord::text).containsExactlyElementsOf(lines.subList(1, 3));
        }
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRecognisedByItsZeroBytes(@TempDir Path dir) throws Exception {
        String text = "2026-03-14T08:00:00Z INFO café ouvert\r\n2026-03-14T08:00:01Z ERROR 日本の倉庫\n";
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path log = Files.write(dir.resolve(charset.name() + ".log"), text.getBytes(charset));
            assertThat(readAll(log, 0)).as(charset.name()).allSatisfy(r -> assertThat(r.has(RawRecord.INVALID_UTF8)).isFalse())
                    .extracting(RawRecord::text)
                    .containsExactly("2026-03-14T08:00:00Z INFO café ouvert", "2026-03-14T08:00:01Z ERROR 日本の倉庫");
        }
        // UTF-8 text, even with a few stray zero bytes, stays UTF-8
        Path utf8 = Files.writeString(dir.resolve("utf8.log"), "2026-03-14T08:00:00Z INFO a\u0000b ok\n2026-03-14T08:00:01Z INFO c\n");
        assertThat(readAll(utf8, 0)).extracting(RawRecord::text).last().isEqualTo("2026-03-14T08:00:01Z INFO c");
    }

    @Test
    void aFirstLineHandedAheadIsNoCheckpointTheWholeRecordIs(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("w.log"), "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n");
        List<RawRecord> out = new ArrayList<>();
        FileChannel channel = FileTailer.open(log);
        try (FileTailer t = FileTailer.at(log, channel, FileTailer.fileKey(log), Fingerprint.head(channel), 0, IngestOptions.DEFAULTS)) {
            t.firstLinesAhead();
            t.poll(out::add, false);
            assertThat(out).singleElement().satisfies(r -> {
                assertThat(r.has(RawRecord.FIRST_LINE)).isTrue();
                assertThat(r.text()).isEqualTo("panic: boom");
            });
            assertThat(t.emittedOffset()).as("a copy resumes before the record, not after its first line").isZero();
            t.finish(out::add);
            assertThat(out).last().satisfies(r -> assertThat(r.has(RawRecord.FIRST_LINE)).isFalse());
            assertThat(t.emittedOffset()).isEqualTo(Files.size(log));
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstLine(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("bom.log"), marked(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "2026-03-14T08:00:00Z INFO up\n", StandardCharsets.UTF_8));
        assertThat(readAll(log, 0)).extracting(RawRecord::text).containsExactly("2026-03-14T08:00:00Z INFO up");
    }

    @Test
    void nulBytesAreCountedWithInvalidTextAndNeverStored(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("nul.log"), "2026-03-14T08:00:00Z INFO a\u0000b\n2026-03-14T08:00:01Z INFO clean\n"
                .getBytes(StandardCharsets.UTF_8));
        List<RawRecord> records = readAll(log, 0);
        assertThat(records.get(0).text()).isEqualTo("2026-03-14T08:00:00Z INFO a\uFFFDb");
        assertThat(records.get(0).has(RawRecord.INVALID_UTF8)).isTrue();
        assertThat(records.get(1).has(RawRecord.INVALID_UTF8)).isFalse();
    }
}
