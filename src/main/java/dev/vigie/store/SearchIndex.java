package dev.vigie.store;

import dev.vigie.privacy.OwnerOnly;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The full-text index of log messages, in its own SQLite file so that it is written beside the
 * events (on another core) rather than in their transaction. Contentless FTS5: it holds tokens and
 * event ids, the messages stay in {@code vigie.db}. It follows the events table by id, behind it.
 */
final class SearchIndex implements AutoCloseable {
    /** Of each message, what can be searched for. */
    static final int MAX_INDEXED_CHARS = 65_536;
    private static final long BATCH_CHARS = 8L << 20;

    private final Connection index;

    SearchIndex(Path file) throws SQLException {
        index = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = index.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + Database.BUSY_TIMEOUT.toMillis());
            Database.walMode(s);
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS messages USING fts5(message, content='', detail='none')");
            s.execute("CREATE TABLE IF NOT EXISTS progress (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_upto INTEGER NOT NULL)");
            s.execute("INSERT OR IGNORE INTO progress (id, indexed_upto) VALUES (1, 0)");
        }
        try {
            OwnerOnly.file(file);
        } catch (IOException e) {
            throw new SQLException("cannot make " + file + " its owner's alone: " + e.getMessage(), e);
        }
    }

    synchronized long indexedUpTo() throws SQLException {
        try (Statement s = index.createStatement(); ResultSet rs = s.executeQuery("SELECT indexed_upto FROM progress")) {
            return rs.getLong(1);
        }
    }

    /**
     * Indexes up to {@code max} events past what is indexed, reading them with {@code events}.
     *
     * @return how many were indexed
     */
    synchronized int indexNext(Connection events, int max) throws SQLException {
        long from = indexedUpTo();
        int n = 0;
        long last = from;
        index.setAutoCommit(false);
        try (PreparedStatement read = events.prepareStatement(
                "SELECT id, substr(message, 1, " + MAX_INDEXED_CHARS + ") FROM log_events WHERE id > ? ORDER BY id LIMIT ?");
             PreparedStatement add = index.prepareStatement("INSERT INTO messages (rowid, message) VALUES (?, ?)");
             PreparedStatement mark = index.prepareStatement("UPDATE progress SET indexed_upto = ?")) {
            read.setLong(1, from);
            read.setInt(2, max);
            long held = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    String message = rs.getString(2);
                    add.setLong(1, last);
                    add.setString(2, message);
                    add.addBatch();
                    n++;
                    held += message.length();
                    if (held > BATCH_CHARS) {
                        add.executeBatch(); // long messages: memory stays bounded
                        held = 0;
                    }
                }
            }
            add.executeBatch();
            mark.setLong(1, last);
            mark.executeUpdate();
            index.commit();
        } catch (SQLException e) {
            index.rollback();
            throw e;
        } finally {
            index.setAutoCommit(true);
        }
        return n;
    }

    /** Ids of the newest events whose message holds every word of {@code words}. */
    synchronized List<Long> matching(String words, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        String query = query(words);
        if (query.isEmpty()) {
            return ids;
        }
        try (PreparedStatement ps = index.prepareStatement(
                "SELECT rowid FROM messages WHERE messages MATCH ? ORDER BY rowid DESC LIMIT ?")) {
            ps.setString(1, query);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Every run of letters and digits as one quoted term, all required: user text is never FTS syntax. */
    static String query(String text) {
        StringBuilder q = new StringBuilder();
        for (String token : text.split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                q.append(q.length() == 0 ? "" : " ").append('"').append(token).append('"');
            }
        }
        return q.toString();
    }

    @Override
    public synchronized void close() throws SQLException {
        index.close();
    }
}
