package org.vnetlab.platform;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;

/**
 * A Kafka consumer that survives failures, as every service runs one: a daemon thread opens a
 * consumer (a "session"), polls and hands each batch over until it is closed. A failure ends the
 * session, which is retried after a pause with a fresh consumer, so the service never dies of a
 * broker outage or a bad batch; {@link #close} wakes the poll and waits for the thread.
 */
public final class ConsumerLoop implements AutoCloseable {

    /** What one service does with its consumer. */
    public interface Session {
        /** Once, on the loop's own thread, before the first session. */
        default void threadStarted() {}

        /** Before each session: state tied to the previous consumer's assignment goes. */
        default void reset() {}

        /** A new consumer, subscribed or assigned and positioned. */
        KafkaConsumer<String, String> open();

        void handle(KafkaConsumer<String, String> consumer, ConsumerRecords<String, String> records) throws Exception;

        /** The session ends (closed or failed) while its consumer is still open: last commits. */
        default void ending(KafkaConsumer<String, String> consumer) {}

        /** After the consumer is closed. */
        default void ended() {}
    }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final Session session;
    private final Duration poll;
    private final Logger log;
    private final String what;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;

    /** {@code what} names the work in the log line of a failed session ("projections batch"). */
    public ConsumerLoop(String threadName, Duration poll, Logger log, String what, Session session) {
        this.session = session;
        this.poll = poll;
        this.log = log;
        this.what = what;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public ConsumerLoop start() {
        thread.start();
        return this;
    }

    public boolean running() {
        return running;
    }

    public boolean alive() {
        return thread.isAlive();
    }

    private void run() {
        session.threadStarted();
        while (running) {
            session.reset();
            try (KafkaConsumer<String, String> c = session.open()) {
                consumer = c;
                try {
                    while (running) {
                        ConsumerRecords<String, String> records = c.poll(poll);
                        if (!records.isEmpty()) session.handle(c, records);
                    }
                } finally {
                    session.ending(c);
                }
            } catch (WakeupException e) {
                // close() woke the poll
            } catch (Exception e) {
                if (!running) break;
                log.warn("{} failed; a new session starts: {}", what, e.toString());
                pause();
            } finally {
                consumer = null;
                session.ended();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops: wakes the poll and waits up to {@code join} for the thread. */
    public void close(Duration join) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) c.wakeup();
        try {
            thread.join(join.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
