package org.vnetlab.commands.store;

import static org.axonframework.common.DateTimeUtils.formatInstant;
import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;
import static org.axonframework.common.jdbc.JdbcUtils.executeBatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Axon's JDBC event store, except that a large append (a long script is one unit of work with
 * thousands of events) goes into the events table with PostgreSQL's {@code COPY ... FROM STDIN}
 * instead of a batch of INSERTs: for a 7,000-line script's 11,000 events, about 110-140 ms instead of
 * 195-220 ms. The rows are the INSERT path's to the byte: the same columns
 * ({@link EventSchema#domainEventFields()}), the same serialized payload and metadata, the timestamp
 * as the same text ({@code DateTimeUtils.formatInstant}, what {@code writeTimestamp} writes), in
 * binary COPY format ({@link BinaryCopyRows}: nothing to escape). The COPY runs on the
 * transaction's connection, so the rows commit or roll back with the rest of the unit of work; a
 * duplicate (aggregate, sequence) fails the whole COPY and is handled like the INSERT's
 * ({@code handlePersistenceException}: a {@code ConcurrencyException}).
 *
 * <p>Small appends (one line typed at a prompt) stay INSERTs: COPY costs a round trip more. So do
 * connections that are not PostgreSQL's.
 */
public final class CopyingEventStorageEngine extends JdbcEventStorageEngine {
    /**
     * From this many events on, an append is copied. Measured with a script's real events (append and
     * commit, p50): 16 events INSERT 0.8 ms / COPY 1.1 ms, 32 about even, 64 INSERT 1.4 ms / COPY
     * 1.1 ms, 11,000 INSERT 195-220 ms / COPY 110-140 ms.
     */
    public static final int COPY_FROM_EVENTS = 64;
    /** Bytes per COPY data message: streaming 11,000 events in 64 KiB chunks beat one buffer by 15-25 ms. */
    static final int CHUNK_BYTES = 64 * 1024;

    private final TransactionManager transactionManager;
    private final String copyStatement;
    private final AtomicLong copiedEvents = new AtomicLong();

    /**
     * The engine {@code builder} describes; payload and metadata are stored as bytes (bytea), the
     * only representation COPY writes here. Axon's builder keeps its transaction manager to itself,
     * so it is given here and set on the builder too: both paths use the same one.
     */
    public CopyingEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager) {
        super(builder.transactionManager(transactionManager).dataType(byte[].class));
        this.transactionManager = transactionManager;
        EventSchema schema = schema();
        this.copyStatement = "COPY " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") FROM STDIN (FORMAT binary)";
    }

    /** Streams of long units of work, started while their command runs (null: none). */
    private volatile StreamingCopy streaming;

    /** Appends of units of work whose events {@code streaming} has been copying since they were published. */
    void streamWith(StreamingCopy streaming) {
        this.streaming = streaming;
    }

    String copyStatement() {
        return copyStatement;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        StreamingCopy.Stream stream = streaming != null ? streaming.startedStream() : null;
        if (stream != null) {
            // most rows are on their way already: the rest, the end of the COPY, the errors
            transactionManager.executeInTransaction(() -> {
                try {
                    stream.finish(events);
                    copiedEvents.addAndGet(events.size());
                } catch (SQLException e) {
                    handlePersistenceException(e, events.get(0));
                }
            });
            return;
        }
        if (events.size() < COPY_FROM_EVENTS) {
            super.appendEvents(events, serializer);
            return;
        }
        transactionManager.executeInTransaction(() -> {
            Connection connection = getConnection();
            PGConnection postgres = postgres(connection);
            if (postgres == null) {
                // the parent's appendEvents on this connection
                executeBatch(connection, c -> appendEvents(c, events, serializer), e -> handlePersistenceException(e, events.get(0)));
                return;
            }
            try {
                copy(postgres, events, serializer);
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            } finally {
                closeQuietly(connection);
            }
        });
    }

    /** Of {@link #copiedEvents}, those a stream sent while their command still ran (StreamingCopy). */
    public long streamedEvents() {
        StreamingCopy s = streaming;
        return s == null ? 0 : s.streamedEvents();
    }

    /** Events appended with COPY since this engine started (for tests and diagnostics). */
    public long copiedEvents() {
        return copiedEvents.get();
    }

    private void copy(PGConnection postgres, List<? extends EventMessage<?>> events, Serializer serializer) throws SQLException {
        CopyIn copy = postgres.getCopyAPI().copyIn(copyStatement);
        try {
            BinaryCopyRows rows = new BinaryCopyRows(copy, CHUNK_BYTES);
            for (EventMessage<?> message : events) writeRow(rows, message, serializer);
            rows.end();
            copiedEvents.addAndGet(events.size());
        } finally {
            // a failure half way: the server drops what it took and the transaction is marked failed
            if (copy.isActive()) cancelQuietly(copy);
        }
    }

    /** One event as a row, in the column order of domainEventFields() (as JdbcEventStorageEngineStatements.appendEvents binds them). */
    static void writeRow(BinaryCopyRows rows, EventMessage<?> message, Serializer serializer) throws SQLException {
        DomainEventMessage<?> event = asDomainEventMessage(message);
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        rows.row(9);
        rows.text(event.getIdentifier());
        rows.text(event.getAggregateIdentifier());
        rows.bigint(event.getSequenceNumber());
        rows.text(event.getType());
        rows.text(formatInstant(event.getTimestamp()));
        rows.text(payload.getType().getName());
        rows.text(payload.getType().getRevision());
        rows.bytes(payload.getData());
        rows.bytes(metaData.getData());
    }

    /** As JdbcEventStorageEngineStatements.asDomainEventMessage: an event without an aggregate is its own. */
    private static <T> DomainEventMessage<T> asDomainEventMessage(EventMessage<T> event) {
        return event instanceof DomainEventMessage<T> domain
                ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    /** The PostgreSQL connection under {@code connection} (pool and transaction proxies unwrap), or null. */
    static PGConnection postgres(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    static void cancelQuietly(CopyIn copy) {
        try {
            copy.cancelCopy();
        } catch (SQLException ignored) {
            // the server has already failed the COPY; the rollback follows
        }
    }
}
