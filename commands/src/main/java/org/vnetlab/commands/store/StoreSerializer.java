package org.vnetlab.commands.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.vnetlab.commands.lab.LabAggregate;
import org.vnetlab.commands.lab.LabSnapshot;
import org.vnetlab.kernel.HostSnapshot;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.codec.EventCodec;

/**
 * The event store's serializer. Kernel events are written in {@link EventCodec}'s JSON under
 * their stable type name ({@code payloadtype = "JailCreated"}, not a Java class name), so the
 * stored payload is byte for byte what travels on Kafka and what the history shows. Everything
 * else (lab events, metadata, tracking tokens) goes through Axon's Jackson serializer on a copy
 * of the same mapper. XStream, Axon's default, cannot read records back.
 *
 * <p>Axon's snapshotter hands over the aggregate itself; it is written as a {@link LabSnapshot}
 * (JSON, the host as base64 {@link HostSnapshot} bytes) under the type {@code LabSnapshot} with
 * the kernel's snapshot format as revision, and read back as a {@link LabAggregate}.
 * {@link #readableSnapshot} lets the store skip snapshots of another format (the lab is then
 * replayed from its events, and the next snapshot replaces it).
 */
public final class StoreSerializer implements Serializer {
    private static final SerializedType SNAPSHOT_TYPE = new SimpleSerializedType(LabSnapshot.TYPE, HostSnapshot.FORMAT);

    private final JacksonSerializer jackson;
    private final ObjectMapper mapper = EventCodec.mapper().copy();
    /**
     * The last metadata this thread serialized, and how: a script line's events share one
     * MetaData instance (LabAggregate), so a 7,000-line script serializes 7,000 of them, not
     * 11,000. By identity: MetaData is immutable.
     */
    private final ThreadLocal<SerializedMeta> lastMeta = new ThreadLocal<>();

    private record SerializedMeta(MetaData meta, Class<?> representation, SerializedObject<?> serialized) {}

    public StoreSerializer() {
        this.jackson = JacksonSerializer.builder()
                .objectMapper(EventCodec.mapper().copy())
                .lenientDeserialization()
                .build();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object instanceof LabAggregate || object instanceof LabSnapshot) {
            byte[] json = writeJson(object instanceof LabSnapshot s ? s : ((LabAggregate) object).snapshot());
            T data = getConverter().convert(json, byte[].class, expectedRepresentation);
            return new SimpleSerializedObject<>(data, expectedRepresentation, SNAPSHOT_TYPE);
        }
        if (object instanceof Event e) {
            byte[] json = EventCodec.toJsonBytes(e);
            T data = getConverter().convert(json, byte[].class, expectedRepresentation);
            return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(e.getClass()));
        }
        if (object instanceof MetaData meta) {
            SerializedMeta last = lastMeta.get();
            if (last != null && last.meta() == meta && last.representation() == expectedRepresentation) {
                @SuppressWarnings("unchecked")
                SerializedObject<T> same = (SerializedObject<T>) last.serialized();
                return same;
            }
            SerializedObject<T> s = jackson.serialize(meta, expectedRepresentation);
            lastMeta.set(new SerializedMeta(meta, expectedRepresentation, s));
            return s;
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
        if (LabSnapshot.TYPE.equals(serialized.getType().getName())) {
            byte[] bytes = getConverter().convert(serialized.getData(), serialized.getContentType(), byte[].class);
            return (T) LabAggregate.restore(readJson(bytes));
        }
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
        if (LabSnapshot.TYPE.equals(type.getName())) return LabAggregate.class;
        Class<? extends Event> kernel = EventCodec.typeOf(type.getName());
        return kernel != null ? kernel : jackson.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type == LabAggregate.class) return SNAPSHOT_TYPE;
        if (type != null && Event.class.isAssignableFrom(type) && type.isRecord()) {
            return new SimpleSerializedType(type.getSimpleName(), null);
        }
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }

    /** The snapshot filter: only lab snapshots of this kernel's {@link HostSnapshot#FORMAT} are used. */
    public static boolean readableSnapshot(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        return LabSnapshot.TYPE.equals(type.getName()) && HostSnapshot.FORMAT.equals(type.getRevision());
    }

    private byte[] writeJson(LabSnapshot s) {
        try {
            return mapper.writeValueAsBytes(s);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write the snapshot of lab " + s.labId(), e);
        }
    }

    private LabSnapshot readJson(byte[] bytes) {
        try {
            return mapper.readValue(bytes, LabSnapshot.class);
        } catch (IOException e) {
            throw new SerializationException("cannot read a lab snapshot", e);
        }
    }
}
