package org.vnetlab.kernel.dataplane;

import org.vnetlab.kernel.api.DataplaneEvent.TracerouteSent;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.IcmpPacket;
import org.vnetlab.kernel.wire.IpProtocol;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv4Packet;
import org.vnetlab.kernel.wire.Ipv4Repr;
import org.vnetlab.kernel.wire.Icmpv6Packet;
import org.vnetlab.kernel.wire.Ipv6Address;
import org.vnetlab.kernel.wire.Ipv6Packet;
import org.vnetlab.kernel.wire.Ipv6Repr;
import org.vnetlab.kernel.wire.UdpPacket;

/**
 * traceroute(8) as it runs (usr.sbin/traceroute/traceroute.c): UDP probes to port 33434 + seq
 * with growing TTLs, answered by time-exceeded from each router and port-unreachable from the
 * destination; one line per hop, a probe unanswered within -w seconds is a "*".
 */
final class TracerouteRun {
    private static final long SECOND = 1_000_000_000L;
    private static final int BASE_PORT = 33434;

    private TracerouteRun() {}

    static void run(Host host, TracerouteSent e) {
        if (e.destination().contains(":")) {
            run6(host, e);
            return;
        }
        Engine eng = Engine.of(host);
        host.now = Math.max(host.now, e.at());
        eng.begin();
        Vnet vnet = host.vnet(e.vnet());
        Socket socket = new Socket(vnet, false);
        eng.sockets.add(socket);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = 0;
        try {
            Stack s = eng.stack(vnet);
            int dst = Ipv4Address.of(e.destination()).bits();
            int src = e.source().isEmpty() ? eng.inet4.source(vnet, s, dst) : Ipv4Address.of(e.source()).bits();
            int maxHops = e.maxHops() > 0 ? e.maxHops() : s.ttl;
            err.append("traceroute to ").append(e.target()).append(" (").append(new Ipv4Address(dst)).append(')');
            if (!e.source().isEmpty()) err.append(" from ").append(e.source());
            err.append(", ").append(maxHops).append(" hops max, ").append(e.packetLen()).append(" byte packets\n");
            if (src == 0) {
                err.append("traceroute: findsaddr: failed to connect to peer for src addr selection.\n");
                status = 1;
                return;
            }
            byte[] buf = new byte[Engine.BUFSIZE];
            int seq = 0;
            for (int ttl = e.firstTtl(); ttl <= maxHops; ttl++) {
                out.append(String.format("%2d ", ttl));
                int lastAddr = 0;
                boolean gotLast = false;
                boolean gotThere = false;
                int unreachable = 0;
                for (int probe = 0; probe < e.probes(); probe++) {
                    ++seq;
                    long t1 = host.now;
                    int ipLen = Math.max(e.packetLen(), Ipv4Packet.HEADER_LEN + UdpPacket.HEADER_LEN + 2);
                    int udpLen = ipLen - Ipv4Packet.HEADER_LEN;
                    int off = Engine.ETHER_HDR + Ipv4Packet.HEADER_LEN;
                    java.util.Arrays.fill(buf, off, off + udpLen, (byte) 0);
                    buf[off + UdpPacket.HEADER_LEN] = (byte) seq;
                    buf[off + UdpPacket.HEADER_LEN + 1] = (byte) ttl;
                    UdpPacket udp = new UdpPacket(buf, off, udpLen);
                    udp.setSrcPort(e.ident());
                    udp.setDstPort((BASE_PORT + seq) & 0xffff);
                    udp.setDatagramLen(udpLen);
                    udp.fillChecksum(new Ipv4Address(src), new Ipv4Address(dst));
                    new Ipv4Repr(new Ipv4Address(src), new Ipv4Address(dst), IpProtocol.UDP, udpLen, ttl,
                            (e.ident() + seq) & 0xffff, 0, 0, false).emit(new Ipv4Packet(buf, Engine.ETHER_HDR, ipLen));
                    int code = eng.inet4.originate(vnet, buf, ipLen);
                    if (code != 0) {
                        err.append("traceroute: wrote ").append(e.destination()).append(' ').append(ipLen)
                                .append(" chars, ret=-1\n");
                    }
                    long deadline = t1 + e.waitS() * SECOND;
                    boolean answered = false;
                    while (eng.runUntil(deadline, socket)) {
                        Socket.Message m = socket.queue.poll();
                        int kind = packetOk(m.packet(), e.ident(), BASE_PORT + seq);
                        if (kind == 0) continue;
                        Ipv4Packet ip = new Ipv4Packet(m.packet(), 0, m.packet().length);
                        int from = ip.srcAddr().bits();
                        if (!gotLast || from != lastAddr) {
                            if (gotLast) out.append("\n   ");
                            String a = new Ipv4Address(from).toString();
                            out.append(' ').append(a);
                            if (!e.numeric()) out.append(" (").append(a).append(')');
                            lastAddr = from;
                            gotLast = true;
                        }
                        out.append(String.format(java.util.Locale.ROOT, "  %.3f ms", (host.now - t1) / 1e6));
                        if (kind > 0) {
                            int c = kind - 1;
                            switch (c) {
                                case 3 -> {
                                    if (ip.ttl() <= 1) out.append(" !");
                                    gotThere = true;
                                }
                                case 0 -> { unreachable++; out.append(" !N"); }
                                case 1 -> { unreachable++; out.append(" !H"); }
                                case 2 -> { gotThere = true; out.append(" !P"); }
                                case 13 -> { unreachable++; out.append(" !X"); }
                                default -> { unreachable++; out.append(" !<").append(c).append('>'); }
                            }
                        }
                        answered = true;
                        break;
                    }
                    if (!answered) out.append(" *");
                }
                out.append('\n');
                if (gotThere || (unreachable > 0 && unreachable >= e.probes() - 1)) break;
            }
        } finally {
            eng.end();
            eng.answer(out.toString(), err.toString(), status);
        }
    }

    /**
     * packet_ok(): 0 if the message is not about our probe, -1 for time exceeded in transit,
     * code + 1 for an unreachable.
     */
    private static int packetOk(byte[] p, int ident, int port) {
        Ipv4Packet ip = new Ipv4Packet(p, 0, p.length);
        int hl = ip.headerLen();
        if (p.length < hl + IcmpPacket.HEADER_LEN + Ipv4Packet.HEADER_LEN + 4) return 0;
        int type = p[hl] & 0xff;
        int code = p[hl + 1] & 0xff;
        if (!(type == IcmpPacket.TYPE_TIME_EXCEEDED && code == 0) && type != IcmpPacket.TYPE_DST_UNREACHABLE) return 0;
        int inner = hl + IcmpPacket.HEADER_LEN;
        Ipv4Packet oip = new Ipv4Packet(p, inner, p.length - inner);
        int ohl = oip.headerLen();
        if (oip.protocol() != IpProtocol.UDP || p.length < inner + ohl + 4) return 0;
        UdpPacket udp = new UdpPacket(p, inner + ohl, p.length - inner - ohl);
        if (udp.srcPort() != ident || udp.dstPort() != (port & 0xffff)) return 0;
        return type == IcmpPacket.TYPE_TIME_EXCEEDED ? -1 : code + 1;
    }

    /** traceroute6.c main loop: UDP probes of {@code packetLen} data bytes, hop limits growing. */
    private static void run6(Host host, TracerouteSent e) {
        Engine eng = Engine.of(host);
        host.now = Math.max(host.now, e.at());
        eng.begin();
        Vnet vnet = host.vnet(e.vnet());
        Socket socket = new Socket(vnet, true);
        eng.sockets.add(socket);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = 0;
        try {
            Stack s = eng.stack(vnet);
            String d = e.destination();
            int pct = d.indexOf('%');
            Ipv6Address dst = Ipv6Address.of(pct >= 0 ? d.substring(0, pct) : d);
            org.vnetlab.kernel.state.Ifnet zone = pct >= 0 ? vnet.ifunit(d.substring(pct + 1)) : null;
            int scope = zone != null ? zone.index : 0;
            Ipv6Address src = e.source().isEmpty() ? eng.inet6.source(vnet, s, dst, scope) : Ipv6Address.of(e.source());
            if (src == null) {
                err.append("connect: No route to host\n");
                status = 1;
                return;
            }
            int maxHops = e.maxHops() > 0 ? e.maxHops() : s.hlim;
            err.append("traceroute6 to ").append(e.target()).append(" (").append(d).append(") from ").append(src)
                    .append(", ").append(maxHops).append(" hops max, ").append(e.packetLen()).append(" byte packets\n");
            if (e.firstTtl() > 1) out.append("Skipping ").append(e.firstTtl() - 1).append(" intermediate hops\n");
            byte[] buf = new byte[Engine.BUFSIZE];
            int seq = 0;
            for (int hops = e.firstTtl(); hops <= maxHops; hops++) {
                out.append(String.format("%2d ", hops));
                Ipv6Address last = null;
                boolean gotThere = false;
                int unreachable = 0;
                for (int probe = 0; probe < e.probes(); probe++) {
                    ++seq;
                    long t1 = host.now;
                    int udpLen = UdpPacket.HEADER_LEN + e.packetLen();
                    int off = Engine.ETHER_HDR + Ipv6Packet.HEADER_LEN;
                    java.util.Arrays.fill(buf, off, off + udpLen, (byte) 0);
                    buf[off + UdpPacket.HEADER_LEN] = (byte) seq;
                    buf[off + UdpPacket.HEADER_LEN + 1] = (byte) hops;
                    UdpPacket udp = new UdpPacket(buf, off, udpLen);
                    udp.setSrcPort(e.ident());
                    udp.setDstPort((BASE_PORT + seq) & 0xffff);
                    udp.setDatagramLen(udpLen);
                    udp.fillChecksum(src, dst);
                    Ipv6Repr.of(src, dst, IpProtocol.UDP, udpLen, hops)
                            .emit(new Ipv6Packet(buf, Engine.ETHER_HDR, Ipv6Packet.HEADER_LEN + udpLen));
                    int code = eng.inet6.originate(vnet, buf, Ipv6Packet.HEADER_LEN + udpLen, scope);
                    if (code != 0) {
                        err.append("sendto: ").append(Inet4.errno(code).text).append('\n');
                        out.append("traceroute6: wrote ").append(e.target()).append(' ').append(e.packetLen())
                                .append(" chars, ret=-1\n");
                    }
                    long deadline = t1 + e.waitS() * SECOND;
                    boolean answered = false;
                    while (eng.runUntil(deadline, socket)) {
                        Socket.Message m = socket.queue.poll();
                        int kind = packetOk6(m.packet(), e.ident(), BASE_PORT + seq);
                        if (kind == 0) continue;
                        Ipv6Packet ip = new Ipv6Packet(m.packet(), 0, m.packet().length);
                        Ipv6Address from = ip.srcAddr();
                        if (!from.equals(last)) {
                            if (probe > 0) out.append("\n   ");
                            String a = from.toString();
                            if (from.isLinkLocal()) a += "%" + m.rcvif().name;
                            out.append(' ').append(a);
                            last = from;
                        }
                        out.append(String.format(java.util.Locale.ROOT, "  %.3f ms", (host.now - t1) / 1e6));
                        if (kind > 0) {
                            switch (kind - 1) {
                                case 0 -> { unreachable++; out.append(" !N"); }
                                case 1 -> { unreachable++; out.append(" !P"); }
                                case 2 -> { unreachable++; out.append(" !S"); }
                                case 3 -> { unreachable++; out.append(" !A"); }
                                case 4 -> {
                                    if (ip.hopLimit() <= 1) out.append(" !");
                                    gotThere = true;
                                }
                                default -> { }
                            }
                        }
                        answered = true;
                        break;
                    }
                    if (!answered) out.append(" *");
                }
                out.append('\n');
                if (gotThere || (unreachable > 0 && unreachable >= (e.probes() + 1) / 2)) break;
            }
        } finally {
            eng.end();
            eng.answer(out.toString(), err.toString(), status);
        }
    }

    /** traceroute6.c packet_ok(): 0, -1 for time exceeded in transit, or unreachable code + 1. */
    private static int packetOk6(byte[] p, int ident, int port) {
        int h = Ipv6Packet.HEADER_LEN;
        if (p.length < h + 8 + Ipv6Packet.HEADER_LEN + UdpPacket.HEADER_LEN) return 0;
        int type = p[h] & 0xff;
        int code = p[h + 1] & 0xff;
        if (!(type == Icmpv6Packet.TYPE_TIME_EXCEEDED && code == 0) && type != Icmpv6Packet.TYPE_DST_UNREACHABLE) return 0;
        int inner = h + 8;
        Ipv6Packet oip = new Ipv6Packet(p, inner, p.length - inner);
        if (oip.nextHeader() != IpProtocol.UDP) return 0;
        UdpPacket udp = new UdpPacket(p, inner + Ipv6Packet.HEADER_LEN, p.length - inner - Ipv6Packet.HEADER_LEN);
        if (udp.srcPort() != ident || udp.dstPort() != (port & 0xffff)) return 0;
        return type == Icmpv6Packet.TYPE_TIME_EXCEEDED ? -1 : code + 1;
    }
}
