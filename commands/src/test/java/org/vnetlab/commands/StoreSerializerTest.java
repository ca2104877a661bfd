package org.vnetlab.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;
import org.vnetlab.commands.lab.EventMeta;
import org.vnetlab.commands.store.StoreSerializer;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.platform.lab.LabCreated;

class StoreSerializerTest {
    private final StoreSerializer serializer = new StoreSerializer();

    @Test
    void givenEveryEventOfTheSeedScript_whenSerialized_thenPayloadIsEventCodecJsonAndReadsBackEqual() {
        Lab lab = new Lab(3);
        lab.run(WriteSideFixture.seedScript());
        assertThat(lab.events()).isNotEmpty();
        for (Event e : lab.events()) {
            SerializedObject<byte[]> s = serializer.serialize(e, byte[].class);
            assertThat(new String(s.getData(), StandardCharsets.UTF_8)).isEqualTo(EventCodec.toJson(e));
            assertThat(s.getType().getName()).isEqualTo(e.type());
            Object back = serializer.deserialize(s);
            assertThat(back).isEqualTo(e);
        }
    }

    @Test
    void givenLabEventAndMetadata_whenSerialized_thenReadBackEqual() {
        LabCreated created = new LabCreated("l1", "acme", "n", 5, "h");
        assertThat((Object) serializer.deserialize(serializer.serialize(created, byte[].class))).isEqualTo(created);
        MetaData meta = EventMeta.of("acme", "alice", "jls", 123L);
        MetaData back = serializer.deserialize(serializer.serialize(meta, byte[].class));
        assertThat(EventMeta.time(back, 0)).isEqualTo(123L);
        assertThat(EventMeta.text(back, EventMeta.LINE)).isEqualTo("jls");
    }
}
