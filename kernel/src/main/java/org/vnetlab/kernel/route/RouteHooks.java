package org.vnetlab.kernel.route;

import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;

/**
 * What the interface layer tells routing and the neighbour tables (called from net's evolve).
 * STUB: route owner fills in.
 */
public final class RouteHooks {
    private RouteHooks() {}

    /** The interface leaves {@code vnet} (moved, destroyed): flush its routes and llentries (rt_flushifroutes). */
    public static void ifDetached(Host host, Vnet vnet, Ifnet ifp) {}

    /** An address was removed: routes that depended on it go, as do neighbour entries it covered. */
    public static void addrRemoved(Host host, Vnet vnet, Ifnet ifp, IfAddr addr) {}

    /** The interface went down. */
    public static void ifDown(Host host, Vnet vnet, Ifnet ifp) {}
}
