package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.TestSettings;
import dev.vigie.config.Settings;
import dev.vigie.event.StoredEvent;
import dev.vigie.ingest.FileTailerKeys;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file rewritten in place between two runs (the same inode, the same header line, more bytes than
 * were read) is a new content: the second run reads it from its start instead of from the old
 * checkpoint, where its first lines would have been lost.
 */
class RewrittenInPlaceTest {
    @Test
    void aHeaderFirstFileRewrittenOnItsInodeIsReadAgainFromItsStart(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path log = logs.resolve("export.log");
        Files.writeString(log, "#Fields: time level message\n2026-03-14T08:00:00Z INFO first a\n2026-03-14T08:00:01Z INFO first b\n");
        Settings settings = TestSettings.in(dir.resolve("data"));
        try (Engine engine = Engine.open(settings, Clock.systemUTC())) {
            OnceIngest.run(engine, List.of(logs.toString()));
        }
        String key = FileTailerKeys.of(log);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(("#Fields: time level message\n2026-03-14T09:00:00Z WARN second a\n"
                    + "2026-03-14T09:00:01Z WARN second b\n2026-03-14T09:00:02Z WARN second c\n").getBytes(StandardCharsets.UTF_8)), 0);
        }
        assertThat(FileTailerKeys.of(log)).as("the same inode").isEqualTo(key);
        try (Engine engine = Engine.open(settings, Clock.systemUTC())) {
            OnceIngest.run(engine, List.of(logs.toString()));
            assertThat(engine.store().events("", 100)).extracting(StoredEvent::message)
                    .contains("second a", "second b", "second c").hasSize(7);
        }
    }
}
