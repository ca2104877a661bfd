package org.vnetlab.projections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Rebuilds a lab's host from the {@code history} table: the projection's own rows, committed in
 * the same transaction as its Kafka offsets, so the rebuilt host is exactly the one the stored
 * offsets describe. Cheaper than replaying the topic (one lab, one indexed range scan) and works
 * on any process that can read the database, which is how the query side gets its hosts.
 */
final class LabHistory {
    private LabHistory() {}

    /** Applies every stored event of {@code lab} after its current position. */
    static void catchUp(Connection c, ProjectedLab lab) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT position, event::text FROM history WHERE lab = ? AND position > ? ORDER BY position")) {
            ps.setString(1, lab.labId);
            ps.setLong(2, lab.position);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) lab.applyStored(rs.getLong(1), rs.getString(2));
            }
        }
    }

    /** The lab's projected position, or -2 when the projections have not seen it yet. */
    static long position(Connection c, String labId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT position FROM projected_labs WHERE lab = ?")) {
            ps.setString(1, labId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -2;
            }
        }
    }
}
