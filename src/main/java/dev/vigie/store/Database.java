package dev.vigie.store;

import dev.vigie.privacy.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.SQLiteErrorCode;

/** The SQLite file: WAL, versioned migrations from resources, one connection per caller. */
final class Database {
    /** In order; a migration is never edited once released, only followed by a new one. */
    static final List<String> MIGRATIONS = List.of("V1__initial.sql", "V2__file_identity.sql", "V3__search_index_apart.sql",
            "V4__event_notes.sql", "V5__source_ids.sql",
            "V6__template_merges.sql", "V7__replayed_twice.sql", "V8__feedback.sql", "V9__checkpoint_tails.sql",
            "V10__learned_dependencies.sql", "V11__source_time_layout.sql", "V12__memory.sql");

    /** How long a connection waits for another's lock before it gives up. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Path file;

    Database(Path file) throws IOException, SQLException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Connection c = connect()) {
            migrate(c);
        }
        OwnerOnly.file(file);
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT.toMillis());
            // only takes effect on a new file: rows of log events (~400 bytes) fit 16 KiB pages better
            s.execute("PRAGMA page_size=16384");
            walMode(s);
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA cache_size=-65536");
            s.execute("PRAGMA temp_store=MEMORY");
            // fewer, larger WAL checkpoints: bulk ingestion commits often
            s.execute("PRAGMA wal_autocheckpoint=8192");
        }
        return c;
    }

    /**
     * Switches the file to WAL (a no-op once it is). On a new file this needs a lock that SQLite
     * does not wait for when another process is creating the same file at that moment: it is
     * asked again until the busy timeout.
     */
    static void walMode(Statement s) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT.toNanos();
        while (true) {
            try {
                s.execute("PRAGMA journal_mode=WAL");
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(RETRY_NANOS);
            }
        }
    }

    int version() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Under SQLite's write lock, taken before the version is read: two processes opening one new
     * file migrate it once, the second waiting for the first.
     */
    private static void migrate(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
                int current;
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                    current = rs.getInt(1);
                }
                for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                    String name = MIGRATIONS.get(v - 1);
                    for (String sql : statements(read(name))) {
                        s.execute(sql);
                    }
                    s.execute("INSERT INTO schema_version (version, name) VALUES (" + v + ", '" + name + "')");
                }
                s.execute("COMMIT");
            } catch (SQLException | IOException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = Database.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IOException("migration " + name + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits a script on ';' at line ends, keeping trigger bodies (BEGIN … END;) whole. */
    static List<String> statements(String script) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (t.toUpperCase(java.util.Locale.ROOT).startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            boolean ends = inTrigger ? t.equalsIgnoreCase("END;") : t.endsWith(";");
            if (ends) {
                out.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
