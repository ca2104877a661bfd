package org.vnetlab.stackworker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.kernel.HostSnapshot;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.kernel.state.Host;
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

    /** commands' {@code LabSnapshot.TYPE}: the payload type of a lab's snapshot in {@code snapshotevententry}. */
    static final String SNAPSHOT_TYPE = "LabSnapshot";
    private static final Logger log = LoggerFactory.getLogger(EventStoreHistory.class);

    private final DataSource dataSource;

    EventStoreHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies the lab's stored events after its position and before {@code beforeSequence}. A lab
     * not restored yet starts from its newest snapshot below {@code beforeSequence} if there is a
     * readable one (payload type {@code LabSnapshot} of this kernel's {@link HostSnapshot#FORMAT},
     * which commands' write side stores every VNETLAB_SNAPSHOT_EVERY events), then the events after it.
     */
    int catchUp(HostedLab lab, long beforeSequence) throws SQLException {
        int applied = 0;
        if (lab.position < 0 && lab.host == null) applied += restoreSnapshot(lab, beforeSequence);
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

    /** Restores the lab from its newest readable snapshot below {@code beforeSequence}; 0 if none (then it is replayed). */
    private int restoreSnapshot(HostedLab lab, long beforeSequence) throws SQLException {
        byte[] payload;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT payload FROM snapshotevententry WHERE aggregateidentifier = ? AND sequencenumber < ?"
                             + " AND payloadtype = ? AND payloadrevision = ? ORDER BY sequencenumber DESC LIMIT 1")) {
            ps.setString(1, lab.labId);
            ps.setLong(2, beforeSequence);
            ps.setString(3, SNAPSHOT_TYPE);
            ps.setString(4, HostSnapshot.FORMAT);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return 0;
                payload = rs.getBytes(1);
            }
        }
        try {
            JsonNode s = LAB_EVENTS.readTree(payload);
            if (!lab.labId.equals(s.path("labId").asText())) return 0;
            Host host = HostSnapshot.restore(s.path("host").binaryValue());
            lab.restore(s.path("position").asLong(), s.path("tenant").asText(null), s.path("deleted").asBoolean(), host);
            return 1;
        } catch (IOException | RuntimeException e) {
            log.warn("lab {}: its snapshot could not be restored; replaying its events instead: {}", lab.labId, e.toString());
            return 0;
        }
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
