package dev.vigie.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import dev.vigie.event.SourceStatus;
import dev.vigie.event.StoredEvent;
import dev.vigie.event.StoredIncident;
import dev.vigie.ingest.Checkpoint;
import dev.vigie.ingest.CheckpointSource;
import dev.vigie.report.IncidentReport;
import dev.vigie.template.Template;
import dev.vigie.template.TemplateMerge;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vigie's history in one SQLite file. Writes come in batches, one transaction each, on the writer
 * connection; reads use their own connection, so a long query never holds up ingestion.
 */
public final class Store implements CheckpointSource, AutoCloseable {
    private final Database database;
    private final Connection writer;
    private final Connection reader;
    private final Connection indexerReader;
    private final SearchIndex search;
    private final Clock clock;
    /** Source ids known to the writer; cleared when a write fails, as its new ids were rolled back. */
    private final Map<String, Long> sourceIds = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Store(Path file, Clock clock) throws IOException {
        try {
            this.database = new Database(file);
            this.writer = database.connect();
            this.reader = database.connect();
            this.indexerReader = database.connect();
            this.search = new SearchIndex(file.resolveSibling("search.db"));
        } catch (SQLException e) {
            throw new IOException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
        this.clock = clock;
    }

    public int schemaVersion() throws SQLException {
        return database.version();
    }

    public synchronized void write(StoreBatch b) {
        if (b.isEmpty()) {
            return;
        }
        try {
            writer.setAutoCommit(false);
            try {
                insertEvents(b.events);
                upsertSources(b);
                upsertTemplates(b.templates.values());
                recordMerges(b.merges);
                insertSamples(b.samples);
                insertAnomalies(b.anomalies);
                upsertIncidents(b.incidents);
                updateReports(b.reports);
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                sourceIds.clear();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("write failed: " + e.getMessage(), e);
        }
    }

    private void insertEvents(List<LogEvent> events) throws SQLException {
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
    private long sourceId(String path) throws SQLException {
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

    private void upsertSources(StoreBatch b) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement cp = writer.prepareStatement("INSERT INTO checkpoints "
                + "(file_key, fingerprint, path, offset, updated_ms) VALUES (?,?,?,?,?) "
                + "ON CONFLICT(file_key, fingerprint) DO UPDATE SET path = excluded.path, offset = excluded.offset, "
                + "updated_ms = excluded.updated_ms");
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
                cp.setString(1, c.fileKey());
                cp.setString(2, c.fingerprint());
                cp.setString(3, c.path());
                cp.setLong(4, c.offset());
                cp.setLong(5, now);
                cp.addBatch();
            }
            cp.executeBatch();
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
                err.setString(1, e.getKey());
                err.setString(2, e.getValue());
                err.setLong(3, now);
                err.setLong(4, now);
                err.addBatch();
            }
            err.executeBatch();
        }
    }

    private void upsertTemplates(Iterable<Template> templates) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO templates "
                + "(id, template, count, first_seen_ms, last_seen_ms, example) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT(id) DO UPDATE SET template = excluded.template, count = excluded.count, "
                + "first_seen_ms = excluded.first_seen_ms, last_seen_ms = excluded.last_seen_ms")) {
            for (Template t : templates) {
                ps.setString(1, t.id());
                ps.setString(2, t.text());
                ps.setLong(3, t.count());
                ps.setLong(4, t.firstSeen().toEpochMilli());
                ps.setLong(5, t.lastSeen().toEpochMilli());
                ps.setString(6, t.example());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertSamples(List<MetricSample> samples) throws SQLException {
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

    private void insertAnomalies(List<Anomaly> anomalies) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT OR REPLACE INTO anomalies "
                + "(id, check_name, service, series, start_ms, end_ms, severity, score, text, evidence) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Anomaly a : anomalies) {
                ps.setString(1, a.id());
                ps.setString(2, a.check());
                ps.setString(3, a.service());
                ps.setString(4, a.series());
                ps.setLong(5, a.start().toEpochMilli());
                ps.setLong(6, a.end().toEpochMilli());
                ps.setString(7, a.severity().name());
                ps.setDouble(8, a.score());
                ps.setString(9, a.text());
                ps.setString(10, toJson(a.evidence()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void upsertIncidents(List<Incident> incidents) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO incidents "
                + "(id, service, start_ms, end_ms, severity, status) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT(id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
                + "severity = excluded.severity, status = excluded.status");
             PreparedStatement link = writer.prepareStatement(
                     "INSERT OR IGNORE INTO incident_anomalies (incident_id, anomaly_id) VALUES (?,?)")) {
            for (Incident i : incidents) {
                ps.setString(1, i.id());
                ps.setString(2, i.service());
                ps.setLong(3, i.start().toEpochMilli());
                ps.setLong(4, i.end().toEpochMilli());
                ps.setString(5, i.severity().name());
                ps.setString(6, i.status().name());
                ps.addBatch();
                for (Anomaly a : i.anomalies()) {
                    link.setString(1, i.id());
                    link.setString(2, a.id());
                    link.addBatch();
                }
            }
            ps.executeBatch();
            link.executeBatch();
        }
    }

    private void updateReports(List<IncidentReport> reports) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO incidents "
                + "(id, service, start_ms, end_ms, severity, status, facts, domain, cause, analyst, report_path) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET facts = excluded.facts, "
                + "domain = excluded.domain, cause = excluded.cause, analyst = excluded.analyst, "
                + "report_path = excluded.report_path")) {
            for (IncidentReport r : reports) {
                ps.setString(1, r.incidentId());
                ps.setString(2, r.service());
                ps.setLong(3, r.start().toEpochMilli());
                ps.setLong(4, r.end().toEpochMilli());
                ps.setString(5, r.severity().name());
                ps.setString(6, r.status().name());
                ps.setString(7, r.factsJson());
                ps.setString(8, r.domain());
                ps.setString(9, r.cause());
                ps.setString(10, r.analyst());
                ps.setString(11, r.reportPath());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public synchronized Optional<Checkpoint> find(String fileKey, String fingerprint) {
        List<Checkpoint> found = checkpoints("file_key = ? AND fingerprint = ?", fileKey, fingerprint);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public synchronized List<Checkpoint> withFingerprint(String fingerprint) {
        return checkpoints("fingerprint = ?", fingerprint);
    }

    /** Checkpoints of the contents last seen at {@code path}, newest first. */
    public synchronized List<Checkpoint> checkpointsAt(String path) {
        return checkpoints("path = ?", path);
    }

    private List<Checkpoint> checkpoints(String where, String... args) {
        List<Checkpoint> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT file_key, fingerprint, path, offset FROM checkpoints WHERE "
                + where + " ORDER BY updated_ms DESC, offset DESC")) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Checkpoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read checkpoints", e);
        }
        return out;
    }

    public synchronized List<StoredIncident> incidents() {
        List<StoredIncident> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT id, service, start_ms, end_ms, severity, status, "
                + "domain, cause, analyst, report_path, (SELECT group_concat(DISTINCT a.check_name) FROM incident_anomalies ia "
                + "JOIN anomalies a ON a.id = ia.anomaly_id WHERE ia.incident_id = incidents.id) "
                + "FROM incidents ORDER BY start_ms, service, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredIncident(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), Severity.valueOf(rs.getString(5)),
                        IncidentStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11) == null ? List.of()
                                : java.util.Arrays.stream(rs.getString(11).split(",")).sorted().toList()));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list incidents", e);
        }
        return out;
    }

    public synchronized Optional<String> facts(String incidentId) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT facts FROM incidents WHERE id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read facts of " + incidentId, e);
        }
    }

    /**
     * The newest events, or with {@code words} the newest whose message holds every one of them
     * (letters and digits; punctuation separates words). Events not yet indexed are not found yet.
     */
    public List<StoredEvent> events(String words, int limit) {
        try {
            if (words == null || words.isBlank()) {
                return select("SELECT id, time_ms, service, level, message, template_id FROM log_events "
                        + "ORDER BY time_ms DESC, id DESC LIMIT " + limit);
            }
            List<Long> ids = search.matching(words, limit);
            if (ids.isEmpty()) {
                return List.of();
            }
            StringBuilder in = new StringBuilder();
            ids.forEach(id -> in.append(in.length() == 0 ? "" : ",").append(id));
            return select("SELECT id, time_ms, service, level, message, template_id FROM log_events WHERE id IN (" + in
                    + ") ORDER BY time_ms DESC, id DESC");
        } catch (SQLException e) {
            throw new StoreException("cannot search events: " + e.getMessage(), e);
        }
    }

    private synchronized List<StoredEvent> select(String sql) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    /**
     * Adds up to {@code max} events to the full-text index, on the caller's thread (an indexer of
     * its own: it does not hold up writes or reads).
     *
     * @return how many were indexed; 0 when the index has caught up
     */
    public int indexPending(int max) {
        try {
            synchronized (indexerReader) {
                return search.indexNext(indexerReader, max);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot index events: " + e.getMessage(), e);
        }
    }

    /** Indexes everything stored so far. */
    public void indexAll() {
        while (indexPending(50_000) > 0) {
            // until caught up
        }
    }

    /** Events stored but not yet searchable. */
    public long searchLag() {
        try {
            long indexed = search.indexedUpTo();
            synchronized (this) {
                try (PreparedStatement ps = reader.prepareStatement("SELECT coalesce(max(id), 0) FROM log_events");
                     ResultSet rs = ps.executeQuery()) {
                    return Math.max(0, rs.getLong(1) - indexed);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot measure the search lag", e);
        }
    }

    public synchronized List<SourceStatus> sources() {
        List<SourceStatus> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT source, lines, events, rejected, invalid_utf8, truncated, "
                + "time_inferred, last_error, last_error_ms, updated_ms FROM source_stats ORDER BY source");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long errorAt = rs.getLong(9);
                out.add(new SourceStatus(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getString(8), rs.wasNull() ? null : Instant.ofEpochMilli(errorAt),
                        Instant.ofEpochMilli(rs.getLong(10))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list sources", e);
        }
        return out;
    }

    private void recordMerges(List<TemplateMerge> merges) throws SQLException {
        if (merges.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = writer.prepareStatement("UPDATE templates SET merged_into = ? WHERE id = ?")) {
            for (TemplateMerge m : merges) {
                ps.setString(1, m.into());
                ps.setString(2, m.from());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The templates in use, without those another has absorbed. */
    public synchronized List<Template> templates() {
        List<Template> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(
                "SELECT id, template, count, first_seen_ms, last_seen_ms, example FROM templates WHERE merged_into IS NULL ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Template(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list templates", e);
        }
        return out;
    }

    public synchronized long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        try (PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count " + table, e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
            reader.close();
            indexerReader.close();
            search.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database", e);
        }
    }
}
