package org.vnetlab.commands.lab;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and where a lab's snapshot goes. After a command that leaves a lab {@code every} or more
 * events past its last snapshot (or its first event), once the command has committed, the
 * executor copies the lab's host ({@link LabAggregate#snapshotAfterCommit()},
 * {@code HostSnapshot.take}: 25-45 ms for a 1,000-jail lab) while no command runs on it, and
 * stores the copy: the command's caller does not wait for either. Axon's own snapshotter would instead rebuild the lab from the event store on
 * its thread: for a lab without a snapshot that is a replay of every event, as much CPU again as
 * the commands that wrote them.
 */
public final class LabSnapshots {
    private static final Logger log = LoggerFactory.getLogger(LabSnapshots.class);
    public static final LabSnapshots NEVER = new LabSnapshots(Integer.MAX_VALUE, Runnable::run, s -> {});

    private final int every;
    private final Executor executor;
    private final Consumer<LabSnapshot> store;

    public LabSnapshots(int every, Executor executor, Consumer<LabSnapshot> store) {
        if (every < 1) throw new IllegalArgumentException("snapshot interval must be at least 1 event, got " + every);
        this.every = every;
        this.executor = executor;
        this.store = store;
    }

    public int every() {
        return every;
    }

    /** Called by the lab's command handlers after applying; schedules a snapshot if one is due. */
    void consider(LabAggregate lab, long eventsSinceSnapshot) {
        if (eventsSinceSnapshot < every || !CurrentUnitOfWork.isStarted()) return;
        CurrentUnitOfWork.get().afterCommit(u -> executor.execute(() -> {
            LabSnapshot s;
            try {
                s = lab.snapshotAfterCommit();
            } catch (RuntimeException e) {
                log.warn("lab {}: no snapshot taken: {}", lab.labId(), e.toString());
                return;
            }
            if (s == null) return; // a later command on that instance rolled back: the next one takes it
            try {
                store.accept(s);
            } catch (RuntimeException e) {
                log.warn("lab {}: storing its snapshot at {} failed (the lab loads from its events): {}",
                        s.labId(), s.position(), e.toString());
            }
        }));
    }
}
