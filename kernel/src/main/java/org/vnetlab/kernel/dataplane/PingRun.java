package org.vnetlab.kernel.dataplane;

import org.vnetlab.kernel.api.DataplaneEvent.PingSent;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.IcmpPacket;
import org.vnetlab.kernel.wire.IpProtocol;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv4Packet;
import org.vnetlab.kernel.wire.Ipv4Repr;
import org.vnetlab.kernel.wire.Ipv6Address;
import org.vnetlab.kernel.wire.Ipv6Packet;

/**
 * ping(8) and ping6 as they run (sbin/ping/ping.c, ping6.c, FreeBSD 14): the main loop with its
 * interval, wait and alarm, pr_pack and finish, on simulated time. stdout is modelled as the
 * stdio buffer it is in a pipe: printf text waits for fflush or exit, while the bells of -A/-a and
 * the dots of -f are write(2)s that get out at once (hence "\a\aPING ..." in test_ping.py).
 */
final class PingRun {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /** struct tv32: the timestamp at the start of the data (seconds and nanoseconds, big-endian). */
    private static final int TV32_LEN = 8;
    /**
     * A ping with neither -c nor -t runs until interrupted; the simulation interrupts it (as ^C
     * would) after this many probes, so that a script always ends.
     */
    static final int MAX_ENDLESS = 1000;

    private final Host host;
    private final Engine engine;
    private final PingSent e;
    private final Vnet vnet;
    private final boolean v6;
    private final StringBuilder written = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final Socket socket;
    private final boolean flood, quiet, missed, audible, verbose;
    private final byte[] buf = new byte[Engine.BUFSIZE];
    /**
     * rcvd_tbl, one bit per sequence number modulo mx_dup_ck: MAX_DUP_CHK is 8 * 128 bits in
     * ping.c and 8 * 8192 in ping6.c, so an IPv4 duplicate is recognised within 1,024 sequence
     * numbers and an IPv6 one within all 65,536.
     */
    private final long[] rcvd;
    private final int mxDupCk;

    private int src4, dst4;
    private Ipv6Address src6, dst6;
    private int scope6;
    private long ntransmitted, nreceived, nrepeats, nrcvtimeout, nmissedmax;
    private double tmin = 999999999.0, tmax, tsum, tsumsq;

    private PingRun(Host host, PingSent e) {
        this.host = host;
        this.engine = Engine.of(host);
        this.e = e;
        this.vnet = host.vnet(e.vnet());
        this.v6 = "inet6".equals(e.family());
        this.socket = new Socket(vnet, v6);
        this.mxDupCk = v6 ? 8 * 8192 : 8 * 128;
        this.rcvd = new long[mxDupCk / 64];
        String o = e.options();
        flood = o.indexOf('f') >= 0;
        quiet = o.indexOf('q') >= 0;
        missed = o.indexOf('A') >= 0;
        audible = o.indexOf('a') >= 0;
        verbose = o.indexOf('v') >= 0;
    }

    static void run(Host host, PingSent e) {
        PingRun r = new PingRun(host, e);
        Engine eng = r.engine;
        host.now = Math.max(host.now, e.at());
        eng.begin();
        eng.sockets.add(r.socket);
        int status;
        try {
            status = r.main();
        } finally {
            eng.end();
        }
        r.written.append(r.pending);
        eng.answer(r.written.toString(), r.err.toString(), status);
    }

    private int main() {
        Stack s = engine.stack(vnet);
        if (!v6) {
            dst4 = Ipv4Address.of(e.destination()).bits();
            src4 = e.source().isEmpty() ? engine.inet4.source(vnet, s, dst4) : Ipv4Address.of(e.source()).bits();
            pending.append("PING ").append(e.target()).append(" (").append(new Ipv4Address(dst4)).append(')');
            if (!e.source().isEmpty()) pending.append(" from ").append(e.source());
            pending.append(": ").append(e.size()).append(" data bytes\n");
        } else {
            String d = e.destination();
            int pct = d.indexOf('%');
            dst6 = Ipv6Address.of(pct >= 0 ? d.substring(0, pct) : d);
            scope6 = pct >= 0 && vnet.ifunit(d.substring(pct + 1)) != null ? vnet.ifunit(d.substring(pct + 1)).index : 0;
            src6 = e.source().isEmpty() ? engine.inet6.source(vnet, s, dst6, scope6) : Ipv6Address.of(e.source());
            if (src6 == null) {
                // ping6.c: the UDP connect that picks the source fails first
                err.append("ping: UDP connect: No route to host\n");
                return 1;
            }
            String srcText = src6.toString();
            if (src6.isLinkLocal()) {
                Ifnet zone = scope6 != 0 ? host.ifnetByIndex(scope6) : zoneOf(s, src6);
                if (zone != null) srcText += "%" + zone.name;
            }
            pending.append("PING(").append(e.size() + 48).append("=40+8+").append(e.size()).append(" bytes) ")
                    .append(srcText).append(" --> ").append(pct >= 0 ? d : dst6.toString()).append('\n');
        }
        if (flood) fflush(); // setbuf(stdout, NULL): -f makes stdout unbuffered
        long start = host.now;
        long deadline = e.timeoutS() > 0 ? start + e.timeoutS() * SECOND : Long.MAX_VALUE;
        long intvl = flood ? 10 * MS : e.intervalMs() * MS;
        int count = e.count();
        pinger();
        long last = host.now;
        boolean almostDone = false;
        while (true) {
            long timeout = last + intvl;
            boolean readable = engine.runUntil(Math.min(timeout, deadline), socket);
            if (readable) {
                Socket.Message m = socket.queue.poll();
                if (v6) prPack6(m);
                else prPack(m);
                if (count > 0 && nreceived >= count) break;
                if (!flood) continue;
            } else if (host.now >= deadline) {
                break; // SIGALRM: -t
            }
            if (count == 0 && deadline == Long.MAX_VALUE && ntransmitted >= MAX_ENDLESS) {
                break; // an endless ping is interrupted (SIGINT) after MAX_ENDLESS probes
            }
            if (count == 0 || ntransmitted < count) {
                pinger();
            } else {
                if (almostDone) break;
                almostDone = true;
                if (nreceived > 0) {
                    long sec = (long) (2 * tmax / 1000);
                    intvl = (sec == 0 ? 1 : sec) * SECOND;
                } else {
                    intvl = e.waitMs() * MS;
                }
            }
            last = host.now;
            if (ntransmitted - nreceived - 1 > nmissedmax) {
                nmissedmax = ntransmitted - nreceived - 1;
                if (missed) written.append('\007');
            }
        }
        finish();
        return nreceived > 0 ? 0 : 2;
    }

    /** The interface holding the link-local address {@code a}. */
    private static Ifnet zoneOf(Stack s, Ipv6Address a) {
        for (Stack.Port p : s.ports) if (p.hasV6(a)) return p.ifp;
        return null;
    }

    /** Sends one echo request; a send error is reported and still counts as transmitted. */
    private void pinger() {
        int seq = (int) (ntransmitted & 0xffff);
        int bit = seq % mxDupCk; // CLR(ntransmitted % mx_dup_ck)
        rcvd[bit >> 6] &= ~(1L << bit);
        int size = e.size();
        int icmpLen = IcmpPacket.HEADER_LEN + size;
        int ipHdr = v6 ? Ipv6Packet.HEADER_LEN : Ipv4Packet.HEADER_LEN;
        int off = Engine.ETHER_HDR + ipHdr;
        int ipLen = ipHdr + icmpLen;
        if (off + icmpLen > buf.length) {
            err.append("ping: sendto: ").append(Errno.EMSGSIZE.text).append('\n');
            ntransmitted++;
            return;
        }
        // the data: struct tv32, then the byte pattern i for i >= 8
        int d = off + IcmpPacket.HEADER_LEN;
        if (size >= TV32_LEN) {
            putBe32(buf, d, (int) (host.now / SECOND));
            putBe32(buf, d + 4, (int) (host.now % SECOND));
        }
        for (int i = Math.min(size, TV32_LEN); i < size; i++) buf[d + i] = (byte) i;
        if (size < TV32_LEN) for (int i = 0; i < size; i++) buf[d + i] = (byte) i;
        int code;
        if (!v6) {
            IcmpPacket icmp = new IcmpPacket(buf, off, icmpLen);
            icmp.setMsgType(IcmpPacket.TYPE_ECHO_REQUEST);
            icmp.setMsgCode(0);
            icmp.setEchoIdent(e.ident());
            icmp.setEchoSeqNo(seq);
            icmp.fillChecksum();
            Stack s = engine.stack(vnet);
            int ttl = e.ttl() > 0 ? e.ttl() : s.ttl;
            Ipv4Repr h = new Ipv4Repr(new Ipv4Address(src4), new Ipv4Address(dst4), IpProtocol.ICMP, icmpLen, ttl,
                    engine.inet4.nextId(vnet), 0, 0, false);
            h.emit(new Ipv4Packet(buf, Engine.ETHER_HDR, ipLen));
            code = engine.inet4.originate(vnet, buf, ipLen);
        } else {
            code = engine.inet6.originateEcho(vnet, buf, src6, dst6, scope6, e.ident(), seq, icmpLen,
                    e.ttl() > 0 ? e.ttl() : engine.stack(vnet).hlim);
        }
        if (code != 0) err.append("ping: sendto: ").append(Inet4.errno(code).text).append('\n');
        ntransmitted++;
        if (flood) written.append('.');
    }

    private static void putBe32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static int be32(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    /** The round trip of a reply whose data starts at {@code d}, in ms. */
    private double triptime(byte[] p, int d) {
        long sent = be32(p, d) * SECOND + be32(p, d + 4);
        return (host.now - sent) / 1e6;
    }

    private boolean timing() {
        return e.size() >= TV32_LEN;
    }

    /** pr_pack(): an echo reply of ours, or an error that quotes one of our requests. */
    private void prPack(Socket.Message m) {
        byte[] p = m.packet();
        Ipv4Packet ip = new Ipv4Packet(p, 0, p.length);
        int hl = ip.headerLen();
        int cc = p.length - hl;
        if (cc < IcmpPacket.HEADER_LEN) return;
        IcmpPacket icmp = new IcmpPacket(p, hl, cc);
        String from = ip.srcAddr().toString();
        if (icmp.msgType() == IcmpPacket.TYPE_ECHO_REPLY) {
            if (icmp.echoIdent() != e.ident()) return;
            reply(p, hl + IcmpPacket.HEADER_LEN, cc, from, icmp.echoSeqNo(), " ttl=" + ip.ttl(), ": ");
            return;
        }
        int type = icmp.msgType();
        if (type != IcmpPacket.TYPE_DST_UNREACHABLE && type != IcmpPacket.TYPE_TIME_EXCEEDED) return;
        int inner = hl + IcmpPacket.HEADER_LEN;
        if (p.length < inner + Ipv4Packet.HEADER_LEN) return;
        Ipv4Packet oip = new Ipv4Packet(p, inner, p.length - inner);
        int ohl = oip.headerLen();
        boolean ours = ohl == Ipv4Packet.HEADER_LEN && oip.dstAddr().bits() == dst4 && oip.protocol() == IpProtocol.ICMP
                && p.length >= inner + ohl + 8 && (p[inner + ohl] & 0xff) == IcmpPacket.TYPE_ECHO_REQUEST
                && (((p[inner + ohl + 4] & 0xff) << 8) | (p[inner + ohl + 5] & 0xff)) == e.ident();
        if (!verbose && !ours) return;
        if (quiet) return;
        pending.append(cc).append(" bytes from ").append(from).append(": ");
        pending.append(icmpText(type, icmp.msgCode()));
        prIph(oip);
        if (!flood) {
            pending.append('\n');
            fflush();
        }
    }

    private void reply(byte[] p, int data, int cc, String from, int seq, String ttlText, String sep) {
        ++nreceived;
        double triptime = 0;
        if (timing()) {
            triptime = triptime(p, data);
            tsum += triptime;
            tsumsq += triptime * triptime;
            if (triptime < tmin) tmin = triptime;
            if (triptime > tmax) tmax = triptime;
        }
        int bit = seq % mxDupCk; // TST / SET(seq % mx_dup_ck)
        boolean dup = (rcvd[bit >> 6] & (1L << bit)) != 0;
        if (dup) {
            ++nrepeats;
            --nreceived;
        } else {
            rcvd[bit >> 6] |= 1L << bit;
        }
        if (quiet) return;
        if (e.waitMs() > 0 && e.options().indexOf('W') >= 0 && triptime > e.waitMs()) {
            ++nrcvtimeout;
            return;
        }
        if (flood) {
            written.append('\b');
            return;
        }
        pending.append(cc).append(" bytes from ").append(from).append(v6 ? ", icmp_seq=" : ": icmp_seq=").append(seq);
        pending.append(ttlText);
        if (timing()) pending.append(String.format(java.util.Locale.ROOT, " time=%.3f ms", triptime));
        if (dup) pending.append(" (DUP!)");
        if (audible) written.append('\007');
        pending.append('\n');
        fflush();
    }

    private void fflush() {
        written.append(pending);
        pending.setLength(0);
    }

    private static String icmpText(int type, int code) {
        if (type == IcmpPacket.TYPE_TIME_EXCEEDED) {
            return code == 0 ? "Time to live exceeded\n" : code == 1 ? "Frag reassembly time exceeded\n"
                    : "Time exceeded, Bad Code: " + code + "\n";
        }
        return switch (code) {
            case 0 -> "Destination Net Unreachable\n";
            case 1 -> "Destination Host Unreachable\n";
            case 2 -> "Destination Protocol Unreachable\n";
            case 3 -> "Destination Port Unreachable\n";
            case 4 -> "frag needed and DF set (MTU 0)\n";
            case 5 -> "Source Route Failed\n";
            case 13 -> "Communication prohibited by filter\n";
            default -> "Dest Unreachable, Bad Code: " + code + "\n";
        };
    }

    /** pr_iph(): the quoted header. */
    private void prIph(Ipv4Packet ip) {
        pending.append("Vr HL TOS  Len   ID Flg  off TTL Pro  cks      Src      Dst\n");
        byte[] b = ip.buffer();
        int o = ip.offset();
        int off = ((b[o + 6] & 0xff) << 8) | (b[o + 7] & 0xff);
        pending.append(String.format(java.util.Locale.ROOT, " %1x  %1x  %02x %04x %04x   %1x %04x  %02x  %02x %04x %s  %s \n",
                ip.version(), ip.headerLen() / 4, (b[o + 1] & 0xff), ip.totalLen(), ip.ident(),
                (off & 0xe000) >> 13, off & 0x1fff, ip.ttl(), ip.protocol(), ip.checksum(),
                ip.srcAddr(), ip.dstAddr()));
    }

    /** ping6.c pr_pack(): echo replies; anything else only with -v. */
    private void prPack6(Socket.Message m) {
        byte[] p = m.packet();
        Ipv6Packet ip = new Ipv6Packet(p, 0, p.length);
        int cc = p.length - Ipv6Packet.HEADER_LEN;
        if (cc < 8) return;
        int type = p[Ipv6Packet.HEADER_LEN] & 0xff;
        String from = ip.srcAddr().toString();
        if (ip.srcAddr().isLinkLocal()) from = from + "%" + m.rcvif().name;
        if (type == org.vnetlab.kernel.wire.Icmpv6Packet.TYPE_ECHO_REPLY) {
            int id = ((p[Ipv6Packet.HEADER_LEN + 4] & 0xff) << 8) | (p[Ipv6Packet.HEADER_LEN + 5] & 0xff);
            int seq = ((p[Ipv6Packet.HEADER_LEN + 6] & 0xff) << 8) | (p[Ipv6Packet.HEADER_LEN + 7] & 0xff);
            if (id != e.ident()) return;
            reply(p, Ipv6Packet.HEADER_LEN + 8, cc, from, seq, " hlim=" + ip.hopLimit(), ", ");
            return;
        }
        if (!verbose || quiet) return;
        pending.append(cc).append(" bytes from ").append(from).append(": ");
        pending.append(switch (type) {
            case 1 -> "Destination Unreachable\n";
            case 3 -> "Time exceeded\n";
            default -> "Bad ICMP type: " + type + "\n";
        });
        pending.append('\n');
        fflush();
    }

    /** finish(): the statistics block. */
    private void finish() {
        pending.append('\n');
        fflush();
        pending.append("--- ").append(e.target()).append(" ping statistics ---\n");
        pending.append(ntransmitted).append(" packets transmitted, ");
        pending.append(nreceived).append(" packets received, ");
        if (nrepeats > 0) pending.append('+').append(nrepeats).append(" duplicates, ");
        if (ntransmitted > 0) {
            if (nreceived > ntransmitted) pending.append("-- somebody's printing up packets!");
            else pending.append(String.format(java.util.Locale.ROOT, "%.1f%% packet loss", ((ntransmitted - nreceived) * 100.0) / ntransmitted));
        }
        if (nrcvtimeout > 0) pending.append(", ").append(nrcvtimeout).append(" packets out of wait time");
        pending.append('\n');
        if (flood) fflush();
        if (nreceived > 0 && timing()) {
            double n = nreceived + nrepeats;
            double avg = tsum / n;
            double stddev = Math.sqrt(Math.max(0, tsumsq / n - avg * avg));
            pending.append(String.format(java.util.Locale.ROOT, "round-trip min/avg/max/stddev = %.3f/%.3f/%.3f/%.3f ms\n", tmin, avg, tmax,
                    stddev));
        }
    }
}
