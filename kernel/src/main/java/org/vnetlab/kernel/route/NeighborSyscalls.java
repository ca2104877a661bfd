package org.vnetlab.kernel.route;

import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.NeighborCommand;
import org.vnetlab.kernel.api.NeighborCommand.AddStaticNeighbor;
import org.vnetlab.kernel.api.NeighborCommand.DeleteNeighbor;
import org.vnetlab.kernel.api.NeighborEvent.NeighborAdded;
import org.vnetlab.kernel.api.NeighborEvent.NeighborDeleted;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.sysctl.Sysctls;
import org.vnetlab.kernel.wire.MacAddress;

/** RTM_NEWNEIGH / RTM_DELNEIGH for static entries (netlink route/neigh.c, lltable_*). */
public final class NeighborSyscalls {
    private NeighborSyscalls() {}

    public static Decision decide(Host host, NeighborCommand c) {
        Vnet vnet = RouteSyscalls.callerVnet(host, c.jid());
        if (vnet == null) return Decision.reject(Errno.EPERM);
        if (c instanceof AddStaticNeighbor a) return add(host, vnet, a);
        return delete(vnet, (DeleteNeighbor) c);
    }

    private static Decision add(Host host, Vnet vnet, AddStaticNeighbor a) {
        Addr addr = RouteSyscalls.parseGateway(vnet, a.family(), a.address());
        MacAddress mac = MacAddress.parse(a.mac()).orElse(null);
        if (addr == null || mac == null) return Decision.reject(Errno.EINVAL);
        Ifnet ifp = a.iface() != null ? vnet.ifunit(a.iface()) : coveringIfnet(vnet, addr);
        if (ifp == null) return Decision.reject(Errno.EHOSTUNREACH);
        long expiresAt = (a.flags() & NeighborTables.LLE_STATIC) != 0 ? 0
                : host.now / 1_000_000_000L * 1_000_000_000L
                        + 1_000_000_000L * Sysctls.vnetInt(vnet, "net.link.ether.inet.max_age");
        return Decision.accept(new NeighborAdded(vnet.id, a.family(), text(addr, ifp), mac.toString(), ifp.name,
                a.flags(), expiresAt));
    }

    private static Decision delete(Vnet vnet, DeleteNeighbor d) {
        Addr addr = RouteSyscalls.parseGateway(vnet, d.family(), d.address());
        if (addr == null) return Decision.reject(Errno.EINVAL);
        if (addr.isLinkLocal() && addr.scope() == 0) {
            Ifnet ifp = coveringIfnet(vnet, addr);
            if (ifp != null) addr = new Addr(true, addr.hi(), addr.lo(), ifp.index);
        }
        NeighborTables.Entry e = NeighborTables.find(vnet, d.family(), addr);
        if (e == null) return Decision.reject(Errno.ENOENT);
        return Decision.accept(new NeighborDeleted(vnet.id, d.family(), e.addressText(), e.ifp.name));
    }

    /** The interface with an address whose prefix covers {@code addr} (what arp/ndp -s require). */
    static Ifnet coveringIfnet(Vnet vnet, Addr addr) {
        for (Ifnet ifp : vnet.ifnets()) {
            if (addr.isLinkLocal() && addr.scope() != 0 && addr.scope() != ifp.index) continue;
            if (NeighborTables.coveringAddr(ifp, addr, null) != null) return ifp;
        }
        return null;
    }

    static String text(Addr a, Ifnet ifp) {
        return a.isLinkLocal() ? a.text() + "%" + ifp.name : a.text();
    }
}
