package org.vnetlab.projections;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.kernel.api.DataplaneEvent;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.platform.lab.LabCreated;
import org.vnetlab.platform.lab.LabDeleted;
import org.vnetlab.platform.lab.LabEvent;
import org.vnetlab.platform.lab.LabEventCodec;
import org.vnetlab.platform.lab.LabHosts;

/**
 * One lab as the read side sees it: its kernel host after the event at {@code position}, built
 * with the same {@link org.vnetlab.kernel.Kernel#evolve} the aggregate runs, so its tools print what the aggregate's
 * would. Not thread-safe: callers hold the object's monitor.
 */
final class ProjectedLab {
    private static final Logger log = LoggerFactory.getLogger(ProjectedLab.class);

    final String labId;
    String tenant;
    String name;
    long seed;
    String hostname;
    /** The sequence of the last applied event; -1 before LabCreated. */
    long position = -1;
    boolean deleted;
    Host host;
    /**
     * Whether the lab's rows (jails, interfaces, addresses, routes, sysctls) may differ from the
     * host: set by every event except a data-plane one that no timer turned into a configuration
     * change (a ping changes neighbour tables and counters, which have no rows). True for a lab
     * just loaded. A 1,000-jail lab's rows are tens of thousands: its pings must not rewrite them.
     */
    boolean rowsStale = true;
    /**
     * The position of the last event that could change the rows: what their {@code position}
     * column says, the same however the events were batched (live or rebuilt from scratch).
     */
    long rowsAt = -1;

    ProjectedLab(String labId) {
        this.labId = labId;
    }

    /**
     * Applies the event at {@code sequence}; false when it is already applied (the relay publishes
     * at least once, so a batch may come twice). A gap is logged and applied anyway: the log is
     * ordered per lab, so a gap means an event was lost upstream and no reordering can fix it.
     */
    boolean apply(long sequence, Event event, LabEvent labEvent) {
        if (sequence <= position) return false;
        if (sequence != position + 1) log.error("lab {}: event {} follows {}; events are missing upstream", labId, sequence, position);
        position = sequence;
        long timerChanges = host == null ? 0 : host.timerConfigChanges;
        if (labEvent instanceof LabCreated c) {
            tenant = c.tenant();
            name = c.name();
            seed = c.seed();
            hostname = c.hostname();
        }
        if (labEvent instanceof LabDeleted) deleted = true; // its rows go (LabRows), its history stays
        host = LabHosts.apply(host, labId, sequence, event, labEvent);
        if (!(event instanceof DataplaneEvent) || host == null || host.timerConfigChanges != timerChanges) {
            rowsStale = true;
            rowsAt = sequence;
        }
        return true;
    }

    /** Applies a history row's event (its JSON as stored in {@code history.event}). */
    void applyStored(long sequence, String eventJson) {
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(eventJson);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable history row " + labId + "/" + sequence, e);
        }
        if (LabEventCodec.isLabEventType(node.path("type").asText())) apply(sequence, null, LabEventCodec.fromTree(node));
        else apply(sequence, EventCodec.fromTree(node), null);
    }
}
