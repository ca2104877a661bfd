package org.vnetlab.commands.lab;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.vnetlab.kernel.HostSnapshot;
import org.vnetlab.kernel.Kernel;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.sh.Shell;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.lab.LabCreated;
import org.vnetlab.platform.lab.LabDeleted;

/**
 * One lab: its simulated host is the consistency boundary (jids, clone units and interface names
 * are host-wide). The command handlers run FreeBSD's userland on the host through the kernel's
 * shell; every event the kernel accepts goes through {@code AggregateLifecycle.apply}, which
 * evolves the host at once (the shell's sink contract) and appends it to the lab's stream with its
 * line, actor, tenant and time. Lines the kernel rejects cause no event and still answer.
 *
 * <p>Snapshots: after a command that leaves the lab N events past its last snapshot, a snapshot
 * thread copies it as a {@link LabSnapshot} (the host as {@link HostSnapshot} bytes) once the
 * command has committed ({@link LabSnapshots}), and loading starts from the latest one; the cache
 * still keeps hot labs in memory. The copy is taken under {@link #hostLock}, which every command
 * holds from its start until its unit of work has committed or rolled back: a snapshot never sees
 * a command half done or one that did not commit, and the command's caller does not wait for it.
 */
public class LabAggregate {
    @AggregateIdentifier
    private String labId;
    private String tenant;
    private boolean deleted;
    /** The sequence number of the lab's last event: its position. */
    private long position = -1;
    private transient Host host;
    /** Events applied since the snapshot this aggregate was restored from (or since its first event). */
    private transient long sinceSnapshot;
    /** Held by a command from its start to its commit or rollback, and by the snapshot thread while it copies. */
    private final transient ReentrantLock hostLock = new ReentrantLock();
    /** Set when a command on this instance rolled back: its host holds events that were never stored. */
    private transient volatile boolean rolledBack;

    protected LabAggregate() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public LabAggregate(CreateLab c) {
        apply(new LabCreated(c.labId(), c.tenant(), c.name(), c.seed(), Lab.DEFAULT_HOSTNAME),
                EventMeta.of(c.tenant(), c.actor(), null, c.time()));
    }

    /** Takes {@link #hostLock} for the rest of the current unit of work. */
    private void lockForUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted() || hostLock.isHeldByCurrentThread()) return;
        hostLock.lock();
        UnitOfWork<?> uow = CurrentUnitOfWork.get();
        uow.onRollback(u -> rolledBack = true);
        uow.onCleanup(u -> hostLock.unlock());
    }

    @CommandHandler
    public ScriptResult handle(ExecScript c, LabSnapshots snapshots) {
        lockForUnitOfWork();
        if (deleted || (c.tenant() != null && !c.tenant().equals(tenant))) throw new LabGoneException(labId);
        // One metadata per line, shared by the line's events: the store serializes it once (StoreSerializer).
        List<Outcome> outcomes = Shell.run(host, c.script(), line -> {
            MetaData meta = EventMeta.of(tenant, c.actor(), line, c.time());
            return event -> apply(event, meta);
        });
        snapshots.consider(this, sinceSnapshot);
        return new ScriptResult(outcomes, position);
    }

    @CommandHandler
    public long handle(DeleteLab c) {
        lockForUnitOfWork();
        if (deleted) throw new LabGoneException(labId);
        apply(new LabDeleted(labId), EventMeta.of(tenant, c.actor(), null, c.time()));
        return position;
    }

    @EventSourcingHandler
    void on(LabCreated e) {
        labId = e.labId();
        tenant = e.tenant();
        host = Kernel.boot(e.seed(), e.hostname());
        position++;
        sinceSnapshot++;
    }

    @EventSourcingHandler
    void on(Event e) {
        Kernel.evolve(host, e);
        position++;
        sinceSnapshot++;
    }

    @EventSourcingHandler
    void on(LabDeleted e) {
        deleted = true;
        host = null; // a deleted lab takes no more commands; its history stays in the store
        position++;
        sinceSnapshot++;
    }

    /**
     * On the snapshot thread, after the command that made it due has committed: the lab as it is
     * once no command is running on it (null if a later command rolled back on this instance,
     * which Axon then drops from its cache).
     */
    LabSnapshot snapshotAfterCommit() {
        hostLock.lock();
        try {
            if (rolledBack || deleted) return null;
            LabSnapshot s = snapshot();
            sinceSnapshot = 0;
            return s;
        } finally {
            hostLock.unlock();
        }
    }

    String labId() {
        return labId;
    }

    /** What a snapshot stores (see StoreSerializer). */
    public LabSnapshot snapshot() {
        return new LabSnapshot(labId, tenant, deleted, position, HostSnapshot.take(host));
    }

    /** The aggregate a {@link #snapshot()} describes; the events after it are applied as usual. */
    public static LabAggregate restore(LabSnapshot s) {
        LabAggregate a = new LabAggregate();
        a.labId = s.labId();
        a.tenant = s.tenant();
        a.deleted = s.deleted();
        a.position = s.position();
        a.host = HostSnapshot.restore(s.host());
        return a;
    }

    /** For tests and diagnostics: the live host. */
    Host host() {
        return host;
    }
}
