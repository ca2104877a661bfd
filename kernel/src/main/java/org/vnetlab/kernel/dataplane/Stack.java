package org.vnetlab.kernel.dataplane;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.route.NetCounters;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;
import org.vnetlab.kernel.sysctl.Sysctls;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;

/**
 * One vnet as the data plane sees it during a run: its sysctls, counters and interface
 * addresses pre-parsed, so that the per-packet path does no string work. It is a cache
 * (nothing can change a vnet's configuration while a data-plane event is being applied), plus
 * the IPv4 ident counter (V_ip_id), which is state. The sysctls are read again at every run;
 * the ports only when the vnet's interfaces or addresses changed (Vnet.ifaddrGen), and then
 * each interface's Port, which hangs off it as if_afdata, is re-parsed only if its own
 * addresses changed (Ifnet.addrGen): a router with a thousand interfaces costs a walk over
 * them when one changes, not a thousand parses at every run. A snapshot keeps only the state;
 * the cache is rebuilt on the first run after a restore.
 */
final class Stack implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    static final VnetSubsystem<Stack> SLOT = new VnetSubsystem<>("dataplane") {
        /** A new vnet's timers are swept with the others' (see Engine.sweep). */
        @Override
        public void init(org.vnetlab.kernel.state.Host host, Vnet vnet) {
            if (host.dataplane instanceof Engine e) e.vnetAttached(vnet);
        }

        /** A dying vnet leaves the sweep queue. */
        @Override
        public void destroy(org.vnetlab.kernel.state.Host host, Vnet vnet) {
            vnet.sweepQueue(null);
            super.destroy(host, vnet);
        }
    };

    transient long generation = -1;
    transient boolean forwarding4;
    transient boolean forwarding6;
    transient int ttl;
    transient int hlim;
    transient int maxAgeS;
    transient int maxTries;
    transient int nd6MaxTries;
    transient boolean bmcastEcho;
    transient NetCounters.Counters counters;
    transient Ifnet lo0;
    transient Port[] ports = new Port[0];
    /** {@link #isLocal4}'s table (0 marks a free slot; 0.0.0.0 itself is {@link #local4Zero}). */
    private transient int[] local4 = new int[2];
    private transient boolean local4Zero;
    /** Vnet.ifaddrGen when {@link #ports} was built; -1: never. */
    private transient long portsGen = -1;
    /** V_ip_id: the next IPv4 identification this vnet uses. */
    int ipId = 1;

    /** One interface's parsed addresses and counters, in the vnet {@link #owner} serves. */
    static final class Port {
        final Stack owner;
        final Ifnet ifp;
        final NetCounters.IfStat stat;
        /** Ifnet.addrGen the arrays were parsed at; -1: never. */
        int addrGen = -1;
        /** The owner's portsGen when this port was last found in the vnet. */
        long portsGen;
        int[] v4 = new int[0];
        int[] v4len = new int[0];
        Ipv6Address[] v6 = new Ipv6Address[0];
        int[] v6len = new int[0];

        Port(Stack owner, Ifnet ifp, NetCounters.IfStat stat) {
            this.owner = owner;
            this.ifp = ifp;
            this.stat = stat;
        }

        /** Re-parses the interface's addresses if they changed since. */
        void parse() {
            if (addrGen == ifp.addrGen()) return;
            addrGen = ifp.addrGen();
            List<IfAddr> addrs = ifp.addrs();
            int n4 = 0, n6 = 0;
            for (IfAddr a : addrs) if (a.isInet()) n4++; else if (a.isInet6()) n6++;
            v4 = new int[n4];
            v4len = new int[n4];
            v6 = new Ipv6Address[n6];
            v6len = new int[n6];
            int i4 = 0, i6 = 0;
            for (IfAddr a : addrs) {
                if (a.isInet()) {
                    v4[i4] = Ipv4Address.of(a.address).bits();
                    v4len[i4++] = a.prefixlen;
                } else if (a.isInet6()) {
                    v6[i6] = Ipv6Address.of(a.address);
                    v6len[i6++] = a.prefixlen;
                }
            }
        }

        boolean hasV4(int a) {
            for (int x : v4) if (x == a) return true;
            return false;
        }

        boolean hasV6(Ipv6Address a) {
            for (Ipv6Address x : v6) if (x.equals(a)) return true;
            return false;
        }

        /** The first inet address, or 0 (the interface's primary address, what icmp_reflect uses). */
        int primary4() {
            return v4.length > 0 ? v4[0] : 0;
        }

        Ipv6Address linkLocal() {
            for (Ipv6Address x : v6) if (x.isLinkLocal()) return x;
            return null;
        }

        /** The subnet broadcast address of an address of ours covering {@code a}, i.e. a == it. */
        boolean isSubnetBroadcast(int a) {
            for (int i = 0; i < v4.length; i++) {
                int len = v4len[i];
                if (len >= 31) continue;
                int mask = Ipv4Address.prefixMask(len);
                if ((v4[i] & mask) == (a & mask) && (a | mask) == -1) return true;
            }
            return false;
        }

        boolean ip6Disabled() {
            return (ifp.nd6Flags & Ifnet.ND6_IFF_IFDISABLED) != 0;
        }
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        generation = -1; // a restored engine counts generations from 0 again: never trust the cache
        ports = new Port[0];
        portsGen = -1;
        local4 = new int[2];
    }

    static Stack of(Vnet vnet, long generation) {
        Stack s = SLOT.get(vnet, Stack::new);
        if (s.generation != generation) s.refresh(vnet, generation);
        return s;
    }

    private void refresh(Vnet vnet, long gen) {
        generation = gen;
        forwarding4 = Sysctls.vnetInt(vnet, "net.inet.ip.forwarding") != 0;
        forwarding6 = Sysctls.vnetInt(vnet, "net.inet6.ip6.forwarding") != 0;
        ttl = Sysctls.vnetInt(vnet, "net.inet.ip.ttl");
        hlim = Sysctls.vnetInt(vnet, "net.inet6.ip6.hlim");
        maxAgeS = Sysctls.vnetInt(vnet, "net.link.ether.inet.max_age");
        maxTries = Sysctls.vnetInt(vnet, "net.link.ether.inet.maxtries");
        nd6MaxTries = Sysctls.vnetInt(vnet, "net.inet6.icmp6.nd6_mmaxtries");
        bmcastEcho = Sysctls.vnetInt(vnet, "net.inet.icmp.bmcastecho") != 0;
        counters = NetCounters.of(vnet);
        if (portsGen != vnet.ifaddrGen()) rebuildPorts(vnet);
    }

    private void rebuildPorts(Vnet vnet) {
        portsGen = vnet.ifaddrGen();
        lo0 = null;
        int n = vnet.ifnetCount();
        if (ports.length != n) ports = new Port[n];
        for (int i = 0; i < n; i++) {
            Ifnet ifp = vnet.ifnetAt(i);
            if (lo0 == null && (ifp.flags & IfFlags.LOOPBACK) != 0) lo0 = ifp;
            Port p = ifp.afdata instanceof Port q && q.owner == this ? q : null;
            if (p == null) {
                p = new Port(this, ifp, counters.ifnet(ifp.index));
                ifp.afdata = p;
            }
            p.parse();
            p.portsGen = portsGen;
            ports[i] = p;
        }
        indexLocal4();
    }

    /** The port of {@code ifp} if it is one of this vnet's interfaces (as of this run), else null. */
    Port port(Ifnet ifp) {
        return ifp.afdata instanceof Port p && p.owner == this && p.portsGen == portsGen ? p : null;
    }

    /** Is {@code a} one of this vnet's IPv4 addresses? (in_ifaddrhashtbl's question: one probe, not a walk.) */
    boolean isLocal4(int a) {
        if (a == 0) return local4Zero;
        int[] t = local4;
        int mask = t.length - 1;
        for (int i = mix(a) & mask; ; i = (i + 1) & mask) {
            int x = t[i];
            if (x == a) return true;
            if (x == 0) return false;
        }
    }

    /** The open-addressing set behind {@link #isLocal4}, rebuilt with the ports. */
    private void indexLocal4() {
        int count = 0;
        for (Port p : ports) count += p.v4.length;
        int size = Integer.highestOneBit(Math.max(2, count) * 2 - 1) * 2; // a power of two, at least twice count
        int[] t = new int[size];
        boolean zero = false;
        for (Port p : ports) {
            for (int a : p.v4) {
                if (a == 0) {
                    zero = true;
                    continue;
                }
                int i = mix(a) & (size - 1);
                while (t[i] != 0 && t[i] != a) i = (i + 1) & (size - 1);
                t[i] = a;
            }
        }
        local4 = t;
        local4Zero = zero;
    }

    private static int mix(int a) {
        int h = a * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    boolean isLocal6(Ipv6Address a) {
        for (Port p : ports) if (p.hasV6(a)) return true;
        return false;
    }
}
