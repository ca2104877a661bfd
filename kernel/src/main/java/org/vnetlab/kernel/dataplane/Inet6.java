package org.vnetlab.kernel.dataplane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.route.NeighborTables;
import org.vnetlab.kernel.route.NetCounters;
import org.vnetlab.kernel.route.RouteLookup;
import org.vnetlab.kernel.route.RouteLookup.Nexthop;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.EtherType;
import org.vnetlab.kernel.wire.Icmpv6Packet;
import org.vnetlab.kernel.wire.Icmpv6Repr;
import org.vnetlab.kernel.wire.IpProtocol;
import org.vnetlab.kernel.wire.Ipv6Address;
import org.vnetlab.kernel.wire.Ipv6Packet;
import org.vnetlab.kernel.wire.Ipv6Repr;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * IPv6 over Ethernet with NDP: ip6_input / ip6_forward / ip6_output (sys/netinet6/ip6_input.c,
 * ip6_forward.c, ip6_output.c), source address selection (in6_src.c), ICMPv6 echo and errors
 * (icmp6.c) and neighbour discovery (nd6.c, nd6_nbr.c: NS to the solicited-node group, NA
 * replies, proxy NA for {@code ndp -s ... proxy}, the neighbour cache states). Packets sit at
 * {@link Engine#ETHER_HDR} in their buffer, like {@link Inet4}'s.
 */
final class Inet6 {
    private static final int ETH = Engine.ETHER_HDR;
    private static final int HDR = Ipv6Packet.HEADER_LEN;
    /** icmp6_error(): the error message never exceeds the minimum MTU (ICMPV6_PLD_MAXLEN). */
    private static final int ICMP6_MAXLEN = 1280;
    /** V_nd6_maxqueuelen: packets held per incomplete entry. */
    private static final int ND6_MAXHOLD = 16;
    /** DELAY_FIRST_PROBE_TIME (RFC 4861 §10): a used stale entry is probed after 5 s. */
    private static final long ND6_DELAY = 5 * Neighbors.SECOND;
    /** The NDP hop limit (RFC 4861 §7.1: 255, or the message is dropped). */
    private static final int ND_HLIM = 255;

    private final Engine engine;
    private final Ipv6Packet ip = new Ipv6Packet(new byte[HDR]);
    private final Ipv6Packet ipOut = new Ipv6Packet(new byte[HDR]);
    private final Icmpv6Packet icmp = new Icmpv6Packet(new byte[Icmpv6Packet.HEADER_LEN]);
    private final Icmpv6Packet icmpOut = new Icmpv6Packet(new byte[Icmpv6Packet.HEADER_LEN]);
    /** Replies and errors are built here while the input buffer is still in use. */
    private final byte[] out = new byte[Engine.BUFSIZE];
    /** Neighbour solicitations and advertisements. */
    private final byte[] ndOut = new byte[Engine.BUFSIZE];
    /** Held packets leaving once their neighbour is resolved. */
    private final byte[] holdOut = new byte[Engine.BUFSIZE];
    /** Why the last resolve() gave no MAC: 0 (held) or errno + 1. */
    private int resolveError;

    Inet6(Engine engine) {
        this.engine = engine;
    }

    static int flowHash(Ipv6Address src, Ipv6Address dst) {
        long x = (src.hi() ^ src.lo()) * 31 + (dst.hi() ^ dst.lo());
        return (int) (x ^ (x >>> 32));
    }

    private static int errno(Errno e) {
        return e.ordinal() + 1;
    }

    // -- input -----------------------------------------------------------------------------------

    /** ip6_input(): checks, local delivery (unicast ours, or a group we are in), or forwarding. */
    void input(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int len, boolean l2group) {
        NetCounters.IpStat st = s.counters.ip6;
        st.total++;
        boolean loop = Engine.isLoopback(ifp);
        if (port.ip6Disabled()) {
            st.odropped++; // ip6_input: ND6_IFF_IFDISABLED, the packet is discarded
            return;
        }
        int avail = len - ETH;
        if (avail < HDR) {
            st.toosmall++;
            return;
        }
        ip.wrap(buf, ETH, avail);
        if (ip.version() != 6) {
            st.badvers++;
            return;
        }
        if (!ip.checkLen()) {
            st.tooshort++;
            return;
        }
        int ipLen = HDR + ip.payloadLen();
        ip.wrap(buf, ETH, ipLen);
        Ipv6Address src = ip.srcAddr();
        Ipv6Address dst = ip.dstAddr();
        if (src.isMulticast() || (!loop && (src.isLoopback() || dst.isLoopback()))) {
            st.badaddr++;
            return;
        }
        if (dst.isMulticast()) {
            if (joined(s, dst)) deliver(ifp, s, port, buf, ipLen, true);
            else st.notmember++;
            return;
        }
        if (loop || port.hasV6(dst) || (!dst.isLinkLocal() && s.isLocal6(dst))) {
            deliver(ifp, s, port, buf, ipLen, false);
            return;
        }
        if (!s.forwarding6) {
            st.cantforward++;
            return;
        }
        forward(ifp, s, port, buf, ipLen);
    }

    /** The link-local groups every node is in (in6_ifattach): all-nodes, solicited-node, all-routers when routing. */
    private static boolean joined(Stack s, Ipv6Address g) {
        if ((g.hi() & 0xff0f_0000_0000_0000L) != 0xff02_0000_0000_0000L) return false;
        if (g.equals(Ipv6Address.LINK_LOCAL_ALL_NODES)) return true;
        if (g.equals(Ipv6Address.LINK_LOCAL_ALL_ROUTERS)) return s.forwarding6;
        // solicited-node groups: the NS handler checks the target (ours or a proxy entry)
        return g.hi() == 0xff02_0000_0000_0000L && (g.lo() & 0xffff_ffff_ff00_0000L) == 0x0000_0001_ff00_0000L;
    }

    /** ip6_forward(). */
    private void forward(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int ipLen) {
        NetCounters.IpStat st = s.counters.ip6;
        Ipv6Address src = ip.srcAddr();
        Ipv6Address dst = ip.dstAddr();
        if (src.isUnspecified() || dst.isLinkLocal()) {
            st.cantforward++;
            return;
        }
        if (src.isLinkLocal()) {
            // a link-local source cannot leave its link
            st.cantforward++;
            error(ifp, s, buf, ipLen, Icmpv6Packet.TYPE_DST_UNREACHABLE, Icmpv6Repr.UnreachCode.BEYONDSCOPE.code());
            return;
        }
        int hlim = ip.hopLimit();
        if (hlim <= 1) {
            error(ifp, s, buf, ipLen, Icmpv6Packet.TYPE_TIME_EXCEEDED, 0);
            return;
        }
        Nexthop nh = RouteLookup.lookup(engine.host, ifp.vnet, dst, 0, flowHash(src, dst));
        if (nh == null) {
            st.noroute++;
            st.cantforward++;
            error(ifp, s, buf, ipLen, Icmpv6Packet.TYPE_DST_UNREACHABLE, Icmpv6Repr.UnreachCode.NOROUTE.code());
            return;
        }
        if (nh.isBlackhole()) {
            st.cantforward++;
            return;
        }
        if (nh.isReject()) {
            st.cantforward++;
            error(ifp, s, buf, ipLen, Icmpv6Packet.TYPE_DST_UNREACHABLE, Icmpv6Repr.UnreachCode.REJROUTE.code());
            return;
        }
        ip.setHopLimit(hlim - 1);
        st.forward++;
        int e = output(ifp.vnet, s, buf, ipLen, nh, dst, 0, src);
        if (e != 0 && e != errno(Errno.EHOSTUNREACH)) {
            ip.wrap(buf, ETH, ipLen);
            ip.setHopLimit(hlim);
            error(ifp, s, buf, ipLen, Icmpv6Packet.TYPE_DST_UNREACHABLE, Icmpv6Repr.UnreachCode.ADDR.code());
        }
    }

    private void deliver(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int ipLen, boolean mcast) {
        NetCounters.IpStat st = s.counters.ip6;
        st.delivered++;
        int proto = ip.nextHeader();
        if (proto == IpProtocol.ICMPV6) {
            icmpInput(ifp, s, port, buf, ipLen, mcast);
        } else if (proto == IpProtocol.UDP) {
            // udp6_input: nobody listens (traceroute6's probes)
            if (!mcast) error(ifp, s, buf, ipLen, Icmpv6Packet.TYPE_DST_UNREACHABLE, Icmpv6Repr.UnreachCode.NOPORT.code());
        } else {
            st.noproto++;
        }
    }

    // -- ICMPv6 ----------------------------------------------------------------------------------

    private void icmpInput(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int ipLen, boolean mcast) {
        Ipv6Address src = ip.srcAddr();
        Ipv6Address dst = ip.dstAddr();
        int icmpLen = ipLen - HDR;
        icmp.wrap(buf, ETH + HDR, icmpLen);
        if (!icmp.checkLen() || !icmp.verifyChecksum(src, dst)) return;
        int type = icmp.msgType();
        switch (type) {
            case Icmpv6Packet.TYPE_ECHO_REQUEST -> echoReply(ifp, s, buf, ipLen, src, dst);
            case Icmpv6Packet.TYPE_NEIGHBOR_SOLICIT -> nsInput(ifp, s, port, src, dst);
            case Icmpv6Packet.TYPE_NEIGHBOR_ADVERT -> naInput(ifp, s, port);
            case Icmpv6Packet.TYPE_ECHO_REPLY, Icmpv6Packet.TYPE_DST_UNREACHABLE, Icmpv6Packet.TYPE_TIME_EXCEEDED,
                    Icmpv6Packet.TYPE_PACKET_TOO_BIG, Icmpv6Packet.TYPE_PARAM_PROBLEM -> {
                for (Socket so : engine.sockets) {
                    if (so.vnet == ifp.vnet && so.inet6) {
                        so.queue.add(new Socket.Message(engine.host.now, Arrays.copyOfRange(buf, ETH, ETH + ipLen), ifp));
                    }
                }
            }
            default -> { } // router solicitations/advertisements, redirects: parsed and ignored
        }
    }

    /** icmp6_reflect(): the request's data back, from the address it was sent to. */
    private void echoReply(Ifnet ifp, Stack s, byte[] buf, int ipLen, Ipv6Address src, Ipv6Address dst) {
        int scope = src.isLinkLocal() ? ifp.index : 0;
        Ipv6Address from = dst.isMulticast() ? source(ifp.vnet, s, src, scope) : dst;
        if (from == null) return;
        int icmpLen = ipLen - HDR;
        System.arraycopy(buf, ETH + HDR, out, ETH + HDR, icmpLen);
        icmpOut.wrap(out, ETH + HDR, icmpLen);
        icmpOut.setMsgType(Icmpv6Packet.TYPE_ECHO_REPLY);
        icmpOut.setMsgCode(0);
        icmpOut.fillChecksum(from, src);
        send(ifp.vnet, s, from, src, scope, icmpLen, s.hlim);
    }

    /** icmp6_error(): time exceeded or unreachable about the packet in {@code buf}, to its source. */
    void error(Ifnet ifp, Stack s, byte[] buf, int ipLen, int type, int code) {
        ip.wrap(buf, ETH, ipLen);
        Ipv6Address osrc = ip.srcAddr();
        Ipv6Address odst = ip.dstAddr();
        if (odst.isMulticast() || osrc.isUnspecified() || osrc.isMulticast()) return;
        if (ip.nextHeader() == IpProtocol.ICMPV6 && ipLen > HDR) {
            int otype = buf[ETH + HDR] & 0xff;
            // never an error about an error or a redirect
            if (otype < Icmpv6Packet.TYPE_ECHO_REQUEST || otype == Icmpv6Packet.TYPE_REDIRECT) return;
        }
        int quoted = Math.min(ipLen, ICMP6_MAXLEN - HDR - Icmpv6Packet.HEADER_LEN);
        int icmpLen = Icmpv6Packet.HEADER_LEN + quoted;
        System.arraycopy(buf, ETH, out, ETH + HDR + Icmpv6Packet.HEADER_LEN, quoted);
        Arrays.fill(out, ETH + HDR, ETH + HDR + Icmpv6Packet.HEADER_LEN, (byte) 0);
        int scope = osrc.isLinkLocal() ? ifp.index : 0;
        Ipv6Address from = engine.stack(ifp.vnet).isLocal6(odst) ? odst : source(ifp.vnet, s, osrc, scope);
        if (from == null) return;
        icmpOut.wrap(out, ETH + HDR, icmpLen);
        icmpOut.setMsgType(type);
        icmpOut.setMsgCode(code);
        icmpOut.fillChecksum(from, osrc);
        send(ifp.vnet, s, from, osrc, scope, icmpLen, s.hlim);
    }

    // -- neighbour discovery ---------------------------------------------------------------------

    /** nd6_ns_input(): answer for our addresses and proxied ones, learn the sender. */
    private void nsInput(Ifnet ifp, Stack s, Stack.Port port, Ipv6Address src, Ipv6Address dst) {
        if (ip.hopLimit() != ND_HLIM) return;
        Optional<Icmpv6Repr> parsed = Icmpv6Repr.parse(src, dst, icmp);
        if (parsed.isEmpty() || !(parsed.get() instanceof Icmpv6Repr.NeighborSolicit ns)) return;
        Ipv6Address target = ns.targetAddr();
        if (target.isMulticast()) return;
        if (src.isUnspecified() && !dst.isMulticast()) return;
        Vnet vnet = ifp.vnet;
        boolean proxy = false;
        long tmac = ifp.mac;
        if (!port.hasV6(target)) {
            NeighborTables.Entry pe = NeighborTables.find6(vnet, target, ifp.index);
            if (pe == null || !pe.isPublished() || pe.mac == null) return;
            proxy = true;
            tmac = pe.mac.bits();
        }
        long dstMac;
        Ipv6Address naDst;
        boolean solicited;
        if (src.isUnspecified()) {
            naDst = Ipv6Address.LINK_LOCAL_ALL_NODES; // DAD of somebody else: tell everyone
            dstMac = naDst.multicastMac().bits();
            solicited = false;
        } else {
            MacAddress sll = ns.sourceLinkLayerAddr().orElse(null);
            if (sll == null && dst.isMulticast()) return;
            if (sll != null) cacheLladdr(ifp, s, src, sll);
            naDst = src;
            solicited = true;
            if (sll != null) dstMac = sll.bits();
            else {
                NeighborTables.Entry e = NeighborTables.find6(vnet, src, ifp.index);
                if (e == null || e.mac == null) return;
                dstMac = e.mac.bits();
            }
        }
        Ipv6Address naSrc = proxy ? selectOn(port, naDst) : target;
        if (naSrc == null) return;
        Icmpv6Repr.NeighborAdvert na = new Icmpv6Repr.NeighborAdvert(s.forwarding6, solicited, !proxy, target,
                Optional.of(new MacAddress(tmac)));
        ndSend(ifp, na, naSrc, naDst, dstMac);
    }

    /** nd6_cache_lladdr() for an NS: a new neighbour is STALE; a changed address makes it STALE. */
    private void cacheLladdr(Ifnet ifp, Stack s, Ipv6Address a, MacAddress mac) {
        Vnet vnet = ifp.vnet;
        long now = engine.host.now;
        NeighborTables.Entry e = NeighborTables.find6(vnet, a, ifp.index);
        if (e == null) {
            e = NeighborTables.add6(vnet, a, ifp, mac, NeighborTables.ND6_LLINFO_STALE, Neighbors.uptime(now) + Neighbors.ND6_GC);
            return;
        }
        if (e.isStatic() || e.ifp != ifp) return;
        if (e.mac == null) {
            e.mac = mac;
            e.flags |= NeighborTables.LLE_VALID;
            e.state = NeighborTables.ND6_LLINFO_STALE;
            e.expiresAt = Neighbors.uptime(now) + Neighbors.ND6_GC;
            e.asked = 0;
            flushHold(e);
        } else if (!e.mac.equals(mac)) {
            e.mac = mac;
            e.state = NeighborTables.ND6_LLINFO_STALE;
            e.expiresAt = Neighbors.uptime(now) + Neighbors.ND6_GC;
        }
    }

    /** nd6_na_input(): complete or update the entry of the target; static entries never change. */
    private void naInput(Ifnet ifp, Stack s, Stack.Port port) {
        if (ip.hopLimit() != ND_HLIM) return;
        Optional<Icmpv6Repr> parsed = Icmpv6Repr.parse(ip.srcAddr(), ip.dstAddr(), icmp);
        if (parsed.isEmpty() || !(parsed.get() instanceof Icmpv6Repr.NeighborAdvert na)) return;
        Ipv6Address target = na.targetAddr();
        if (target.isMulticast() || port.hasV6(target)) return; // duplicate address: DAD is not simulated
        NeighborTables.Entry e = NeighborTables.find6(ifp.vnet, target, ifp.index);
        if (e == null || e.isStatic() || e.ifp != ifp) return;
        long now = engine.host.now;
        MacAddress ll = na.targetLinkLayerAddr().orElse(null);
        if (e.mac == null) {
            if (ll == null) return;
            e.mac = ll;
            e.flags |= NeighborTables.LLE_VALID;
            if (na.solicited()) {
                e.state = NeighborTables.ND6_LLINFO_REACHABLE;
                e.expiresAt = Neighbors.uptime(now) + Neighbors.ND6_REACHABLE;
            } else {
                e.state = NeighborTables.ND6_LLINFO_STALE;
                e.expiresAt = Neighbors.uptime(now) + Neighbors.ND6_GC;
            }
            e.isRouter = na.router();
            e.asked = 0;
            flushHold(e);
            return;
        }
        boolean changed = ll != null && !ll.equals(e.mac);
        if (!na.override() && changed) {
            if (e.state == NeighborTables.ND6_LLINFO_REACHABLE) {
                e.state = NeighborTables.ND6_LLINFO_STALE;
                e.expiresAt = Neighbors.uptime(now) + Neighbors.ND6_GC;
            }
            return;
        }
        if (ll != null) e.mac = ll;
        if (na.solicited()) {
            e.state = NeighborTables.ND6_LLINFO_REACHABLE;
            e.expiresAt = Neighbors.uptime(now) + Neighbors.ND6_REACHABLE;
            e.asked = 0;
        } else if (changed) {
            e.state = NeighborTables.ND6_LLINFO_STALE;
            e.expiresAt = Neighbors.uptime(now) + Neighbors.ND6_GC;
        }
        e.isRouter = na.router();
    }

    private void flushHold(NeighborTables.Entry e) {
        if (e.hold == null) return;
        var held = e.hold;
        e.hold = null;
        for (byte[] pkt : held) {
            System.arraycopy(pkt, 0, holdOut, ETH, pkt.length);
            engine.sendFrame(e.ifp, e.mac.bits(), EtherType.IPV6, holdOut, pkt.length);
        }
    }

    /** nd6_ns_output(): to the target's solicited-node group, or unicast when probing a known MAC. */
    private void nsOutput(Ifnet ifp, Stack.Port port, Ipv6Address target, Ipv6Address hint, long unicastMac) {
        Ipv6Address src = hint != null && port.hasV6(hint) ? hint : port.linkLocal();
        if (src == null) src = selectOn(port, target);
        if (src == null) return;
        Ipv6Address dst = unicastMac >= 0 ? target : target.solicitedNodeMulticast();
        long mac = unicastMac >= 0 ? unicastMac : dst.multicastMac().bits();
        ndSend(ifp, new Icmpv6Repr.NeighborSolicit(target, Optional.of(new MacAddress(ifp.mac))), src, dst, mac);
    }

    /** A PROBE entry's unicast solicitation (nd6_llinfo_timer). */
    void probe(Stack s, NeighborTables.Entry e) {
        Stack.Port port = s.port(e.ifp);
        e.asked = 1;
        e.askedAt = engine.host.now;
        if (port == null || !e.ifp.isUp() || port.ip6Disabled()) return;
        nsOutput(e.ifp, port, addressOf(e), null, e.mac.bits());
    }

    private static Ipv6Address addressOf(NeighborTables.Entry e) {
        String t = e.addressText();
        int pct = t.indexOf('%');
        return Ipv6Address.of(pct >= 0 ? t.substring(0, pct) : t);
    }

    /**
     * GRAND (RFC 9131, nd6's link-layer address change handler): an unsolicited, overriding
     * Neighbor Advertisement to all nodes for every usable address, in address order (the
     * link-local first); each after the previous one by the retransmission timer (1 s).
     * [the spacing is inferred from ndp.sh:ndp_grand_linklayer_event, whose global address
     * "should wait a second before sending its NA"]
     */
    void advertiseLinkAddress(Ifnet ifp, Stack s) {
        Stack.Port port = s.port(ifp);
        if (port == null || !Engine.usable(ifp) || port.ip6Disabled()) return;
        long at = engine.host.now;
        Ipv6Address dst = Ipv6Address.LINK_LOCAL_ALL_NODES;
        for (IfAddr a : ifp.addrs()) {
            int bad = IfAddr.IN6_IFF_ANYCAST | IfAddr.IN6_IFF_TENTATIVE | IfAddr.IN6_IFF_DUPLICATED;
            if (!a.isInet6() || (a.flags() & bad) != 0) continue;
            Ipv6Address target = Ipv6Address.of(a.address);
            Ipv6Address src = port.linkLocal() != null ? port.linkLocal() : target;
            Icmpv6Repr na = new Icmpv6Repr.NeighborAdvert(s.forwarding6, false, true, target,
                    Optional.of(new MacAddress(ifp.mac)));
            int icmpLen = na.bufferLen();
            icmpOut.wrap(ndOut, ETH + HDR, icmpLen);
            na.emit(src, dst, icmpOut);
            ipOut.wrap(ndOut, ETH, HDR + icmpLen);
            Ipv6Repr.of(src, dst, IpProtocol.ICMPV6, icmpLen, ND_HLIM).emit(ipOut);
            engine.sendFrameAt(at, ifp, dst.multicastMac().bits(), EtherType.IPV6, ndOut, HDR + icmpLen);
            at += Neighbors.ND6_RETRANS;
        }
    }

    private void ndSend(Ifnet ifp, Icmpv6Repr msg, Ipv6Address src, Ipv6Address dst, long mac) {
        int icmpLen = msg.bufferLen();
        icmpOut.wrap(ndOut, ETH + HDR, icmpLen);
        msg.emit(src, dst, icmpOut);
        ipOut.wrap(ndOut, ETH, HDR + icmpLen);
        Ipv6Repr.of(src, dst, IpProtocol.ICMPV6, icmpLen, ND_HLIM).emit(ipOut);
        engine.sendFrame(ifp, mac, EtherType.IPV6, ndOut, HDR + icmpLen);
    }

    /**
     * nd6_resolve(): the MAC of {@code gw} on {@code ifp}, or -1 when the packet is held while
     * resolution runs (an NS a second, nd6_mmaxtries of them, then the entry goes).
     */
    private long resolve(Ifnet ifp, Stack s, Stack.Port port, Ipv6Address gw, byte[] buf, int ipLen, Ipv6Address src) {
        resolveError = 0;
        Vnet vnet = ifp.vnet;
        long now = engine.host.now;
        NeighborTables.Entry e = NeighborTables.find6(vnet, gw, ifp.index);
        if (e != null && e.ifp != ifp) e = null;
        if (e != null && e.mac != null) {
            if (e.isStatic()) return e.mac.bits();
            switch (e.state) {
                case NeighborTables.ND6_LLINFO_STALE -> {
                    e.state = NeighborTables.ND6_LLINFO_DELAY;
                    e.expiresAt = Neighbors.uptime(now) + ND6_DELAY;
                }
                case NeighborTables.ND6_LLINFO_DELAY -> {
                    if (now >= e.expiresAt) {
                        e.state = NeighborTables.ND6_LLINFO_PROBE;
                        e.asked = 1;
                        e.askedAt = now;
                        e.expiresAt = Neighbors.uptime(now) + s.nd6MaxTries * Neighbors.ND6_RETRANS;
                        nsOutput(ifp, port, gw, src, e.mac.bits());
                    }
                }
                case NeighborTables.ND6_LLINFO_PROBE -> {
                    if (now >= e.askedAt + Neighbors.ND6_RETRANS && e.asked < s.nd6MaxTries) {
                        e.asked++;
                        e.askedAt = now;
                        nsOutput(ifp, port, gw, src, e.mac.bits());
                    }
                }
                default -> { }
            }
            return e.mac.bits();
        }
        if (e != null && e.asked >= s.nd6MaxTries && now >= e.askedAt + Neighbors.ND6_RETRANS) {
            NeighborTables.delete(vnet, e); // nd6_llinfo_timer gave up on it
            e = null;
        }
        if (e == null) {
            e = NeighborTables.add6(vnet, gw, ifp, null, NeighborTables.ND6_LLINFO_INCOMPLETE, 0);
            e.askedAt = now;
            e.asked = 0;
        }
        if (e.hold == null) e.hold = new ArrayList<>(1);
        if (e.hold.size() >= ND6_MAXHOLD) e.hold.remove(0);
        e.hold.add(Arrays.copyOfRange(buf, ETH, ETH + ipLen));
        if (e.asked == 0 || (now >= e.askedAt + Neighbors.ND6_RETRANS && e.asked < s.nd6MaxTries)) {
            e.asked++;
            e.askedAt = now;
            e.expiresAt = Neighbors.uptime(now) + Neighbors.ND6_RETRANS;
            nsOutput(ifp, port, gw, src, -1);
        }
        return -1;
    }

    // -- output ----------------------------------------------------------------------------------

    /** Sends the ICMPv6 message already at {@code out}[ETH + 40..] with a fresh header. */
    private void send(Vnet vnet, Stack s, Ipv6Address src, Ipv6Address dst, int scope, int payloadLen, int hlim) {
        ipOut.wrap(out, ETH, HDR + payloadLen);
        Ipv6Repr.of(src, dst, IpProtocol.ICMPV6, payloadLen, hlim).emit(ipOut);
        s.counters.ip6.localout++;
        Nexthop nh = isLocal(s, dst, scope) ? null : RouteLookup.lookup(engine.host, vnet, dst, scope, flowHash(src, dst));
        output(vnet, s, out, HDR + payloadLen, nh, dst, scope, src);
    }

    /** A program's datagram (header complete at ETH in {@code buf}): route it and send it; 0 or errno + 1. */
    int originate(Vnet vnet, byte[] buf, int ipLen, int scope) {
        Stack s = engine.stack(vnet);
        ipOut.wrap(buf, ETH, ipLen);
        Ipv6Address src = ipOut.srcAddr();
        Ipv6Address dst = ipOut.dstAddr();
        s.counters.ip6.localout++;
        Nexthop nh = isLocal(s, dst, scope) ? null : RouteLookup.lookup(engine.host, vnet, dst, scope, flowHash(src, dst));
        return output(vnet, s, buf, ipLen, nh, dst, scope, src);
    }

    /** ping6's echo request: the data is already at ETH + 48 in {@code buf}. */
    int originateEcho(Vnet vnet, byte[] buf, Ipv6Address src, Ipv6Address dst, int scope, int ident, int seq,
                      int icmpLen, int hlim) {
        Icmpv6Packet echo = new Icmpv6Packet(buf, ETH + HDR, icmpLen);
        echo.setMsgType(Icmpv6Packet.TYPE_ECHO_REQUEST);
        echo.setMsgCode(0);
        echo.setEchoIdent(ident);
        echo.setEchoSeqNo(seq);
        echo.fillChecksum(src, dst);
        Ipv6Repr.of(src, dst, IpProtocol.ICMPV6, icmpLen, hlim).emit(new Ipv6Packet(buf, ETH, HDR + icmpLen));
        return originate(vnet, buf, HDR + icmpLen, scope);
    }

    private static boolean isLocal(Stack s, Ipv6Address dst, int scope) {
        if (dst.isLoopback()) return true;
        if (dst.isLinkLocal()) {
            for (Stack.Port p : s.ports) if (p.ifp.index == scope) return p.hasV6(dst);
            return false;
        }
        return s.isLocal6(dst);
    }

    /** ip6_output() past the route lookup: loopback, blackhole, reject, NDP, the wire. */
    int output(Vnet vnet, Stack s, byte[] buf, int ipLen, Nexthop nh, Ipv6Address dst, int scope, Ipv6Address src) {
        if (nh == null && isLocal(s, dst, scope)) {
            if (s.lo0 == null) return errno(Errno.ENETDOWN);
            engine.loop(s.lo0, buf, ipLen, EtherType.IPV6);
            return 0;
        }
        if (nh == null) {
            s.counters.ip6.noroute++;
            return errno(Errno.EHOSTUNREACH);
        }
        if (nh.isBlackhole()) return 0;
        if (nh.isReject()) return errno(Errno.EHOSTUNREACH);
        Ifnet ifp = nh.ifp();
        if (nh.isLocal() || Engine.isLoopback(ifp)) {
            Ifnet lo = s.lo0 != null ? s.lo0 : ifp;
            engine.loop(lo, buf, ipLen, EtherType.IPV6);
            return 0;
        }
        if (!ifp.isUp()) return errno(Errno.ENETDOWN);
        Stack.Port port = s.port(ifp);
        if (port == null || port.ip6Disabled()) return errno(Errno.ENETDOWN);
        Ipv6Address gw = nh.gateway6() != null ? nh.gateway6() : dst;
        long mac = resolve(ifp, s, port, gw, buf, ipLen, src);
        if (mac < 0) return resolveError;
        engine.sendFrame(ifp, mac, EtherType.IPV6, buf, ipLen);
        return 0;
    }

    // -- source address selection ----------------------------------------------------------------

    /**
     * in6_selectsrc(): the destination itself when it is ours; ::1 for ::1; for a link-local
     * destination the link-local of its zone; otherwise an address of the destination's scope on
     * the outgoing interface (longest matching prefix), then one elsewhere, then the outgoing
     * interface's link-local (a link with only link-local addresses, lpm6.sh). Null when there is
     * no route or no usable address ("No route to host").
     */
    Ipv6Address source(Vnet vnet, Stack s, Ipv6Address dst, int scope) {
        if (dst.isLoopback()) {
            return s.lo0 != null && s.port(s.lo0) != null && s.port(s.lo0).hasV6(dst) ? dst : null;
        }
        if (dst.isLinkLocal() || dst.isMulticast()) {
            Stack.Port p = null;
            for (Stack.Port q : s.ports) if (q.ifp.index == scope) p = q;
            if (p == null || p.ip6Disabled()) return null;
            if (p.hasV6(dst)) return dst;
            return p.linkLocal();
        }
        if (s.isLocal6(dst)) return dst;
        Nexthop nh = RouteLookup.lookup(engine.host, vnet, dst, scope, 0);
        if (nh == null || nh.isReject()) return null;
        Stack.Port out = s.port(nh.ifp());
        Ipv6Address best = out != null && !out.ip6Disabled() ? globalOn(out, dst) : null;
        if (best != null) return best;
        int bestLen = -1;
        for (Stack.Port p : s.ports) {
            if (p.ip6Disabled()) continue;
            for (Ipv6Address a : p.v6) {
                if (a.isLinkLocal() || a.isLoopback()) continue;
                int l = commonPrefix(a, dst);
                if (l > bestLen) {
                    bestLen = l;
                    best = a;
                }
            }
        }
        if (best != null) return best;
        return out != null && !out.ip6Disabled() ? out.linkLocal() : null;
    }

    private static Ipv6Address globalOn(Stack.Port p, Ipv6Address dst) {
        Ipv6Address best = null;
        int bestLen = -1;
        for (Ipv6Address a : p.v6) {
            if (a.isLinkLocal() || a.isLoopback()) continue;
            int l = commonPrefix(a, dst);
            if (l > bestLen) {
                bestLen = l;
                best = a;
            }
        }
        return best;
    }

    /** An address of {@code p} of the scope of {@code dst}, for the NDP messages we answer or send. */
    private static Ipv6Address selectOn(Stack.Port p, Ipv6Address dst) {
        if (dst.isLinkLocal() || dst.isMulticast()) {
            Ipv6Address ll = p.linkLocal();
            return ll != null ? ll : globalOn(p, dst);
        }
        Ipv6Address g = globalOn(p, dst);
        return g != null ? g : p.linkLocal();
    }

    private static int commonPrefix(Ipv6Address a, Ipv6Address b) {
        long x = a.hi() ^ b.hi();
        if (x != 0) return Long.numberOfLeadingZeros(x);
        return 64 + Long.numberOfLeadingZeros(a.lo() ^ b.lo());
    }
}
