package org.vnetlab.kernel.route;

import java.util.HashMap;
import java.util.Map;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;

/**
 * Per-vnet protocol and interface counters (V_ipstat, V_icmpstat, V_arpstat, if_data): what
 * netstat -s and netstat -i print. The data plane increments them; an idle vnet has none
 * allocated and every counter reads 0.
 */
public final class NetCounters extends VnetSubsystem<NetCounters.Counters> {
    public static final NetCounters INSTANCE = new NetCounters();

    private NetCounters() {
        super("counters");
    }

    /** struct ipstat (sys/netinet/ip_var.h), the fields netstat -s -p ip prints. */
    public static final class IpStat implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public long total, badsum, toosmall, tooshort, toolong, badhlen, badlen, badoptions, badvers,
                fragments, fragdropped, fragtimeout, reassembled, delivered, noproto, forward, fastforward,
                cantforward, notmember, redirectsent, localout, rawout, odropped, noroute, fragmented,
                ofragments, cantfrag, nogif, badaddr;
    }

    /** struct icmpstat (sys/netinet/icmp_var.h). */
    public static final class IcmpStat implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public long error, oldicmp, badcode, tooshort, checksum, badlen, bmcastecho, bmcasttstamp, reflect,
                badaddr, noroute;
        public final long[] outhist = new long[41];
        public final long[] inhist = new long[41];
    }

    /** struct arpstat (sys/netinet/if_ether.h). */
    public static final class ArpStat implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public long txrequests, txerrors, txreplies, rxrequests, rxreplies, received, dropped, timeouts, dupips;
    }

    /** if_data counters of one interface, by ifindex. */
    public static final class IfStat implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public long ipackets, ierrors, iqdrops, opackets, oerrors, collisions, ibytes, obytes, imcasts, omcasts;
    }

    public static final class Counters implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public final IpStat ip = new IpStat();
        public final IcmpStat icmp = new IcmpStat();
        public final ArpStat arp = new ArpStat();
        public final IpStat ip6 = new IpStat();
        final Map<Integer, IfStat> ifs = new HashMap<>();

        /** The counters of interface {@code ifindex}, created on first use. */
        public IfStat ifnet(int ifindex) {
            return ifs.computeIfAbsent(ifindex, k -> new IfStat());
        }
    }

    private static final Counters ZERO = new Counters();

    /** For the data plane: this vnet's counters, allocated on first use. */
    public static Counters of(Vnet vnet) {
        return INSTANCE.get(vnet, Counters::new);
    }

    /** For reading: the counters, or a shared all-zero set when none were ever counted. */
    static Counters read(Vnet vnet) {
        Counters c = INSTANCE.peek(vnet);
        return c != null ? c : ZERO;
    }

    static IfStat readIf(Vnet vnet, int ifindex) {
        IfStat s = read(vnet).ifs.get(ifindex);
        return s != null ? s : new IfStat();
    }
}
