package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.IngestOptions;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        try (FileTailer t = FileTailer.at(log, channel, FileTailer.fileKey(log), Fingerprint.of(channel, false), 0,
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
}
