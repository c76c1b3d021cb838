package dev.vigie.store;

import dev.vigie.event.EventDetail;
import dev.vigie.event.EventQuery;
import dev.vigie.event.Feedback;
import dev.vigie.event.Incident;
import dev.vigie.event.LearnedDependency;
import dev.vigie.event.SourceStatus;
import dev.vigie.event.StoredEvent;
import dev.vigie.event.StoredIncident;
import dev.vigie.ingest.Checkpoint;
import dev.vigie.ingest.CheckpointSource;
import dev.vigie.memory.MemoryChange;
import dev.vigie.memory.MemorySource;
import dev.vigie.template.Template;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Vigie's history in one SQLite file, one repository per table family (events and checkpoints,
 * templates, anomalies and incidents, reports). Writes come in batches, one transaction each across
 * every family, on the writer connection; reads use their own connection, so a long query never
 * holds up ingestion.
 */
public final class Store implements CheckpointSource, MemorySource, AutoCloseable {
    private final Path file;
    private final Database database;
    private final Connection writer;
    private final Connection reader;
    private final Connection indexerReader;
    private final SearchIndex search;
    private final EventRepository events;
    private final TemplateRepository templates;
    private final IncidentRepository incidents;
    private final ReportRepository reports;
    private final MemoryRepository memory;

    public Store(Path file, Clock clock) throws IOException {
        this.file = file;
        try {
            this.database = new Database(file);
            this.writer = database.connect();
            this.reader = database.connect();
            this.indexerReader = database.connect();
            this.search = new SearchIndex(file.resolveSibling("search.db"));
        } catch (SQLException e) {
            // a file system that cannot take writes is the likely reason, and the one to say
            String why = StorageCheck.problem(file.toAbsolutePath().getParent()).orElse(null);
            throw new IOException(why != null ? "cannot open " + file + ": " + why : StoreException.of("cannot open " + file, e).getMessage(), e);
        }
        this.events = new EventRepository(writer, reader, clock);
        this.templates = new TemplateRepository(writer, reader);
        this.incidents = new IncidentRepository(writer, reader);
        this.reports = new ReportRepository(writer, reader);
        this.memory = new MemoryRepository(writer, reader);
    }

    public int schemaVersion() throws SQLException {
        return database.version();
    }

    /** A batch's events, the checkpoints they were read up to, and all it produced, in one transaction. */
    public synchronized void write(StoreBatch b) {
        if (b.isEmpty()) {
            return;
        }
        try {
            writer.setAutoCommit(false);
            try {
                events.insertEvents(b.events);
                events.upsertSources(b);
                templates.upsertTemplates(b.templates.values());
                templates.recordMerges(b.merges);
                events.insertSamples(b.samples);
                incidents.insertAnomalies(b.anomalies);
                incidents.upsertIncidents(b.incidents);
                incidents.deleteIncidents(b.absorbedIncidents);
                incidents.upsertLearned(b.learned);
                reports.updateReports(b.reports);
                reports.insertFeedback(b.feedback);
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                rollBack(e);
                events.rolledBack();
                throw e;
            } finally {
                try {
                    writer.setAutoCommit(true);
                } catch (SQLException e) {
                    // the write's own failure is the one to say
                }
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot write to " + file, e);
        }
    }

    /** After a failed write; SQLite may have rolled back already (a full disk does), which is no news. */
    private void rollBack(Exception cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public synchronized List<Checkpoint> withKey(String fileKey) {
        return events.checkpoints("file_key = ?", fileKey);
    }

    @Override
    public synchronized List<Checkpoint> withFingerprints(Collection<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return List.of();
        }
        return events.checkpoints("fingerprint IN (" + "?,".repeat(fingerprints.size() - 1) + "?)",
                fingerprints.toArray(String[]::new));
    }

    @Override
    public synchronized Set<Integer> fingerprintLengths() {
        return events.fingerprintLengths();
    }

    /** Checkpoints of the contents last seen at {@code path}, newest first. */
    public synchronized List<Checkpoint> checkpointsAt(String path) {
        return events.checkpoints("path = ?", path);
    }

    /** What the incidents taught of which service leads to which, most seen first. */
    public synchronized List<LearnedDependency> learnedDependencies() {
        return incidents.learned();
    }

    @Override
    public synchronized List<StoredIncident> incidents() {
        return incidents.incidents();
    }

    /** Incidents a stop left open, or closed without a report, with their anomalies. */
    public synchronized List<Incident> unfinished() {
        return incidents.unfinished();
    }

    /** What people said of an incident's analysis, oldest first. */
    @Override
    public synchronized List<Feedback> feedback(String incidentId) {
        return reports.feedback(incidentId);
    }

    @Override
    public synchronized Optional<String> facts(String incidentId) {
        return incidents.facts(incidentId);
    }

    /** The incidents that overlap a span (inclusive), in order. */
    public synchronized List<StoredIncident> incidents(java.time.Instant from, java.time.Instant to) {
        return incidents.between(from.toEpochMilli(), to.toEpochMilli());
    }

    /** Per domain and service, the incidents that overlap a span, the most frequent first, each with its newest few ids. */
    public synchronized List<IncidentGroup> incidentGroups(java.time.Instant from, java.time.Instant to, int limit) {
        return incidents.groups(from.toEpochMilli(), to.toEpochMilli(), limit, 3);
    }

    @Override
    public synchronized Optional<StoredIncident> incident(String id) {
        return incidents.incident(id);
    }

    /**
     * Whether a feedback is about something stored: its incident, and the action it names in that
     * incident's plan.
     *
     * @throws IllegalArgumentException saying what is not there
     */
    public synchronized void checkFeedback(Feedback f) {
        if (incident(f.incidentId()).isEmpty()) {
            throw new IllegalArgumentException("no incident " + f.incidentId());
        }
        if (!f.action().isEmpty()) {
            List<String> plan = plan(f.incidentId());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("P([1-9]\\d?)").matcher(f.action());
            if (!m.matches() || Integer.parseInt(m.group(1)) > plan.size()) {
                throw new IllegalArgumentException(f.incidentId() + " has no action " + f.action() + ": its plan has "
                        + (plan.isEmpty() ? "no step yet" : "P1 to P" + plan.size()));
            }
        }
    }

    /** The recommended steps of an incident's analysis, P1 first (redacted); empty before it is analysed. */
    @Override
    public synchronized List<String> plan(String incidentId) {
        return memory.plan(incidentId);
    }

    /** The oldest changes the memory has yet to learn, at most {@code max}. */
    @Override
    public synchronized List<MemoryChange> memoryChanges(int max) {
        return memory.changes(max);
    }

    /** The newest change waiting for the memory, 0 when none. */
    @Override
    public synchronized long newestMemoryChange() {
        return memory.newest();
    }

    /** The memory has learned every change up to {@code seq}: they leave the outbox. */
    @Override
    public synchronized void memoryLearned(long seq) {
        memory.learned(seq);
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

    /**
     * Events as the query says, newest first. With words, among the first {@value #WORD_MATCHES}
     * the full-text index finds (events not indexed yet are not found yet).
     */
    public List<StoredEvent> events(EventQuery q) {
        try {
            List<Long> ids = q.hasWords() ? search.matching(q.words(), WORD_MATCHES) : null;
            if (ids != null && ids.isEmpty()) {
                return List.of();
            }
            synchronized (this) {
                return events.select(q, ids);
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot list events", e);
        }
    }

    private static final int WORD_MATCHES = 10_000;

    /** One event with its raw line, source and notes. */
    public synchronized Optional<EventDetail> eventDetail(long id) {
        try {
            return events.detail(id);
        } catch (SQLException e) {
            throw StoreException.of("cannot read event " + id, e);
        }
    }

    /** Warnings and worse between two times (inclusive), in order. */
    public synchronized List<StoredEvent> problems(java.time.Instant from, java.time.Instant to, int limit) {
        try {
            return events.select("SELECT id, time_ms, service, level, message, template_id FROM log_events WHERE time_ms BETWEEN "
                    + from.toEpochMilli() + " AND " + to.toEpochMilli() + " AND level IN ('WARN', 'ERROR', 'FATAL') "
                    + "ORDER BY time_ms, id LIMIT " + limit);
        } catch (SQLException e) {
            throw StoreException.of("cannot read events", e);
        }
    }

    /** Per template and service, the warnings and worse between two times (inclusive), the most frequent first. */
    public synchronized List<TemplateCount> problemCounts(java.time.Instant from, java.time.Instant to, int limit) {
        return events.problemCounts(from.toEpochMilli(), to.toEpochMilli(), limit);
    }

    /** The time of the newest event stored, if any: what "yesterday" counts from. */
    public synchronized Optional<java.time.Instant> newestEventTime() {
        try (PreparedStatement ps = reader.prepareStatement("SELECT max(time_ms) FROM log_events"); ResultSet rs = ps.executeQuery()) {
            long t = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(java.time.Instant.ofEpochMilli(t));
        } catch (SQLException e) {
            throw StoreException.of("cannot read events", e);
        }
    }

    private synchronized List<StoredEvent> select(String sql) throws SQLException {
        return events.select(sql);
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
        return events.sources();
    }

    /** The templates in use, without those another has absorbed. */
    @Override
    public synchronized List<Template> templates() {
        return templates.templates();
    }

    /** A template in use; empty when there is none of that id or another absorbed it. */
    @Override
    public synchronized Optional<Template> template(String id) {
        return templates.template(id);
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
