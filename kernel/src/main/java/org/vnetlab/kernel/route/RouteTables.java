package org.vnetlab.kernel.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;

/**
 * Per-vnet routing tables (fib 0), allocated on the first static route or the first data-plane
 * lookup: an idle vnet has no slot at all. Only static routes are stored. Connected prefix
 * routes and local host routes are derived from the interfaces' addresses each time they are
 * needed, as sys/netinet/in.c in_addprefix() and sys/net/if.c ifa_maintain_loopback_route()
 * would have installed them, so they can never drift from the addresses.
 */
public final class RouteTables extends VnetSubsystem<RouteTables.Table> {
    public static final RouteTables INSTANCE = new RouteTables();

    private RouteTables() {
        super("route");
    }

    /** Key of a route: masked destination and prefix length. */
    record Key(Addr dst, int len) implements Comparable<Key>, java.io.Serializable {
        @Override
        public int compareTo(Key o) {
            int c = dst.compareTo(o.dst);
            return c != 0 ? c : Integer.compare(o.len, len); // radix dupedkey chain: more specific first
        }
    }

    /** One nexthop of a static route; {@code gateway} is null for an interface (-iface) or blackhole route. */
    record StaticNexthop(Addr gateway, Ifnet ifp, int flags) implements java.io.Serializable {}

    /** The per-vnet state: static routes per family (a route with several nexthops is an ECMP group). */
    public static final class Table implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final TreeMap<Key, List<StaticNexthop>> inet = new TreeMap<>();
        final TreeMap<Key, List<StaticNexthop>> inet6 = new TreeMap<>();
        /** Compiled lookup tables, rebuilt lazily after any change. */
        transient RouteLookup.Compiled compiled;

        TreeMap<Key, List<StaticNexthop>> family(String family) {
            return "inet6".equals(family) ? inet6 : inet;
        }

        boolean isEmpty() {
            return inet.isEmpty() && inet6.isEmpty();
        }
    }

    /**
     * A route as the kernel reports it (one per nexthop): what netstat -r lists and route get
     * answers. {@code gateway} is null for a link route ({@code gwIfp}'s link#N is shown instead).
     */
    record Entry(Key key, Addr gateway, Ifnet gwIfp, Ifnet ifp, int flags) {
        Addr dst() {
            return key.dst;
        }

        int len() {
            return key.len;
        }

        boolean isHost() {
            return key.len == key.dst.maxlen();
        }
    }

    static Table table(Vnet vnet) {
        return INSTANCE.get(vnet, Table::new);
    }

    /** Called after every change of routes or addresses of {@code vnet}: drops the compiled lookup table. */
    static void invalidate(Vnet vnet) {
        Table t = INSTANCE.peek(vnet);
        if (t != null) t.compiled = null;
    }

    /** V_loif: the vnet's first loopback interface. */
    static Ifnet loif(Vnet vnet) {
        Ifnet lo = vnet.ifunit("lo0");
        if (lo != null) return lo;
        for (Ifnet ifp : vnet.ifnets()) {
            if ((ifp.flags & IfFlags.LOOPBACK) != 0) return ifp;
        }
        return null;
    }

    /** The address of {@code a} as a table address (link-local scoped to its interface). */
    static Addr addrOf(Ifnet ifp, IfAddr a) {
        if (a.isInet()) return Ipv4Address.parse(a.address).map(Addr::v4).orElse(null);
        return Ipv6Address.parse(a.address).map(x -> Addr.v6(x, ifp.index)).orElse(null);
    }

    /** Every route of {@code family} in {@code vnet}, connected, local and static, in radix (netstat) order. */
    static List<Entry> entries(Vnet vnet, String family) {
        TreeMap<Key, List<Entry>> all = new TreeMap<>();
        boolean v6 = "inet6".equals(family);
        Ifnet loif = loif(vnet);
        for (Ifnet ifp : vnet.ifnets()) {
            boolean loop = (ifp.flags & IfFlags.LOOPBACK) != 0;
            for (IfAddr a : ifp.addrs()) {
                if (a.isInet6() != v6) continue;
                Addr addr = addrOf(ifp, a);
                if (addr == null) continue;
                int max = addr.maxlen();
                if (!v6 && loop) {
                    // in.c: a loopback interface gets a host route to its address through itself
                    putFirst(all, new Entry(new Key(addr, 32), null, ifp, ifp, Rtf.UP | Rtf.HOST | Rtf.PINNED));
                    continue;
                }
                if (a.destination != null) {
                    Addr peer = Addr.parse(family, a.destination).orElse(null);
                    if (peer != null) {
                        putFirst(all, new Entry(new Key(peer, max), null, ifp, ifp, Rtf.UP | Rtf.HOST | Rtf.PINNED));
                    }
                } else if (a.prefixlen < max) {
                    putFirst(all, new Entry(new Key(addr.masked(a.prefixlen), a.prefixlen), null, ifp, ifp,
                            Rtf.UP | Rtf.PINNED));
                }
                Ifnet via = loif != null ? loif : ifp;
                putFirst(all, new Entry(new Key(addr, max), null, ifp, via,
                        Rtf.UP | Rtf.HOST | Rtf.STATIC | Rtf.PINNED));
            }
        }
        Table t = INSTANCE.peek(vnet);
        if (t != null) {
            t.family(family).forEach((key, nhs) -> {
                if (all.containsKey(key)) return; // cannot happen: decide refuses EEXIST
                List<Entry> list = new ArrayList<>(nhs.size());
                for (StaticNexthop nh : nhs) list.add(new Entry(key, nh.gateway(), nh.ifp(), nh.ifp(), nh.flags()));
                all.put(key, list);
            });
        }
        List<Entry> out = new ArrayList<>();
        all.values().forEach(out::addAll);
        return out;
    }

    private static void putFirst(TreeMap<Key, List<Entry>> all, Entry e) {
        all.putIfAbsent(e.key(), List.of(e));
    }

    /** The derived (connected or local) route with exactly this key, or null: such routes are RTF_PINNED. */
    static Entry derived(Vnet vnet, Key key) {
        for (Entry e : entries(vnet, key.dst().family())) {
            if (e.key().equals(key) && (e.flags() & Rtf.PINNED) != 0) return e;
        }
        return null;
    }

    /** Longest-prefix match over every route of the family (slow path, for route get and decide). */
    static List<Entry> match(Vnet vnet, Addr dst) {
        List<Entry> best = new ArrayList<>();
        int bestLen = -1;
        for (Entry e : entries(vnet, dst.family())) {
            if (e.len() < bestLen || !dst.matches(e.dst(), e.len())) continue;
            if (e.len() > bestLen) {
                best.clear();
                bestLen = e.len();
            }
            best.add(e);
        }
        best.sort(Comparator.comparingInt(e -> (e.flags() & Rtf.PINNED) != 0 ? 0 : 1));
        return best;
    }
}
