package org.vnetlab.kernel.net;

import org.vnetlab.kernel.api.IfEvent;
import org.vnetlab.kernel.api.IfEvent.AddressAdded;
import org.vnetlab.kernel.api.IfEvent.AddressFlagsSet;
import org.vnetlab.kernel.api.IfEvent.AddressLifetimesSet;
import org.vnetlab.kernel.api.IfEvent.LinkAddressSet;
import org.vnetlab.kernel.api.IfEvent.AddressRemoved;
import org.vnetlab.kernel.api.IfEvent.BridgeAddressDeleted;
import org.vnetlab.kernel.api.IfEvent.BridgeFlushed;
import org.vnetlab.kernel.api.IfEvent.BridgeMemberAdded;
import org.vnetlab.kernel.api.IfEvent.BridgeMemberRemoved;
import org.vnetlab.kernel.api.IfEvent.BridgeStaticAdded;
import org.vnetlab.kernel.api.IfEvent.EpairCreated;
import org.vnetlab.kernel.api.IfEvent.InterfaceCreated;
import org.vnetlab.kernel.api.IfEvent.InterfaceDescriptionSet;
import org.vnetlab.kernel.api.IfEvent.InterfaceDestroyed;
import org.vnetlab.kernel.api.IfEvent.InterfaceFlagsSet;
import org.vnetlab.kernel.api.IfEvent.InterfaceMovedToVnet;
import org.vnetlab.kernel.api.IfEvent.InterfaceMtuSet;
import org.vnetlab.kernel.api.IfEvent.InterfaceRenamed;
import org.vnetlab.kernel.api.IfEvent.Nd6FlagsSet;
import org.vnetlab.kernel.route.RouteHooks;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * Applies interface events: the only code that changes interfaces. Side effects the kernel
 * performs on its own (link-local addresses, IFF_UP on a first address) arrive as explicit events
 * from {@link IfSyscalls}, so replaying the log needs no decisions here.
 */
public final class IfEvolve {
    private IfEvolve() {}

    public static void apply(Host host, IfEvent e) {
        change(host, e);
        // Addresses, flags and membership feed the compiled route lookup: it is stale now.
        if (e instanceof InterfaceMovedToVnet m) {
            invalidate(host, m.fromVnet());
            invalidate(host, m.toVnet());
        } else {
            invalidate(host, vnetOf(e));
        }
    }

    private static void invalidate(Host host, int vnetId) {
        Vnet vnet = host.vnet(vnetId);
        if (vnet != null) RouteHooks.changed(host, vnet, null);
    }

    private static int vnetOf(IfEvent e) {
        if (e instanceof InterfaceCreated c) return c.vnet();
        if (e instanceof EpairCreated c) return c.vnet();
        if (e instanceof InterfaceDestroyed c) return c.vnet();
        if (e instanceof InterfaceRenamed c) return c.vnet();
        if (e instanceof InterfaceFlagsSet c) return c.vnet();
        if (e instanceof InterfaceMtuSet c) return c.vnet();
        if (e instanceof InterfaceDescriptionSet c) return c.vnet();
        if (e instanceof Nd6FlagsSet c) return c.vnet();
        if (e instanceof AddressAdded c) return c.vnet();
        if (e instanceof AddressRemoved c) return c.vnet();
        if (e instanceof AddressFlagsSet c) return c.vnet();
        if (e instanceof AddressLifetimesSet c) return c.vnet();
        if (e instanceof LinkAddressSet c) return c.vnet();
        if (e instanceof BridgeMemberAdded c) return c.vnet();
        if (e instanceof BridgeMemberRemoved c) return c.vnet();
        if (e instanceof BridgeStaticAdded c) return c.vnet();
        if (e instanceof BridgeAddressDeleted c) return c.vnet();
        if (e instanceof BridgeFlushed c) return c.vnet();
        return -1;
    }

    private static void change(Host host, IfEvent e) {
        if (e instanceof InterfaceCreated c) {
            created(host, c);
        } else if (e instanceof EpairCreated c) {
            epairCreated(host, c);
        } else if (e instanceof InterfaceDestroyed d) {
            destroy(host, ifp(host, d.vnet(), d.name()));
        } else if (e instanceof InterfaceMovedToVnet m) {
            vmove(host, ifp(host, m.fromVnet(), m.name()), host.vnet(m.toVnet()));
        } else if (e instanceof InterfaceRenamed r) {
            ifp(host, r.vnet(), r.name()).rename(r.newName());
        } else if (e instanceof InterfaceFlagsSet f) {
            flags(host, ifp(host, f.vnet(), f.name()), f.set(), f.clear());
        } else if (e instanceof InterfaceMtuSet m) {
            ifp(host, m.vnet(), m.name()).mtu = m.mtu();
        } else if (e instanceof InterfaceDescriptionSet d) {
            ifp(host, d.vnet(), d.name()).description = d.description();
        } else if (e instanceof Nd6FlagsSet n) {
            Ifnet ifp = ifp(host, n.vnet(), n.name());
            ifp.nd6Flags = (ifp.nd6Flags | n.set()) & ~n.clear();
        } else if (e instanceof AddressAdded a) {
            addressAdded(ifp(host, a.vnet(), a.name()), a);
        } else if (e instanceof AddressRemoved r) {
            Ifnet ifp = ifp(host, r.vnet(), r.name());
            IfAddr addr = ifp.findAddr(r.family(), r.address());
            ifp.removeAddr(addr);
            RouteHooks.addrRemoved(host, ifp.vnet, ifp, addr);
        } else if (e instanceof AddressFlagsSet f) {
            Ifnet ifp = ifp(host, f.vnet(), f.name());
            ifp.addrsChanged(); // a cleared "deprecated" comes back at the next sweep
            IfAddr addr = ifp.findAddr("inet6", f.address());
            addr.setFlags((addr.flags() | f.set()) & ~f.clear());
        } else if (e instanceof AddressLifetimesSet l) {
            Ifnet ifp = ifp(host, l.vnet(), l.name());
            ifp.addrsChanged();
            IfAddr addr = ifp.findAddr("inet6", l.address());
            AddressLifetimes.set(host, addr, l.pltime(), l.vltime());
        } else if (e instanceof LinkAddressSet l) {
            // if_setlladdr(): only the address changes; the EUI-64 link-local made from the old one stays.
            ifp(host, l.vnet(), l.name()).mac = MacAddress.of(l.mac()).bits();
        } else if (e instanceof BridgeMemberAdded m) {
            Ifnet bridge = ifp(host, m.vnet(), m.bridge());
            Ifnet member = ifp(host, m.vnet(), m.member());
            softc(bridge).members.add(0, new BridgeSoftc.Member(member));
            member.bridge = bridge;
        } else if (e instanceof BridgeMemberRemoved m) {
            leaveBridge(ifp(host, m.vnet(), m.member()));
        } else if (e instanceof BridgeStaticAdded s) {
            BridgeSoftc sc = softc(ifp(host, s.vnet(), s.bridge()));
            long mac = MacAddress.of(s.mac()).bits();
            sc.rtable.removeIf(r -> r.mac() == mac && r.vlan() == s.vlan());
            sc.rtable.add(0, new BridgeSoftc.RtEntry(mac, s.vlan(), ifp(host, s.vnet(), s.member())));
        } else if (e instanceof BridgeAddressDeleted d) {
            long mac = MacAddress.of(d.mac()).bits();
            softc(ifp(host, d.vnet(), d.bridge())).rtable
                    .removeIf(r -> r.mac() == mac && (d.vlan() < 0 || r.vlan() == d.vlan()));
        } else if (e instanceof BridgeFlushed f) {
            // Only static entries exist, and "flush" keeps those (IFBF_FLUSHDYN).
            if (f.all()) softc(ifp(host, f.vnet(), f.bridge())).rtable.clear();
        }
    }

    static BridgeSoftc softc(Ifnet bridge) {
        return (BridgeSoftc) bridge.softc;
    }

    private static Ifnet ifp(Host host, int vnet, String name) {
        Ifnet ifp = host.vnet(vnet).ifunit(name);
        if (ifp == null) throw new IllegalStateException("no interface " + name + " in vnet " + vnet);
        return ifp;
    }

    private static void created(Host host, InterfaceCreated c) {
        Vnet vnet = host.vnet(c.vnet());
        int unit = IfSyscalls.unitOf(c.name(), c.driver());
        Ifnet ifp;
        switch (c.driver()) {
            case "lo" -> {
                ifp = Loopback.newLoopback(c.index(), c.name(), vnet);
                ifp.softc = unit;
            }
            case "bridge" -> {
                ifp = new Ifnet(c.name(), "bridge", c.index(), vnet, MacAddress.of(c.mac()).bits());
                ifp.flags = IfFlags.BROADCAST | IfFlags.SIMPLEX | IfFlags.MULTICAST;
                ifp.mtu = 1500;
                ifp.nd6Flags = IfSyscalls.defaultNd6(vnet, "bridge");
                ifp.softc = new BridgeSoftc(unit);
            }
            default -> throw new IllegalArgumentException("unknown cloner " + c.driver());
        }
        IfnetSubsystem.takeUnit(vnet, c.driver(), unit);
        host.registerIfindex(ifp);
        vnet.attach(ifp);
    }

    private static void epairCreated(Host host, EpairCreated c) {
        Vnet vnet = host.vnet(c.vnet());
        Ifnet a = newEpair(vnet, c.unit(), 'a', c.indexA(), c.macA());
        Ifnet b = newEpair(vnet, c.unit(), 'b', c.indexB(), c.macB());
        a.peer = b;
        b.peer = a;
        IfnetSubsystem.takeUnit(vnet, "epair", c.unit());
        host.registerIfindex(a);
        vnet.attach(a);
        host.registerIfindex(b);
        vnet.attach(b);
    }

    private static Ifnet newEpair(Vnet vnet, int unit, char side, int index, String mac) {
        Ifnet ifp = new Ifnet("epair" + unit + side, "epair", index, vnet, MacAddress.of(mac).bits());
        // if_epair.c: IFF_DRV_RUNNING from creation on, media always active.
        ifp.flags = IfFlags.BROADCAST | IfFlags.SIMPLEX | IfFlags.MULTICAST | IfFlags.RUNNING;
        ifp.mtu = 1500;
        ifp.nd6Flags = IfSyscalls.defaultNd6(vnet, "epair");
        ifp.softc = unit;
        return ifp;
    }

    private static void flags(Host host, Ifnet ifp, int set, int clear) {
        boolean wasUp = ifp.isUp();
        ifp.flags = (ifp.flags | set) & ~clear;
        // if_loop.c / if_bridge.c: the driver runs while the interface is up.
        if (!ifp.type.equals("epair")) {
            if (ifp.isUp()) ifp.flags |= IfFlags.RUNNING;
            else ifp.flags &= ~IfFlags.RUNNING;
        }
        if (wasUp && !ifp.isUp()) RouteHooks.ifDown(host, ifp.vnet, ifp);
    }

    private static void addressAdded(Ifnet ifp, AddressAdded a) {
        ifp.addAddr(new IfAddr(a.family(), a.address(), a.prefixlen(), a.destination(), a.flags()));
    }

    static boolean isLinkLocal(String inet6) {
        return inet6.startsWith("fe8") || inet6.startsWith("fe9") || inet6.startsWith("fea") || inet6.startsWith("feb");
    }

    private static void leaveBridge(Ifnet member) {
        if (member.bridge == null) return;
        softc(member.bridge).removeMember(member);
        member.bridge = null;
    }

    /** A bridge going away (destroyed or moved) lets its members go (bridge_delete_member). */
    private static void releaseMembers(Ifnet ifp) {
        if (!(ifp.softc instanceof BridgeSoftc sc)) return;
        for (BridgeSoftc.Member m : sc.members) m.ifp.bridge = null;
        sc.members.clear();
        sc.rtable.clear();
    }

    /**
     * sys/net/if.c if_vmove(): the interface leaves its bridge, loses its addresses, routes and
     * neighbour entries, goes down, and is attached to {@code to} with fresh ND6 state.
     */
    static void vmove(Host host, Ifnet ifp, Vnet to) {
        Vnet from = ifp.vnet;
        leaveBridge(ifp);
        releaseMembers(ifp);
        RouteHooks.ifDetached(host, from, ifp);
        ifp.purgeAddrs();
        ifp.flags &= ~IfFlags.UP;
        if (!ifp.type.equals("epair")) ifp.flags &= ~IfFlags.RUNNING;
        from.detach(ifp);
        to.attach(ifp);
        ifp.nd6Flags = IfSyscalls.defaultNd6(to, ifp.type);
    }

    /** if_clone_destroyif(): an epair end takes its peer along, wherever the peer is. */
    static void destroy(Host host, Ifnet ifp) {
        if (host.ifnetByIndex(ifp.index) != ifp) return; // already gone with its peer
        detachAndFree(host, ifp);
        if (ifp.peer != null) detachAndFree(host, ifp.peer);
    }

    private static void detachAndFree(Host host, Ifnet ifp) {
        leaveBridge(ifp);
        releaseMembers(ifp);
        RouteHooks.ifDetached(host, ifp.vnet, ifp);
        ifp.purgeAddrs();
        ifp.vnet.detach(ifp);
        host.releaseIfindex(ifp);
        Integer unit = unit(ifp);
        // Units belong to the cloner of the vnet the interface was created in.
        if (unit != null && !(ifp.peer != null && host.ifnetByIndex(ifp.peer.index) == ifp.peer)) {
            IfnetSubsystem.freeUnit(ifp.home, ifp.type, unit);
        }
    }

    static Integer unit(Ifnet ifp) {
        if (ifp.softc instanceof Integer u) return u;
        if (ifp.softc instanceof BridgeSoftc sc) return sc.unit;
        return null;
    }
}
