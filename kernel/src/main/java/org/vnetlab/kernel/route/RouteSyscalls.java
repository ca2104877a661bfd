package org.vnetlab.kernel.route;

import java.util.List;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.RouteCommand;
import org.vnetlab.kernel.api.RouteCommand.AddRoute;
import org.vnetlab.kernel.api.RouteCommand.ChangeRoute;
import org.vnetlab.kernel.api.RouteCommand.DeleteRoute;
import org.vnetlab.kernel.api.RouteEvent.RouteAdded;
import org.vnetlab.kernel.api.RouteEvent.RouteChanged;
import org.vnetlab.kernel.api.RouteEvent.RouteDeleted;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.sysctl.Sysctls;

/** RTM_ADD / RTM_DELETE / RTM_CHANGE (sys/net/route/route_ctl.c, rtsock.c / netlink rtnl_handle_*route). */
public final class RouteSyscalls {
    private RouteSyscalls() {}

    public static Decision decide(Host host, RouteCommand c) {
        Vnet vnet = callerVnet(host, c.jid());
        if (vnet == null) return Decision.reject(Errno.EPERM); // PRIV_NET_ROUTE: no vnet of its own
        if (c instanceof AddRoute a) return add(vnet, a);
        if (c instanceof DeleteRoute d) return delete(vnet, d);
        return change(vnet, (ChangeRoute) c);
    }

    /** The caller's vnet if it may change routes there (it owns it or is the host), else null. */
    static Vnet callerVnet(Host host, int jid) {
        Prison p = host.prison(jid);
        if (p == null || !(p.isHost() || p.ownVnet)) return null;
        return p.vnet;
    }

    private static Decision add(Vnet vnet, AddRoute a) {
        if (a.fib() != 0) return Decision.reject(Errno.EINVAL);
        RouteTables.Key key = key(a.family(), a.destination());
        if (key == null) return Decision.reject(Errno.EINVAL);
        Resolved r = resolve(vnet, a.family(), a.gateway(), a.iface(), a.flags());
        if (r.error != null) return Decision.reject(r.error);
        if (RouteTables.derived(vnet, key) != null) return Decision.reject(Errno.EEXIST);
        RouteTables.Table t = RouteTables.INSTANCE.peek(vnet);
        List<RouteTables.StaticNexthop> existing = t == null ? null : t.family(a.family()).get(key);
        if (existing != null) {
            // route_ctl.c add_route_flags(): with ROUTE_MPATH a new gateway joins the nexthop group
            if (Sysctls.vnetInt(vnet, "net.route.multipath") == 0) return Decision.reject(Errno.EEXIST);
            for (RouteTables.StaticNexthop nh : existing) {
                if (java.util.Objects.equals(nh.gateway(), r.gateway) && nh.ifp() == r.ifp) {
                    return Decision.reject(Errno.EEXIST);
                }
            }
        }
        return Decision.accept(new RouteAdded(vnet.id, a.family(), cidr(key), gatewayText(r), r.ifp.name,
                flags(a.flags(), key, r), 0));
    }

    private static Decision delete(Vnet vnet, DeleteRoute d) {
        if (d.fib() != 0) return Decision.reject(Errno.EINVAL);
        RouteTables.Key key = key(d.family(), d.destination());
        if (key == null) return Decision.reject(Errno.EINVAL);
        RouteTables.Table t = RouteTables.INSTANCE.peek(vnet);
        List<RouteTables.StaticNexthop> existing = t == null ? null : t.family(d.family()).get(key);
        if (existing == null) {
            // route_ctl.c: an RTF_PINNED (interface) route is not deleted by route(8)
            return Decision.reject(RouteTables.derived(vnet, key) != null ? Errno.EBUSY : Errno.ESRCH);
        }
        String gw = null;
        if (d.gateway() != null) {
            Addr g = parseGateway(vnet, d.family(), d.gateway());
            RouteTables.StaticNexthop match = null;
            for (RouteTables.StaticNexthop nh : existing) {
                if (g != null ? g.equals(nh.gateway()) : d.gateway().equals(nh.ifp().name)) match = nh;
            }
            if (match == null) return Decision.reject(Errno.ESRCH);
            gw = match.gateway() != null ? gatewayText(match.gateway(), match.ifp()) : null;
            if (existing.size() == 1) gw = null;
        }
        return Decision.accept(new RouteDeleted(vnet.id, d.family(), cidr(key), gw, 0));
    }

    private static Decision change(Vnet vnet, ChangeRoute c) {
        if (c.fib() != 0) return Decision.reject(Errno.EINVAL);
        RouteTables.Key key = key(c.family(), c.destination());
        if (key == null) return Decision.reject(Errno.EINVAL);
        RouteTables.Table t = RouteTables.INSTANCE.peek(vnet);
        if (t == null || !t.family(c.family()).containsKey(key)) {
            return Decision.reject(RouteTables.derived(vnet, key) != null ? Errno.EBUSY : Errno.ESRCH);
        }
        Resolved r = resolve(vnet, c.family(), c.gateway(), c.iface(), c.flags());
        if (r.error != null) return Decision.reject(r.error);
        return Decision.accept(new RouteChanged(vnet.id, c.family(), cidr(key), gatewayText(r), r.ifp.name,
                flags(c.flags(), key, r), 0));
    }

    // -- helpers -------------------------------------------------------------------------------

    private record Resolved(Addr gateway, Ifnet ifp, Errno error) {}

    /**
     * Finds the egress interface: the -iface interface, lo0 for a blackhole/reject route without
     * gateway, or the interface of the route that reaches the gateway (on-link prefix, local
     * address or another route); none is ENETUNREACH.
     */
    private static Resolved resolve(Vnet vnet, String family, String gateway, String iface, int flags) {
        if (iface != null) {
            Ifnet ifp = vnet.ifunit(iface);
            return ifp == null ? new Resolved(null, null, Errno.ENETUNREACH) : new Resolved(null, ifp, null);
        }
        if (gateway == null) {
            if ((flags & (Rtf.BLACKHOLE | Rtf.REJECT)) != 0) {
                Ifnet lo = RouteTables.loif(vnet);
                if (lo != null) return new Resolved(null, lo, null);
            }
            return new Resolved(null, null, Errno.ENETUNREACH);
        }
        Addr gw = parseGateway(vnet, family, gateway);
        if (gw == null) return new Resolved(null, null, Errno.ENETUNREACH);
        if (gw.isLinkLocal()) {
            Ifnet ifp = gw.scope() == 0 ? null : ifnetByIndex(vnet, gw.scope());
            return ifp == null ? new Resolved(null, null, Errno.ENETUNREACH) : new Resolved(gw, ifp, null);
        }
        List<RouteTables.Entry> m = RouteTables.match(vnet, gw);
        // route.c ifa_ifwithroute(): "dismiss a gateway that is reachable only through the
        // default router" (NHF_DEFAULT).
        if (m.isEmpty() || m.get(0).key().len() == 0) return new Resolved(null, null, Errno.ENETUNREACH);
        RouteTables.Entry e = m.get(0);
        Ifnet ifp = (e.flags() & Rtf.PINNED) != 0 && e.isHost() ? e.gwIfp() : e.ifp();
        return new Resolved(gw, ifp, null);
    }

    private static int flags(int requested, RouteTables.Key key, Resolved r) {
        int f = (requested | Rtf.UP) & ~(Rtf.GATEWAY | Rtf.HOST);
        if (r.gateway != null) f |= Rtf.GATEWAY;
        if (key.len() == key.dst().maxlen()) f |= Rtf.HOST;
        return f;
    }

    static Ifnet ifnetByIndex(Vnet vnet, int index) {
        for (Ifnet ifp : vnet.ifnets()) if (ifp.index == index) return ifp;
        return null;
    }

    /** "addr" or "fe80::1%epair0a" into a table address, the zone resolved in {@code vnet}. */
    static Addr parseGateway(Vnet vnet, String family, String text) {
        int pct = text.indexOf('%');
        Addr a = Addr.parse(family, pct < 0 ? text : text.substring(0, pct)).orElse(null);
        if (a == null || pct < 0) return a;
        Ifnet ifp = vnet.ifunit(text.substring(pct + 1));
        return ifp == null ? null : new Addr(a.inet6(), a.hi(), a.lo(), a.isLinkLocal() ? ifp.index : 0);
    }

    /** A canonical CIDR of {@code family} into a key (link-local zones as "%IF" are not used in keys here). */
    static RouteTables.Key key(String family, String cidr) {
        int slash = cidr.lastIndexOf('/');
        if (slash < 0) return null;
        Addr a = Addr.parse(family, cidr.substring(0, slash)).orElse(null);
        if (a == null) return null;
        int len;
        try {
            len = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (len < 0 || len > a.maxlen()) return null;
        return new RouteTables.Key(a.masked(len), len);
    }

    static String cidr(RouteTables.Key key) {
        return key.dst().text() + "/" + key.len();
    }

    private static String gatewayText(Resolved r) {
        return r.gateway == null ? null : gatewayText(r.gateway, r.ifp);
    }

    static String gatewayText(Addr gw, Ifnet ifp) {
        return gw.isLinkLocal() && ifp != null ? gw.text() + "%" + ifp.name : gw.text();
    }
}
