package org.vnetlab.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.commands.relay.KafkaRelay;
import org.vnetlab.platform.EmbeddedKafka;
import org.vnetlab.platform.EventEnvelope;
import org.vnetlab.platform.TestInfra;
import org.vnetlab.platform.Topics;

class KafkaRelayTest {
    static WriteSideFixture f;
    static Topics topics;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        f = new WriteSideFixture();
        kafka = TestInfra.get().kafka();
        topics = TestInfra.get().freshTopics();
    }

    @AfterAll
    static void stop() {
        kafka.start();
        f.close();
    }

    private static List<EventEnvelope> consumeAll(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<EventEnvelope> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 60_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    EventEnvelope e = EventEnvelope.fromJson(r.value());
                    assertThat(r.key()).isEqualTo(e.labId());
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static List<EventEnvelope> storedEventsOf(List<LabInfo> labs) {
        List<EventEnvelope> all = new ArrayList<>();
        for (LabInfo lab : labs) all.addAll(f.service.events("acme", lab.id(), 0, 100_000));
        return all;
    }

    /** Per lab, in order: what a consumer sees of one key. Duplicates (at least once) are dropped by sequence. */
    private static Map<String, List<EventEnvelope>> perLab(List<EventEnvelope> events) {
        Map<String, List<EventEnvelope>> m = new java.util.TreeMap<>();
        for (EventEnvelope e : events) {
            List<EventEnvelope> l = m.computeIfAbsent(e.labId(), k -> new ArrayList<>());
            if (l.isEmpty() || l.get(l.size() - 1).sequence() < e.sequence()) l.add(e);
        }
        return m;
    }

    @Test
    void givenEventsStoredBeforeTheRelayStartedAndWhileKafkaWasDown_whenRelayRuns_thenEveryStoredEventIsOnKafkaInOrder() {
        String script = WriteSideFixture.seedScript();
        List<LabInfo> labs = new ArrayList<>();
        // given: events stored before the relay's first start
        LabInfo early = f.service.createLab(f.alice, "early", 1L);
        f.service.runScript(f.alice, early.id(), script);
        labs.add(early);

        try (KafkaRelay relay = new KafkaRelay(f.writeSide, kafka.bootstrapServers(), topics.events(), 100).start()) {
            LabInfo second = f.service.createLab(f.alice, "second", 2L);
            f.service.runScript(f.alice, second.id(), script);
            labs.add(second);
            int stored = storedEventsOf(labs).size();
            assertThat(perLab(consumeAll(topics.events(), stored)).values().stream().mapToInt(List::size).sum()).isEqualTo(stored);

            // when: Kafka goes away while more events are stored, then comes back
            kafka.stop();
            LabInfo third = f.service.createLab(f.alice, "while-down", 3L);
            f.service.runScript(f.alice, third.id(), script);
            labs.add(third);
            kafka.start();

            // then: every stored event of every lab is on Kafka, in lab order, with the stored identity
            List<EventEnvelope> expected = storedEventsOf(labs);
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(perLab(consumeAll(topics.events(), expected.size()))).isEqualTo(perLab(expected)));
        }
    }
}
