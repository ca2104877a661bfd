package org.vnetlab.kernel.net;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.state.Ifnet;

/**
 * if_bridge(4)'s softc (sys/net/if_bridge.c): the member list, newest first as the kernel inserts
 * at the head, and the address cache (only static entries: the simulator learns nothing).
 */
final class BridgeSoftc {
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

    static final class Member {
        final Ifnet ifp;
        int flags = IFBIF_DEFAULT;

        Member(Ifnet ifp) {
            this.ifp = ifp;
        }
    }

    record RtEntry(long mac, int vlan, Ifnet ifp) {}

    Member member(Ifnet ifp) {
        for (Member m : members) if (m.ifp == ifp) return m;
        return null;
    }

    void removeMember(Ifnet ifp) {
        members.removeIf(m -> m.ifp == ifp);
        rtable.removeIf(e -> e.ifp() == ifp); // bridge_rtdelete()
    }
}
