package org.vnetlab.kernel.route;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;

/**
 * What the interface layer tells routing and the neighbour tables (called from net's evolve,
 * after the interface state has changed). Connected and local routes follow the addresses by
 * themselves; these hooks remove what referred to the interface or address and drop the
 * compiled lookup tables. Every change of addresses or IFF_UP must reach one of them.
 */
public final class RouteHooks {
    private RouteHooks() {}

    /** The interface leaves {@code vnet} (moved, destroyed): flush its routes and llentries (if.c if_detach_internal, rt_flushifroutes). */
    public static void ifDetached(Host host, Vnet vnet, Ifnet ifp) {
        RouteTables.Table t = RouteTables.INSTANCE.peek(vnet);
        if (t != null) {
            removeNexthops(t.inet, ifp, null);
            removeNexthops(t.inet6, ifp, null);
            RouteTables.invalidate(vnet);
            RouteEvolve.releaseIfIdle(vnet, t);
        }
        NeighborTables.flush(vnet, ifp, false);
    }

    /**
     * An address was removed: static routes whose gateway was on-link only through it go, as do
     * the neighbour entries it covered (in.c in_scrubprefix, nd6 prefix removal).
     */
    public static void addrRemoved(Host host, Vnet vnet, Ifnet ifp, IfAddr addr) {
        RouteTables.Table t = RouteTables.INSTANCE.peek(vnet);
        if (t != null) {
            removeNexthops(addr.isInet6() ? t.inet6 : t.inet, ifp, addr);
            RouteTables.invalidate(vnet);
            RouteEvolve.releaseIfIdle(vnet, t);
        }
        NeighborTables.dropUncovered(vnet, ifp, addr);
    }

    /** The interface went down: routes stay (nexthops on it are skipped by lookups), dynamic llentries go. */
    public static void ifDown(Host host, Vnet vnet, Ifnet ifp) {
        RouteTables.invalidate(vnet);
        NeighborTables.flush(vnet, ifp, true);
    }

    /** An address was added, or an interface came up: only the compiled lookup table is stale. */
    public static void changed(Host host, Vnet vnet, Ifnet ifp) {
        RouteTables.invalidate(vnet);
    }

    private static void removeNexthops(Map<RouteTables.Key, List<RouteTables.StaticNexthop>> map, Ifnet ifp,
                                       IfAddr removed) {
        for (Iterator<Map.Entry<RouteTables.Key, List<RouteTables.StaticNexthop>>> it = map.entrySet().iterator();
                it.hasNext(); ) {
            List<RouteTables.StaticNexthop> list = it.next().getValue();
            list.removeIf(nh -> nh.ifp() == ifp && (removed == null || !stillOnLink(ifp, nh, removed)));
            if (list.isEmpty()) it.remove();
        }
    }

    /** True if the nexthop's gateway is still covered by another address of {@code ifp} (or needs none). */
    private static boolean stillOnLink(Ifnet ifp, RouteTables.StaticNexthop nh, IfAddr removed) {
        Addr gw = nh.gateway();
        if (gw == null || gw.isLinkLocal()) return true;
        for (IfAddr a : ifp.addrs()) {
            if (a == removed || a.isInet6() != gw.inet6()) continue;
            Addr mine = RouteTables.addrOf(ifp, a);
            if (mine != null && gw.matches(mine.masked(a.prefixlen), a.prefixlen)) return true;
        }
        return false;
    }
}
