package dev.vigie.store;

import dev.vigie.event.Feedback;
import dev.vigie.report.IncidentReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the report stage concluded of each incident (its facts, domain, cause, analyst and report
 * file), and what people said of it.
 */
final class ReportRepository {
    private final Connection writer;
    private final Connection reader;

    ReportRepository(Connection writer, Connection reader) {
        this.writer = writer;
        this.reader = reader;
    }

    void insertFeedback(List<Feedback> feedback) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(
                "INSERT INTO feedback (incident_id, time_ms, useful, note, action) VALUES (?,?,?,?,?)")) {
            for (Feedback f : feedback) {
                ps.setString(1, f.incidentId());
                ps.setLong(2, f.time().toEpochMilli());
                ps.setInt(3, f.useful() ? 1 : 0);
                ps.setString(4, f.note());
                ps.setString(5, f.action());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** What was said of an incident, oldest first. */
    List<Feedback> feedback(String incidentId) {
        List<Feedback> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(
                "SELECT incident_id, time_ms, useful, note, action FROM feedback WHERE incident_id = ? ORDER BY time_ms, id")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Feedback(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3) == 1, rs.getString(4),
                            rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the feedback on " + incidentId, e);
        }
        return out;
    }

    void updateReports(List<IncidentReport> reports) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO incidents "
                + "(id, service, start_ms, end_ms, severity, status, facts, domain, cause, analyst, report_path, plan) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET facts = excluded.facts, "
                + "domain = excluded.domain, cause = excluded.cause, analyst = excluded.analyst, "
                + "report_path = excluded.report_path, plan = excluded.plan")) {
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
                ps.setString(12, String.join("\n", r.plan().stream().map(s -> s.replace('\n', ' ')).toList()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
