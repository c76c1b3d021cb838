package dev.vigie.store;

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
import java.util.List;

/** The SQLite file: WAL, versioned migrations from resources, one connection per caller. */
final class Database {
    /** In order; a migration is never edited once released, only followed by a new one. */
    static final List<String> MIGRATIONS = List.of("V1__initial.sql", "V2__file_identity.sql", "V3__search_index_apart.sql",
            "V4__event_notes.sql", "V5__source_ids.sql",
            "V6__template_merges.sql", "V7__replayed_twice.sql", "V8__feedback.sql");

    private final Path file;

    Database(Path file) throws IOException, SQLException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Connection c = connect()) {
            migrate(c);
        }
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            // first: another connection may hold the lock that switching a new file to WAL needs
            s.execute("PRAGMA busy_timeout=10000");
            // only takes effect on a new file: rows of log events (~400 bytes) fit 16 KiB pages better
            s.execute("PRAGMA page_size=16384");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA cache_size=-65536");
            s.execute("PRAGMA temp_store=MEMORY");
            // fewer, larger WAL checkpoints: bulk ingestion commits often
            s.execute("PRAGMA wal_autocheckpoint=8192");
        }
        return c;
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
