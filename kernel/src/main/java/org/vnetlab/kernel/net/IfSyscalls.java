package org.vnetlab.kernel.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.api.IfCommand;
import org.vnetlab.kernel.api.IfCommand.AddBridgeMember;
import org.vnetlab.kernel.api.IfCommand.AddBridgeStatic;
import org.vnetlab.kernel.api.IfCommand.CreateInterface;
import org.vnetlab.kernel.api.IfCommand.DeleteBridgeAddress;
import org.vnetlab.kernel.api.IfCommand.DestroyInterface;
import org.vnetlab.kernel.api.IfCommand.FlushBridge;
import org.vnetlab.kernel.api.IfCommand.MoveInterfaceToVnet;
import org.vnetlab.kernel.api.IfCommand.ReclaimInterfaceFromVnet;
import org.vnetlab.kernel.api.IfCommand.RemoveBridgeMember;
import org.vnetlab.kernel.api.IfCommand.RemoveInterfaceAddress;
import org.vnetlab.kernel.api.IfCommand.RenameInterface;
import org.vnetlab.kernel.api.IfCommand.SetDescription;
import org.vnetlab.kernel.api.IfCommand.SetInterfaceAddress;
import org.vnetlab.kernel.api.IfCommand.SetInterfaceFlags;
import org.vnetlab.kernel.api.IfCommand.SetMtu;
import org.vnetlab.kernel.api.IfCommand.SetLinkAddress;
import org.vnetlab.kernel.api.IfCommand.SetNd6Flags;
import org.vnetlab.kernel.api.DataplaneEvent.LinkAddressAdvertised;
import org.vnetlab.kernel.api.IfEvent.AddressLifetimesSet;
import org.vnetlab.kernel.api.IfEvent.LinkAddressSet;
import org.vnetlab.kernel.api.IfEvent.AddressAdded;
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
import org.vnetlab.kernel.api.DataplaneEvent.ArpAnnounced;
import org.vnetlab.kernel.api.IfEvent.InterfaceMovedToVnet;
import org.vnetlab.kernel.api.IfEvent.InterfaceMtuSet;
import org.vnetlab.kernel.api.IfEvent.InterfaceRenamed;
import org.vnetlab.kernel.api.IfEvent.Nd6FlagsSet;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.sysctl.Sysctls;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * The interface ioctls (sys/net/if.c ifioctl/ifhwioctl, if_clone.c, netinet/in.c, netinet6/in6.c,
 * nd6.c, if_bridge.c): checks against the current state, answered with the events that carry the
 * change out, including what the kernel does on its own (IFF_UP on a first address, the IPv6
 * link-local address, ::1 on lo0).
 */
public final class IfSyscalls {
    /** if.c: IF_MINMTU / IF_MAXMTU. */
    static final int IF_MINMTU = 72;
    static final int IF_MAXMTU = 65535;
    /** IFNAMSIZ - 1. */
    static final int IFNAMSIZ_MAX = 15;
    static final String[] CLONERS = {"epair", "bridge", "lo"};
    private static final long PURPOSE_EPAIR_MAC = 0xE9A1;
    private static final long PURPOSE_BRIDGE_MAC = 0xB41D6E;

    private IfSyscalls() {}

    public static Decision decide(Host host, IfCommand c) {
        Prison pr = host.prison(jidOf(c));
        if (pr == null) return Decision.reject(Errno.ESRCH);
        if (c instanceof CreateInterface x) return create(host, pr, x);
        if (c instanceof MoveInterfaceToVnet x) return move(host, pr, x);
        if (c instanceof ReclaimInterfaceFromVnet x) return reclaim(host, pr, x);
        String name = ifnameOf(c);
        Ifnet ifp = pr.vnet.ifunit(name);
        if (ifp == null) return Decision.reject(Errno.ENXIO);
        if (!privileged(pr)) return Decision.reject(Errno.EPERM);
        if (c instanceof DestroyInterface) return destroy(ifp);
        if (c instanceof SetInterfaceAddress x) return setAddress(host, ifp, x);
        if (c instanceof RemoveInterfaceAddress x) return removeAddress(ifp, x);
        if (c instanceof SetInterfaceFlags x) return setFlags(host, ifp, x.set(), x.clear());
        if (c instanceof SetMtu x) return setMtu(ifp, x.mtu());
        if (c instanceof RenameInterface x) return rename(ifp, x.newName());
        if (c instanceof SetDescription x) {
            return Decision.accept(new InterfaceDescriptionSet(ifp.vnet.id, ifp.name, x.description()));
        }
        if (c instanceof SetNd6Flags x) return setNd6(host, ifp, x.set(), x.clear());
        if (c instanceof SetLinkAddress x) return setLinkAddress(host, ifp, x.mac());
        if (!ifp.type.equals("bridge")) return Decision.reject(Errno.EINVAL); // not a bridge: no BRDG* ioctls
        if (c instanceof AddBridgeMember x) return addMember(ifp, x.member());
        if (c instanceof RemoveBridgeMember x) return removeMember(ifp, x.member());
        if (c instanceof AddBridgeStatic x) return addStatic(ifp, x);
        if (c instanceof DeleteBridgeAddress x) return deleteAddress(ifp, x);
        if (c instanceof FlushBridge x) return Decision.accept(new BridgeFlushed(ifp.vnet.id, ifp.name, x.all()));
        throw new IllegalArgumentException("unknown command " + c);
    }

    private static int jidOf(IfCommand c) {
        if (c instanceof CreateInterface x) return x.jid();
        if (c instanceof DestroyInterface x) return x.jid();
        if (c instanceof MoveInterfaceToVnet x) return x.jid();
        if (c instanceof ReclaimInterfaceFromVnet x) return x.jid();
        if (c instanceof SetInterfaceAddress x) return x.jid();
        if (c instanceof RemoveInterfaceAddress x) return x.jid();
        if (c instanceof SetInterfaceFlags x) return x.jid();
        if (c instanceof SetMtu x) return x.jid();
        if (c instanceof RenameInterface x) return x.jid();
        if (c instanceof SetDescription x) return x.jid();
        if (c instanceof SetNd6Flags x) return x.jid();
        if (c instanceof SetLinkAddress x) return x.jid();
        if (c instanceof AddBridgeMember x) return x.jid();
        if (c instanceof RemoveBridgeMember x) return x.jid();
        if (c instanceof AddBridgeStatic x) return x.jid();
        if (c instanceof DeleteBridgeAddress x) return x.jid();
        if (c instanceof FlushBridge x) return x.jid();
        throw new IllegalArgumentException("unknown command " + c);
    }

    private static String ifnameOf(IfCommand c) {
        if (c instanceof DestroyInterface x) return x.name();
        if (c instanceof SetInterfaceAddress x) return x.name();
        if (c instanceof RemoveInterfaceAddress x) return x.name();
        if (c instanceof SetInterfaceFlags x) return x.name();
        if (c instanceof SetMtu x) return x.name();
        if (c instanceof RenameInterface x) return x.name();
        if (c instanceof SetDescription x) return x.name();
        if (c instanceof SetNd6Flags x) return x.name();
        if (c instanceof SetLinkAddress x) return x.name();
        if (c instanceof AddBridgeMember x) return x.bridge();
        if (c instanceof RemoveBridgeMember x) return x.bridge();
        if (c instanceof AddBridgeStatic x) return x.bridge();
        if (c instanceof DeleteBridgeAddress x) return x.bridge();
        if (c instanceof FlushBridge x) return x.bridge();
        throw new IllegalArgumentException("unknown command " + c);
    }

    /** PRIV_NET_*: the host, or a jail that owns its vnet (kern_jail.c prison_priv_check). */
    static boolean privileged(Prison pr) {
        return pr.isHost() || pr.ownVnet;
    }

    /** nd6.c nd6_ifattach(): IFDISABLED except on loopback; no AUTO_LINKLOCAL on bridges. */
    static int defaultNd6(Vnet vnet, String type) {
        if (type.equals("lo")) return Loopback.LO_ND6;
        int flags = Ifnet.ND6_IFF_PERFORMNUD | Ifnet.ND6_IFF_IFDISABLED;
        if (!type.equals("bridge") && Sysctls.vnetInt(vnet, "net.inet6.ip6.auto_linklocal") != 0) {
            flags |= Ifnet.ND6_IFF_AUTO_LINKLOCAL;
        }
        return flags;
    }

    // -- cloning (sys/net/if_clone.c) ---------------------------------------------------------

    /** The cloner {@code name} belongs to ("epair" for "epair5"), or null. */
    static String clonerOf(String name) {
        for (String c : CLONERS) {
            if (name.startsWith(c) && (name.length() == c.length() || unitOf(name, c) >= 0)) return c;
        }
        return null;
    }

    /** ifc_name2unit(): the unit after the cloner's name, -1 for none or a malformed one. */
    static int unitOf(String name, String cloner) {
        String digits = name.substring(cloner.length());
        if (digits.isEmpty() || digits.length() > 9 || (digits.length() > 1 && digits.charAt(0) == '0')) return -1;
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return -1;
        }
        return Integer.parseInt(digits);
    }

    private static Decision create(Host host, Prison pr, CreateInterface c) {
        if (!privileged(pr)) return Decision.reject(Errno.EPERM);
        String cloner = clonerOf(c.name());
        if (cloner == null) return Decision.reject(Errno.EINVAL);
        Vnet vnet = pr.vnet;
        boolean wildcard = c.name().equals(cloner);
        int unit;
        if (wildcard) {
            unit = cloner.equals("lo") ? 1 : 0;
            while (IfnetSubsystem.unitUsed(vnet, cloner, unit) || namesTaken(vnet, cloner, unit)) unit++;
        } else {
            unit = unitOf(c.name(), cloner);
            if (IfnetSubsystem.unitUsed(vnet, cloner, unit) || namesTaken(vnet, cloner, unit)) {
                return Decision.reject(Errno.EEXIST);
            }
        }
        int index = host.nextIfindex();
        if (cloner.equals("epair")) {
            long mid = host.derive(PURPOSE_EPAIR_MAC, vnet.id, unit) & 0xffff_ffffL;
            long base = 0x02L << 40 | mid << 8;
            return Decision.accept(new EpairCreated(vnet.id, unit, index, host.nextIfindexAfter(index),
                    new MacAddress(base | 0x0a).toString(), new MacAddress(base | 0x0b).toString()));
        }
        String mac = null;
        if (cloner.equals("bridge")) {
            // if_bridge.c: ether_gen_addr() under the 58:9c:fc OUI, different in every vnet.
            long low = host.derive(PURPOSE_BRIDGE_MAC, vnet.id, unit) & 0xff_ffffL;
            mac = new MacAddress(0x589cfcL << 24 | low).toString();
        }
        return Decision.accept(new InterfaceCreated(vnet.id, cloner + unit, cloner, index, mac));
    }

    private static boolean namesTaken(Vnet vnet, String cloner, int unit) {
        if (cloner.equals("epair")) {
            return vnet.ifunit("epair" + unit + "a") != null || vnet.ifunit("epair" + unit + "b") != null;
        }
        return vnet.ifunit(cloner + unit) != null;
    }

    /** The name an accepted create produced ("epair0a" for the pair). */
    public static String createdName(Decision.Accepted d) {
        Event e = d.events().get(0);
        if (e instanceof EpairCreated ec) return "epair" + ec.unit() + "a";
        return ((InterfaceCreated) e).name();
    }

    private static Decision destroy(Ifnet ifp) {
        // A vnet's own lo0 is not cloned: if_clone_destroy() finds no cloner for it.
        if (ifp.type.equals("lo") && ifp.softc == null) return Decision.reject(Errno.EINVAL);
        return Decision.accept(new InterfaceDestroyed(ifp.vnet.id, ifp.name));
    }

    // -- vnet moves (sys/net/if.c if_vmove_loan / if_vmove_reclaim) ---------------------------------

    private static Decision move(Host host, Prison pr, MoveInterfaceToVnet c) {
        if (!privileged(pr)) return Decision.reject(Errno.EPERM);
        Ifnet ifp = pr.vnet.ifunit(c.name());
        if (ifp == null) return Decision.reject(Errno.ENXIO);
        Prison target = findChild(host, pr, c.target());
        if (target == null) return Decision.reject(Errno.ENXIO);
        if (target.vnet == ifp.vnet) return Decision.reject(Errno.EEXIST);
        if (target.vnet.ifunit(c.name()) != null) return Decision.reject(Errno.EEXIST);
        return Decision.accept(new InterfaceMovedToVnet(c.name(), ifp.vnet.id, target.vnet.id));
    }

    private static Decision reclaim(Host host, Prison pr, ReclaimInterfaceFromVnet c) {
        if (!privileged(pr)) return Decision.reject(Errno.EPERM);
        Prison target = findChild(host, pr, c.target());
        if (target == null) return Decision.reject(Errno.ENXIO);
        if (target.vnet == pr.vnet) return Decision.reject(Errno.EEXIST);
        Ifnet ifp = target.vnet.ifunit(c.name());
        if (ifp == null) return Decision.reject(Errno.ENXIO);
        if (pr.vnet.ifunit(c.name()) != null) return Decision.reject(Errno.EEXIST);
        return Decision.accept(new InterfaceMovedToVnet(c.name(), target.vnet.id, pr.vnet.id));
    }

    /** prison_find_child(): a live jail below the caller. */
    private static Prison findChild(Host host, Prison caller, int jid) {
        Prison p = host.prison(jid);
        return p != null && p != caller && p.isDescendantOf(caller) ? p : null;
    }

    // -- addresses (netinet/in.c, netinet6/in6.c) ----------------------------------------------

    private static boolean memberIfaddrs(Vnet vnet) {
        return Sysctls.vnetInt(vnet, "net.link.bridge.member_ifaddrs") != 0;
    }

    private static Decision setAddress(Host host, Ifnet ifp, SetInterfaceAddress c) {
        if (ifp.bridge != null && !memberIfaddrs(ifp.vnet)) return Decision.reject(Errno.EINVAL);
        int vnet = ifp.vnet.id;
        List<Event> events = new ArrayList<>();
        if (c.family().equals("inet")) {
            Optional<Ipv4Address> a = Ipv4Address.parse(c.address());
            if (a.isEmpty() || c.prefixlen() < 0 || c.prefixlen() > 32) return Decision.reject(Errno.EINVAL);
            String addr = a.get().toString();
            IfAddr first = null;
            for (IfAddr x : ifp.addrs()) {
                if (x.isInet()) {
                    first = x;
                    break;
                }
            }
            if (!c.alias() && first != null) {
                // ifconfig's clearaddr: SIOCDIFADDR of the primary address before SIOCAIFADDR.
                events.add(new AddressRemoved(vnet, ifp.name, "inet", first.address));
            } else if (ifp.findAddr("inet", addr) != null) {
                return Decision.reject(Errno.EEXIST);
            }
            events.add(new AddressAdded(vnet, ifp.name, "inet", addr, c.prefixlen(), c.destination(), 0));
            // in_ifinit() -> if_ioctl(SIOCSIFADDR): ether_ioctl/loioctl set IFF_UP, and on
            // Ethernet arp_ifinit() announces the address with a gratuitous ARP.
            if (!ifp.isUp()) bringUp(ifp, ifp.nd6Flags, events, false);
            if (ifp.mac >= 0 && (ifp.flags & IfFlags.NOARP) == 0) {
                events.add(new ArpAnnounced(vnet, ifp.name, addr, host.now));
            }
            return Decision.accept(events);
        }
        if (!c.family().equals("inet6")) return Decision.reject(Errno.EAFNOSUPPORT);
        Optional<Ipv6Address> a = Ipv6Address.parse(c.address());
        if (a.isEmpty() || c.prefixlen() < 0 || c.prefixlen() > 128) return Decision.reject(Errno.EINVAL);
        String addr = a.get().toString();
        IfAddr existing = ifp.findAddr("inet6", addr);
        // in6_update_ifa(): "lifetime consistency check", then a zero valid lifetime adds nothing.
        if (c.pltime() > c.vltime()) return Decision.reject(Errno.EINVAL);
        boolean finite = c.pltime() != SetInterfaceAddress.INFINITE || c.vltime() != SetInterfaceAddress.INFINITE;
        AddressLifetimesSet lifetimes = new AddressLifetimesSet(vnet, ifp.name, addr, lifetime(c.pltime()),
                lifetime(c.vltime()));
        if (existing != null) {
            // The same address again updates it (its lifetimes too), a different prefix length is refused.
            if (existing.prefixlen != c.prefixlen()) return Decision.reject(Errno.EINVAL);
            return finite || AddressLifetimes.finite(existing) ? Decision.accept(lifetimes) : Decision.accept(List.of());
        }
        if (c.vltime() == 0) return Decision.accept(List.of());
        boolean linkLocal = a.get().isLinkLocal();
        AddressAdded added = new AddressAdded(vnet, ifp.name, "inet6", addr, c.prefixlen(), c.destination(),
                c.flags() & IfAddr.IN6_IFF_ANYCAST);
        // An explicit link-local goes in first, so that no automatic one is made.
        if (linkLocal) events.add(added);
        int nd6 = ifp.nd6Flags;
        // in6_ifinit() -> if_ioctl(SIOCSIFADDR) brings the interface up.
        if (!ifp.isUp()) bringUp(ifp, nd6, events, linkLocal);
        if ((nd6 & Ifnet.ND6_IFF_IFDISABLED) != 0) {
            // in6.c: a new address on an IFDISABLED interface clears the flag (then nd6.c attaches).
            events.add(new Nd6FlagsSet(vnet, ifp.name, 0, Ifnet.ND6_IFF_IFDISABLED));
            in6Attach(ifp, nd6 & ~Ifnet.ND6_IFF_IFDISABLED, events, linkLocal);
        }
        if (!linkLocal) events.add(added);
        if (finite) events.add(events.indexOf(added) + 1, lifetimes);
        return Decision.accept(events);
    }

    private static long lifetime(long seconds) {
        return seconds == SetInterfaceAddress.INFINITE ? -1 : seconds;
    }

    // -- link-level address (sys/net/if.c if_setlladdr) ------------------------------------------

    /**
     * SIOCSIFLLADDR: the length may not change (lo has no address: EINVAL), then the
     * iflladdr_event handlers announce it: arp_iflladdr() sends a gratuitous ARP for every IPv4
     * address of an up interface (if_ether.c arp_handle_ifllchange), nd6 advertises the IPv6 ones.
     */
    private static Decision setLinkAddress(Host host, Ifnet ifp, String text) {
        Optional<MacAddress> mac = MacAddress.parse(text);
        if (ifp.mac < 0 || mac.isEmpty()) return Decision.reject(Errno.EINVAL);
        int vnet = ifp.vnet.id;
        List<Event> events = new ArrayList<>();
        events.add(new LinkAddressSet(vnet, ifp.name, mac.get().toString()));
        if (!ifp.isUp()) return Decision.accept(events);
        if ((ifp.flags & IfFlags.NOARP) == 0) {
            for (IfAddr a : ifp.addrs()) if (a.isInet()) events.add(new ArpAnnounced(vnet, ifp.name, a.address, host.now));
        }
        boolean inet6 = false;
        for (IfAddr a : ifp.addrs()) inet6 |= a.isInet6();
        if (inet6 && (ifp.nd6Flags & Ifnet.ND6_IFF_IFDISABLED) == 0) {
            events.add(new LinkAddressAdvertised(vnet, ifp.name, host.now));
        }
        return Decision.accept(events);
    }

    private static Decision removeAddress(Ifnet ifp, RemoveInterfaceAddress c) {
        IfAddr target = null;
        if (c.address() == null) {
            for (IfAddr x : ifp.addrs()) {
                if (x.family.equals(c.family())) {
                    target = x;
                    break;
                }
            }
        } else {
            String canon = c.family().equals("inet")
                    ? Ipv4Address.parse(c.address()).map(Ipv4Address::toString).orElse(null)
                    : Ipv6Address.parse(c.address()).map(Ipv6Address::toString).orElse(null);
            if (canon == null) return Decision.reject(Errno.EINVAL);
            target = ifp.findAddr(c.family(), canon);
        }
        if (target == null) return Decision.reject(Errno.EADDRNOTAVAIL);
        return Decision.accept(new AddressRemoved(ifp.vnet.id, ifp.name, target.family, target.address));
    }

    // -- flags -------------------------------------------------------------------------------

    private static Decision setFlags(Host host, Ifnet ifp, int set, int clear) {
        // if.c ifhwioctl(SIOCSIFFLAGS): a user's PROMISC is the sticky PPROMISC.
        if ((set & IfFlags.PROMISC) != 0) set |= IfFlags.PPROMISC;
        if ((clear & IfFlags.PROMISC) != 0) clear |= IfFlags.PPROMISC;
        List<Event> events = new ArrayList<>();
        boolean goingUp = !ifp.isUp() && (set & IfFlags.UP) != 0;
        events.add(new InterfaceFlagsSet(ifp.vnet.id, ifp.name, set, clear));
        if (goingUp) in6Attach(ifp, ifp.nd6Flags, events, false);
        return Decision.accept(events);
    }

    /** The interface goes up, and if_up() -> in6_if_up() attaches IPv6 if it is enabled. */
    private static void bringUp(Ifnet ifp, int nd6, List<Event> events, boolean hasLinkLocal) {
        events.add(new InterfaceFlagsSet(ifp.vnet.id, ifp.name, IfFlags.UP, 0));
        in6Attach(ifp, nd6, events, hasLinkLocal);
    }

    /**
     * netinet6/in6_ifattach.c in6_ifattach(): on an up interface with IPv6 enabled, loopback gets
     * ::1, and with AUTO_LINKLOCAL every interface gets its fe80::/64 (EUI-64 of the MAC, fe80::1
     * on loopback) unless it has one.
     */
    private static void in6Attach(Ifnet ifp, int nd6, List<Event> events, boolean hasLinkLocal) {
        if ((nd6 & Ifnet.ND6_IFF_IFDISABLED) != 0) return;
        int vnet = ifp.vnet.id;
        if ((ifp.flags & IfFlags.LOOPBACK) != 0 && ifp.findAddr("inet6", "::1") == null) {
            events.add(new AddressAdded(vnet, ifp.name, "inet6", "::1", 128, null, 0));
        }
        if ((nd6 & Ifnet.ND6_IFF_AUTO_LINKLOCAL) == 0 || hasLinkLocal) return;
        for (IfAddr a : ifp.addrs()) if (a.isInet6() && IfEvolve.isLinkLocal(a.address)) return;
        String ll;
        if ((ifp.flags & IfFlags.LOOPBACK) != 0) ll = "fe80::1";
        else if (ifp.mac >= 0) ll = Ipv6Address.linkLocalEui64(new MacAddress(ifp.mac)).toString();
        else return;
        events.add(new AddressAdded(vnet, ifp.name, "inet6", ll, 64, null, 0));
    }

    private static Decision setNd6(Host host, Ifnet ifp, int set, int clear) {
        int before = ifp.nd6Flags;
        int after = (before | set) & ~clear;
        List<Event> events = new ArrayList<>();
        events.add(new Nd6FlagsSet(ifp.vnet.id, ifp.name, set, clear));
        boolean enabled = (before & Ifnet.ND6_IFF_IFDISABLED) != 0 && (after & Ifnet.ND6_IFF_IFDISABLED) == 0;
        boolean autoLl = (before & Ifnet.ND6_IFF_AUTO_LINKLOCAL) == 0 && (after & Ifnet.ND6_IFF_AUTO_LINKLOCAL) != 0;
        if ((enabled || autoLl) && ifp.isUp()) in6Attach(ifp, after, events, false);
        return Decision.accept(events);
    }

    // -- mtu, name ---------------------------------------------------------------------------

    private static Decision setMtu(Ifnet ifp, int mtu) {
        if (mtu < IF_MINMTU || mtu > IF_MAXMTU) return Decision.reject(Errno.EINVAL);
        // if.c: MTU changes on bridge members are refused; the bridge sets theirs.
        if (ifp.bridge != null) return Decision.reject(Errno.EOPNOTSUPP);
        List<Event> events = new ArrayList<>();
        if (ifp.softc instanceof BridgeSoftc sc) {
            // if_bridge.c: every member takes the new MTU, or nothing changes.
            for (BridgeSoftc.Member m : sc.members) {
                if (!acceptsMtu(m.ifp, mtu)) return Decision.reject(Errno.EINVAL);
            }
            for (BridgeSoftc.Member m : sc.members) events.add(new InterfaceMtuSet(m.ifp.vnet.id, m.ifp.name, mtu));
        } else if (!acceptsMtu(ifp, mtu)) {
            return Decision.reject(Errno.EINVAL);
        }
        events.add(0, new InterfaceMtuSet(ifp.vnet.id, ifp.name, mtu));
        return Decision.accept(events);
    }

    /** epair takes any MTU ("We basically allow all kinds of MTUs", if_epair.c). */
    private static boolean acceptsMtu(Ifnet ifp, int mtu) {
        return mtu >= IF_MINMTU && mtu <= IF_MAXMTU;
    }

    private static Decision rename(Ifnet ifp, String newName) {
        if (newName.isEmpty() || newName.length() > IFNAMSIZ_MAX) return Decision.reject(Errno.EINVAL);
        if (ifp.vnet.ifunit(newName) != null) return Decision.reject(Errno.EEXIST);
        return Decision.accept(new InterfaceRenamed(ifp.vnet.id, ifp.name, newName));
    }

    // -- bridge (sys/net/if_bridge.c) -----------------------------------------------------------

    private static Decision addMember(Ifnet bridge, String memberName) {
        Ifnet member = bridge.vnet.ifunit(memberName);
        if (member == null) return Decision.reject(Errno.ENOENT);
        if (member == bridge || !member.type.equals("epair")) return Decision.reject(Errno.EINVAL);
        if (member.bridge == bridge) return Decision.reject(Errno.EEXIST);
        if (member.bridge != null) return Decision.reject(Errno.EBUSY);
        if (!member.addrs().isEmpty() && !memberIfaddrs(bridge.vnet)) return Decision.reject(Errno.EINVAL);
        List<Event> events = new ArrayList<>();
        BridgeSoftc sc = IfEvolve.softc(bridge);
        if (sc.members.isEmpty()) {
            if (bridge.mtu != member.mtu) events.add(new InterfaceMtuSet(bridge.vnet.id, bridge.name, member.mtu));
        } else if (member.mtu != bridge.mtu) {
            if (!acceptsMtu(member, bridge.mtu)) return Decision.reject(Errno.EINVAL);
            events.add(new InterfaceMtuSet(member.vnet.id, member.name, bridge.mtu));
        }
        events.add(new BridgeMemberAdded(bridge.vnet.id, bridge.name, member.name));
        return Decision.accept(events);
    }

    private static Decision removeMember(Ifnet bridge, String memberName) {
        Ifnet member = bridge.vnet.ifunit(memberName);
        if (member == null || member.bridge != bridge) return Decision.reject(Errno.ENOENT);
        return Decision.accept(new BridgeMemberRemoved(bridge.vnet.id, bridge.name, member.name));
    }

    private static Decision addStatic(Ifnet bridge, AddBridgeStatic c) {
        Ifnet member = bridge.vnet.ifunit(c.member());
        if (member == null || member.bridge != bridge) return Decision.reject(Errno.ENOENT);
        Optional<MacAddress> mac = MacAddress.parse(c.mac());
        if (mac.isEmpty() || mac.get().isMulticast()) return Decision.reject(Errno.EINVAL);
        if (c.vlan() < 0 || c.vlan() > 4094) return Decision.reject(Errno.EINVAL);
        return Decision.accept(new BridgeStaticAdded(bridge.vnet.id, bridge.name, member.name,
                mac.get().toString(), c.vlan()));
    }

    private static Decision deleteAddress(Ifnet bridge, DeleteBridgeAddress c) {
        Optional<MacAddress> mac = MacAddress.parse(c.mac());
        if (mac.isEmpty()) return Decision.reject(Errno.EINVAL);
        long bits = mac.get().bits();
        boolean found = IfEvolve.softc(bridge).rtable.stream()
                .anyMatch(r -> r.mac() == bits && (c.vlan() < 0 || r.vlan() == c.vlan()));
        if (!found) return Decision.reject(Errno.ENOENT);
        return Decision.accept(new BridgeAddressDeleted(bridge.vnet.id, bridge.name, mac.get().toString(), c.vlan()));
    }
}
