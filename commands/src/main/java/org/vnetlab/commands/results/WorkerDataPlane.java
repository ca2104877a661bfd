package org.vnetlab.commands.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.commands.DataPlane;
import org.vnetlab.commands.ServiceUnavailableException;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.ConsumerLoop;
import org.vnetlab.platform.DataplaneResult;

/**
 * The data plane as the stack-workers answer it: a request for the result of a lab's data-plane
 * event waits until a worker publishes it on {@code vnetlab.results}.
 *
 * <p>Every commands process reads all partitions of the results topic itself (no consumer group:
 * any process may be the one waiting), from the end. A result can be produced before the wait
 * begins, so a waiter looks, after registering, at the results this process has just seen; if
 * the topic has not brought it within {@link #FIRST_CHECK} it looks at {@code dataplane_results}
 * (which a worker writes before Kafka acknowledges the record), and again every {@link #RECHECK},
 * which covers records missed while the consumer was reconnecting. The common case costs no
 * query. No answer within the timeout is a 504, never a hang.
 */
public final class WorkerDataPlane implements DataPlane, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerDataPlane.class);
    static final Duration RECHECK = Duration.ofMillis(500);
    /** How long a waiter trusts the topic alone: a worker's result usually arrives within milliseconds. */
    static final Duration FIRST_CHECK = Duration.ofMillis(100);
    private static final int RECENT = 20_000;

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private final Map<String, CompletableFuture<DataplaneResult>> waiting = new ConcurrentHashMap<>();
    private final Map<String, DataplaneResult> recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DataplaneResult> eldest) {
            return size() > RECENT;
        }
    });
    private final ConsumerLoop loop;
    /** The consumer start() positioned, handed to the loop's first session. */
    private volatile KafkaConsumer<String, String> positioned;

    public WorkerDataPlane(DataSource dataSource, String bootstrapServers, String resultsTopic, Duration timeout) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.topic = resultsTopic;
        this.timeout = timeout;
        this.loop = new ConsumerLoop("dataplane-results-" + resultsTopic, Duration.ofMillis(500), log,
                "reading " + resultsTopic + " (waiters re-check the table meanwhile)", new ConsumerLoop.Session() {
                    @Override
                    public KafkaConsumer<String, String> open() {
                        KafkaConsumer<String, String> c = positioned;
                        positioned = null;
                        return c != null ? c : positionedConsumer();
                    }

                    @Override
                    public void handle(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
                        for (ConsumerRecord<String, String> r : records) arrived(r.value());
                    }
                });
    }

    /** Starts reading; returns once the consumer sits at the end of every partition. */
    public WorkerDataPlane start() {
        positioned = positionedConsumer();
        loop.start();
        return this;
    }

    @Override
    public Outcome complete(String labId, Outcome fromAggregate, long sequence) {
        DataplaneResult r = await(labId, sequence);
        return new Outcome(fromAggregate.line(), r.stdout(), r.stderr(), r.exit(), fromAggregate.events());
    }

    /** The worker's result for the lab's event at {@code sequence}, waiting for it up to the timeout. */
    public DataplaneResult await(String labId, long sequence) {
        String key = key(labId, sequence);
        CompletableFuture<DataplaneResult> future = waiting.computeIfAbsent(key, k -> new CompletableFuture<>());
        try {
            DataplaneResult seen = recent.get(key);
            if (seen != null) return seen;
            long deadline = System.nanoTime() + timeout.toNanos();
            long wait = FIRST_CHECK.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                try {
                    if (left > 0) return future.get(Math.min(left, wait), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // not on the topic (yet, or missed while the consumer reconnected): look at the table
                }
                Optional<DataplaneResult> stored = stored(labId, sequence);
                if (stored.isPresent()) return stored.get();
                if (deadline - System.nanoTime() <= 0) {
                    throw new ServiceUnavailableException("no stack-worker answered the data-plane line within "
                            + timeout.toMillis() + " ms (lab " + labId + ", position " + sequence + ")", true, null);
                }
                wait = RECHECK.toNanos();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted", false, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(key, future);
        }
    }

    /** The recorded result, if a worker has recorded it. */
    public Optional<DataplaneResult> stored(String labId, long sequence) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT tenant, line, stdout, stderr, exit, time FROM dataplane_results WHERE lab = ? AND position = ?")) {
            ps.setString(1, labId);
            ps.setLong(2, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new DataplaneResult(labId, rs.getString(1), sequence, rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6) == null ? 0 : rs.getTimestamp(6).getTime(), Map.of()));
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException("cannot read the data-plane results", false, e);
        }
    }

    private void arrived(String json) {
        DataplaneResult r;
        try {
            r = DataplaneResult.fromJson(json);
        } catch (RuntimeException e) {
            log.error("skipping an unreadable result: {}", e.toString());
            return;
        }
        String key = key(r.labId(), r.sequence());
        recent.put(key, r);
        CompletableFuture<DataplaneResult> f = waiting.get(key);
        if (f != null) f.complete(r);
    }

    private KafkaConsumer<String, String> positionedConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            if (partitions.isEmpty()) throw new IllegalStateException("topic " + topic + " has no partitions");
            c.assign(partitions);
            c.seekToEnd(partitions);
            for (TopicPartition tp : partitions) c.position(tp, Duration.ofSeconds(30));
            return c;
        } catch (RuntimeException e) {
            c.close(Duration.ZERO);
            throw e;
        }
    }

    private static String key(String labId, long sequence) {
        return labId + "@" + sequence;
    }

    @Override
    public void close() {
        loop.close(Duration.ofSeconds(5));
    }
}
