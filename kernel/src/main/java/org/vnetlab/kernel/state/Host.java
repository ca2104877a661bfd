package org.vnetlab.kernel.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The whole simulated FreeBSD host of one lab: prison 0 and its jails, the vnets, the host-wide
 * ifindex space. Deterministic: the lab's seed is the only source of "random" values (MAC
 * addresses) and nothing here reads a clock.
 *
 * <p>State changes only through {@link org.vnetlab.kernel.Kernel#evolve}; this class offers the
 * lookups and the low-level bookkeeping the subsystems' evolve code uses.
 */
public final class Host implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** JAIL_MAX in sys/kern/kern_jail.c. */
    public static final int JAIL_MAX = 999999;

    public final long seed;
    public final Prison prison0;
    public final Vnet vnet0;
    /** Active prisons by jid; index 0 is prison0. Grows as jids grow (they are monotonic). */
    private Prison[] prisons = new Prison[16];
    private int prisonCount;
    /** Active prisons by full name: jail(8) and jexec look names up on every command. */
    private final java.util.HashMap<String, Prison> byName = new java.util.HashMap<>();
    /** lastprid: the last jid handed out automatically. */
    public int lastJid;
    private Ifnet[] ifindex = new Ifnet[16];
    private final BitSet ifindexUsed = new BitSet();
    /**
     * Simulated time in nanoseconds since boot (0). Only data-plane events advance it (ping's
     * intervals and waits, traceroute's probes, sleep); nothing reads a wall clock. Neighbour
     * and bridge-table expiries are expressed on this clock; pcap timestamps are now / 1000 µs.
     */
    public long now;
    /**
     * The data plane's reusable engine (buffers, event queue), created on first use. Mostly a
     * cache; the frames still in flight between two events are state (a snapshot keeps them).
     */
    public Object dataplane;
    /**
     * Bumped whenever a timer rather than a command changed the configuration (an inet6 address
     * deprecated or purged at the end of its lifetime, during a data-plane event): what keeps a
     * view of the configuration (the projections' rows) knows to refresh it after such an event
     * too. Transient: a count for the process that watches it, not state.
     */
    public transient long timerConfigChanges;
    /** Packet captures by file name, in the order they were started (see dataplane.Captures). */
    public final java.util.LinkedHashMap<String, org.vnetlab.kernel.wire.PcapWriter> captures =
            new java.util.LinkedHashMap<>();
    /**
     * What the last data-plane event printed and returned (stdout, stderr, exit status): the tool
     * that issued the command reads it right after its syscall. Transient, recomputed on replay.
     */
    public String resultOut = "", resultErr = "";
    public int resultStatus;

    public Host(long seed, String hostname) {
        this.seed = seed;
        this.vnet0 = new Vnet(0);
        this.prison0 = new Prison(0, "0", null, vnet0, true);
        prison0.hostname = hostname;
        prison0.path = "/";
        prison0.childrenMax = JAIL_MAX;
        prison0.persist = true;
        prisons[0] = prison0;
        ifindexUsed.set(0); // ifindex 0 is never used
    }

    // -- prisons --------------------------------------------------------------------------

    /** Every active jid is below this: walk prison(1..jidLimit()) to visit the jails without a list. */
    public int jidLimit() {
        return prisons.length;
    }

    public Prison prison(int jid) {
        return jid >= 0 && jid < prisons.length ? prisons[jid] : null;
    }

    public void addPrison(Prison pr) {
        if (pr.jid >= prisons.length) {
            prisons = Arrays.copyOf(prisons, Math.max(prisons.length * 2, pr.jid + 1));
        }
        prisons[pr.jid] = pr;
        prisonCount++;
        byName.put(pr.name, pr);
    }

    /** Renames a prison (jail -m name=...), keeping the name index right. */
    public void renamePrison(Prison pr, String newName) {
        byName.remove(pr.name);
        pr.name = newName;
        byName.put(newName, pr);
    }

    public void removePrison(Prison pr) {
        prisons[pr.jid] = null;
        prisonCount--;
        byName.remove(pr.name, pr);
    }

    /** Number of jails, not counting the host. */
    public int jailCount() {
        return prisonCount;
    }

    /** Every jail (not the host), in jid order, which is the order jls and jail_get walk them. */
    public List<Prison> jails() {
        List<Prison> list = new ArrayList<>(prisonCount);
        for (int i = 1; i < prisons.length; i++) {
            if (prisons[i] != null) list.add(prisons[i]);
        }
        return list;
    }

    /** The jails below {@code viewer}, in jid order: what jls run inside {@code viewer} lists. */
    public List<Prison> descendants(Prison viewer) {
        if (viewer.isHost()) return jails();
        List<Prison> list = new ArrayList<>();
        for (int i = viewer.jid + 1; i < prisons.length; i++) {
            Prison p = prisons[i];
            if (p != null && p != viewer && p.isDescendantOf(viewer)) list.add(p);
        }
        return list;
    }

    /** The active jail with this full name, or null. */
    public Prison prisonByName(String fullName) {
        return byName.get(fullName);
    }

    /**
     * jail_getid(3) as run inside {@code caller}: a number is a jid (0 is the caller itself),
     * anything else a name relative to the caller. Only the caller's descendants are visible.
     * Returns null when no such jail is visible.
     */
    public Prison lookup(Prison caller, String nameOrJid) {
        if (nameOrJid.isEmpty()) return null;
        if (isNumber(nameOrJid)) {
            long jid;
            try {
                jid = Long.parseLong(nameOrJid);
            } catch (NumberFormatException e) {
                return null;
            }
            if (jid == 0) return caller;
            if (jid < 0 || jid > JAIL_MAX) return null;
            Prison p = prison((int) jid);
            return p != null && p != caller && p.isDescendantOf(caller) ? p : null;
        }
        String full = caller.isHost() ? nameOrJid : caller.name + "." + nameOrJid;
        Prison p = prisonByName(full);
        return p != null && p.isDescendantOf(caller) ? p : null;
    }

    public static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') return false;
        }
        return true;
    }

    /** The vnet named by its owner's jid (0 = host), or null. */
    public Vnet vnet(int id) {
        if (id == 0) return vnet0;
        Prison p = prison(id);
        return p != null && p.ownVnet ? p.vnet : null;
    }

    // -- ifindex space (host-wide in 14+) ----------------------------------------------------

    /** The lowest free ifindex, as ifindex_alloc() hands them out. */
    public int nextIfindex() {
        return ifindexUsed.nextClearBit(1);
    }

    /** The index an interface created right after one with index {@code after} would get. */
    public int nextIfindexAfter(int after) {
        int i = ifindexUsed.nextClearBit(1);
        return i == after ? ifindexUsed.nextClearBit(after + 1) : i;
    }

    public void registerIfindex(Ifnet ifp) {
        if (ifp.index >= ifindex.length) {
            ifindex = Arrays.copyOf(ifindex, Math.max(ifindex.length * 2, ifp.index + 1));
        }
        ifindex[ifp.index] = ifp;
        ifindexUsed.set(ifp.index);
    }

    public void releaseIfindex(Ifnet ifp) {
        ifindex[ifp.index] = null;
        ifindexUsed.clear(ifp.index);
    }

    public Ifnet ifnetByIndex(int index) {
        return index > 0 && index < ifindex.length ? ifindex[index] : null;
    }

    /** Every interface on the host, in all vnets, in ifindex order. */
    public List<Ifnet> allIfnets() {
        List<Ifnet> list = new ArrayList<>();
        for (Ifnet ifp : ifindex) {
            if (ifp != null) list.add(ifp);
        }
        return list;
    }

    // -- snapshots (org.vnetlab.kernel.HostSnapshot) ------------------------------------------

    /*
     * Default Java serialization, except for the links of every interface (vnet, home, peer,
     * bridge), which are written as numbers after the graph and set again on reading. Followed as
     * references they would make the serializer recurse along whole chains of jails (epair to
     * epair through vnets and bridges), overflowing the stack on a lab of a few thousand jails;
     * cut there, the recursion is as deep as the jail hierarchy, whatever the topology.
     */
    @java.io.Serial
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        for (Ifnet ifp : ifindex) {
            if (ifp == null) continue;
            out.writeInt(ifp.index);
            writeVnet(out, ifp.home);
            writeVnet(out, ifp.vnet);
            out.writeInt(ifp.peer == null ? 0 : ifp.peer.index);
            out.writeInt(ifp.bridge == null ? 0 : ifp.bridge.index);
        }
        out.writeInt(0);
    }

    /** A live vnet by its id; any other (the dead home of an interface that outlived it) in full. */
    private void writeVnet(java.io.ObjectOutputStream out, Vnet v) throws java.io.IOException {
        if (v != null && vnet(v.id) == v) {
            out.writeInt(v.id);
        } else {
            out.writeInt(-1);
            out.writeObject(v);
        }
    }

    private Vnet readVnet(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        int id = in.readInt();
        return id >= 0 ? vnet(id) : (Vnet) in.readObject();
    }

    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        for (int index = in.readInt(); index != 0; index = in.readInt()) {
            Ifnet ifp = ifnetByIndex(index);
            Vnet home = readVnet(in);
            Vnet vnet = readVnet(in);
            if (ifp == null || home == null || vnet == null) {
                throw new java.io.InvalidObjectException("interface " + index + " without its vnet");
            }
            ifp.home = home;
            ifp.vnet = vnet;
            ifp.peer = ifnetByIndex(in.readInt());
            ifp.bridge = ifnetByIndex(in.readInt());
        }
    }

    // -- seeded values --------------------------------------------------------------------

    /**
     * A deterministic 64-bit value for {@code (purpose, a, b)} from the lab seed (SplitMix64
     * finalizer). Replaying a lab with the same seed gives the same MACs.
     */
    public long derive(long purpose, long a, long b) {
        long z = seed ^ (purpose * 0x9E3779B97F4A7C15L) ^ (a * 0xBF58476D1CE4E5B9L) ^ (b * 0x94D049BB133111EBL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
