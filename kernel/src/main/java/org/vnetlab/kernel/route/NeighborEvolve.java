package org.vnetlab.kernel.route;

import org.vnetlab.kernel.api.NeighborEvent;
import org.vnetlab.kernel.state.Host;

/** STUB: route owner fills in. */
public final class NeighborEvolve {
    private NeighborEvolve() {}

    public static void apply(Host host, NeighborEvent e) {}
}
