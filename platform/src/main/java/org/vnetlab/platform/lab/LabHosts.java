package org.vnetlab.platform.lab;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.kernel.Kernel;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.state.Host;

/**
 * A lab's kernel host as its event stream builds it outside the write side, the one rule the
 * stack-workers and the projections share: {@code LabCreated} boots the host, kernel events evolve
 * it, {@code LabDeleted} lets it go (nothing follows it; the history stays in the store).
 */
public final class LabHosts {
    private static final Logger log = LoggerFactory.getLogger(LabHosts.class);

    private LabHosts() {}

    /**
     * The host after the event at {@code sequence} ({@code labEvent} for a lab event, else
     * {@code event}): a new one for LabCreated, null for LabDeleted, else {@code host} evolved.
     * A kernel event before LabCreated, or one evolve throws on, is logged and skipped: the
     * aggregate ran the same evolve, and a kernel bug must not wedge a consumer on one record.
     */
    public static Host apply(Host host, String labId, long sequence, Event event, LabEvent labEvent) {
        if (labEvent instanceof LabCreated c) return Kernel.boot(c.seed(), c.hostname());
        if (labEvent instanceof LabDeleted) return null;
        if (host == null) {
            log.error("lab {}: event {} ({}) before LabCreated; ignored", labId, sequence, event.type());
            return null;
        }
        try {
            Kernel.evolve(host, event);
        } catch (RuntimeException e) {
            log.error("lab {}: evolve failed on event {} ({})", labId, sequence, event.type(), e);
        }
        return host;
    }
}
