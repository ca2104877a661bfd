package org.vnetlab.commands.store;

import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.codec.EventCodec;

/**
 * The event store's serializer. Kernel events are written in {@link EventCodec}'s JSON under
 * their stable type name ({@code payloadtype = "JailCreated"}, not a Java class name), so the
 * stored payload is byte for byte what travels on Kafka and what the history shows. Everything
 * else (lab events, metadata, tracking tokens) goes through Axon's Jackson serializer on a copy
 * of the same mapper. XStream, Axon's default, cannot read records back.
 */
public final class StoreSerializer implements Serializer {
    private final JacksonSerializer jackson;

    public StoreSerializer() {
        this.jackson = JacksonSerializer.builder()
                .objectMapper(EventCodec.mapper().copy())
                .lenientDeserialization()
                .build();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object instanceof Event e) {
            byte[] json = EventCodec.toJson(e).getBytes(StandardCharsets.UTF_8);
            T data = getConverter().convert(json, byte[].class, expectedRepresentation);
            return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(e.getClass()));
        }
        return jackson.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        Class<?> type = classForType(serialized.getType());
        if (type != null && Event.class.isAssignableFrom(type)) {
            byte[] bytes = getConverter().convert(serialized.getData(), serialized.getContentType(), byte[].class);
            return (T) EventCodec.fromJson(new String(bytes, StandardCharsets.UTF_8));
        }
        return jackson.deserialize(serialized);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<? extends Event> kernel = EventCodec.typeOf(type.getName());
        return kernel != null ? kernel : jackson.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type != null && Event.class.isAssignableFrom(type) && type.isRecord()) {
            return new SimpleSerializedType(type.getSimpleName(), null);
        }
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
