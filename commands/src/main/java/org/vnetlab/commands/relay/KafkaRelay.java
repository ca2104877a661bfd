package org.vnetlab.commands.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.commands.store.Envelopes;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.platform.EventEnvelope;

/**
 * The event store is the outbox: this tracking processor (token in {@code tokenentry}) reads the
 * stored events in order and publishes each as an {@link EventEnvelope} to the events topic, key =
 * lab id, so a lab's events stay ordered in one partition.
 *
 * <p>A batch of events is one unit of work: every record is sent, the producer is flushed, and
 * only when Kafka has acknowledged all of them (acks=all, idempotent) does the token advance, in
 * the same transaction. If Kafka is away the batch fails, nothing advances, and the processor
 * retries with back-off: no stored event is ever skipped. A crash between Kafka's ack and the
 * token commit republishes a batch (at least once); consumers deduplicate by event id / lab
 * sequence. The first start begins at the tail, or events stored before the processor's first
 * token would be silently skipped.
 */
public final class KafkaRelay implements AutoCloseable {
    public static final String PROCESSOR = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);
    private static final String BATCH = KafkaRelay.class.getName() + ".batch";

    private final String bootstrapServers;
    private final String topic;
    private final TrackingEventProcessor processor;
    private KafkaProducer<String, String> producer;

    public KafkaRelay(WriteSide writeSide, String bootstrapServers, String topic, int batchSize) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.processor = TrackingEventProcessor.builder()
                .name(PROCESSOR + "-" + topic)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new Handler())
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(writeSide.eventStore())
                .tokenStore(writeSide.tokenStore())
                .transactionManager(writeSide.transactions())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
    }

    public KafkaRelay start() {
        processor.start();
        return this;
    }

    @Override
    public void close() {
        processor.shutDown();
        synchronized (this) {
            if (producer != null) producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    /** Sends the batch and waits for every acknowledgement; any failure fails the unit of work. */
    private void publish(List<ProducerRecord<String, String>> batch) {
        if (batch.isEmpty()) return;
        KafkaProducer<String, String> p = producer();
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (ProducerRecord<String, String> r : batch) acks.add(p.send(r));
            p.flush();
            for (Future<RecordMetadata> ack : acks) ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardProducer(p);
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | RuntimeException e) {
            log.warn("publishing {} events to {} failed; the batch will be retried: {}", batch.size(), topic, e.toString());
            discardProducer(p);
            throw new IllegalStateException("Kafka did not acknowledge the batch", e);
        }
    }

    private synchronized void discardProducer(KafkaProducer<String, String> p) {
        p.close(Duration.ZERO);
        if (producer == p) producer = null;
    }

    private final class Handler implements EventMessageHandler {
        @Override
        public Object handle(EventMessage<?> message) {
            if (!(message instanceof DomainEventMessage<?> m)) return null;
            long globalIndex = message instanceof TrackedEventMessage<?> t
                    ? t.trackingToken().position().orElse(-1) : -1;
            EventEnvelope env = Envelopes.of(m, globalIndex);
            if (env == null) return null;
            batch().add(new ProducerRecord<>(topic, env.labId(), env.toJson()));
            return null;
        }

        private List<ProducerRecord<String, String>> batch() {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            return root.getOrComputeResource(BATCH, k -> {
                List<ProducerRecord<String, String>> list = new ArrayList<>();
                root.onPrepareCommit(u -> publish(list));
                return list;
            });
        }

        @Override
        public Class<?> getTargetType() {
            return KafkaRelay.class;
        }
    }
}
