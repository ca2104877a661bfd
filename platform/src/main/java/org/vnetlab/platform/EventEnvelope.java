package org.vnetlab.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.platform.lab.LabEvent;
import org.vnetlab.platform.lab.LabEventCodec;

/**
 * One stored kernel event as it travels on {@code vnetlab.events} (key = lab id).
 *
 * @param labId       the lab (the aggregate identifier)
 * @param tenant      the tenant that owns the lab
 * @param sequence    the event's sequence number in its lab (the lab's "position" once applied)
 * @param globalIndex the event's index in the whole event store (gaps are possible)
 * @param eventId     the event store's unique event identifier; consumers deduplicate on it
 * @param timestamp   the event's time, epoch milliseconds (simulated time comes from here)
 * @param actor       who caused it (the API token's actor)
 * @param line        the command line that caused it
 * @param event       the kernel event, written in {@link EventCodec}'s JSON; null for a lab event
 * @param labEvent    the lab lifecycle event ({@code LabCreated}, {@code LabDeleted}); null for a
 *                    kernel event. Both are written in the same {@code "event"} JSON field, told
 *                    apart by its {@code "type"}.
 */
public record EventEnvelope(
        String labId,
        String tenant,
        long sequence,
        long globalIndex,
        String eventId,
        long timestamp,
        String actor,
        String line,
        Event event,
        LabEvent labEvent) {

    public EventEnvelope {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(eventId, "eventId");
        if ((event == null) == (labEvent == null)) throw new IllegalArgumentException("exactly one of event and labEvent");
    }

    /** The payload's type name ("JailCreated", "LabCreated", ...). */
    public String type() {
        return event != null ? event.type() : labEvent.type();
    }

    private static ObjectMapper mapper() {
        return EventCodec.mapper();
    }

    public ObjectNode toTree() {
        ObjectNode node = mapper().createObjectNode();
        node.put("labId", labId);
        node.put("tenant", tenant);
        node.put("sequence", sequence);
        node.put("globalIndex", globalIndex);
        node.put("eventId", eventId);
        node.put("timestamp", timestamp);
        node.put("actor", actor);
        node.put("line", line);
        node.set("event", event != null ? EventCodec.toTree(event) : LabEventCodec.toTree(labEvent));
        return node;
    }

    public String toJson() {
        try {
            return mapper().writeValueAsString(toTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write envelope of " + eventId, e);
        }
    }

    public static EventEnvelope fromJson(String json) {
        try {
            return fromTree(mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed envelope: " + e.getOriginalMessage(), e);
        }
    }

    public static EventEnvelope fromTree(JsonNode n) {
        JsonNode payload = n.path("event");
        boolean lab = LabEventCodec.isLabEventType(payload.path("type").asText());
        return new EventEnvelope(
                text(n, "labId"),
                text(n, "tenant"),
                n.path("sequence").asLong(),
                n.path("globalIndex").asLong(),
                text(n, "eventId"),
                n.path("timestamp").asLong(),
                text(n, "actor"),
                text(n, "line"),
                lab ? null : EventCodec.fromTree(payload),
                lab ? LabEventCodec.fromTree(payload) : null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
