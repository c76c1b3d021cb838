package dev.vigie.store;

import dev.vigie.report.IncidentReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** What the report stage concluded of each incident: its facts, domain, cause, analyst and report file. */
final class ReportRepository {
    private final Connection writer;

    ReportRepository(Connection writer) {
        this.writer = writer;
    }

    void updateReports(List<IncidentReport> reports) throws SQLException {
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
}
