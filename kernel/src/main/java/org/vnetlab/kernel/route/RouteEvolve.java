package org.vnetlab.kernel.route;

import org.vnetlab.kernel.api.RouteEvent;
import org.vnetlab.kernel.state.Host;

/** STUB: route owner fills in. */
public final class RouteEvolve {
    private RouteEvolve() {}

    public static void apply(Host host, RouteEvent e) {}
}
