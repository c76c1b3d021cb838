package dev.vigie.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.LearnedDependency;
import dev.vigie.event.Severity;
import dev.vigie.event.StoredIncident;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Anomalies, the incidents they make, and which anomaly belongs to which incident. */
final class IncidentRepository {
    private final Connection writer;
    private final Connection reader;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    IncidentRepository(Connection writer, Connection reader) {
        this.writer = writer;
        this.reader = reader;
    }

    void insertAnomalies(List<Anomaly> anomalies) throws SQLException {
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

    void upsertIncidents(List<Incident> incidents) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO incidents "
                + "(id, service, start_ms, end_ms, severity, status) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT(id) DO UPDATE SET service = excluded.service, start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
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

    void upsertLearned(List<LearnedDependency> learned) throws SQLException {
        if (learned.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO learned_dependencies "
                + "(service, depends_on, incidents, first_ms, last_ms) VALUES (?,?,?,?,?) ON CONFLICT(service, depends_on) DO UPDATE SET "
                + "incidents = excluded.incidents, last_ms = excluded.last_ms")) {
            for (LearnedDependency d : learned) {
                ps.setString(1, d.service());
                ps.setString(2, d.dependsOn());
                ps.setInt(3, d.incidents());
                ps.setLong(4, d.first().toEpochMilli());
                ps.setLong(5, d.last().toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    List<LearnedDependency> learned() {
        List<LearnedDependency> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT service, depends_on, incidents, first_ms, last_ms "
                + "FROM learned_dependencies ORDER BY incidents DESC, service, depends_on");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LearnedDependency(rs.getString(1), rs.getString(2), rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the learned dependencies", e);
        }
        return out;
    }

    /** Incidents that became part of another: their rows and links go (the anomalies stay, linked to the other). */
    void deleteIncidents(List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement links = writer.prepareStatement("DELETE FROM incident_anomalies WHERE incident_id = ?");
             PreparedStatement rows = writer.prepareStatement("DELETE FROM incidents WHERE id = ?")) {
            for (String id : ids) {
                links.setString(1, id);
                links.executeUpdate();
                rows.setString(1, id);
                rows.executeUpdate();
            }
        }
    }

    private static List<String> sortedList(String csv) {
        return csv == null ? List.of() : java.util.Arrays.stream(csv.split(",")).sorted().toList();
    }

    List<StoredIncident> incidents() {
        return incidents("", null);
    }

    Optional<StoredIncident> incident(String id) {
        return incidents("WHERE id = ? ", id).stream().findFirst();
    }

    List<StoredIncident> between(long fromMs, long toMs) {
        return incidents("WHERE end_ms >= " + fromMs + " AND start_ms <= " + toMs + " ", null);
    }

    /** Per domain and service, the incidents overlapping a span, the most frequent first, with the newest few ids of each. */
    List<IncidentGroup> groups(long fromMs, long toMs, int limit, int ids) {
        List<IncidentGroup> out = new ArrayList<>();
        String window = "end_ms >= " + fromMs + " AND start_ms <= " + toMs;
        try (PreparedStatement ps = reader.prepareStatement("SELECT domain, service, count(*) FROM incidents WHERE " + window
                + " GROUP BY domain, service ORDER BY count(*) DESC, domain, service LIMIT " + limit);
             PreparedStatement newest = reader.prepareStatement("SELECT id FROM incidents WHERE " + window
                     + " AND domain IS ? AND service = ? ORDER BY start_ms DESC, id LIMIT " + ids);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                newest.setString(1, rs.getString(1));
                newest.setString(2, rs.getString(2));
                List<String> found = new ArrayList<>();
                try (ResultSet n = newest.executeQuery()) {
                    while (n.next()) {
                        found.add(n.getString(1));
                    }
                }
                out.add(new IncidentGroup(rs.getString(1), rs.getString(2), rs.getLong(3), found));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count incidents", e);
        }
        return out;
    }

    private List<StoredIncident> incidents(String where, String argument) {
        List<StoredIncident> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT id, service, start_ms, end_ms, severity, status, "
                + "domain, cause, analyst, report_path, (SELECT group_concat(DISTINCT a.check_name) FROM incident_anomalies ia "
                + "JOIN anomalies a ON a.id = ia.anomaly_id WHERE ia.incident_id = incidents.id), "
                + "(SELECT group_concat(DISTINCT a.service) FROM incident_anomalies ia "
                + "JOIN anomalies a ON a.id = ia.anomaly_id WHERE ia.incident_id = incidents.id AND a.service <> incidents.service) "
                + "FROM incidents " + where + "ORDER BY start_ms, service, id")) {
            if (argument != null) {
                ps.setString(1, argument);
            }
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                out.add(new StoredIncident(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), Severity.valueOf(rs.getString(5)),
                        IncidentStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), sortedList(rs.getString(11)), sortedList(rs.getString(12))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list incidents", e);
        }
        return out;
    }

    Optional<String> facts(String incidentId) {
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
     * Incidents a stop left unfinished: open or reopened, or closed without a report (the analysis
     * was under way, or failed). Each with its anomalies; the services it spans, where it began first.
     */
    List<Incident> unfinished() {
        List<Incident> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT id, service, start_ms, end_ms, severity, status FROM incidents "
                + "WHERE status IN ('OPEN', 'REOPENED') OR report_path IS NULL ORDER BY start_ms, id");
             PreparedStatement as = reader.prepareStatement("SELECT a.check_name, a.service, a.series, a.start_ms, a.end_ms, "
                + "a.severity, a.score, a.text, a.evidence FROM incident_anomalies ia JOIN anomalies a ON a.id = ia.anomaly_id "
                + "WHERE ia.incident_id = ? ORDER BY a.start_ms, a.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String service = rs.getString(2);
                List<Anomaly> anomalies = new ArrayList<>();
                Set<String> services = new LinkedHashSet<>(List.of(service));
                as.setString(1, rs.getString(1));
                try (ResultSet a = as.executeQuery()) {
                    while (a.next()) {
                        anomalies.add(new Anomaly(a.getString(1), a.getString(2), a.getString(3), Instant.ofEpochMilli(a.getLong(4)),
                                Instant.ofEpochMilli(a.getLong(5)), Severity.valueOf(a.getString(6)), a.getDouble(7), a.getString(8),
                                fromJson(a.getString(9))));
                        services.add(a.getString(2));
                    }
                }
                out.add(new Incident(rs.getString(1), service, Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)),
                        Severity.valueOf(rs.getString(5)), IncidentStatus.valueOf(rs.getString(6)), anomalies, List.copyOf(services)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list the incidents left unfinished", e);
        }
        return out;
    }

    private Map<String, Object> fromJson(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read an anomaly's evidence", e);
        }
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
