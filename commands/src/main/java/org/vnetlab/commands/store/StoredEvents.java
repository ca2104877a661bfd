package org.vnetlab.commands.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.vnetlab.platform.EventEnvelope;

/** A lab's events read straight from {@code domainevententry}, as stored, with their global index. */
public final class StoredEvents {
    private final DataSource dataSource;
    private final StoreSerializer serializer;

    public StoredEvents(DataSource dataSource, StoreSerializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
    }

    public List<EventEnvelope> ofLab(String labId, long fromSequence, int limit) {
        String sql = "SELECT globalindex, sequencenumber, eventidentifier, payloadtype, payloadrevision, payload, metadata, \"timestamp\""
                + " FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber >= ? ORDER BY sequencenumber LIMIT ?";
        List<EventEnvelope> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, labId);
            ps.setLong(2, fromSequence);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                            rs.getBytes("payload"), byte[].class, rs.getString("payloadtype"), rs.getString("payloadrevision")));
                    MetaData meta = rs.getBytes("metadata") == null ? MetaData.emptyInstance()
                            : serializer.deserialize(new SimpleSerializedObject<>(
                                    rs.getBytes("metadata"), byte[].class, MetaData.class.getName(), null));
                    EventEnvelope env = Envelopes.of(labId, rs.getLong("sequencenumber"), rs.getLong("globalindex"),
                            rs.getString("eventidentifier"), Instant.parse(rs.getString("timestamp")), meta, payload);
                    if (env != null) out.add(env);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read events of " + labId, e);
        }
        return out;
    }
}
