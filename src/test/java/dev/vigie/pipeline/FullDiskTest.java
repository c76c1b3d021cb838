package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.Cli;
import dev.vigie.SampleLogs;
import dev.vigie.TestSettings;
import dev.vigie.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory on a 3 MB file system that the sample logs fill: the engine says so in plain
 * words, reading waits, and once space returns every line is stored once and every incident gets
 * its report. Needs to mount a small tmpfs (root, or a container allowed to): skipped otherwise.
 */
class FullDiskTest {
    private static final long SAMPLE_EVENTS = 15_315;

    @TempDir
    Path dir;
    Path disk;
    Path data;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        Assumptions.assumeTrue(mount("size=3m"), "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): the full-disk case is not tried");
        data = disk.resolve("data");
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private boolean mount(String options) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", disk.toString())
                    .redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no mount command
        }
    }

    private void makeRoom() throws Exception {
        assertThat(mount("remount,size=128m")).as("remounted larger").isTrue();
    }

    private Path copyOfTheSampleLogs() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        // each file appears whole: a copy in progress could be read in two parts, which is not what is tried here
        try (Stream<Path> files = Files.list(SampleLogs.DIR)) {
            for (Path f : files.toList()) {
                Path part = Files.copy(f, dir.resolve(f.getFileName() + ".part"));
                Files.move(part, logs.resolve(f.getFileName()));
            }
        }
        return logs;
    }

    @Test
    void followingSaysTheDiskIsFullWaitsAndStoresEverythingOnceWithItsReportsWhenSpaceReturns() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(TestSettings.in(data, Map.of(
                "sources", logs.toString(), "simulator.enabled", "false")), Clock.systemUTC()))) {
            runtime.start();
            copyOfTheSampleLogs();
            await().atMost(Duration.ofSeconds(60)).until(() -> runtime.client().snapshot().storeProblem().contains("the disk is full"));

            Cli.Result sources = Cli.run("sources", "--data-dir", data.toString());
            assertThat(sources.out()).contains("Storage: the disk holding " + data + " is full");

            makeRoom();
            await().atMost(Duration.ofSeconds(120)).until(() -> runtime.store().count("log_events") == SAMPLE_EVENTS
                    && runtime.client().snapshot().storeProblem().isEmpty());
            await().atMost(Duration.ofSeconds(60)).until(() -> !runtime.store().incidents().isEmpty()
                    && runtime.store().incidents().stream().allMatch(i -> i.reportPath() != null && Files.exists(Path.of(i.reportPath()))));
        }
    }

    @Test
    void aOneShotIngestCommitsWhatFitsSaysWhyAndTheNextOneFinishes() throws Exception {
        Path logs = copyOfTheSampleLogs();
        Cli.Result full = Cli.run("ingest", logs.toString(), "--once", "--data-dir", data.toString(), "--ollama-url", "http://127.0.0.1:9");
        assertThat(full.exitCode()).isNotZero();
        assertThat(full.err().strip()).startsWith("vigie: ").contains("the disk is full").doesNotContain("\n");

        makeRoom();
        Cli.Result rest = Cli.run("ingest", logs.toString(), "--once", "--data-dir", data.toString(), "--ollama-url", "http://127.0.0.1:9");
        assertThat(rest.exitCode()).as(rest.err()).isZero();
        try (Store store = new Store(data.resolve("vigie.db"), Clock.systemUTC())) {
            assertThat(store.count("log_events")).as("every line once").isEqualTo(SAMPLE_EVENTS);
            assertThat(store.incidents()).isNotEmpty().allSatisfy(i -> assertThat(i.reportPath()).isNotNull());
        }
    }

    @Test
    void aReadOnlyFileSystemIsNamedInOneLineByWritersAndReaders() throws Exception {
        Path logs = copyOfTheSampleLogs();
        assertThat(mount("remount,size=128m")).isTrue();
        assertThat(Cli.run("ingest", logs.resolve("kern.log").toString(), "--once", "--data-dir", data.toString(),
                "--ollama-url", "http://127.0.0.1:9").exitCode()).isZero();
        assertThat(mount("remount,ro")).as("remounted read-only").isTrue();

        Cli.Result ingest = Cli.run("ingest", logs.toString(), "--once", "--data-dir", data.toString(), "--ollama-url", "http://127.0.0.1:9");
        assertThat(ingest.exitCode()).isNotZero();
        assertThat(ingest.err().strip()).contains("Read-only file system").doesNotContain("\n");
        Cli.Result sources = Cli.run("sources", "--data-dir", data.toString());
        assertThat(sources.err().strip()).contains("is read-only").doesNotContain("\n");
    }
}
