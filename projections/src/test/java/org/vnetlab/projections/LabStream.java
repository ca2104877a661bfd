package org.vnetlab.projections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.EventEnvelope;
import org.vnetlab.platform.lab.LabCreated;

/** A lab's event stream as the relay would publish it, made with the kernel's in-memory Lab. */
final class LabStream {
    final String labId;
    final long seed;
    final Lab lab;
    final List<EventEnvelope> envelopes = new ArrayList<>();

    LabStream(String labId, long seed) {
        this.labId = labId;
        this.seed = seed;
        this.lab = new Lab(seed);
        envelopes.add(new EventEnvelope(labId, "acme", 0, -1, labId + "-0", 1_000, "alice", null, null,
                new LabCreated(labId, "acme", labId, seed, Lab.DEFAULT_HOSTNAME)));
    }

    LabStream run(String script) {
        for (Outcome o : lab.run(script)) {
            for (Event e : o.events()) {
                long seq = envelopes.size();
                envelopes.add(new EventEnvelope(labId, "acme", seq, -1, labId + "-" + seq, 1_000 + seq, "alice", o.line(), e, null));
            }
        }
        return this;
    }

    long lastPosition() {
        return envelopes.size() - 1;
    }

    static String example(String name) {
        try {
            return Files.readString(Path.of("../examples/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    static void publish(KafkaProducer<String, String> p, String topic, List<EventEnvelope> envs) {
        for (EventEnvelope e : envs) p.send(new ProducerRecord<>(topic, e.labId(), e.toJson()));
        p.flush();
    }
}
