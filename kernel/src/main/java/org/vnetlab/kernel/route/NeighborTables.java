package org.vnetlab.kernel.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * Per-vnet ARP and NDP tables (the lltables of sys/net/if_llatbl.c), allocated on the first
 * entry and released when the last one goes. Entries hold the state the data plane needs for
 * dynamic resolution (state, expiresAt in simulated ms, router flag), not just static ones.
 */
public final class NeighborTables extends VnetSubsystem<NeighborTables.Table> {
    public static final NeighborTables INSTANCE = new NeighborTables();

    /** LLE_* (sys/net/if_llatbl.h). */
    public static final int LLE_DELETED = 0x0001;
    public static final int LLE_STATIC = 0x0002;
    public static final int LLE_IFADDR = 0x0004;
    public static final int LLE_VALID = 0x0008;
    public static final int LLE_PUB = 0x0020;

    /** ND6_LLINFO_* (sys/netinet6/nd6.h); ARP entries use REACHABLE or INCOMPLETE. */
    public static final int ND6_LLINFO_NOSTATE = -2;
    public static final int ND6_LLINFO_INCOMPLETE = 0;
    public static final int ND6_LLINFO_REACHABLE = 1;
    public static final int ND6_LLINFO_STALE = 2;
    public static final int ND6_LLINFO_DELAY = 3;
    public static final int ND6_LLINFO_PROBE = 4;

    private NeighborTables() {
        super("llentry");
    }

    /** One llentry. {@code mac} is null while resolution is incomplete. */
    public static final class Entry implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public final String family;
        final Addr address;
        public MacAddress mac;
        public Ifnet ifp;
        public int flags;
        public int state;
        /** Simulated ms when the entry expires; 0 = never. */
        public long expiresAt;
        public boolean isRouter;
        /** Resolution in progress (la_asked, the time of the last request, la_hold): data plane only. */
        public int asked;
        public long askedAt;
        public java.util.List<byte[]> hold;

        Entry(String family, Addr address, MacAddress mac, Ifnet ifp, int flags, int state, long expiresAt) {
            this.family = family;
            this.address = address;
            this.mac = mac;
            this.ifp = ifp;
            this.flags = flags;
            this.state = state;
            this.expiresAt = expiresAt;
        }

        public boolean isStatic() {
            return (flags & LLE_STATIC) != 0;
        }

        public boolean isPublished() {
            return (flags & LLE_PUB) != 0;
        }

        /** The address as arp/ndp print it (link-local with its "%IF" zone). */
        public String addressText() {
            return address.isLinkLocal() ? address.text() + "%" + ifp.name : address.text();
        }
    }

    public static final class Table implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final TreeMap<Addr, Entry> inet = new TreeMap<>();
        final TreeMap<Addr, Entry> inet6 = new TreeMap<>();

        TreeMap<Addr, Entry> family(String family) {
            return "inet6".equals(family) ? inet6 : inet;
        }
    }

    // -- the data plane's access (sys/netinet/if_ether.c, sys/netinet6/nd6.c) ------------------

    public static Entry find4(Vnet vnet, org.vnetlab.kernel.wire.Ipv4Address a) {
        Table t = INSTANCE.peek(vnet);
        return t == null || t.inet.isEmpty() ? null : t.inet.get(Addr.v4(a));
    }

    public static Entry find6(Vnet vnet, org.vnetlab.kernel.wire.Ipv6Address a, int scope) {
        Table t = INSTANCE.peek(vnet);
        return t == null || t.inet6.isEmpty() ? null : t.inet6.get(Addr.v6(a, scope));
    }

    /** A new dynamic entry (incomplete when {@code mac} is null). */
    public static Entry add4(Vnet vnet, org.vnetlab.kernel.wire.Ipv4Address a, Ifnet ifp, MacAddress mac, int state,
                             long expiresAt) {
        Entry e = new Entry("inet", Addr.v4(a), mac, ifp, mac != null ? LLE_VALID : 0, state, expiresAt);
        putEntry(vnet, e);
        return e;
    }

    public static Entry add6(Vnet vnet, org.vnetlab.kernel.wire.Ipv6Address a, Ifnet ifp, MacAddress mac, int state,
                             long expiresAt) {
        Entry e = new Entry("inet6", Addr.v6(a, ifp.index), mac, ifp, mac != null ? LLE_VALID : 0, state, expiresAt);
        putEntry(vnet, e);
        return e;
    }

    public static void delete(Vnet vnet, Entry e) {
        remove(vnet, e.family, e.address);
    }

    /**
     * The live entries of {@code family} (no copy), for the data plane's timer sweep: the caller
     * must not add or delete entries while iterating.
     */
    public static java.util.Collection<Entry> live(Vnet vnet, String family) {
        Table t = INSTANCE.peek(vnet);
        return t == null ? List.of() : t.family(family).values();
    }

    static Entry find(Vnet vnet, String family, Addr address) {
        Table t = INSTANCE.peek(vnet);
        return t == null ? null : t.family(family).get(address);
    }

    /** The entries of {@code family}, by interface then address (the order of a per-interface lltable dump). */
    static List<Entry> entries(Vnet vnet, String family) {
        Table t = INSTANCE.peek(vnet);
        if (t == null) return List.of();
        List<Entry> list = new ArrayList<>(t.family(family).values());
        list.sort(Comparator.comparingInt((Entry e) -> e.ifp.index));
        return list;
    }

    /**
     * What arp -a / ndp -a list: the table's entries plus, as the kernel keeps them, a permanent
     * LLE_IFADDR entry for every address of the vnet's own Ethernet interfaces (in.c
     * in_lltable_alloc for the ifaddr, nd6 likewise). Own entries are not stored: they follow from
     * the addresses, like connected routes.
     */
    static List<Entry> listed(Vnet vnet, String family) {
        List<Entry> list = new ArrayList<>(entries(vnet, family));
        java.util.Set<Addr> present = new java.util.HashSet<>();
        for (Entry e : list) present.add(e.address);
        for (Ifnet ifp : vnet.ifnets()) {
            if (ifp.mac < 0) continue;
            for (org.vnetlab.kernel.state.IfAddr a : ifp.addrs()) {
                if (!a.family.equals(family)) continue;
                Addr addr = Addr.parse(family, a.address).orElse(null);
                if (addr == null) continue;
                if (addr.inet6() && addr.isLinkLocal()) addr = new Addr(true, addr.hi(), addr.lo(), ifp.index);
                if (!present.add(addr)) continue;
                list.add(new Entry(family, addr, new MacAddress(ifp.mac), ifp, LLE_IFADDR | LLE_STATIC | LLE_VALID,
                        ND6_LLINFO_REACHABLE, 0));
            }
        }
        list.sort(Comparator.comparingInt((Entry e) -> e.ifp.index).thenComparing(e -> e.address));
        return list;
    }

    /*
     * Every structural change goes through putEntry/remove/flush/dropUncovered, which tell the
     * vnet its timer deadline is stale (Vnet.timersChanged). The fields of an entry change only
     * inside the data plane, which does the same for every vnet it touches (Engine.stack).
     */
    static void putEntry(Vnet vnet, Entry e) {
        vnet.timersChanged();
        INSTANCE.get(vnet, Table::new).family(e.family).put(e.address, e);
    }

    static void remove(Vnet vnet, String family, Addr address) {
        vnet.timersChanged();
        Table t = INSTANCE.peek(vnet);
        if (t == null) return;
        t.family(family).remove(address);
        releaseIfIdle(vnet, t);
    }

    /** lltable_purge / nd6_purge: every entry of {@code ifp}, or only the dynamic ones. */
    static void flush(Vnet vnet, Ifnet ifp, boolean dynamicOnly) {
        vnet.timersChanged();
        Table t = INSTANCE.peek(vnet);
        if (t == null) return;
        t.inet.values().removeIf(e -> e.ifp == ifp && !(dynamicOnly && e.isStatic()));
        t.inet6.values().removeIf(e -> e.ifp == ifp && !(dynamicOnly && e.isStatic()));
        releaseIfIdle(vnet, t);
    }

    /** After {@code removed} left {@code ifp}: entries no longer covered by a prefix of {@code ifp} go. */
    static void dropUncovered(Vnet vnet, Ifnet ifp, IfAddr removed) {
        vnet.timersChanged();
        Table t = INSTANCE.peek(vnet);
        if (t == null) return;
        t.family(removed.family).values().removeIf(e -> e.ifp == ifp && coveringAddr(ifp, e.address, removed) == null);
        releaseIfIdle(vnet, t);
    }

    /** The address of {@code ifp} whose prefix covers {@code a} (ignoring {@code except}), or null. */
    static IfAddr coveringAddr(Ifnet ifp, Addr a, IfAddr except) {
        for (IfAddr ia : ifp.addrs()) {
            if (ia == except || ia.isInet6() != a.inet6()) continue;
            Addr mine = RouteTables.addrOf(ifp, ia);
            if (mine == null) continue;
            if (a.isLinkLocal() && mine.isLinkLocal() && (a.scope() == 0 || a.scope() == ifp.index)) return ia;
            Addr probe = a.isLinkLocal() ? new Addr(true, a.hi(), a.lo(), ifp.index) : a;
            if (probe.matches(mine.masked(ia.prefixlen), ia.prefixlen)) return ia;
        }
        return null;
    }

    private static void releaseIfIdle(Vnet vnet, Table t) {
        if (t.inet.isEmpty() && t.inet6.isEmpty()) INSTANCE.put(vnet, (Table) null);
    }
}
