package org.vnetlab.kernel.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A network interface (struct ifnet). It lives in one vnet at a time ({@link #vnet}) and
 * remembers where it was created ({@link #home}, FreeBSD's if_home_vnet) so that it can go
 * back there when a borrowing vnet is destroyed. The ifindex is host-wide, as in 14+.
 *
 * <p>Fields are mutated only by the evolve side of the subsystems; everything else reads.
 */
public final class Ifnet implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** ND6_IFF_* (sys/netinet6/nd6.h). */
    public static final int ND6_IFF_PERFORMNUD = 0x1;
    public static final int ND6_IFF_ACCEPT_RTADV = 0x2;
    public static final int ND6_IFF_PREFER_SOURCE = 0x4;
    public static final int ND6_IFF_IFDISABLED = 0x8;
    public static final int ND6_IFF_DONT_SET_IFROUTE = 0x10;
    public static final int ND6_IFF_AUTO_LINKLOCAL = 0x20;
    public static final int ND6_IFF_NO_RADR = 0x40;
    public static final int ND6_IFF_NO_PREFER_IFACE = 0x80;
    public static final int ND6_IFF_NO_DAD = 0x100;

    /** Read freely; change only with {@link #rename} (the vnet indexes names). */
    public String name;
    /** The cloner's group name: "lo", "epair", "bridge", ... */
    public final String type;
    public final int index;
    /**
     * Set once, at creation. The four links to other objects (home, vnet, peer, bridge) are
     * transient: {@link Host} writes them as numbers in a snapshot, see there why.
     */
    public transient Vnet home;
    public transient Vnet vnet;
    public int flags;
    public int mtu;
    /**
     * Link-level address as 48 bits, or -1 for interfaces without one (lo). Set at creation and
     * changed only by evolve ({@code LinkAddressSet}, if_setlladdr).
     */
    public long mac;
    public String description;
    public int nd6Flags;
    /** The other end of an epair, else null. */
    public transient Ifnet peer;
    /** Driver state (the bridge's softc, ...), owned by the driver's subsystem. */
    public Object softc;
    /** The bridge this interface is a member of, or null. */
    public transient Ifnet bridge;
    private List<IfAddr> addrs;
    /** Bumped at every change of {@link #addrs}: what the data plane's parsed copy compares against. */
    private transient int addrGen;
    /**
     * if_afdata: what the protocols hang off the interface. Here the data plane's parsed copy of
     * the addresses and the counters (a cache, rebuilt when {@link #addrGen} moves; transient).
     */
    public transient Object afdata;
    /** AddressLifetimes' note: whether an address here has a finite lifetime, valid while lifetimesGen == addrGen + 1. */
    public transient int lifetimesGen;
    public transient boolean finiteLifetimes;
    /** Captures tapping this interface (bpf listeners), or null. */
    public List<org.vnetlab.kernel.wire.PcapWriter> taps;

    public Ifnet(String name, String type, int index, Vnet home, long mac) {
        this.name = name;
        this.type = type;
        this.index = index;
        this.home = home;
        this.vnet = home;
        this.mac = mac;
    }

    /** if_rename: the name, and its vnet's index of names. Every rename goes through here. */
    public void rename(String newName) {
        name = newName;
        if (vnet != null) vnet.renamed();
    }

    public boolean isUp() {
        return (flags & IfFlags.UP) != 0;
    }

    /** The addresses in the order they were added (ifconfig prints them so). Never null. */
    public List<IfAddr> addrs() {
        return addrs == null ? List.of() : addrs;
    }

    public void addAddr(IfAddr a) {
        addrsChanged();
        if (addrs == null) addrs = new ArrayList<>(2);
        addrs.add(a);
    }

    /** Inserts at {@code pos} (an inet address that replaces the primary goes first). */
    public void addAddr(int pos, IfAddr a) {
        addrsChanged();
        if (addrs == null) addrs = new ArrayList<>(2);
        addrs.add(pos, a);
    }

    public boolean removeAddr(IfAddr a) {
        if (addrs == null) return false;
        addrsChanged();
        boolean removed = addrs.remove(a);
        if (addrs.isEmpty()) addrs = null;
        return removed;
    }

    public void purgeAddrs() {
        addrsChanged();
        addrs = null;
    }

    /** See {@link #addrGen}. */
    public int addrGen() {
        return addrGen;
    }

    /** The address list (or an address's lifetimes) changed: this interface's and its vnet's caches are stale. */
    public void addrsChanged() {
        addrGen++;
        if (vnet != null) vnet.ifaddrsChanged();
    }

    public IfAddr findAddr(String family, String address) {
        for (IfAddr a : addrs()) {
            if (a.family.equals(family) && a.address.equals(address)) return a;
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
