package org.vnetlab.stackworker;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.dataplane.Captures;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.platform.DataplaneResult;
import org.vnetlab.platform.EventEnvelope;
import org.vnetlab.platform.lab.LabCreated;
import org.vnetlab.platform.lab.LabDeleted;
import org.vnetlab.platform.lab.LabEvent;
import org.vnetlab.platform.lab.LabHosts;

/**
 * One lab hosted by this worker: its kernel host after the event at {@code position}, evolved with
 * the same {@link org.vnetlab.kernel.Kernel#evolve} the aggregate runs, so a data-plane event applied here prints
 * exactly what it printed in the aggregate. Owned by the worker's consumer thread.
 */
final class HostedLab {
    /** Captures larger than this are left out of a result (Kafka's default record limit is 1 MiB). */
    static final int MAX_CAPTURE_BYTES = 256 * 1024;

    final String labId;
    /** The partition of vnetlab.events the lab's records arrive on: revoking it drops the lab. */
    final int partition;
    String tenant;
    /** The sequence of the last applied event; -1 before LabCreated. */
    long position = -1;
    boolean deleted;
    Host host;

    HostedLab(String labId, int partition) {
        this.labId = labId;
        this.partition = partition;
    }

    /** Applies the event at {@code sequence}, which must be {@code position + 1}. */
    void apply(long sequence, Event event, LabEvent labEvent) {
        position = sequence;
        if (labEvent instanceof LabCreated c) tenant = c.tenant();
        if (labEvent instanceof LabDeleted) deleted = true;
        host = LabHosts.apply(host, labId, sequence, event, labEvent);
    }

    /** Starts from a snapshot: the lab as it was after the event at {@code position}. */
    void restore(long position, String tenant, boolean deleted, Host host) {
        this.position = position;
        this.tenant = tenant;
        this.deleted = deleted;
        this.host = host;
    }

    /** What the data-plane event just applied from {@code env} printed and returned. */
    DataplaneResult result(EventEnvelope env) {
        return new DataplaneResult(labId, env.tenant() != null ? env.tenant() : tenant, env.sequence(), env.line(),
                host.resultOut, host.resultErr, host.resultStatus, env.timestamp(), captures());
    }

    static boolean isDataplane(EventEnvelope env) {
        return DataplaneResult.answersLine(env.event());
    }

    private Map<String, String> captures() {
        if (host.captures.isEmpty()) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, byte[]> f : Captures.files(host).entrySet()) {
            total += f.getValue().length;
            if (total > MAX_CAPTURE_BYTES) break;
            out.put(f.getKey(), Base64.getEncoder().encodeToString(f.getValue()));
        }
        return out;
    }
}
