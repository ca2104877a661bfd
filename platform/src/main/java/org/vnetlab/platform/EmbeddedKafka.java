package org.vnetlab.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka 4 broker in KRaft mode (broker and controller in one), in this JVM.
 *
 * <p>Every internal topic gets replication factor 1, or consumers never receive anything. The
 * ports are chosen once, so {@link #stop()} then {@link #start()} brings the same broker back on
 * the same address with the same logs (tests use it to take Kafka away for a while).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path logDir;
    private final boolean deleteOnClose;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, boolean deleteOnClose, int port) {
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port > 0 ? port : Files2.freePort();
        this.controllerPort = Files2.freePort();
    }

    /** A broker whose logs live in {@code baseDir/kafka} (formatted on first start only). */
    public static EmbeddedKafka persistent(Path baseDir, int port) {
        EmbeddedKafka kafka = new EmbeddedKafka(baseDir.resolve("kafka"), false, port);
        kafka.start();
        return kafka;
    }

    /** A broker on free ports whose logs go to a temporary directory deleted on close. */
    public static EmbeddedKafka throwaway() {
        try {
            EmbeddedKafka kafka = new EmbeddedKafka(Files.createTempDirectory("vnetlab-kafka-"), true, 0);
            kafka.start();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", String.valueOf(Topics.PARTITIONS));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    /** Formats the log directory if it is new, then starts the broker and waits until it answers. */
    public synchronized void start() {
        if (server != null) return;
        Properties props = config();
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) format(props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    private void format(Properties props) throws IOException {
        Path file = logDir.resolveSibling(logDir.getFileName() + ".properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "vnetlab embedded Kafka");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(file);
        if (rc != 0) throw new IllegalStateException("kafka-storage format failed: " + buf.toString(StandardCharsets.UTF_8));
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("Kafka did not start", e);
                }
            }
        }
    }

    /** Stops the broker; {@link #start()} brings it back with the same ports and logs. */
    public synchronized void stop() {
        if (server == null) return;
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Creates the topics (replication factor 1) unless they exist. */
    public void createTopics(Topics topics) {
        createTopics(List.of(topics.events(), topics.results()), Topics.PARTITIONS);
    }

    public void createTopics(List<String> names, int partitions) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String n : names) wanted.add(new NewTopic(n, partitions, (short) 1));
        try (Admin admin = admin()) {
            for (var f : admin.createTopics(wanted).values().values()) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) Files2.deleteTree(logDir);
    }
}
