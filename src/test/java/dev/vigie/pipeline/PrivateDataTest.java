package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.SampleLogs;
import dev.vigie.TestSettings;
import dev.vigie.store.DataDirectoryLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory holds every raw line: its owner's alone, whatever the umask. */
class PrivateDataTest {
    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDataDirectoryAndEveryFileVigieWritesInItAreItsOwnersAlone(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.copy(SampleLogs.DIR.resolve("kern.log"), logs.resolve("kern.log"));
        Path data = dir.resolve("data");
        try (Engine engine = Engine.open(TestSettings.in(data), Clock.systemUTC())) {
            OnceIngest.run(engine, List.of(logs.toString()));
        }
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        Files.copy(SampleLogs.DIR.resolve("kern.log"), recordings.resolve("kern.log"));
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(TestSettings.in(data, Map.of("replay.dir", recordings.toString(),
                "replay.speed", "max", "simulator.enabled", "false")), Clock.systemUTC()))) {
            runtime.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> runtime.client().snapshot().replayed() == runtime.client().snapshot().replayTotal());
        }

        assertThat(mode(data)).isEqualTo("rwx------");
        List<Path> written = new ArrayList<>(List.of(data.resolve("vigie.db"), data.resolve("search.db"),
                data.resolve("settings.properties"), data.resolve(DataDirectoryLock.FILE_NAME)));
        try (Stream<Path> reports = Files.list(data.resolve("reports")); Stream<Path> spool = Files.walk(data.resolve("replay"))) {
            reports.forEach(written::add);
            spool.filter(Files::isRegularFile).forEach(written::add);
        }
        assertThat(written).anyMatch(p -> p.toString().endsWith(".md")).anyMatch(p -> p.toString().endsWith("kern.log"));
        for (Path p : written) {
            assertThat(mode(p)).as(p.toString()).isEqualTo("rw-------");
        }
    }
}
