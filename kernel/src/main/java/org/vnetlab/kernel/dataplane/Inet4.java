package org.vnetlab.kernel.dataplane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.route.NeighborTables;
import org.vnetlab.kernel.route.NetCounters;
import org.vnetlab.kernel.route.RouteLookup;
import org.vnetlab.kernel.route.RouteLookup.Nexthop;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.ArpPacket;
import org.vnetlab.kernel.wire.ArpRepr;
import org.vnetlab.kernel.wire.EtherType;
import org.vnetlab.kernel.wire.IcmpPacket;
import org.vnetlab.kernel.wire.IcmpRepr;
import org.vnetlab.kernel.wire.IpProtocol;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv4Packet;
import org.vnetlab.kernel.wire.Ipv4Repr;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * IPv4 over Ethernet: ARP (sys/netinet/if_ether.c), ip_input / ip_tryforward / ip_output
 * (sys/netinet/ip_input.c, ip_fastfwd.c, ip_output.c) and ICMP (sys/netinet/ip_icmp.c). Packets
 * sit at {@link Engine#ETHER_HDR} in their buffer, with room for the Ethernet header in front.
 */
final class Inet4 {
    private static final int ETH = Engine.ETHER_HDR;
    /** V_arp_maxhold. */
    private static final int ARP_MAXHOLD = 16;
    /** V_icmp_quotelen: bytes of the offending datagram's payload quoted in an ICMP error. */
    private static final int ICMP_QUOTELEN = 8;

    private final Engine engine;
    private final Ipv4Packet ip = new Ipv4Packet(new byte[Ipv4Packet.HEADER_LEN]);
    private final Ipv4Packet ipOut = new Ipv4Packet(new byte[Ipv4Packet.HEADER_LEN]);
    private final IcmpPacket icmp = new IcmpPacket(new byte[IcmpPacket.HEADER_LEN]);
    private final IcmpPacket icmpOut = new IcmpPacket(new byte[IcmpPacket.HEADER_LEN]);
    private final ArpPacket arp = new ArpPacket(new byte[ArpPacket.ETHERNET_IPV4_LEN]);
    /** Where replies and errors are built while the input buffer is still in use. */
    private final byte[] out = new byte[Engine.BUFSIZE];
    private final byte[] arpOut = new byte[Engine.BUFSIZE];
    /** Why the last resolve() gave no MAC: 0 (held) or errno + 1. */
    private int resolveError;

    Inet4(Engine engine) {
        this.engine = engine;
    }

    static int flowHash(int src, int dst) {
        return src * 31 + dst;
    }

    // -- ARP --------------------------------------------------------------------------------------

    /** in_arpinput(): answer requests for our addresses, learn the sender, complete resolutions. */
    void arpInput(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int len) {
        NetCounters.ArpStat st = s.counters.arp;
        st.received++;
        arp.wrap(buf, ETH, len - ETH);
        Optional<ArpRepr> parsed = ArpRepr.parse(arp);
        if (parsed.isEmpty()) {
            st.dropped++;
            return;
        }
        ArpRepr a = parsed.get();
        boolean request = a.operation() == ArpRepr.Operation.REQUEST;
        if (request) st.rxrequests++;
        else st.rxreplies++;
        int spa = a.sourceProtocolAddr().bits();
        int tpa = a.targetProtocolAddr().bits();
        long sha = a.sourceHardwareAddr().bits();
        if (sha == ifp.mac) return; // our own
        if (port.hasV4(spa)) {
            st.dupips++;
            return;
        }
        boolean forUs = port.hasV4(tpa);
        Vnet vnet = ifp.vnet;
        long now = engine.host.now;
        NeighborTables.Entry e = NeighborTables.find4(vnet, a.sourceProtocolAddr());
        if (e != null) {
            if (!e.isStatic() && e.ifp == ifp) learn(s, e, sha, now);
        } else if (forUs) {
            e = NeighborTables.add4(vnet, a.sourceProtocolAddr(), ifp, new MacAddress(sha),
                    NeighborTables.ND6_LLINFO_REACHABLE, Neighbors.uptime(now) + s.maxAgeS * Neighbors.SECOND);
        }
        if (request && forUs) {
            ArpRepr reply = new ArpRepr(ArpRepr.Operation.REPLY, new MacAddress(ifp.mac), a.targetProtocolAddr(),
                    a.sourceHardwareAddr(), a.sourceProtocolAddr());
            arp.wrap(arpOut, ETH, reply.bufferLen());
            reply.emit(arp);
            st.txreplies++;
            engine.sendFrame(ifp, sha, EtherType.ARP, arpOut, reply.bufferLen());
        }
    }

    /** arp_check_update_lle / arp_mark_lle_reachable: the entry now knows its MAC; held packets go. */
    private void learn(Stack s, NeighborTables.Entry e, long mac, long now) {
        e.mac = new MacAddress(mac);
        e.flags |= NeighborTables.LLE_VALID;
        e.state = NeighborTables.ND6_LLINFO_REACHABLE;
        e.expiresAt = Neighbors.uptime(now) + s.maxAgeS * Neighbors.SECOND;
        e.asked = 0;
        if (e.hold != null) {
            var held = e.hold;
            e.hold = null;
            for (byte[] pkt : held) {
                System.arraycopy(pkt, 0, out, ETH, pkt.length);
                engine.sendFrame(e.ifp, mac, EtherType.IPV4, out, pkt.length);
            }
        }
    }

    /** arp_announce_ifaddr(): a gratuitous request for our own new address (sender = target). */
    void announce(Ifnet ifp, Stack s, int addr) {
        if (!Engine.usable(ifp)) return;
        arpRequest(ifp, s, addr, new Ipv4Address(addr));
    }

    private void arpRequest(Ifnet ifp, Stack s, int sip, Ipv4Address tip) {
        ArpRepr req = new ArpRepr(ArpRepr.Operation.REQUEST, new MacAddress(ifp.mac), new Ipv4Address(sip),
                MacAddress.ZERO, tip);
        arp.wrap(arpOut, ETH, req.bufferLen());
        req.emit(arp);
        s.counters.arp.txrequests++;
        engine.sendFrame(ifp, MacAddress.BROADCAST.bits(), EtherType.ARP, arpOut, req.bufferLen());
    }

    /**
     * arpresolve(): the MAC of {@code gw} on {@code ifp}, or -1 when the packet was held (or
     * dropped) while resolution runs; {@code err[0]} then says EHOSTDOWN/EHOSTUNREACH after
     * maxtries unanswered requests.
     */
    private long resolve(Ifnet ifp, Stack s, Stack.Port port, int gw, boolean isGateway, byte[] buf, int ipLen,
                         int src) {
        resolveError = 0;
        Vnet vnet = ifp.vnet;
        long now = engine.host.now;
        Ipv4Address gwa = new Ipv4Address(gw);
        NeighborTables.Entry e = NeighborTables.find4(vnet, gwa);
        if (e != null && e.mac != null && (e.expiresAt == 0 || e.expiresAt > now)) return e.mac.bits();
        if (e != null && e.mac == null && now >= e.askedAt + Neighbors.ARPT_DOWN) {
            NeighborTables.delete(vnet, e);
            e = null;
        }
        if (e == null || e.mac != null) {
            if (e != null) NeighborTables.delete(vnet, e);
            e = NeighborTables.add4(vnet, gwa, ifp, null, NeighborTables.ND6_LLINFO_INCOMPLETE, 0);
            e.askedAt = now;
        }
        if (e.asked >= s.maxTries) {
            resolveError = isGateway ? Errno.EHOSTUNREACH.ordinal() + 1 : Errno.EHOSTDOWN.ordinal() + 1;
            return -1;
        }
        if (e.hold == null) e.hold = new ArrayList<>(1);
        if (e.hold.size() >= ARP_MAXHOLD) e.hold.remove(0);
        e.hold.add(Arrays.copyOfRange(buf, ETH, ETH + ipLen));
        // at most one request a second (la_expire != time_uptime)
        if (e.asked == 0 || Neighbors.uptime(e.askedAt) != Neighbors.uptime(now)) {
            e.asked++;
            e.askedAt = now;
            e.expiresAt = Neighbors.uptime(now);
            int sip = port.hasV4(src) ? src : port.primary4();
            arpRequest(ifp, s, sip, gwa);
        }
        return -1;
    }

    // -- input and forwarding --------------------------------------------------------------------

    /** ip_input(): checks, local delivery, or forwarding when this vnet is a router. */
    void input(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int len, boolean l2group) {
        NetCounters.IpStat st = s.counters.ip;
        st.total++;
        int avail = len - ETH;
        ip.wrap(buf, ETH, avail);
        if (avail < Ipv4Packet.HEADER_LEN) {
            st.toosmall++;
            return;
        }
        if (ip.version() != 4) {
            st.badvers++;
            return;
        }
        if (!ip.checkLen()) {
            st.badlen++;
            return;
        }
        if (!ip.verifyChecksum()) {
            st.badsum++;
            return;
        }
        int ipLen = ip.totalLen();
        ip.wrap(buf, ETH, ipLen);
        if (ip.moreFrags() || ip.fragOffset() != 0) {
            st.fragments++;
            st.fragdropped++;
            return;
        }
        int dst = ip.dstAddr().bits();
        boolean broadcast = l2group || dst == -1 || port.isSubnetBroadcast(dst);
        if (broadcast || (port.ifp.flags & org.vnetlab.kernel.state.IfFlags.LOOPBACK) != 0 || s.isLocal4(dst)) {
            deliver(ifp, s, port, buf, ipLen, broadcast);
            return;
        }
        if (!s.forwarding4) {
            st.cantforward++;
            return;
        }
        forward(ifp, s, port, buf, ipLen);
    }

    /** ip_tryforward() / ip_forward(). */
    private void forward(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int ipLen) {
        NetCounters.IpStat st = s.counters.ip;
        int ttl = ip.ttl();
        if (ttl <= 1) {
            error(ifp, s, port, buf, ipLen, IcmpPacket.TYPE_TIME_EXCEEDED, 0);
            return;
        }
        int src = ip.srcAddr().bits();
        int dst = ip.dstAddr().bits();
        Nexthop nh = RouteLookup.lookup(engine.host, ifp.vnet, new Ipv4Address(dst), flowHash(src, dst));
        if (nh == null) {
            st.noroute++;
            st.cantforward++;
            error(ifp, s, port, buf, ipLen, IcmpPacket.TYPE_DST_UNREACHABLE, IcmpRepr.UnreachCode.HOST.code());
            return;
        }
        if (nh.isBlackhole()) {
            st.cantforward++;
            return;
        }
        if (nh.isReject()) {
            st.cantforward++;
            error(ifp, s, port, buf, ipLen, IcmpPacket.TYPE_DST_UNREACHABLE, IcmpRepr.UnreachCode.HOST.code());
            return;
        }
        ip.setTtl(ttl - 1);
        ip.fillChecksum();
        st.forward++;
        st.fastforward++;
        int e = output(ifp.vnet, s, buf, ipLen, nh, dst, src);
        if (e != 0) {
            ip.wrap(buf, ETH, ipLen);
            ip.setTtl(ttl);
            ip.fillChecksum();
            error(ifp, s, port, buf, ipLen, IcmpPacket.TYPE_DST_UNREACHABLE, IcmpRepr.UnreachCode.HOST.code());
        }
    }

    private void deliver(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int ipLen, boolean broadcast) {
        NetCounters.IpStat st = s.counters.ip;
        st.delivered++;
        int proto = ip.protocol();
        if (proto == IpProtocol.ICMP) {
            icmpInput(ifp, s, port, buf, ipLen, broadcast);
        } else if (proto == IpProtocol.UDP) {
            // udp_input: nobody listens on the port (traceroute's probes)
            if (!broadcast) error(ifp, s, port, buf, ipLen, IcmpPacket.TYPE_DST_UNREACHABLE, IcmpRepr.UnreachCode.PORT.code());
        } else {
            st.noproto++;
            if (!broadcast) error(ifp, s, port, buf, ipLen, IcmpPacket.TYPE_DST_UNREACHABLE, IcmpRepr.UnreachCode.PROTOCOL.code());
        }
    }

    // -- ICMP -------------------------------------------------------------------------------------

    private void icmpInput(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int ipLen, boolean broadcast) {
        NetCounters.IcmpStat st = s.counters.icmp;
        int hl = ip.headerLen();
        icmp.wrap(buf, ETH + hl, ipLen - hl);
        if (!icmp.checkLen()) {
            st.tooshort++;
            return;
        }
        if (!icmp.verifyChecksum()) {
            st.checksum++;
            return;
        }
        int type = icmp.msgType();
        if (type < st.inhist.length) st.inhist[type]++;
        if (type == IcmpPacket.TYPE_ECHO_REQUEST) {
            if (broadcast && !s.bmcastEcho) {
                st.bmcastecho++;
                return;
            }
            echoReply(ifp, s, port, buf, ipLen, broadcast);
            return;
        }
        if (type == IcmpPacket.TYPE_ECHO_REPLY || type == IcmpPacket.TYPE_DST_UNREACHABLE
                || type == IcmpPacket.TYPE_TIME_EXCEEDED) {
            for (Socket so : engine.sockets) {
                if (so.vnet == ifp.vnet && !so.inet6) {
                    so.queue.add(new Socket.Message(engine.host.now, Arrays.copyOfRange(buf, ETH, ETH + ipLen), ifp));
                }
            }
        }
    }

    /** icmp_reflect(): the request's data back to its source, from the address it was sent to. */
    private void echoReply(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int ipLen, boolean broadcast) {
        int src = ip.srcAddr().bits();
        int dst = ip.dstAddr().bits();
        int from = broadcast ? port.primary4() : dst;
        int hl = ip.headerLen();
        int icmpLen = ipLen - hl;
        System.arraycopy(buf, ETH + hl, out, ETH + Ipv4Packet.HEADER_LEN, icmpLen);
        icmpOut.wrap(out, ETH + Ipv4Packet.HEADER_LEN, icmpLen);
        icmpOut.setMsgType(IcmpPacket.TYPE_ECHO_REPLY);
        icmpOut.setMsgCode(0);
        icmpOut.fillChecksum();
        s.counters.icmp.outhist[IcmpPacket.TYPE_ECHO_REPLY]++;
        s.counters.icmp.reflect++;
        send(ifp.vnet, s, from, src, IpProtocol.ICMP, icmpLen, s.ttl);
    }

    /** icmp_error(): time exceeded or unreachable about the datagram in {@code buf}, to its source. */
    void error(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int ipLen, int type, int code) {
        NetCounters.IcmpStat st = s.counters.icmp;
        ip.wrap(buf, ETH, ipLen);
        st.error++;
        int osrc = ip.srcAddr().bits();
        int odst = ip.dstAddr().bits();
        int hl = ip.headerLen();
        if (ip.protocol() == IpProtocol.ICMP && ipLen >= hl + 1) {
            int otype = buf[ETH + hl] & 0xff;
            if (otype != IcmpPacket.TYPE_ECHO_REQUEST && otype != IcmpPacket.TYPE_ECHO_REPLY) {
                st.oldicmp++;
                return;
            }
        }
        if (osrc == 0 || new Ipv4Address(osrc).isMulticast() || new Ipv4Address(odst).isMulticast() || odst == -1) return;
        Ipv4Repr quoted = new Ipv4Repr(ip.srcAddr(), ip.dstAddr(), ip.protocol(), ip.totalLen() - hl, ip.ttl(),
                ip.ident(), ip.dscp(), ip.ecn(), ip.dontFrag());
        byte[] data = Arrays.copyOfRange(buf, ETH + hl, ETH + Math.min(ipLen, hl + ICMP_QUOTELEN));
        IcmpRepr msg = type == IcmpPacket.TYPE_TIME_EXCEEDED
                ? new IcmpRepr.TimeExceeded(IcmpRepr.TimeExceededCode.INTRANS, quoted, data)
                : new IcmpRepr.DstUnreachable(IcmpRepr.UnreachCode.of(code).orElseThrow(), 0, quoted, data);
        int icmpLen = msg.bufferLen();
        icmpOut.wrap(out, ETH + Ipv4Packet.HEADER_LEN, icmpLen);
        msg.emit(icmpOut);
        if (type < st.outhist.length) st.outhist[type]++;
        int from = s.isLocal4(odst) ? odst : port.primary4();
        if (from == 0) from = source(ifp.vnet, s, osrc);
        send(ifp.vnet, s, from, osrc, IpProtocol.ICMP, icmpLen, s.ttl);
    }

    // -- output -----------------------------------------------------------------------------------

    /**
     * Sends the payload already at {@code out}[ETH + 20..] with a fresh header (ip_output for
     * the stack's own messages). Errors are dropped: nobody is there to hear them.
     */
    private void send(Vnet vnet, Stack s, int src, int dst, int proto, int payloadLen, int ttl) {
        Ipv4Repr h = new Ipv4Repr(new Ipv4Address(src), new Ipv4Address(dst), proto, payloadLen, ttl,
                s.ipId++ & 0xffff, 0, 0, false);
        ipOut.wrap(out, ETH, Ipv4Packet.HEADER_LEN + payloadLen);
        h.emit(ipOut);
        s.counters.ip.localout++;
        Nexthop nh = RouteLookup.lookup(engine.host, vnet, h.dstAddr(), flowHash(src, dst));
        output(vnet, s, out, Ipv4Packet.HEADER_LEN + payloadLen, nh, dst, src);
    }

    /**
     * A program's datagram (the IP packet at ETH in {@code buf}, header complete): route it and
     * send it. Returns 0 or the errno + 1 that sendto(2) would report.
     */
    int originate(Vnet vnet, byte[] buf, int ipLen) {
        Stack s = engine.stack(vnet);
        ipOut.wrap(buf, ETH, ipLen);
        int src = ipOut.srcAddr().bits();
        int dst = ipOut.dstAddr().bits();
        s.counters.ip.localout++;
        Nexthop nh = RouteLookup.lookup(engine.host, vnet, new Ipv4Address(dst), flowHash(src, dst));
        return output(vnet, s, buf, ipLen, nh, dst, src);
    }

    /** The next IPv4 identification of {@code vnet}. */
    int nextId(Vnet vnet) {
        return engine.stack(vnet).ipId++ & 0xffff;
    }

    /** in_pcbladdr(): the source address for {@code dst}, 0 when there is no route. */
    int source(Vnet vnet, Stack s, int dst) {
        if (s.isLocal4(dst)) return dst;
        Nexthop nh = RouteLookup.lookup(engine.host, vnet, new Ipv4Address(dst), 0);
        if (nh == null) return 0;
        Stack.Port p = s.port(nh.ifp());
        if (p != null && p.primary4() != 0) return p.primary4();
        for (Stack.Port q : s.ports) if (q.primary4() != 0) return q.primary4();
        return 0;
    }

    /** ip_output() past the route lookup: loopback, blackhole, reject, ARP, the wire. */
    int output(Vnet vnet, Stack s, byte[] buf, int ipLen, Nexthop nh, int dst, int src) {
        if (nh == null) {
            s.counters.ip.noroute++;
            return Errno.EHOSTUNREACH.ordinal() + 1;
        }
        if (nh.isBlackhole()) return 0;
        if (nh.isReject()) return Errno.EHOSTUNREACH.ordinal() + 1;
        Ifnet ifp = nh.ifp();
        if (nh.isLocal() || Engine.isLoopback(ifp)) {
            Ifnet lo = s.lo0 != null ? s.lo0 : ifp;
            engine.loop(lo, buf, ipLen, EtherType.IPV4);
            return 0;
        }
        if (!ifp.isUp()) return Errno.ENETDOWN.ordinal() + 1;
        Stack.Port port = s.port(ifp);
        if (port == null) return Errno.ENETDOWN.ordinal() + 1;
        long mac;
        if (dst == -1 || port.isSubnetBroadcast(dst)) {
            mac = MacAddress.BROADCAST.bits();
        } else {
            int gw = nh.gateway4() != null ? nh.gateway4().bits() : dst;
            mac = resolve(ifp, s, port, gw, nh.gateway4() != null, buf, ipLen, src);
            if (mac < 0) return resolveError;
        }
        engine.sendFrame(ifp, mac, EtherType.IPV4, buf, ipLen);
        return 0;
    }

    static Errno errno(int code) {
        return code == 0 ? null : Errno.values()[code - 1];
    }
}
