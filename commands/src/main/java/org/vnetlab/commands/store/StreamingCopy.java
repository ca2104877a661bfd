package org.vnetlab.commands.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A long script's events go into PostgreSQL while the script is still running. Axon appends a unit
 * of work's events when it prepares to commit, after the command handler is done; for a script of
 * thousands of lines that is a hundred milliseconds of COPY after a hundred of simulation, one
 * after the other. The event store ({@link StreamingEventStore}) shows this every event when the
 * aggregate publishes it; once a unit of work has published {@link #START_AT} events it opens a COPY on the
 * unit of work's own connection (its transaction) and a writer thread serializes and sends the
 * events, a chunk at a time, while the command goes on. At prepare-commit
 * {@link CopyingEventStorageEngine#appendEvents} hands over the last ones and ends the COPY.
 *
 * <p>Why it is safe: the rows are inside the command's transaction, invisible until it commits;
 * while the command handler runs nothing else uses that connection (the aggregate was loaded
 * before), and the handler's thread touches it again only after {@link Stream#finish} has waited
 * for the writer; a rollback first waits for the writer and cancels the COPY ({@link Stream#abort},
 * a rollback handler, which Axon runs before the transaction's own, registered earlier). The
 * appended list must be exactly the published one, in order, or the command fails rather than
 * store something else. A duplicate position fails the COPY and is Axon's ConcurrencyException as
 * before.
 */
final class StreamingCopy {
    /** Events a unit of work publishes before its COPY starts: below, a plain append is as fast. */
    static final int START_AT = 256;
    /** Events per hand-over to the writer. */
    static final int CHUNK = 256;

    private final String resource = StreamingCopy.class.getName() + "@" + System.identityHashCode(this);
    private final JdbcTransactions transactions;
    private final CopyingEventStorageEngine engine;
    private final Serializer serializer;
    private final Executor writers;
    private final java.util.concurrent.atomic.AtomicLong streamedEvents = new java.util.concurrent.atomic.AtomicLong();

    StreamingCopy(JdbcTransactions transactions, CopyingEventStorageEngine engine, Serializer serializer, Executor writers) {
        this.transactions = transactions;
        this.engine = engine;
        this.serializer = serializer;
        this.writers = writers;
    }

    /** Events the current unit of work publishes (Axon queues them for its root to append at prepare-commit). */
    void published(List<? extends EventMessage<?>> events) {
        if (!CurrentUnitOfWork.isStarted()) return;
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Stream s = root.getOrComputeResource(resource, k -> new Stream(root));
        for (EventMessage<?> m : events) s.offer(m);
    }

    /** Events appended through a stream since this started (for tests and diagnostics). */
    long streamedEvents() {
        return streamedEvents.get();
    }

    /** The current unit of work's stream if its COPY has started, else null. */
    Stream startedStream() {
        if (!CurrentUnitOfWork.isStarted()) return null;
        Stream s = CurrentUnitOfWork.get().root().getResource(resource);
        return s != null && s.tail != null ? s : null;
    }

    /** One unit of work's events and the COPY they are going to. Used by the command's thread; the writer owns {@link #rows}. */
    final class Stream {
        private final UnitOfWork<?> unitOfWork;
        private final List<EventMessage<?>> published = new ArrayList<>();
        /** published[0, handed) went to the writer. */
        private int handed;
        /** Not on a PostgreSQL transaction: appended the usual way. */
        private boolean off;
        /** The writer's last task: each runs after the one before, on a writer thread. */
        private CompletableFuture<Void> tail;
        private CopyIn copy;
        private BinaryCopyRows rows;

        Stream(UnitOfWork<?> unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        void offer(EventMessage<?> message) {
            published.add(message);
            if (off) return;
            if (tail == null) {
                if (published.size() < START_AT) return;
                if (!start()) {
                    off = true;
                    return;
                }
            }
            if (published.size() - handed >= CHUNK) handOver();
        }

        private boolean start() {
            Connection c = transactions.boundConnection();
            PGConnection postgres = c == null ? null : CopyingEventStorageEngine.postgres(c);
            if (postgres == null) return false;
            unitOfWork.onRollback(u -> abort());
            tail = CompletableFuture.runAsync(() -> {
                try {
                    copy = postgres.getCopyAPI().copyIn(engine.copyStatement());
                    rows = new BinaryCopyRows(copy, CopyingEventStorageEngine.CHUNK_BYTES);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }, writers);
            return true;
        }

        private void handOver() {
            List<EventMessage<?>> chunk = new ArrayList<>(published.subList(handed, published.size()));
            handed = published.size();
            tail = tail.thenRunAsync(() -> {
                try {
                    for (EventMessage<?> m : chunk) CopyingEventStorageEngine.writeRow(rows, m, serializer);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }, writers);
        }

        /** At prepare-commit: {@code events} must be what was published; sends the rest and ends the COPY. */
        void finish(List<? extends EventMessage<?>> events) throws SQLException {
            if (published.size() > handed) handOver();
            try {
                tail.join();
            } catch (CompletionException e) {
                abort();
                if (e.getCause() instanceof SQLException s) throw s;
                throw e;
            }
            if (!samePublished(events)) {
                abort();
                throw new IllegalStateException("the events to append (" + events.size() + ") are not the "
                        + published.size() + " the unit of work published; nothing is stored");
            }
            try {
                rows.end();
                streamedEvents.addAndGet(events.size());
            } finally {
                if (copy.isActive()) CopyingEventStorageEngine.cancelQuietly(copy);
            }
        }

        private boolean samePublished(List<? extends EventMessage<?>> events) {
            if (events.size() != published.size()) return false;
            for (int i = 0; i < events.size(); i++) if (events.get(i) != published.get(i)) return false;
            return true;
        }

        /** The writer is done (whatever it did) and the COPY cancelled: the connection is the transaction's again. */
        void abort() {
            if (tail == null) return;
            try {
                tail.join();
            } catch (CompletionException ignored) {
                // the failure is the COPY's; it is being rolled back
            }
            if (copy != null && copy.isActive()) CopyingEventStorageEngine.cancelQuietly(copy);
        }
    }
}
