package dev.vigie.store;

import dev.vigie.memory.MemoryChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The memory's outbox: the incidents and templates changed since the memory last learned them,
 * filled by triggers in the transaction of each change (see {@code V12__memory.sql}).
 */
final class MemoryRepository {
    private final Connection writer;
    private final Connection reader;

    MemoryRepository(Connection writer, Connection reader) {
        this.writer = writer;
        this.reader = reader;
    }

    List<MemoryChange> changes(int max) {
        List<MemoryChange> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT seq, kind, ref FROM memory_outbox ORDER BY seq LIMIT ?")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MemoryChange(rs.getLong(1), MemoryChange.Kind.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                            rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the memory's outbox", e);
        }
        return out;
    }

    /** The newest change waiting, 0 when none. */
    long newest() {
        try (PreparedStatement ps = reader.prepareStatement("SELECT coalesce(max(seq), 0) FROM memory_outbox");
             ResultSet rs = ps.executeQuery()) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the memory's outbox", e);
        }
    }

    void learned(long upTo) {
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM memory_outbox WHERE seq <= ?")) {
            ps.setLong(1, upTo);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot empty the memory's outbox", e);
        }
    }

    /** The recommended steps of an incident's analysis, P1 first; empty before it is analysed. */
    List<String> plan(String incidentId) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT plan FROM incidents WHERE id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                String plan = rs.next() ? rs.getString(1) : null;
                return plan == null || plan.isEmpty() ? List.of() : Arrays.asList(plan.split("\n"));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the plan of " + incidentId, e);
        }
    }
}
