package dev.vigie.store;

import dev.vigie.event.EventDetail;
import dev.vigie.event.EventQuery;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.SourceStatus;
import dev.vigie.event.StoredEvent;
import dev.vigie.ingest.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What was read: log events, metric samples, sources with their counts, and the checkpoints that say how far. */
final class EventRepository {
    private final Connection writer;
    private final Connection reader;
    private final Clock clock;
    /** Source ids known to the writer; cleared when a write fails, as its new ids were rolled back. */
    private final Map<String, Long> sourceIds = new HashMap<>();
    /** Loaded on first use, then kept up to date by the writes. */
    private Set<Integer> fingerprintLengths;

    EventRepository(Connection writer, Connection reader, Clock clock) {
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
    }

    /** A write was rolled back: the source ids it made are gone. */
    void rolledBack() {
        sourceIds.clear();
    }

    void insertEvents(List<LogEvent> events) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO log_events "
                + "(time_ms, source_id, service, level, template_id, message, notes, raw, time_inferred) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (LogEvent e : events) {
                ps.setLong(1, e.time().toEpochMilli());
                ps.setLong(2, sourceId(e.source()));
                ps.setString(3, e.service());
                ps.setString(4, e.level().name());
                ps.setString(5, e.templateId());
                ps.setString(6, e.message());
                Map<String, String> notes = e.notes();
                ps.setString(7, notes.isEmpty() ? null : FlatJson.write(notes));
                ps.setString(8, e.raw());
                ps.setInt(9, e.timeInferred() ? 1 : 0);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The id of a source path, made in the writer's transaction the first time the path is seen. */
    long sourceId(String path) throws SQLException {
        Long id = sourceIds.get(path);
        if (id != null) {
            return id;
        }
        try (PreparedStatement insert = writer.prepareStatement("INSERT OR IGNORE INTO source_names (path) VALUES (?)");
             PreparedStatement select = writer.prepareStatement("SELECT id FROM source_names WHERE path = ?")) {
            insert.setString(1, path);
            insert.executeUpdate();
            select.setString(1, path);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        sourceIds.put(path, id);
        return id;
    }

    void upsertSources(StoreBatch b) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement cp = writer.prepareStatement("INSERT INTO checkpoints "
                + "(file_key, fingerprint, path, offset, updated_ms, tail) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT(file_key, fingerprint) DO UPDATE SET path = excluded.path, offset = excluded.offset, "
                + "updated_ms = excluded.updated_ms, tail = excluded.tail");
             // what a content's checkpoint supersedes: those made when its file was shorter (or before
             // fingerprints covered bytes), at the same file and path, not as far
             PreparedStatement grown = writer.prepareStatement("DELETE FROM checkpoints WHERE file_key = ? AND path = ? "
                + "AND fingerprint <> ? AND offset <= ? AND (instr(fingerprint, ':') = 0 "
                + "OR CAST(substr(fingerprint, 1, instr(fingerprint, ':') - 1) AS INTEGER) < ?)");
             PreparedStatement st = writer.prepareStatement("INSERT INTO source_stats "
                + "(source, lines, events, rejected, invalid_utf8, truncated, time_inferred, updated_ms) VALUES (?,?,?,?,?,?,?,?) "
                + "ON CONFLICT(source) DO UPDATE SET lines = lines + excluded.lines, events = events + excluded.events, "
                + "rejected = rejected + excluded.rejected, invalid_utf8 = invalid_utf8 + excluded.invalid_utf8, "
                + "truncated = truncated + excluded.truncated, time_inferred = time_inferred + excluded.time_inferred, "
                + "updated_ms = excluded.updated_ms");
             PreparedStatement err = writer.prepareStatement("INSERT INTO source_stats "
                + "(source, last_error, last_error_ms, updated_ms) VALUES (?,?,?,?) ON CONFLICT(source) DO UPDATE SET "
                + "last_error = excluded.last_error, last_error_ms = excluded.last_error_ms, updated_ms = excluded.updated_ms")) {
            for (Checkpoint c : b.checkpoints.values()) {
                if (fingerprintLengths != null) {
                    fingerprintLengths.add(c.fingerprintLength()); // a rolled-back one only costs a useless candidate
                }
                cp.setString(1, c.fileKey());
                cp.setString(2, c.fingerprint());
                cp.setString(3, c.path());
                cp.setLong(4, c.offset());
                cp.setString(6, c.tail());
                cp.setLong(5, now);
                cp.executeUpdate();
                grown.setString(1, c.fileKey());
                grown.setString(2, c.path());
                grown.setString(3, c.fingerprint());
                grown.setLong(4, c.offset());
                grown.setInt(5, c.fingerprintLength());
                grown.executeUpdate();
            }
            for (var e : b.sources.entrySet()) {
                long[] c = e.getValue();
                st.setString(1, e.getKey());
                for (int i = 0; i < 6; i++) {
                    st.setLong(2 + i, c[i]);
                }
                st.setLong(8, now);
                st.addBatch();
            }
            st.executeBatch();
            for (var e : b.sourceErrors.entrySet()) {
                boolean cleared = e.getValue().isEmpty(); // the source can be read again
                err.setString(1, e.getKey());
                err.setString(2, cleared ? null : e.getValue());
                if (cleared) {
                    err.setNull(3, java.sql.Types.INTEGER);
                } else {
                    err.setLong(3, now);
                }
                err.setLong(4, now);
                err.addBatch();
            }
            err.executeBatch();
        }
        if (!b.timeLayouts.isEmpty()) {
            try (PreparedStatement layout = writer.prepareStatement("UPDATE source_stats SET time_layout = ? WHERE source = ?")) {
                for (var e : b.timeLayouts.entrySet()) {
                    layout.setString(1, e.getValue());
                    layout.setString(2, e.getKey());
                    layout.addBatch();
                }
                layout.executeBatch();
            }
        }
    }

    void insertSamples(List<MetricSample> samples) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(
                "INSERT OR REPLACE INTO metric_samples (service, metric, time_ms, value) VALUES (?,?,?,?)")) {
            for (MetricSample s : samples) {
                ps.setString(1, s.service());
                ps.setString(2, s.name());
                ps.setLong(3, s.time().toEpochMilli());
                ps.setDouble(4, s.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * How many bytes the stored fingerprints cover ({@code <length>:<hash>}; those of old checkpoints,
     * a hash of the first line, have none): the prefixes of a new file to look up a copy by.
     */
    Set<Integer> fingerprintLengths() {
        if (fingerprintLengths == null) {
            Set<Integer> lengths = new HashSet<>();
            try (PreparedStatement ps = reader.prepareStatement("SELECT DISTINCT substr(fingerprint, 1, instr(fingerprint, ':') - 1) "
                    + "FROM checkpoints WHERE instr(fingerprint, ':') > 0");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lengths.add(Integer.parseInt(rs.getString(1)));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read checkpoints", e);
            }
            fingerprintLengths = lengths;
        }
        fingerprintLengths.remove(-1);
        return Set.copyOf(fingerprintLengths);
    }

    List<Checkpoint> checkpoints(String where, String... args) {
        List<Checkpoint> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT file_key, fingerprint, path, offset, tail FROM checkpoints WHERE "
                + where + " ORDER BY updated_ms DESC, offset DESC")) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Checkpoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read checkpoints", e);
        }
        return out;
    }

    /** Events as {@code q} says, newest first; {@code ids}, when not null, those the full-text search found. */
    List<StoredEvent> select(EventQuery q, List<Long> ids) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, time_ms, service, level, message, template_id FROM log_events WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (ids != null) {
            sql.append(" AND id IN (").append(String.join(",", ids.stream().map(String::valueOf).toList())).append(')');
        }
        if (q.service() != null && !q.service().isEmpty()) {
            sql.append(" AND service = ?");
            args.add(q.service());
        }
        if (!q.levels().isEmpty()) {
            sql.append(" AND level IN (").append(String.join(",", q.levels().stream().map(l -> "?").toList())).append(')');
            args.addAll(q.levels().stream().sorted().toList());
        }
        if (q.template() != null && !q.template().isEmpty()) {
            // a prefix, as the chat cites it: the range the prefix spans, so the index serves it
            sql.append(" AND template_id >= ? AND template_id < ?");
            args.add(q.template());
            args.add(q.template() + Character.MAX_VALUE);
        }
        if (q.from() != null) {
            sql.append(" AND time_ms >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            sql.append(" AND time_ms <= ?");
            args.add(q.to().toEpochMilli());
        }
        if (q.beforeId() > 0) {
            // the next page: after the last one listed, in the list's order (time, then id, both descending)
            sql.append(" AND (time_ms < (SELECT time_ms FROM log_events WHERE id = ?) OR (time_ms = (SELECT time_ms FROM log_events "
                    + "WHERE id = ?) AND id < ?))");
            args.add(q.beforeId());
            args.add(q.beforeId());
            args.add(q.beforeId());
        }
        sql.append(" ORDER BY time_ms DESC, id DESC LIMIT ").append(q.limit());
        List<StoredEvent> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    Optional<EventDetail> detail(long id) throws SQLException {
        try (PreparedStatement ps = reader.prepareStatement("SELECT e.id, e.time_ms, e.service, e.level, e.message, e.template_id, "
                + "s.path, e.raw, e.notes, e.time_inferred FROM log_events e LEFT JOIN source_names s ON s.id = e.source_id WHERE e.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                StoredEvent e = new StoredEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                return Optional.of(new EventDetail(e, rs.getString(7) == null ? "" : rs.getString(7), rs.getString(8),
                        notes(rs.getString(9)), rs.getInt(10) == 1));
            }
        }
    }

    private static Map<String, String> notes(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return NOTES.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, String>>() {
            });
        } catch (java.io.IOException e) {
            return Map.of("notes", json); // kept as written rather than lost
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper NOTES = new com.fasterxml.jackson.databind.ObjectMapper();

    List<StoredEvent> select(String sql) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    List<TemplateCount> problemCounts(long fromMs, long toMs, int limit) {
        List<TemplateCount> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT e.template_id, coalesce(t.template, min(e.message)), e.service, "
                + "count(*), min(e.time_ms), max(e.time_ms) FROM log_events e LEFT JOIN templates t ON t.id = e.template_id "
                + "WHERE e.time_ms BETWEEN ? AND ? AND e.level IN ('WARN', 'ERROR', 'FATAL') "
                + "GROUP BY e.template_id, e.service ORDER BY count(*) DESC, e.template_id, e.service LIMIT ?")) {
            ps.setLong(1, fromMs);
            ps.setLong(2, toMs);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TemplateCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot count events", e);
        }
        return out;
    }

    List<SourceStatus> sources() {
        List<SourceStatus> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT source, lines, events, rejected, invalid_utf8, truncated, "
                + "time_inferred, last_error, last_error_ms, updated_ms, time_layout FROM source_stats ORDER BY source");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long errorAt = rs.getLong(9);
                out.add(new SourceStatus(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getString(8), rs.wasNull() ? null : Instant.ofEpochMilli(errorAt),
                        Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list sources", e);
        }
        return out;
    }
}
