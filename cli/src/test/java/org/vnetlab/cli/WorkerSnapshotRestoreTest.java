package org.vnetlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.vnetlab.commands.CommandService;
import org.vnetlab.commands.LineResult;
import org.vnetlab.commands.Principal;
import org.vnetlab.commands.ReadSide;
import org.vnetlab.commands.Tenants;
import org.vnetlab.commands.relay.KafkaRelay;
import org.vnetlab.commands.results.WorkerDataPlane;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.TestInfra;
import org.vnetlab.platform.Topics;
import org.vnetlab.stackworker.StackWorker;

/**
 * A stack-worker that meets a lab mid-stream restores it from the lab's newest snapshot and the
 * events after it. The events the snapshot covers are deleted first, so a replay from the first
 * event could not answer at all.
 */
class WorkerSnapshotRestoreTest {
    static final Principal WHO = new Principal("acme", "tester");

    @Test
    void givenASnapshot_whenAWorkerFirstMeetsTheLabMidStream_thenItStartsFromTheSnapshot() throws Exception {
        Database db = TestInfra.get().freshDatabase();
        Topics topics = TestInfra.get().freshTopics();
        String bootstrap = TestInfra.get().kafka().bootstrapServers();
        String group = "workers-" + topics.events();
        try (WriteSide writeSide = new WriteSide(db.dataSource(), 2, 100, 5);
             KafkaRelay relay = new KafkaRelay(writeSide, bootstrap, topics.events(), 500).start();
             WorkerDataPlane dataPlane = new WorkerDataPlane(db.dataSource(), bootstrap, topics.results(), Duration.ofSeconds(20)).start()) {
            new Tenants(db.dataSource()).ensureTenant("acme", "Acme");
            CommandService service = new CommandService(writeSide, ReadSide.IN_AGGREGATE, dataPlane, Duration.ofSeconds(30));
            String labId = service.createLab(WHO, "snap", 9L).id();
            Lab sim = new Lab(9);
            service.runScript(WHO, labId, DataPlaneThroughWorkersTest.SETUP);
            sim.run(DataPlaneThroughWorkersTest.SETUP);
            await().atMost(Duration.ofSeconds(20)).until(() -> snapshotPosition(db, labId) >= 5);
            long covered = snapshotPosition(db, labId);
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber <= ?")) {
                ps.setString(1, labId);
                ps.setLong(2, covered);
                assertThat(ps.executeUpdate()).isEqualTo(covered + 1);
            }
            // The relay has published everything so far; the worker's group starts after it.
            await().atMost(Duration.ofSeconds(20)).until(() -> endOffsets(bootstrap, topics.events()) > covered);
            commitAtEnd(bootstrap, topics.events(), group);

            try (StackWorker worker = new StackWorker(db.dataSource(), bootstrap, topics, group).start()) {
                LineResult ping = service.exec(WHO, labId, DataPlaneThroughWorkersTest.PING);
                Outcome expected = sim.exec(DataPlaneThroughWorkersTest.PING);
                assertThat(ping.stdout()).isEqualTo(expected.stdout()).contains("2 packets received");
                assertThat(ping.exit()).isEqualTo(expected.exit());
                assertThat(worker.hosts(labId)).isTrue();
            }
        } finally {
            db.close();
        }
    }

    private static long snapshotPosition(Database db, String labId) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT coalesce(max(sequencenumber), -1) FROM snapshotevententry WHERE aggregateidentifier = ?")) {
            ps.setString(1, labId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (group != null) p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> c, String topic) {
        List<TopicPartition> out = new ArrayList<>();
        for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(10))) out.add(new TopicPartition(topic, info.partition()));
        return out;
    }

    private static long endOffsets(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> c = consumer(bootstrap, null)) {
            return c.endOffsets(partitions(c, topic)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void commitAtEnd(String bootstrap, String topic, String group) {
        try (KafkaConsumer<String, String> c = consumer(bootstrap, group)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            c.endOffsets(partitions(c, topic)).forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end)));
            c.commitSync(offsets);
        }
    }
}
