package org.vnetlab.commands.lab;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
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
 * <p>Snapshots: after a command that leaves the lab N events past its last snapshot, it copies
 * itself as a {@link LabSnapshot} (the host as {@link HostSnapshot} bytes) once the command has
 * committed ({@link LabSnapshots}), and loading starts from the latest one; the cache still keeps
 * hot labs in memory.
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

    protected LabAggregate() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public LabAggregate(CreateLab c) {
        apply(new LabCreated(c.labId(), c.tenant(), c.name(), c.seed(), Lab.DEFAULT_HOSTNAME),
                EventMeta.of(c.tenant(), c.actor(), null, c.time()));
    }

    @CommandHandler
    public ScriptResult handle(ExecScript c, LabSnapshots snapshots) {
        if (deleted || (c.tenant() != null && !c.tenant().equals(tenant))) throw new LabGoneException(labId);
        List<Outcome> outcomes = Shell.run(host, c.script(),
                line -> event -> apply(event, EventMeta.of(tenant, c.actor(), line, c.time())));
        snapshots.consider(this, sinceSnapshot);
        return new ScriptResult(outcomes, position);
    }

    @CommandHandler
    public long handle(DeleteLab c) {
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
        position++;
        sinceSnapshot++;
    }

    /** Taken once the command that made it due has committed, while the command still holds the lab. */
    LabSnapshot snapshotAfterCommit() {
        LabSnapshot s = snapshot();
        sinceSnapshot = 0;
        return s;
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
