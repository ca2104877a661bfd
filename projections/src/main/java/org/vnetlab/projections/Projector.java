package org.vnetlab.projections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.platform.BackgroundPriority;
import org.vnetlab.platform.ConsumerLoop;
import org.vnetlab.platform.EventEnvelope;

/**
 * The projections consumer: reads {@code vnetlab.events} in the {@value #GROUP} group and keeps
 * the read models in PostgreSQL.
 *
 * <p>Exactly once by construction: each poll is one PostgreSQL transaction holding the history
 * rows, the rewritten rows of every lab it touched, the labs' projected positions and the next
 * offset of every partition it read ({@code consumer_offsets}). Kafka's own group offsets are
 * never committed; on assignment the consumer seeks to the stored offsets (the beginning when
 * there are none). A crash before the commit leaves nothing; after it, everything. Events the
 * relay published twice are skipped by lab sequence.
 *
 * <p>The in-memory hosts are a cache of the database: a lab not in memory is rebuilt from its
 * history rows (see {@link LabHistory}); after any failure or rebalance the cache is dropped and
 * the consumer re-seeks, so memory never runs ahead of what is committed.
 */
public final class Projector implements AutoCloseable {
    public static final String GROUP = "vnetlab-projections";
    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final String topic;
    private final String group;
    private final Map<String, ProjectedLab> labs = new HashMap<>();
    private final ConsumerLoop loop;
    /** For tests: runs inside each batch's transaction just before the commit. */
    volatile Runnable beforeCommit = () -> {};
    /** For tests: small polls make many batches. */
    int maxPollRecords = 10_000;

    public Projector(DataSource dataSource, String bootstrapServers, String topic, String group) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.group = group;
        this.loop = new ConsumerLoop("projector-" + topic, Duration.ofMillis(200), log,
                "projections batch (restarting from the stored offsets)", new ConsumerLoop.Session() {
                    @Override
                    public void threadStarted() {
                        // off the write path: yield the CPU to commands and workers
                        BackgroundPriority.lowerCurrentThread(10);
                    }

                    @Override
                    public void reset() {
                        labs.clear();
                    }

                    @Override
                    public KafkaConsumer<String, String> open() {
                        KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig());
                        c.subscribe(List.of(topic), new SeekToStoredOffsets(c));
                        return c;
                    }

                    @Override
                    public void handle(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records)
                            throws Exception {
                        project(records);
                    }
                });
    }

    public Projector(DataSource dataSource, String bootstrapServers, String topic) {
        this(dataSource, bootstrapServers, topic, GROUP);
    }

    public Projector start() {
        loop.start();
        return this;
    }

    private Properties consumerConfig() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // Coalesce: a trickle of events (one per write) becomes one batch per FETCH_MAX_WAIT instead of
        // one transaction and one rewrite of the lab's rows per event. Writes never wait for this;
        // a read waits at most this much longer for its position.
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
        // and a burst (a script's thousands of events) becomes a few large batches: each rewrites the lab once
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return p;
    }

    /** One poll, one transaction: history, the touched labs' rows, positions, offsets. */
    private void project(ConsumerRecords<String, String> records) throws SQLException {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        Set<ProjectedLab> touched = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement history = c.prepareStatement(
                    "INSERT INTO history (tenant, lab, position, event_id, time, actor, line, event_type, event)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
                for (ConsumerRecord<String, String> r : records) {
                    next.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                    EventEnvelope env;
                    try {
                        env = EventEnvelope.fromJson(r.value());
                    } catch (RuntimeException e) {
                        log.error("skipping an unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
                        continue;
                    }
                    ProjectedLab lab = lab(c, env.labId());
                    if (!lab.apply(env.sequence(), env.event(), env.labEvent())) continue;
                    touched.add(lab);
                    addHistory(history, env, lab);
                }
                history.executeBatch();
            }
            for (ProjectedLab lab : touched) {
                if (lab.rowsStale) LabRows.rewrite(c, lab); // not after pings alone (see ProjectedLab.rowsStale)
                savePosition(c, lab);
            }
            saveOffsets(c, next);
            beforeCommit.run();
            c.commit();
            for (ProjectedLab lab : touched) lab.rowsStale = false;
        } catch (SQLException | RuntimeException e) {
            for (ProjectedLab lab : touched) labs.remove(lab.labId);
            throw e;
        }
    }

    private ProjectedLab lab(Connection c, String labId) throws SQLException {
        ProjectedLab lab = labs.get(labId);
        if (lab == null) {
            lab = new ProjectedLab(labId);
            LabHistory.catchUp(c, lab);
            labs.put(labId, lab);
        }
        return lab;
    }

    private static void addHistory(PreparedStatement ps, EventEnvelope env, ProjectedLab lab) throws SQLException {
        ps.setString(1, env.tenant() != null ? env.tenant() : lab.tenant);
        ps.setString(2, env.labId());
        ps.setLong(3, env.sequence());
        ps.setString(4, env.eventId());
        ps.setTimestamp(5, new Timestamp(env.timestamp()));
        ps.setString(6, env.actor());
        ps.setString(7, env.line());
        ps.setString(8, env.type());
        ps.setString(9, env.toTree().get("event").toString());
        ps.addBatch();
    }

    private static void savePosition(Connection c, ProjectedLab lab) throws SQLException {
        if (lab.host == null) return; // nothing before LabCreated is servable
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO projected_labs (tenant, lab, name, seed, hostname, position, deleted) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (lab) DO UPDATE SET position = EXCLUDED.position, deleted = EXCLUDED.deleted")) {
            ps.setString(1, lab.tenant);
            ps.setString(2, lab.labId);
            ps.setString(3, lab.name);
            ps.setLong(4, lab.seed);
            ps.setString(5, lab.hostname);
            ps.setLong(6, lab.position);
            ps.setBoolean(7, lab.deleted);
            ps.executeUpdate();
        }
    }

    private void saveOffsets(Connection c, Map<TopicPartition, Long> next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO consumer_offsets (consumer_group, topic, partition, \"offset\") VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET \"offset\" = EXCLUDED.\"offset\"")) {
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                ps.setString(1, group);
                ps.setString(2, e.getKey().topic());
                ps.setInt(3, e.getKey().partition());
                ps.setLong(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Positions the consumer where the database says it stopped, never where Kafka thinks. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> consumer;

        SeekToStoredOffsets(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            labs.clear(); // another member may project these labs now; reload from history if they come back
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            labs.clear();
            Map<Integer, Long> stored = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT partition, \"offset\" FROM consumer_offsets WHERE consumer_group = ? AND topic = ?")) {
                ps.setString(1, group);
                ps.setString(2, topic);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) stored.put(rs.getInt(1), rs.getLong(2));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the stored offsets", e);
            }
            for (TopicPartition tp : partitions) {
                Long offset = stored.get(tp.partition());
                if (offset != null) consumer.seek(tp, offset);
                else consumer.seekToBeginning(List.of(tp));
            }
        }
    }

    /** Stops at once; an uncommitted batch is simply not committed. */
    @Override
    public void close() {
        loop.close();
    }
}
