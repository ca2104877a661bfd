package org.vnetlab.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.commands.lab.CreateLab;
import org.vnetlab.commands.lab.ExecScript;
import org.vnetlab.commands.lab.ScriptResult;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.kernel.Lab;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.TestInfra;

/**
 * A long script's events start their COPY while the script runs (StreamingCopy). What must hold
 * as with a plain append: a taken position fails the whole command and stores nothing, a rollback
 * leaves nothing and a usable connection, and the lab goes on from what is stored.
 */
class StreamingCopyTest {
    static final long TIME = 1_700_000_000_123L;
    static Database db;
    /** Two commands processes on one database, each with its own cache of the lab. */
    static WriteSide first;
    static WriteSide second;

    @BeforeAll
    static void start() {
        db = TestInfra.get().freshDatabase();
        new Tenants(db.dataSource()).ensureTenant("acme", "Acme");
        first = new WriteSide(db.dataSource(), 2, 100, 1_000_000);
        second = new WriteSide(db.dataSource(), 2, 100, 1_000_000);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        db.close();
    }

    static ScriptResult exec(WriteSide side, String lab, String script) {
        return side.commandGateway().sendAndWait(new ExecScript(lab, script, "alice", TIME, "acme"));
    }

    static long stored(String lab) {
        try (var c = db.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")) {
            ps.setString(1, lab);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes {@code events} one by one in a unit of work with its transaction, as a command's aggregate does. */
    static void publishInUnitOfWork(java.util.List<? extends org.axonframework.eventhandling.EventMessage<?>> events) {
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        uow.attachTransaction(first.transactions());
        uow.execute(() -> {
            for (var e : events) first.eventStore().publish(e);
        });
    }

    @Test
    void givenTakenPositions_whenAStreamedAppendHitsThem_thenConcurrencyExceptionAndNothingOfItStored() {
        String aggregate = "stream-conflict-" + UUID.randomUUID();
        publishInUnitOfWork(CopyingEventStorageEngineTest.events(aggregate, 0, 10));
        long streamedBefore = first.storageEngine().streamedEvents();

        // taken from the first row on: the server fails the COPY while the command still publishes
        assertThatThrownBy(() -> publishInUnitOfWork(CopyingEventStorageEngineTest.events(aggregate, 5, 1000)))
                .isInstanceOf(ConcurrencyException.class);
        // taken by the very last event only
        var lastRepeats = new java.util.ArrayList<>(CopyingEventStorageEngineTest.events(aggregate, 10, 999));
        lastRepeats.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Test", aggregate, 50, "again"));
        assertThatThrownBy(() -> publishInUnitOfWork(lastRepeats)).isInstanceOf(ConcurrencyException.class);

        assertThat(stored(aggregate)).isEqualTo(10);
        assertThat(first.storageEngine().streamedEvents()).isEqualTo(streamedBefore);
        publishInUnitOfWork(CopyingEventStorageEngineTest.events(aggregate, 10, 1000));
        assertThat(stored(aggregate)).isEqualTo(1010);
        assertThat(first.storageEngine().streamedEvents() - streamedBefore).isEqualTo(1000);
    }

    @Test
    void givenALabOfTwoProcesses_whenOneRunsALongScript_thenTheOtherGoesOnFromTheStore() {
        String lab = UUID.randomUUID().toString();
        first.commandGateway().sendAndWait(new CreateLab(lab, "acme", "two", 5L, "alice", TIME));
        exec(second, lab, "jls"); // cached by the second process too (LabCache holds it)
        String a = CopyingEventStorageEngineTest.routedScript(40);
        long streamedBefore = first.storageEngine().streamedEvents();

        ScriptResult won = exec(first, lab, a);

        assertThat(stored(lab)).isEqualTo(won.position() + 1);
        assertThat(first.storageEngine().streamedEvents() - streamedBefore).isEqualTo(won.position());
        // the other process had the lab cached at position 0: LabCache sees the store is further and
        // loads the lab again, so even a line that emits nothing (jls) answers from the stored lab
        ScriptResult next = exec(second, lab, "jexec r2 ifconfig lo0 mtu 9000\njls -n name");
        assertThat(next.position()).isEqualTo(won.position() + 1);
        Lab kernel = new Lab(5L);
        kernel.run(a);
        kernel.run("jexec r2 ifconfig lo0 mtu 9000");
        assertThat(next.outcomes().get(1).stdout()).isEqualTo(kernel.exec("jls -n name").stdout());
    }

    @Test
    void givenUnitOfWorkThatFailsWhileStreaming_whenRolledBack_thenNothingIsStoredAndTheConnectionsServeOn() {
        String aggregate = "stream-rollback-" + UUID.randomUUID();
        long streamedBefore = first.storageEngine().streamedEvents();

        // a unit of work like a command's: its transaction, 1,000 events published one by one (the
        // stream starts at the 256th), then a failure before it commits
        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        failing.attachTransaction(first.transactions());
        assertThatThrownBy(() -> failing.execute(() -> {
            for (var e : CopyingEventStorageEngineTest.events(aggregate, 0, 1000)) first.eventStore().publish(e);
            throw new IllegalStateException("later in the command");
        })).hasMessageContaining("later in the command");

        assertThat(stored(aggregate)).isZero();
        assertThat(first.storageEngine().streamedEvents()).isEqualTo(streamedBefore);
        // every pooled connection serves on, and the same events then go through
        for (int i = 0; i < 8; i++) {
            String lab = UUID.randomUUID().toString();
            first.commandGateway().sendAndWait(new CreateLab(lab, "acme", "after-" + i, 6L, "alice", TIME));
            exec(first, lab, "jail -c persist name=a" + i);
        }
        publishInUnitOfWork(CopyingEventStorageEngineTest.events(aggregate, 0, 1000));
        assertThat(stored(aggregate)).isEqualTo(1000);
        assertThat(first.storageEngine().streamedEvents() - streamedBefore).isEqualTo(1000);
    }
}
