package dev.vigie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer appends numbered lines while the test rotates the log by rename, by copy-truncate
 * (while the ingester runs and while it is down) and kills the ingesting JVM hard several times;
 * at the end every number is stored exactly once.
 */
class ExactlyOnceChaosTest {
    static final int TOTAL = 30_000;
    static final int PER_TICK = 10;
    static final Pattern NUMBER = Pattern.compile("n=(\\d+)");

    /** Appends numbered lines; rotations take its lock, as logrotate would between two writes. */
    static final class Writer {
        private final Path log;
        private int next;
        private int rotations;

        Writer(Path log) {
            this.log = log;
        }

        synchronized void tick() {
            if (next >= TOTAL) {
                return;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < PER_TICK && next < TOTAL; i++, next++) {
                b.append(Instant.parse("2026-03-14T08:00:00Z").plusMillis(next)).append(" INFO n=").append(next)
                        .append(" chaos line\n");
            }
            try {
                Files.writeString(log, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        synchronized boolean done() {
            return next >= TOTAL;
        }

        /** logrotate's {@code create}: the log is moved aside and a new empty one made at once. */
        synchronized void renameRotation() throws IOException {
            Files.move(log, log.resolveSibling("app.log." + ++rotations));
            Files.createFile(log);
        }

        synchronized void copyTruncateRotation() throws IOException {
            Files.copy(log, log.resolveSibling("app.log." + ++rotations));
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
        }
    }

    @Test
    void everyLineIsStoredExactlyOnceThroughRotationsAndHardKills(@TempDir Path logs, @TempDir Path data) throws Exception {
        Writer writer = new Writer(logs.resolve("app.log"));
        writer.tick();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        pace.scheduleAtFixedRate(writer::tick, 5, 5, TimeUnit.MILLISECONDS);
        Process ingester = start(logs, data);
        try {
            for (int round = 0; round < 6; round++) {
                long target = stored(data)[0] + 1_500;
                await().atMost(Duration.ofSeconds(90)).until(() -> stored(data)[0] >= target || writer.done());
                switch (round % 3) {
                    case 0 -> writer.renameRotation();
                    case 1 -> writer.copyTruncateRotation();
                    default -> { }
                }
                ingester.destroyForcibly().waitFor();
                if (round % 3 == 2) {
                    writer.copyTruncateRotation(); // while nothing is reading
                }
                ingester = start(logs, data);
            }
            await().atMost(Duration.ofSeconds(60)).until(writer::done);
            await().atMost(Duration.ofSeconds(90)).until(() -> stored(data)[1] == TOTAL);
        } finally {
            pace.shutdownNow();
            ingester.destroyForcibly().waitFor();
        }
        Map<Integer, Integer> seen = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigie.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT message FROM log_events")) {
            while (rs.next()) {
                Matcher m = NUMBER.matcher(rs.getString(1));
                assertThat(m.find()).as(rs.getString(1)).isTrue();
                seen.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
        }
        List<Integer> duplicated = new ArrayList<>();
        seen.forEach((n, count) -> {
            if (count > 1) {
                duplicated.add(n);
            }
        });
        assertThat(duplicated).as("numbers stored more than once").isEmpty();
        assertThat(seen).hasSize(TOTAL);
        assertThat(writer.rotations).isEqualTo(6);
    }

    private static Process start(Path logs, Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.vigie.Vigie",
                "ingest", logs.toString(), "--data-dir", data.toString(), "--replay-dir", "", "--no-simulator",
                "--ollama-url", "http://127.0.0.1:9")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("ingester.log").toFile()))
                .start();
    }

    /** Stored events and distinct stored messages; zero while the database does not exist yet. */
    private static long[] stored(Path data) {
        Path db = data.resolve("vigie.db");
        if (!Files.exists(db)) {
            return new long[2];
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT message) FROM log_events")) {
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            return new long[2]; // not migrated yet
        }
    }
}
