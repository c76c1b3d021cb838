package dev.vigie.store;

import dev.vigie.template.Template;
import dev.vigie.template.TemplateMerge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mined templates, and which absorbed which. */
final class TemplateRepository {
    private final Connection writer;
    private final Connection reader;

    TemplateRepository(Connection writer, Connection reader) {
        this.writer = writer;
        this.reader = reader;
    }

    void upsertTemplates(Iterable<Template> templates) throws SQLException {
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

    void recordMerges(List<TemplateMerge> merges) throws SQLException {
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
    List<Template> templates() {
        return templates("", null);
    }

    /** A template in use; empty when there is none of that id or another absorbed it. */
    Optional<Template> template(String id) {
        return templates("AND id = ? ", id).stream().findFirst();
    }

    private List<Template> templates(String and, String argument) {
        List<Template> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT id, template, count, first_seen_ms, last_seen_ms, example "
                + "FROM templates WHERE merged_into IS NULL " + and + "ORDER BY id")) {
            if (argument != null) {
                ps.setString(1, argument);
            }
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                out.add(new Template(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list templates", e);
        }
        return out;
    }
}
