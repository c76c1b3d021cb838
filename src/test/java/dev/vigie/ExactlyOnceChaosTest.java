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
 * (while the ingester runs and while it is down), or deletes and makes again a header-first file,
 * and kills the ingesting JVM hard several times; at the end every number is stored exactly once.
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

    /**
     * An export that starts with a constant header and is deleted and made again from time to time
     * (as W3C and CSV exports are): the new file has the same first line, and the file system often
     * gives it the old inode. Re-created while the ingester runs and while it is down, with hard kills.
     */
    @Test
    void aHeaderFirstFileDeletedAndMadeAgainLosesAndDoublesNothing(@TempDir Path logs, @TempDir Path data) throws Exception {
        Path export = logs.resolve("export.log");
        String header = "#Fields: time level message\n";
        int total;
        int[] next = {0};
        int[] remade = {0};
        int[] incarnation = {0};
        boolean[] paused = {false};
        Object lock = new Object();
        Runnable tick = () -> {
            synchronized (lock) {
                if (paused[0]) {
                    return;
                }
                StringBuilder b = new StringBuilder(Files.exists(export) ? "" : header);
                for (int i = 0; i < PER_TICK; i++, next[0]++) {
                    b.append(Instant.parse("2026-03-14T08:00:00Z").plusMillis(next[0])).append(" INFO n=").append(next[0])
                            .append(" export line\n");
                }
                try {
                    Files.writeString(export, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        tick.run();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        pace.scheduleAtFixedRate(tick, 5, 5, TimeUnit.MILLISECONDS);
        Process ingester = start(logs, data);
        try {
            for (int round = 0; round < 6; round++) {
                long target = numbered(data).size() + 400;
                await().atMost(Duration.ofSeconds(90)).until(() -> numbered(data).size() >= target);
                int written;
                if (round % 2 == 0) {
                    // while the ingester reads: once it holds this file open (a line of it is stored), it reads
                    // the deleted file to its end, and the new one on the same inode from its start
                    await().atMost(Duration.ofSeconds(90)).until(() -> numbered(data).stream().anyMatch(n -> n >= incarnation[0]));
                    synchronized (lock) {
                        written = next[0];
                        remake(export, header);
                        incarnation[0] = written;
                        remade[0]++;
                    }
                    await().atMost(Duration.ofSeconds(90)).until(() -> allBelow(numbered(data), written));
                    ingester.destroyForcibly().waitFor();
                } else {
                    // while nothing reads: what the old file held is stored, then it is replaced by a new one
                    synchronized (lock) {
                        paused[0] = true;
                        written = next[0];
                    }
                    await().atMost(Duration.ofSeconds(90)).until(() -> allBelow(numbered(data), written));
                    ingester.destroyForcibly().waitFor();
                    synchronized (lock) {
                        remake(export, header);
                        incarnation[0] = written;
                        remade[0]++;
                        paused[0] = false;
                    }
                }
                ingester = start(logs, data);
            }
            synchronized (lock) {
                paused[0] = true;
                total = next[0];
            }
            int all = total;
            await().atMost(Duration.ofSeconds(90)).until(() -> allBelow(numbered(data), all));
        } finally {
            pace.shutdownNow();
            ingester.destroyForcibly().waitFor();
        }
        List<Integer> stored = numbered(data);
        assertThat(stored).as("numbers stored more than once").doesNotHaveDuplicates();
        assertThat(stored).hasSize(total);
        assertThat(remade[0]).isEqualTo(6);
    }

    private static void remake(Path export, String header) {
        try {
            Files.delete(export);
            Files.writeString(export, header, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether every number below {@code end} is stored (at least once). */
    private static boolean allBelow(List<Integer> stored, int end) {
        java.util.BitSet seen = new java.util.BitSet(end);
        stored.stream().filter(n -> n < end).forEach(seen::set);
        return seen.cardinality() == end;
    }

    /** The numbers of the stored numbered lines, in no order; empty while the database does not exist yet. */
    private static List<Integer> numbered(Path data) {
        List<Integer> out = new ArrayList<>();
        Path db = data.resolve("vigie.db");
        if (!Files.exists(db)) {
            return out;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT message FROM log_events WHERE message LIKE '%n=%'")) {
            while (rs.next()) {
                Matcher m = NUMBER.matcher(rs.getString(1));
                if (m.find()) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (SQLException e) {
            return new ArrayList<>(); // not migrated yet
        }
        return out;
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
