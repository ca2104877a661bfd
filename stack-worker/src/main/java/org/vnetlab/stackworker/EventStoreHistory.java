package org.vnetlab.stackworker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.platform.lab.LabCreated;
import org.vnetlab.platform.lab.LabDeleted;
import org.vnetlab.platform.lab.LabEvent;

/**
 * Restores a lab from the event store ({@code domainevententry}), the one durable and complete
 * history: an event on Kafka is committed there first, with every event before it. Kernel events
 * are stored in {@link EventCodec}'s JSON under their type name, lab events as Jackson JSON under
 * their class name (commands' StoreSerializer writes both); Axon's metadata is not needed here.
 */
final class EventStoreHistory {
    private static final ObjectMapper LAB_EVENTS = EventCodec.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final DataSource dataSource;

    EventStoreHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies the lab's stored events after its position and before {@code beforeSequence}. */
    int catchUp(HostedLab lab, long beforeSequence) throws SQLException {
        int applied = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT sequencenumber, payloadtype, payload FROM domainevententry"
                             + " WHERE aggregateidentifier = ? AND sequencenumber > ? AND sequencenumber < ? ORDER BY sequencenumber")) {
            c.setAutoCommit(false); // a cursor: fetch size applies only inside a transaction
            ps.setString(1, lab.labId);
            ps.setLong(2, lab.position);
            ps.setLong(3, beforeSequence);
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sequence = rs.getLong(1);
                    String type = rs.getString(2);
                    byte[] payload = rs.getBytes(3);
                    if (sequence != lab.position + 1) throw new IllegalStateException("lab " + lab.labId + ": stored event " + sequence + " follows " + lab.position);
                    Class<? extends Event> kernel = EventCodec.typeOf(type);
                    if (kernel != null) {
                        lab.apply(sequence, EventCodec.fromJson(new String(payload, StandardCharsets.UTF_8)), null);
                    } else {
                        lab.apply(sequence, null, labEvent(type, payload));
                    }
                    applied++;
                }
            }
            c.commit();
        }
        return applied;
    }

    private static LabEvent labEvent(String type, byte[] payload) {
        Class<? extends LabEvent> cls;
        if (type.equals(LabCreated.class.getName())) cls = LabCreated.class;
        else if (type.equals(LabDeleted.class.getName())) cls = LabDeleted.class;
        else throw new IllegalStateException("unknown stored event type " + type);
        try {
            return LAB_EVENTS.readValue(payload, cls);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable stored " + type, e);
        }
    }
}
