package org.vnetlab.kernel.net;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.state.Ifnet;

/**
 * if_bridge(4)'s softc (sys/net/if_bridge.c): the member list, newest first as the kernel inserts
 * at the head, and the address cache: static entries (ifconfig static) and the ones the data
 * plane learns (bridge_rtupdate), which age out after {@link #BRT_TIMEOUT_S} of simulated time.
 */
public final class BridgeSoftc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** IFBIF_* member flags as a new member gets them: LEARNING, DISCOVER, AUTOEDGE, AUTOPTP. */
    static final int IFBIF_DEFAULT = 0x143;
    static final int IFBIF_STP = 0x4;

    final int unit;
    final List<Member> members = new ArrayList<>(2);
    /** sc_rtlist, newest first. */
    final List<RtEntry> rtable = new ArrayList<>(0);

    BridgeSoftc(int unit) {
        this.unit = unit;
    }

    static final class Member implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final Ifnet ifp;
        int flags = IFBIF_DEFAULT;

        Member(Ifnet ifp) {
            this.ifp = ifp;
        }
    }

    /** IFBAF_STATIC. */
    static final int IFBAF_STATIC = 0x1;
    /** sc_brttimeout: net.link.bridge's default "timeout 1200". */
    public static final long BRT_TIMEOUT_S = 1200;

    /** {@code expiresAt} in simulated ns (Host.now), 0 for static entries. */
    record RtEntry(long mac, int vlan, Ifnet ifp, int flags, long expiresAt) implements java.io.Serializable {
        RtEntry(long mac, int vlan, Ifnet ifp) {
            this(mac, vlan, ifp, IFBAF_STATIC, 0);
        }
    }

    // -- the data plane's side (bridge_input / bridge_output) ---------------------------------

    /** The members in the softc's order (newest first). */
    public int memberCount() {
        return members.size();
    }

    public Ifnet memberAt(int i) {
        return members.get(i).ifp;
    }

    public boolean learns(Ifnet member) {
        Member m = member(member);
        return m != null && (m.flags & 0x1) != 0; // IFBIF_LEARNING
    }

    /** bridge_rtlookup(): the member that {@code mac} was seen on, or null (expired entries are gone). */
    public Ifnet lookup(long mac, long now) {
        for (int i = 0; i < rtable.size(); i++) {
            RtEntry e = rtable.get(i);
            if (e.mac() == mac) {
                if (e.expiresAt() != 0 && e.expiresAt() <= now) return null;
                return e.ifp();
            }
        }
        return null;
    }

    /** bridge_rtupdate(): learn (or refresh) {@code mac} on {@code member}; static entries stay. */
    public void learn(long mac, Ifnet member, long now) {
        long expires = now / 1_000_000_000L * 1_000_000_000L + BRT_TIMEOUT_S * 1_000_000_000L;
        for (int i = 0; i < rtable.size(); i++) {
            RtEntry e = rtable.get(i);
            if (e.mac() == mac) {
                if ((e.flags() & IFBAF_STATIC) != 0) return;
                if (e.ifp() != member || e.expiresAt() != expires) rtable.set(i, new RtEntry(mac, 0, member, 0, expires));
                return;
            }
        }
        rtable.add(0, new RtEntry(mac, 0, member, 0, expires));
    }

    /** bridge_timer(): dynamic entries past their time go. */
    public void age(long now) {
        rtable.removeIf(e -> e.expiresAt() != 0 && e.expiresAt() <= now);
    }

    /** When {@link #age} next removes something: the earliest dynamic expiry, Long.MAX_VALUE if none. */
    public long nextExpiry() {
        long due = Long.MAX_VALUE;
        for (int i = 0; i < rtable.size(); i++) {
            long x = rtable.get(i).expiresAt();
            if (x != 0 && x < due) due = x;
        }
        return due;
    }

    Member member(Ifnet ifp) {
        for (Member m : members) if (m.ifp == ifp) return m;
        return null;
    }

    void removeMember(Ifnet ifp) {
        members.removeIf(m -> m.ifp == ifp);
        rtable.removeIf(e -> e.ifp() == ifp); // bridge_rtdelete()
    }
}
