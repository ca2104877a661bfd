package org.vnetlab.kernel.route;

import org.vnetlab.kernel.api.NeighborEvent;
import org.vnetlab.kernel.api.NeighborEvent.NeighborAdded;
import org.vnetlab.kernel.api.NeighborEvent.NeighborDeleted;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.MacAddress;

/** Applies neighbour events to the per-vnet lltables. */
public final class NeighborEvolve {
    private NeighborEvolve() {}

    public static void apply(Host host, NeighborEvent e) {
        if (e instanceof NeighborAdded a) {
                Vnet vnet = host.vnet(a.vnet());
                Ifnet ifp = vnet.ifunit(a.iface());
                Addr addr = RouteSyscalls.parseGateway(vnet, a.family(), a.address());
                NeighborTables.putEntry(vnet, new NeighborTables.Entry(a.family(), addr, MacAddress.of(a.mac()), ifp,
                        a.flags() | NeighborTables.LLE_VALID, NeighborTables.ND6_LLINFO_REACHABLE, a.expiresAt()));
        } else if (e instanceof NeighborDeleted d) {
                Vnet vnet = host.vnet(d.vnet());
                NeighborTables.remove(vnet, d.family(), RouteSyscalls.parseGateway(vnet, d.family(), d.address()));
        }
    }
}
