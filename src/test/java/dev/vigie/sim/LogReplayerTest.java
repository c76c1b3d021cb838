package dev.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReplayerTest {
    /** Lines start with their time, or are continuations without one. */
    private static final Function<String, Instant> TIME = line -> line.length() > 20 && line.charAt(4) == '-'
            ? Instant.parse(line.substring(0, 20)) : null;

    private static Path recordings(Path dir) throws IOException {
        Path rec = Files.createDirectories(dir.resolve("rec"));
        Files.write(rec.resolve("a.log"), List.of("2026-03-14T08:00:00Z a one", "2026-03-14T08:01:00Z a two",
                "  continued", "2026-03-14T08:03:00Z a three"));
        Files.write(rec.resolve("b.log"), List.of("2026-03-14T08:00:30Z b one", "2026-03-14T08:02:00Z b two"));
        return rec;
    }

    private static String spooled(LogReplayer r, String file) throws IOException {
        return Files.readString(r.spool().resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void aReplayStartedAgainResumesAfterWhatItsSpoolHoldsAndCompletesALineCutShort(@TempDir Path dir) throws Exception {
        Path rec = recordings(dir);
        LogReplayer first = LogReplayer.open(rec, dir.resolve("spool"), TIME);
        assertThat(first.resumeTime()).isEqualTo(Instant.parse("2026-03-14T08:00:00Z"));
        assertThat(first.advanceTo(Instant.parse("2026-03-14T08:01:30Z"))).isEqualTo(4);
        first.close();
        // a crash in the middle of a line
        Path a = first.spool().resolve("a.log");
        String had = spooled(first, "a.log");
        Files.writeString(a, had.substring(0, had.length() - 5), StandardCharsets.UTF_8);

        LogReplayer again = LogReplayer.open(rec, dir.resolve("spool"), TIME);
        assertThat(again.spool()).isEqualTo(first.spool());
        assertThat(again.replayed()).isEqualTo(4);
        assertThat(again.resumeTime()).isEqualTo(Instant.parse("2026-03-14T08:02:00Z"));
        assertThat(spooled(again, "a.log")).isEqualTo(had);
        assertThat(again.advanceTo(Instant.parse("2026-03-14T09:00:00Z"))).isEqualTo(2);
        again.close();
        assertThat(spooled(again, "a.log")).isEqualTo(Files.readString(rec.resolve("a.log")));
        assertThat(spooled(again, "b.log")).isEqualTo(Files.readString(rec.resolve("b.log")));
    }

    @Test
    void otherRecordingsGetASpoolOfTheirOwnAndASpoolThatIsNotACopyIsRefused(@TempDir Path dir) throws Exception {
        Path rec = recordings(dir);
        LogReplayer first = LogReplayer.open(rec, dir.resolve("spool"), TIME);
        first.advanceTo(Instant.parse("2026-03-14T09:00:00Z"));
        first.close();
        Files.write(rec.resolve("b.log"), List.of("2026-03-14T08:00:45Z b changed"));
        LogReplayer other = LogReplayer.open(rec, dir.resolve("spool"), TIME);
        assertThat(other.spool()).isNotEqualTo(first.spool());
        assertThat(other.replayed()).isZero();
        try (Stream<Path> spools = Files.list(dir.resolve("spool"))) {
            assertThat(spools).hasSize(2);
        }

        Files.writeString(other.spool().resolve("a.log"), "2026-03-14T08:00:00Z something else\n");
        assertThatThrownBy(() -> LogReplayer.open(rec, dir.resolve("spool"), TIME)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a copy of the recordings").hasMessageContaining(other.spool().toString());
    }
}
