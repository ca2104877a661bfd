package org.vnetlab.stackworker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.vnetlab.platform.DataplaneResult;

/**
 * Where a batch of results goes: {@code vnetlab.results} (idempotent producer, key = lab id, so a
 * lab's results stay ordered) and {@code dataplane_results} (one transaction per batch). A result
 * published twice (a batch redone after a crash or a rebalance) is the same value: the row
 * conflicts and is skipped, the second record completes nothing that was not completed.
 */
final class ResultPublisher implements AutoCloseable {
    private final DataSource dataSource;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    ResultPublisher(DataSource dataSource, String bootstrapServers, String topic) {
        this.dataSource = dataSource;
        this.topic = topic;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(p);
    }

    /** Sends, records and waits for Kafka's acknowledgements; throws if either side failed. */
    void publish(List<DataplaneResult> results) throws SQLException {
        if (results.isEmpty()) return;
        List<Future<RecordMetadata>> acks = new ArrayList<>(results.size());
        for (DataplaneResult r : results) acks.add(producer.send(new ProducerRecord<>(topic, r.labId(), r.toJson())));
        record(results);
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing results", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge the results", e.getCause());
        }
    }

    private void record(List<DataplaneResult> results) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO dataplane_results (tenant, lab, position, line, stdout, stderr, exit, time)"
                             + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lab, position) DO NOTHING")) {
            c.setAutoCommit(false);
            for (DataplaneResult r : results) {
                ps.setString(1, r.tenant());
                ps.setString(2, r.labId());
                ps.setLong(3, r.sequence());
                ps.setString(4, r.line());
                ps.setString(5, r.stdout());
                ps.setString(6, r.stderr());
                ps.setInt(7, r.exit());
                ps.setTimestamp(8, new Timestamp(r.time()));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
