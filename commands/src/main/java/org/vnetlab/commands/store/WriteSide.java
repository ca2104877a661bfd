package org.vnetlab.commands.store;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.vnetlab.commands.lab.LabAggregate;
import org.vnetlab.commands.lab.LabCatalog;
import org.vnetlab.commands.lab.LabSnapshot;
import org.vnetlab.commands.lab.LabSnapshots;

/**
 * The Axon write side on one PostgreSQL database: the JDBC event store (Flyway made its tables),
 * the lab aggregate with a cache, the catalog in the same transaction, and a command bus whose
 * bounded pool lets a caller stop waiting (504) and refuses work when full (503).
 *
 * <p>Snapshots: after a command that leaves a lab {@code snapshotEvery} or more events past its
 * last snapshot, the aggregate copies its host once the command has committed and a snapshot
 * thread stores the {@code LabSnapshot} (see StoreSerializer, {@link LabSnapshots}); loading a lab
 * reads its latest readable snapshot and the events after it.
 *
 * <p>A script's events are appended with COPY ({@link CopyingEventStorageEngine}), and a long
 * one's start on their way while it still runs ({@link StreamingCopy}); a duplicate sequence number
 * is Axon's {@code ConcurrencyException}.
 */
public final class WriteSide implements AutoCloseable {
    /** Events between two snapshots of a lab, by default. */
    public static final int DEFAULT_SNAPSHOT_EVERY = 250;
    /** Labs the write side keeps in memory by default (LabCache); the others load from their snapshots when used. */
    public static final int DEFAULT_LAB_CACHE = 1_000;
    /** PostgreSQL's SQLState for a duplicate key: a lab's sequence number taken by another writer. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Configuration axon;
    private final JdbcTransactions transactions;
    private final StoreSerializer serializer;
    private final CopyingEventStorageEngine storageEngine;
    private final ThreadPoolExecutor commandThreads;
    private final DataSource dataSource;
    /** The threads that send long scripts' events while the scripts still run (StreamingCopy). */
    private final ExecutorService copyWriters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "event-copy");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ScheduledExecutorService retryThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-command-retry");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService snapshotThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lab-snapshotter");
        t.setDaemon(true);
        return t;
    });

    public WriteSide(DataSource dataSource, int commandThreads, int queueCapacity) {
        this(dataSource, commandThreads, queueCapacity, DEFAULT_SNAPSHOT_EVERY);
    }

    public WriteSide(DataSource dataSource, int commandThreads, int queueCapacity, int snapshotEvery) {
        this(dataSource, commandThreads, queueCapacity, snapshotEvery, DEFAULT_LAB_CACHE);
    }

    /** {@code labCache}: labs kept in memory ({@link LabCache}). */
    public WriteSide(DataSource dataSource, int commandThreads, int queueCapacity, int snapshotEvery, int labCache) {
        this.dataSource = dataSource;
        this.transactions = new JdbcTransactions(dataSource);
        this.serializer = new StoreSerializer();
        AtomicInteger n = new AtomicInteger();
        this.commandThreads = new ThreadPoolExecutor(commandThreads, commandThreads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "lab-command-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.storageEngine = new CopyingEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .snapshotFilter(StoreSerializer::readableSnapshot)
                // pgjdbc reports a unique violation by its SQLState only (23505), never as the
                // SQLIntegrityConstraintViolationException that Axon's default resolver looks for
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .batchSize(500), transactions);
        StreamingCopy streaming = new StreamingCopy(transactions, storageEngine, serializer, copyWriters);
        storageEngine.streamWith(streaming);
        LabCatalog catalog = new LabCatalog(transactions);
        this.axon = DefaultConfigurer.defaultConfiguration()
                .configureTransactionManager(c -> transactions)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventStore(c -> {
                    StreamingEventStore store = new StreamingEventStore(EmbeddedEventStore.builder()
                            .storageEngine(storageEngine)
                            .messageMonitor(c.messageMonitor(EmbeddedEventStore.class, "eventStore")), streaming);
                    c.onShutdown(store::shutDown);
                    return store;
                })
                .registerComponent(LabSnapshots.class, c -> new LabSnapshots(snapshotEvery, snapshotThread,
                        s -> storeSnapshot(c.eventStore(), s)))
                // A lab cached here may be stale when another commands process wrote to it: its
                // command then fails with ConcurrencyException (nothing stored), Axon drops the
                // cached copy, and the retry loads the lab from the store. Only that failure is retried.
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus())
                        .retryScheduler(IntervalRetryScheduler.builder()
                                .retryExecutor(retryThread)
                                .retryInterval(1)
                                .maxRetryCount(3)
                                .nonTransientFailurePredicate(t -> !staleLab(t))
                                .build())
                        .build())
                .configureCommandBus(c -> AsynchronousCommandBus.builder()
                        .executor(this.commandThreads)
                        .transactionManager(c.getComponent(TransactionManager.class))
                        .build())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(LabAggregate.class)
                        .configureCache(c -> new LabCache(labCache, id -> storageEngine.lastSequenceNumberFor(id.toString()))))
                .registerComponent(TokenStore.class, c -> tokenStore())
                .buildConfiguration();
        // The catalog's rows are part of the command: it is called while the unit of work prepares
        // its commit, and a failing insert fails the command. (An Axon event processor's default,
        // log and go on, would let PostgreSQL turn the commit into a silent rollback while the
        // caller is told the lab exists.)
        axon.eventStore().subscribe(catalog);
        axon.start();
    }

    private static boolean staleLab(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof ConcurrencyException) return true;
        return false;
    }

    /** Stores a snapshot the aggregate took of itself (see {@link LabSnapshots}); Axon drops the older ones. */
    private void storeSnapshot(EventStore eventStore, LabSnapshot s) {
        transactions.executeInTransaction(() -> eventStore.storeSnapshot(
                new GenericDomainEventMessage<>(LabAggregate.class.getSimpleName(), s.labId(), s.position(), s)));
    }

    /** A token store on the same database (table {@code tokenentry}). */
    public TokenStore tokenStore() {
        return JdbcTokenStore.builder()
                .connectionProvider(transactions)
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                .build();
    }

    public CommandGateway commandGateway() {
        return axon.commandGateway();
    }

    public EventStore eventStore() {
        return axon.eventStore();
    }

    public CopyingEventStorageEngine storageEngine() {
        return storageEngine;
    }

    public JdbcTransactions transactions() {
        return transactions;
    }

    public StoreSerializer serializer() {
        return serializer;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        axon.shutdown();
        commandThreads.shutdown();
        copyWriters.shutdown();
        retryThread.shutdown();
        snapshotThread.shutdown(); // a snapshot being written finishes before the database may go
        try {
            snapshotThread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
