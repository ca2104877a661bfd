package org.vnetlab.kernel.route;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.vnetlab.kernel.api.RouteEvent;
import org.vnetlab.kernel.api.RouteEvent.RouteAdded;
import org.vnetlab.kernel.api.RouteEvent.RouteChanged;
import org.vnetlab.kernel.api.RouteEvent.RouteDeleted;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;

/** Applies route events to the per-vnet static tables. */
public final class RouteEvolve {
    private RouteEvolve() {}

    public static void apply(Host host, RouteEvent e) {
        if (e instanceof RouteAdded a) {
                Vnet vnet = host.vnet(a.vnet());
                RouteTables.Key key = RouteSyscalls.key(a.family(), a.destination());
                RouteTables.table(vnet).family(a.family()).computeIfAbsent(key, k -> new ArrayList<>(1))
                        .add(nexthop(vnet, a.family(), a.gateway(), a.iface(), a.flags()));
                RouteTables.invalidate(vnet);
        } else if (e instanceof RouteChanged c) {
                Vnet vnet = host.vnet(c.vnet());
                RouteTables.Key key = RouteSyscalls.key(c.family(), c.destination());
                List<RouteTables.StaticNexthop> list = new ArrayList<>(1);
                list.add(nexthop(vnet, c.family(), c.gateway(), c.iface(), c.flags()));
                RouteTables.table(vnet).family(c.family()).put(key, list);
                RouteTables.invalidate(vnet);
        } else if (e instanceof RouteDeleted d) {
                Vnet vnet = host.vnet(d.vnet());
                RouteTables.Table t = RouteTables.INSTANCE.peek(vnet);
                if (t == null) return;
                RouteTables.Key key = RouteSyscalls.key(d.family(), d.destination());
                TreeMap<RouteTables.Key, List<RouteTables.StaticNexthop>> map = t.family(d.family());
                List<RouteTables.StaticNexthop> list = map.get(key);
                if (list != null && d.gateway() != null) {
                    Addr gw = RouteSyscalls.parseGateway(vnet, d.family(), d.gateway());
                    list.removeIf(nh -> gw != null && gw.equals(nh.gateway()));
                }
                if (list != null && (d.gateway() == null || list.isEmpty())) map.remove(key);
                RouteTables.invalidate(vnet);
                releaseIfIdle(vnet, t);
        }
    }

    private static RouteTables.StaticNexthop nexthop(Vnet vnet, String family, String gateway, String iface, int flags) {
        Ifnet ifp = vnet.ifunit(iface);
        Addr gw = gateway == null ? null : RouteSyscalls.parseGateway(vnet, family, gateway);
        return new RouteTables.StaticNexthop(gw, ifp, flags);
    }

    /** An idle vnet keeps no routing slot (the 100,000-jail benchmark). */
    static void releaseIfIdle(Vnet vnet, RouteTables.Table t) {
        if (t.isEmpty()) RouteTables.INSTANCE.put(vnet, null);
    }
}
