package org.vnetlab.platform.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.vnetlab.kernel.codec.EventCodec;

/** The JSON of lab events, in the kernel codec's shape: {@code "type"} first, then the components. */
public final class LabEventCodec {
    private static final Map<String, Class<? extends LabEvent>> TYPES =
            Map.of("LabCreated", LabCreated.class, "LabDeleted", LabDeleted.class);

    private LabEventCodec() {}

    public static boolean isLabEventType(String type) {
        return TYPES.containsKey(type);
    }

    public static ObjectNode toTree(LabEvent event) {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        node.put("type", event.type());
        node.setAll((ObjectNode) EventCodec.mapper().valueToTree(event));
        return node;
    }

    public static LabEvent fromTree(JsonNode node) {
        String type = node.path("type").asText();
        Class<? extends LabEvent> cls = TYPES.get(type);
        if (cls == null) throw new IllegalArgumentException("unknown lab event type \"" + type + "\"");
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove("type");
        try {
            return EventCodec.mapper().treeToValue(copy, cls);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
