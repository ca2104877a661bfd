package org.vnetlab.kernel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.api.JailEvent.JailCreated;

class EventCodecTest {

    /** Builds an instance of any event record with recognisable values for its components. */
    static Event sample(Class<? extends Event> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = switch (types[i].getName()) {
                case "int" -> 40 + i;
                case "long" -> 1_700_000_000_000L + i;
                case "boolean" -> true;
                case "java.lang.String" -> components[i].getName() + "-" + i;
                case "java.util.Map" -> Map.of("persist", "true", "host.hostname", "lefty.example.net");
                case "java.util.List" -> List.of("a", "b");
                default -> throw new IllegalStateException("no sample for " + types[i] + " in " + type);
            };
        }
        Constructor<? extends Event> c = type.getDeclaredConstructor(types);
        return c.newInstance(values);
    }

    @Test
    void givenEveryEventType_whenWrittenAndReadBack_thenEqual() throws Exception {
        assertThat(EventCodec.typeNames()).contains("JailCreated", "InterfaceMovedToVnet", "SysctlSet", "RouteAdded",
                "NeighborAdded", "EpairCreated");
        for (String name : EventCodec.typeNames()) {
            Event e = sample(EventCodec.typeOf(name));
            String json = EventCodec.toJson(e);
            assertThat(json).startsWith("{\"type\":\"" + name + "\"");
            assertThat(EventCodec.fromJson(json)).as(json).isEqualTo(e);
        }
    }

    @Test
    void givenEveryEventType_whenWrittenDirectly_thenTheSameTextAsTheTreeForm() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper plain = EventCodec.mapper();
        for (String name : EventCodec.typeNames()) {
            Event e = sample(EventCodec.typeOf(name));
            String tree = plain.writeValueAsString(EventCodec.toTree(e));
            assertThat(EventCodec.toJson(e)).as(name).isEqualTo(tree);
            assertThat(new String(EventCodec.toJsonBytes(e), java.nio.charset.StandardCharsets.UTF_8)).as(name).isEqualTo(tree);
        }
        // and the events a real session makes, with real values (addresses, maps, negative numbers)
        Lab lab = new Lab(5);
        lab.run(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/tools/every-event.sh")));
        assertThat(lab.events()).hasSizeGreaterThan(30);
        for (Event e : lab.events()) {
            assertThat(EventCodec.toJson(e)).isEqualTo(plain.writeValueAsString(EventCodec.toTree(e)));
        }
    }

    @Test
    void givenJailCreated_whenWritten_thenDocumentedShape() {
        String json = EventCodec.toJson(new JailCreated(1, "lefty", 0, true,
                Map.of("persist", "true", "host.hostname", "lefty.example.net", "path", "/")));
        assertThat(json).isEqualTo("{\"type\":\"JailCreated\",\"jid\":1,\"name\":\"lefty\",\"parent\":0,\"vnet\":true,"
                + "\"params\":{\"host.hostname\":\"lefty.example.net\",\"path\":\"/\",\"persist\":\"true\"}}");
    }

    @Test
    void givenTheSeedScript_whenEventsRoundTrip_thenReplayGivesTheSameJls() {
        Lab lab = new Lab(3);
        lab.run("jail -c vnet host.hostname=lefty.example.net path=/ persist\njail -c name=x persist ip4.addr=192.0.2.9");
        List<Event> copies = lab.events().stream().map(EventCodec::toJson).map(EventCodec::fromJson).toList();
        Lab replayed = Lab.replay(3, Lab.DEFAULT_HOSTNAME, copies);
        assertThat(replayed.exec("jls -n").stdout()).isEqualTo(lab.exec("jls -n").stdout());
    }

    @Test
    void givenBadJson_whenRead_thenClearErrors() {
        assertThatThrownBy(() -> EventCodec.fromJson("{\"jid\":1}")).hasMessageContaining("without a \"type\"");
        assertThatThrownBy(() -> EventCodec.fromJson("{\"type\":\"Nope\"}")).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> EventCodec.fromJson("{")).isInstanceOf(IllegalArgumentException.class);
    }
}
