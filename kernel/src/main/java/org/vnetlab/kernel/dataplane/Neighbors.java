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

    static void sweep(Vnet vnet, long now) {
        for (Entry e : NeighborTables.all(vnet)) {
            if (e.isStatic()) continue;
            if ("inet".equals(e.family)) {
                boolean dead = e.mac == null ? now >= e.askedAt + ARPT_DOWN : e.expiresAt != 0 && e.expiresAt <= now;
                if (dead) NeighborTables.delete(vnet, e);
            } else if (e.mac == null) {
                if (now >= e.askedAt + ND6_RETRANS) {
                    // nd6_llinfo_timer: after nd6_mmaxtries unanswered solicitations the entry goes
                    if (e.asked >= 3) NeighborTables.delete(vnet, e);
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
                    NeighborTables.delete(vnet, e);
                }
            }
        }
    }
}
