package org.vnetlab.kernel.dataplane;

import org.vnetlab.kernel.route.NeighborTables;
import org.vnetlab.kernel.route.NeighborTables.Entry;
import org.vnetlab.kernel.state.Vnet;

/**
 * Neighbour-cache timers applied lazily (arptimer in sys/netinet/if_ether.c, nd6_llinfo_timer in
 * sys/netinet6/nd6.c): entries are checked when the data plane starts or ends a run and when a
 * resolution looks at them, never by a clock of their own.
 */
final class Neighbors {
    static final long SECOND = 1_000_000_000L;
    /** V_arpt_down: an unanswered ARP entry lives 20 s. */
    static final long ARPT_DOWN = 20 * SECOND;
    /** ND6_RETRANS_TIMER: 1 s between solicitations. */
    static final long ND6_RETRANS = SECOND;
    /** REACHABLE_TIME: a confirmed neighbour is reachable for 30 s, then stale. */
    static final long ND6_REACHABLE = 30 * SECOND;
    /** V_nd6_gctimer: a stale entry is collected after a day. */
    static final long ND6_GC = 86400 * SECOND;

    private Neighbors() {}

    /** time_uptime: whole seconds, as expiries are kept. */
    static long uptime(long now) {
        return now / SECOND * SECOND;
    }

    /** Is this dynamic entry still usable at {@code now}? Incomplete ones never are. */
    static boolean valid(Entry e, long now) {
        return e.mac != null && (e.expiresAt == 0 || e.expiresAt > now || !"inet".equals(e.family));
    }

    /**
     * Applies the timers due at {@code now} and answers {@link #nextDeadline} of the entries that
     * are left, found in the same walk (a router's table is walked once per run, not twice).
     */
    static long sweep(Vnet vnet, long now) {
        // The live tables, no copy: an entry's fate depends on itself only, so deleting the dead
        // ones after the walk leaves exactly the state deleting them during it would.
        long[] due = {Long.MAX_VALUE};
        java.util.List<Entry> dead = sweep(NeighborTables.live(vnet, "inet"), now, null, due);
        dead = sweep(NeighborTables.live(vnet, "inet6"), now, dead, due);
        if (dead != null) for (Entry e : dead) NeighborTables.delete(vnet, e);
        return due[0];
    }

    private static java.util.List<Entry> sweep(java.util.Collection<Entry> entries, long now,
                                               java.util.List<Entry> dead, long[] due) {
        for (Entry e : entries) {
            if (e.isStatic()) {
                due[0] = Math.min(due[0], deadline(e));
                continue;
            }
            boolean delete = false;
            if ("inet".equals(e.family)) {
                delete = e.mac == null ? now >= e.askedAt + ARPT_DOWN : e.expiresAt != 0 && e.expiresAt <= now;
            } else if (e.mac == null) {
                if (now >= e.askedAt + ND6_RETRANS) {
                    // nd6_llinfo_timer: after nd6_mmaxtries unanswered solicitations the entry goes
                    if (e.asked >= 3) delete = true;
                }
            } else if (e.expiresAt != 0 && e.expiresAt <= now) {
                if (e.state == NeighborTables.ND6_LLINFO_REACHABLE) {
                    e.state = NeighborTables.ND6_LLINFO_STALE;
                    e.expiresAt = uptime(now) + ND6_GC;
                } else if (e.state == NeighborTables.ND6_LLINFO_DELAY) {
                    // DELAY -> PROBE: unicast solicitations follow (sent when the entry is next used)
                    e.state = NeighborTables.ND6_LLINFO_PROBE;
                    e.asked = 0;
                    e.expiresAt = uptime(now) + 3 * ND6_RETRANS; // the engine sends the probe
                } else {
                    delete = true;
                }
            }
            if (delete) {
                if (dead == null) dead = new java.util.ArrayList<>();
                dead.add(e);
            } else {
                due[0] = Math.min(due[0], deadline(e));
            }
        }
        return dead;
    }

    /** Does the engine's sweep send this entry a unicast solicitation (DELAY -> PROBE done)? */
    static boolean probeDue(Entry e) {
        return "inet6".equals(e.family) && e.state == NeighborTables.ND6_LLINFO_PROBE && e.asked == 0 && e.mac != null;
    }

    /**
     * The earliest instant at which {@link #sweep} or the engine's probe pass could change an
     * entry of {@code vnet} as it is now (Long.MIN_VALUE: at once; Long.MAX_VALUE: never).
     * Mirrors the conditions of sweep exactly.
     */
    static long nextDeadline(Vnet vnet) {
        return Math.min(nextDeadline(NeighborTables.live(vnet, "inet")), nextDeadline(NeighborTables.live(vnet, "inet6")));
    }

    private static long nextDeadline(java.util.Collection<Entry> entries) {
        long due = Long.MAX_VALUE;
        for (Entry e : entries) {
            long d = deadline(e);
            if (d == Long.MIN_VALUE) return d;
            if (d < due) due = d;
        }
        return due;
    }

    /** When the sweep or the probe pass could next change {@code e} as it is now. */
    private static long deadline(Entry e) {
        if (probeDue(e)) return Long.MIN_VALUE;
        if (e.isStatic()) return Long.MAX_VALUE;
        if ("inet".equals(e.family)) return e.mac == null ? e.askedAt + ARPT_DOWN : e.expiresAt != 0 ? e.expiresAt : Long.MAX_VALUE;
        if (e.mac == null) return e.asked >= 3 ? e.askedAt + ND6_RETRANS : Long.MAX_VALUE;
        return e.expiresAt != 0 ? e.expiresAt : Long.MAX_VALUE;
    }
}
