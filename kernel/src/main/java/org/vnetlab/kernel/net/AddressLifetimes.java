package org.vnetlab.kernel.net;

import java.util.ArrayList;
import org.vnetlab.kernel.route.RouteHooks;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;

/**
 * inet6 address lifetimes (sys/netinet6/in6.c in6_update_ifa, nd6.c nd6_timer): an address past
 * its preferred lifetime is {@code deprecated}, one past its valid lifetime is purged. nd6_timer
 * runs every second; here the check runs lazily at the edges of every data-plane event, like the
 * neighbour timers, so time only passes with such events (sleep, ping, ...).
 */
public final class AddressLifetimes {
    static final long SECOND = 1_000_000_000L;

    private AddressLifetimes() {}

    /** time_uptime: whole seconds since boot. */
    static long uptime(long now) {
        return now / SECOND;
    }

    /** in6_update_ifa(): lifetimes in seconds from now, -1 for ND6_INFINITE_LIFETIME. */
    static void set(Host host, IfAddr a, long pltime, long vltime) {
        long up = uptime(host.now);
        a.preferredUntil = pltime < 0 ? IfAddr.INFINITE : up + pltime;
        a.validUntil = vltime < 0 ? IfAddr.INFINITE : up + vltime;
        // in6.c: "if pltime is zero, it's deprecated"; a refreshed one is preferred again.
        if (pltime == 0) a.setFlags(a.flags() | IfAddr.IN6_IFF_DEPRECATED);
        else a.setFlags(a.flags() & ~IfAddr.IN6_IFF_DEPRECATED);
    }

    /** What ifconfig prints after "pltime"/"vltime": the seconds left, 0 once passed. */
    static long remaining(long until, long now) {
        return Math.max(0, until - uptime(now));
    }

    /**
     * Whether an inet6 address of {@code ifp} has a finite lifetime, remembered on the interface
     * until its addresses change (lifetimes are only set together with Ifnet.addrsChanged): most
     * interfaces have none, and a router's thousand of them are then skipped at a glance.
     */
    static boolean anyFinite(Ifnet ifp) {
        int gen = ifp.addrGen() + 1; // 0: never looked (a restored interface starts there)
        if (ifp.lifetimesGen != gen) {
            boolean any = false;
            for (IfAddr a : ifp.addrs()) any |= a.isInet6() && finite(a);
            ifp.finiteLifetimes = any;
            ifp.lifetimesGen = gen;
        }
        return ifp.finiteLifetimes;
    }

    static boolean finite(IfAddr a) {
        return a.preferredUntil != IfAddr.INFINITE || a.validUntil != IfAddr.INFINITE;
    }

    /** nd6_timer(): IFA6_IS_INVALID purges, IFA6_IS_DEPRECATED marks (both "expire < time_uptime"). */
    public static void sweep(Host host, Vnet vnet, long now) {
        long up = uptime(now);
        for (int i = 0, n = vnet.ifnetCount(); i < n; i++) { // a sweep removes addresses, never interfaces
            Ifnet ifp = vnet.ifnetAt(i);
            if (!anyFinite(ifp)) continue;
            for (IfAddr a : new ArrayList<>(ifp.addrs())) {
                if (!a.isInet6()) continue;
                if (a.validUntil != IfAddr.INFINITE && a.validUntil < up) {
                    ifp.removeAddr(a);
                    RouteHooks.addrRemoved(host, vnet, ifp, a);
                    RouteHooks.changed(host, vnet, null);
                    host.timerConfigChanges++;
                } else if (a.preferredUntil != IfAddr.INFINITE && a.preferredUntil < up
                        && (a.flags() & IfAddr.IN6_IFF_DEPRECATED) == 0) {
                    a.setFlags(a.flags() | IfAddr.IN6_IFF_DEPRECATED);
                    host.timerConfigChanges++;
                }
            }
        }
    }

    /**
     * The earliest instant (ns) at which {@link #sweep} could change an address of {@code vnet} as
     * it is now, Long.MAX_VALUE for never. "expire < time_uptime" first holds at (expire + 1) s;
     * a deprecated address past its preferred lifetime stays as it is (its flags changing is
     * reported by the caller, IfEvolve).
     */
    public static long nextDeadline(Vnet vnet) {
        long due = Long.MAX_VALUE;
        for (int i = 0, n = vnet.ifnetCount(); i < n; i++) {
            if (!anyFinite(vnet.ifnetAt(i))) continue;
            for (IfAddr a : vnet.ifnetAt(i).addrs()) {
                if (!a.isInet6()) continue;
                if (a.validUntil != IfAddr.INFINITE) due = Math.min(due, instantAfter(a.validUntil));
                if (a.preferredUntil != IfAddr.INFINITE && (a.flags() & IfAddr.IN6_IFF_DEPRECATED) == 0) {
                    due = Math.min(due, instantAfter(a.preferredUntil));
                }
            }
        }
        return due;
    }

    /** The first ns at which uptime(now) > {@code seconds}; saturating. */
    private static long instantAfter(long seconds) {
        if (seconds < 0) return Long.MIN_VALUE;
        return seconds >= Long.MAX_VALUE / SECOND - 1 ? Long.MAX_VALUE : (seconds + 1) * SECOND;
    }
}
