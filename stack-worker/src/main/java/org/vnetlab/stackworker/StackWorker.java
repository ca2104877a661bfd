package org.vnetlab.stackworker;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.platform.ConsumerLoop;
import org.vnetlab.platform.DataplaneResult;
import org.vnetlab.platform.EventEnvelope;
import org.vnetlab.platform.Topics;

/**
 * A stack-worker: a member of the {@value #GROUP} consumer group on {@code vnetlab.events}. It
 * hosts the labs of the partitions it is assigned and applies their events in log order with the
 * kernel's evolve; every data-plane event (ping, traceroute, tcpdump, sleep) re-runs its
 * simulation against exactly the state the log had at that point, and its result goes to
 * {@code vnetlab.results} and {@code dataplane_results}.
 *
 * <p><b>Restore.</b> A lab is restored from the event store (PostgreSQL), not by replaying the
 * partition: before the first record of a lab is served, the worker applies the lab's stored
 * events that precede that record's sequence (the relay publishes only committed events, so they
 * are all there). The lab's in-memory host is a cache of the event store: any gap is filled from
 * it the same way, duplicates (sequence &lt;= position) are skipped. Restoring lab by lab costs one
 * indexed range scan per lab instead of reading a partition's whole history (which Kafka's
 * retention may also have deleted), and labs that stay idle cost nothing.
 *
 * <p><b>Offsets.</b> Kafka's group offsets are committed after a batch's results are recorded and
 * acknowledged, so a crash redoes at most the batch in flight: its results come again, equal to
 * the first ones (a pure function of the lab's events), which the table's key and the waiting side
 * absorb. Rebalancing is cooperative (sticky): only the partitions that move are revoked, their
 * labs dropped; the other labs keep being served during a rebalance.
 */
public final class StackWorker implements AutoCloseable {
    public static final String GROUP = "vnetlab-stack-workers";
    private static final Logger log = LoggerFactory.getLogger(StackWorker.class);

    private final String bootstrapServers;
    private final Topics topics;
    private final String group;
    private final EventStoreHistory history;
    private final ResultPublisher publisher;
    private final Map<String, HostedLab> labs = new HashMap<>();
    private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
    private final Set<String> hosted = ConcurrentHashMap.newKeySet();
    private final ConsumerLoop loop;
    private final AtomicLong eventsApplied = new AtomicLong();
    private final AtomicLong resultsPublished = new AtomicLong();

    public StackWorker(DataSource dataSource, String bootstrapServers, Topics topics, String group) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.group = group;
        this.history = new EventStoreHistory(dataSource);
        this.publisher = new ResultPublisher(dataSource, bootstrapServers, topics.results());
        this.loop = new ConsumerLoop("stack-worker-" + topics.events(), Duration.ofMillis(200), log,
                "stack-worker batch (restarting from the committed offsets)", new ConsumerLoop.Session() {
                    @Override
                    public void reset() {
                        dropAll();
                    }

                    @Override
                    public KafkaConsumer<String, String> open() {
                        KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig());
                        c.subscribe(List.of(topics.events()), new Rebalance(c));
                        return c;
                    }

                    @Override
                    public void handle(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records)
                            throws Exception {
                        serve(c, records);
                    }

                    @Override
                    public void ending(KafkaConsumer<String, String> c) {
                        try {
                            c.commitSync(Duration.ofSeconds(5));
                        } catch (RuntimeException e) {
                            log.debug("final offset commit failed: {}", e.toString());
                        }
                    }

                    @Override
                    public void ended() {
                        assigned.clear();
                    }
                });
    }

    public StackWorker(DataSource dataSource, String bootstrapServers, Topics topics) {
        this(dataSource, bootstrapServers, topics, GROUP);
    }

    public StackWorker start() {
        loop.start();
        return this;
    }

    /** The partitions of the events topic this worker owns now. */
    public Set<Integer> assignedPartitions() {
        return Set.copyOf(assigned);
    }

    /** Whether this worker hosts the lab now (it has seen one of its records since it got the partition). */
    public boolean hosts(String labId) {
        return hosted.contains(labId);
    }

    public long eventsApplied() {
        return eventsApplied.get();
    }

    public long resultsPublished() {
        return resultsPublished.get();
    }

    private Properties consumerConfig() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return p;
    }

    /** One poll: apply in log order, publish the data-plane results, then commit the offsets. */
    private void serve(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) throws SQLException {
        List<DataplaneResult> results = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        // On failure the run loop drops every lab (memory may be ahead of the committed offsets).
        for (ConsumerRecord<String, String> r : records) {
            next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            EventEnvelope env;
            try {
                env = EventEnvelope.fromJson(r.value());
            } catch (RuntimeException e) {
                log.error("skipping an unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
                continue;
            }
            HostedLab lab = lab(env.labId(), r.partition());
            if (env.sequence() <= lab.position) continue; // the relay published it twice
            if (env.sequence() > lab.position + 1) history.catchUp(lab, env.sequence());
            if (env.sequence() != lab.position + 1) {
                log.error("lab {}: event {} follows {} and the event store has nothing between; applied anyway",
                        env.labId(), env.sequence(), lab.position);
            }
            lab.apply(env.sequence(), env.event(), env.labEvent());
            eventsApplied.incrementAndGet();
            if (HostedLab.isDataplane(env) && lab.host != null) results.add(lab.result(env));
            if (lab.deleted) forget(lab.labId);
        }
        publisher.publish(results);
        resultsPublished.addAndGet(results.size());
        c.commitAsync(next, (offsets, e) -> {
            if (e != null) log.debug("offset commit failed (the batch may be redone): {}", e.toString());
        });
    }

    private HostedLab lab(String labId, int partition) {
        HostedLab lab = labs.get(labId);
        if (lab == null) {
            lab = new HostedLab(labId, partition);
            labs.put(labId, lab);
            hosted.add(labId);
        }
        return lab;
    }

    private void forget(String labId) {
        if (labId == null) return;
        labs.remove(labId);
        hosted.remove(labId);
    }

    private void dropAll() {
        labs.clear();
        hosted.clear();
    }

    private void drop(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            assigned.remove(tp.partition());
            labs.values().removeIf(l -> {
                if (l.partition != tp.partition()) return false;
                hosted.remove(l.labId);
                return true;
            });
        }
    }

    /** Drops the labs of partitions that leave; new partitions' labs are restored as their records come. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> consumer;

        Rebalance(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) return;
            try {
                consumer.commitSync(Duration.ofSeconds(5)); // the next owner starts where this one stopped
            } catch (RuntimeException e) {
                log.debug("offset commit on revocation failed (the next owner redoes a batch): {}", e.toString());
            }
            drop(partitions);
            log.info("stack-worker: partitions {} revoked", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) assigned.add(tp.partition());
            if (!partitions.isEmpty()) log.info("stack-worker: partitions {} assigned", partitions);
        }
    }

    /** Leaves the group (its partitions move to the other workers) and stops. */
    @Override
    public synchronized void close() {
        if (!loop.running() && !loop.alive()) return;
        loop.close(Duration.ofSeconds(15));
        dropAll();
        publisher.close();
    }
}
