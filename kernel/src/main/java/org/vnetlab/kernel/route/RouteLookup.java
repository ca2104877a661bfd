package org.vnetlab.kernel.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;

/**
 * The data plane's fib lookup (fib4_lookup / fib6_lookup): longest-prefix match over connected,
 * local and static routes, with an ECMP choice by flow hash among the nexthops whose interface
 * is up (sys/net/route/nhgrp.c skips nexthops of a down interface, test_routing.sh
 * test_ecmp_routes_by_event).
 *
 * <p>A vnet's routes are compiled into flat arrays, most specific first, and reused until
 * routes or addresses change ({@link RouteTables#invalidate}); a lookup then allocates nothing.
 */
public final class RouteLookup {
    private RouteLookup() {}

    /**
     * Where a packet goes. {@code gateway4}/{@code gateway6} is the next hop to resolve, or null
     * when the destination is on-link. {@code flags} carry RTF_BLACKHOLE, RTF_REJECT, RTF_LOCAL
     * (the destination is one of this vnet's addresses; {@code ifp} is then the interface that
     * holds it) and RTF_GATEWAY.
     */
    public record Nexthop(Ifnet ifp, Ipv4Address gateway4, Ipv6Address gateway6, int flags, int prefixlen) {
        public boolean isBlackhole() {
            return (flags & Rtf.BLACKHOLE) != 0;
        }

        public boolean isReject() {
            return (flags & Rtf.REJECT) != 0;
        }

        public boolean isLocal() {
            return (flags & Rtf.LOCAL) != 0;
        }

        public boolean isGateway() {
            return (flags & Rtf.GATEWAY) != 0;
        }
    }

    /** IPv4 lookup; null when no route matches (EHOSTUNREACH, "No route to host"). */
    public static Nexthop lookup(Host host, Vnet vnet, Ipv4Address dst, int flowHash) {
        Compiled c = compiled(vnet);
        long d = dst.bits() & 0xffffffffL;
        long[] keys = c.v4key;
        long[] masks = c.v4mask;
        for (int i = 0; i < keys.length; i++) {
            if ((d & masks[i]) == keys[i]) return choose(c.v4nh[i], flowHash);
        }
        return null;
    }

    /** IPv6 lookup; {@code scope} is the ifindex a link-local destination belongs to (0 for global ones). */
    public static Nexthop lookup(Host host, Vnet vnet, Ipv6Address dst, int scope, int flowHash) {
        Compiled c = compiled(vnet);
        long hi = dst.hi();
        long lo = dst.lo();
        for (int i = 0; i < c.v6hi.length; i++) {
            if ((hi & c.v6mhi[i]) == c.v6hi[i] && (lo & c.v6mlo[i]) == c.v6lo[i]
                    && (c.v6scope[i] == 0 || c.v6scope[i] == scope)) {
                return choose(c.v6nh[i], flowHash);
            }
        }
        return null;
    }

    /** ECMP: a nexthop on an up interface picked by the flow hash; if all are down, the first (output fails). */
    private static Nexthop choose(Nexthop[] nhs, int flowHash) {
        if (nhs.length == 1) return nhs[0];
        int up = 0;
        for (Nexthop nh : nhs) if (nh.ifp().isUp()) up++;
        if (up == 0) return nhs[0];
        int pick = Math.floorMod(mix(flowHash), up);
        for (Nexthop nh : nhs) {
            if (nh.ifp().isUp() && pick-- == 0) return nh;
        }
        return nhs[0];
    }

    /** Spreads small, similar flow hashes (consecutive addresses) evenly. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    static Compiled compiled(Vnet vnet) {
        RouteTables.Table t = RouteTables.table(vnet);
        Compiled c = t.compiled;
        if (c == null) {
            c = new Compiled(vnet);
            t.compiled = c;
        }
        return c;
    }

    /** One vnet's routes as flat arrays, most specific prefix first. */
    static final class Compiled {
        final long[] v4key;
        final long[] v4mask;
        final Nexthop[][] v4nh;
        final long[] v6hi;
        final long[] v6lo;
        final long[] v6mhi;
        final long[] v6mlo;
        final int[] v6scope;
        final Nexthop[][] v6nh;

        Compiled(Vnet vnet) {
            List<List<RouteTables.Entry>> g4 = groups(RouteTables.entries(vnet, "inet"));
            v4key = new long[g4.size()];
            v4mask = new long[g4.size()];
            v4nh = new Nexthop[g4.size()][];
            for (int i = 0; i < g4.size(); i++) {
                RouteTables.Entry e = g4.get(i).get(0);
                v4key[i] = e.dst().lo();
                v4mask[i] = e.len() == 0 ? 0 : (0xffffffffL << (32 - e.len())) & 0xffffffffL;
                v4nh[i] = nexthops(g4.get(i));
            }
            List<List<RouteTables.Entry>> g6 = groups(RouteTables.entries(vnet, "inet6"));
            int n = g6.size();
            v6hi = new long[n];
            v6lo = new long[n];
            v6mhi = new long[n];
            v6mlo = new long[n];
            v6scope = new int[n];
            v6nh = new Nexthop[n][];
            for (int i = 0; i < n; i++) {
                RouteTables.Entry e = g6.get(i).get(0);
                Ipv6Address m = Ipv6Address.mask(e.len());
                v6hi[i] = e.dst().hi();
                v6lo[i] = e.dst().lo();
                v6mhi[i] = m.hi();
                v6mlo[i] = m.lo();
                v6scope[i] = e.dst().scope();
                v6nh[i] = nexthops(g6.get(i));
            }
        }

        private static List<List<RouteTables.Entry>> groups(List<RouteTables.Entry> entries) {
            List<List<RouteTables.Entry>> groups = new ArrayList<>();
            for (RouteTables.Entry e : entries) {
                List<RouteTables.Entry> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (last != null && last.get(0).key().equals(e.key())) last.add(e);
                else groups.add(new ArrayList<>(List.of(e)));
            }
            groups.sort(Comparator.comparingInt((List<RouteTables.Entry> g) -> -g.get(0).len()));
            return groups;
        }

        private static Nexthop[] nexthops(List<RouteTables.Entry> group) {
            Nexthop[] out = new Nexthop[group.size()];
            for (int i = 0; i < out.length; i++) {
                RouteTables.Entry e = group.get(i);
                boolean local = (e.flags() & (Rtf.HOST | Rtf.PINNED)) == (Rtf.HOST | Rtf.PINNED) && e.ifp() != e.gwIfp();
                boolean loopHost = (e.flags() & Rtf.PINNED) != 0 && e.isHost() && e.gateway() == null
                        && e.ifp() == e.gwIfp() && (e.ifp().flags & org.vnetlab.kernel.state.IfFlags.LOOPBACK) != 0;
                int flags = e.flags() | (local || loopHost ? Rtf.LOCAL : 0);
                Addr gw = e.gateway();
                out[i] = new Nexthop(local ? e.gwIfp() : e.ifp(),
                        gw != null && !gw.inet6() ? gw.toIpv4() : null,
                        gw != null && gw.inet6() ? gw.toIpv6() : null, flags, e.len());
            }
            return out;
        }
    }
}
