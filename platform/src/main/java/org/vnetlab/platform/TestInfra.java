package org.vnetlab.platform;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL and one Kafka broker per test JVM, started on first use and stopped
 * by a shutdown hook; each test class asks for its own database and topics, so classes never see
 * each other's rows or records. Lives in main (it has no JUnit dependency) so every module's
 * tests can use it.
 */
public final class TestInfra {
    private static volatile TestInfra instance;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;

    private TestInfra() {
        postgres = EmbeddedPostgres.throwaway();
        kafka = EmbeddedKafka.throwaway();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }, "test-infra-shutdown"));
    }

    public static TestInfra get() {
        if (instance == null) {
            synchronized (TestInfra.class) {
                if (instance == null) instance = new TestInfra();
            }
        }
        return instance;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** A new, migrated database of its own (close it when the class is done). */
    public Database freshDatabase() {
        return postgres.database("test_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid(), 8);
    }

    /** A new pair of topics of its own, created on the shared broker. */
    public Topics freshTopics() {
        Topics topics = Topics.withPrefix("t" + COUNTER.incrementAndGet() + ".");
        kafka.createTopics(topics);
        return topics;
    }
}
