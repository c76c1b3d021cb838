package dev.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.config.IngestOptions;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source that cannot be opened is reported once, retried, and read when it can be. */
class UnreadableSourceTest {
    static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> reported = new CopyOnWriteArrayList<>();

    Tailing tailing(Tailing.Opener opener) {
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        return new Tailing(new SourcePaths(List.of(dir.toString())), checkpoints,
                new IngestOptions(1024, Duration.ofMillis(300)), r -> {
                    lines.add(r.text());
                    checkpoints.commit(r);
                }, (source, error) -> reported.add(source + ": " + error), opener);
    }

    @Test
    void aRefusedFileIsReportedOnceRetriedAndReadWhenAllowed() throws Exception {
        Path locked = dir.resolve("locked.log");
        Files.writeString(locked, "secret 1\nsecret 2\n");
        Files.writeString(dir.resolve("open.log"), "open 1\n");
        AtomicBoolean refuse = new AtomicBoolean(true);
        AtomicInteger refusals = new AtomicInteger();
        Tailing.Opener opener = file -> {
            if (refuse.get() && file.equals(locked)) {
                refusals.incrementAndGet();
                throw new AccessDeniedException(file.toString());
            }
            return FileChannel.open(file);
        };
        try (Tailing tailing = tailing(opener)) {
            tailing.start();
            await().atMost(SOON).until(() -> refusals.get() >= 2 && lines.contains("open 1"));
            assertThat(lines).containsExactly("open 1");
            assertThat(tailing.errors()).containsOnlyKeys(locked.toString());
            assertThat(tailing.errors().get(locked.toString())).contains("AccessDeniedException");
            assertThat(reported).as("the same error is reported once, not at every retry").hasSize(1);

            refuse.set(false);
            await().atMost(SOON).until(() -> lines.size() == 3);
            assertThat(lines).containsExactly("open 1", "secret 1", "secret 2");
            assertThat(tailing.errors()).isEmpty();
        }
    }

    @Test
    void aFileWithoutReadPermissionIsReportedAndReadOnceItIsGranted() throws Exception {
        Path locked = dir.resolve("locked.log");
        Files.writeString(locked, "line 1\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(locked),
                "permissions do not deny reads to this user (root): the refusal is covered by the test above");
        try (Tailing tailing = tailing(FileTailer::open)) {
            tailing.start();
            await().atMost(SOON).until(() -> tailing.errors().containsKey(locked.toString()));
            assertThat(lines).isEmpty();
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
            await().atMost(SOON).until(() -> lines.contains("line 1"));
        }
    }
}
