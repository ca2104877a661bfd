package org.vnetlab.platform;

import java.nio.file.Path;

/**
 * Everything a one-JVM deployment needs below the services: an embedded PostgreSQL with the
 * migrated {@code vnetlab} database and an in-process Kafka broker with the topics. What
 * {@code vnetlab dev --data-dir DIR} starts before the commands, projections and stack-worker.
 */
public final class Platform implements AutoCloseable {
    public static final String DATABASE = "vnetlab";

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;
    private final Database database;
    private final Topics topics;

    private Platform(EmbeddedPostgres postgres, EmbeddedKafka kafka, Database database, Topics topics) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.database = database;
        this.topics = topics;
    }

    /**
     * Starts (or restarts, keeping the data) PostgreSQL in {@code dataDir/postgres} and Kafka in
     * {@code dataDir/kafka}. Ports 0 mean "any free port".
     */
    public static Platform start(Path dataDir, int postgresPort, int kafkaPort) {
        EmbeddedPostgres pg = EmbeddedPostgres.persistent(dataDir, postgresPort);
        EmbeddedKafka kafka = null;
        try {
            kafka = EmbeddedKafka.persistent(dataDir, kafkaPort);
            kafka.createTopics(Topics.DEFAULT);
            Database db = pg.database(DATABASE, 16);
            return new Platform(pg, kafka, db, Topics.DEFAULT);
        } catch (RuntimeException e) {
            if (kafka != null) kafka.close();
            pg.close();
            throw e;
        }
    }

    public static Platform start(Path dataDir) {
        return start(dataDir, 0, 0);
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public Database database() {
        return database;
    }

    public Topics topics() {
        return topics;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
    }
}
