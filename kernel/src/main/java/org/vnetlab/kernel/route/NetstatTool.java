package org.vnetlab.kernel.route;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * netstat(1): -r (usr.bin/netstat/route.c, route_netlink.c), -s -p ip|icmp|arp (inet.c) and
 * -i / -I (if.c), with --libxo json for the routing tables.
 */
public final class NetstatTool implements Tool {
    private static final String PROG = "netstat";

    private static final class Opts {
        boolean r, n, w, s, i, a, json;
        String af; // null = all
        String proto;
        String iface;
    }

    @Override
    public int main(Proc p, List<String> argv) {
        Opts o = new Opts();
        for (int k = 1; k < argv.size(); k++) {
            String a = argv.get(k);
            if (a.startsWith("--libxo")) {
                String fmt = a.length() > 7 ? a.substring(8) : (++k < argv.size() ? argv.get(k) : "");
                o.json = fmt.contains("json") || fmt.startsWith("J");
                continue;
            }
            if (!a.startsWith("-") || a.length() < 2) return usage(p);
            for (int c = 1; c < a.length(); c++) {
                char ch = a.charAt(c);
                String rest = c + 1 < a.length() ? a.substring(c + 1) : null;
                switch (ch) {
                    case 'r' -> o.r = true;
                    case 'n' -> o.n = true;
                    case 'W' -> o.w = true;
                    case 's' -> o.s = true;
                    case 'i' -> o.i = true;
                    case 'a', 'd', 'h', 'b', 'l', 'A', 'L', 'x', 'z' -> o.a = true;
                    case '4' -> o.af = "inet";
                    case '6' -> o.af = "inet6";
                    case 'f', 'p', 'I', 'j', 'F' -> {
                        String val = rest != null ? rest : (++k < argv.size() ? argv.get(k) : null);
                        if (val == null) return usage(p);
                        c = a.length();
                        switch (ch) {
                            case 'f' -> {
                                switch (val) {
                                    case "inet" -> o.af = "inet";
                                    case "inet6" -> o.af = "inet6";
                                    case "link" -> o.af = "link";
                                    default -> {
                                        p.errln(PROG + ": " + val + ": unknown address family");
                                        return 1;
                                    }
                                }
                            }
                            case 'p' -> o.proto = val;
                            case 'I' -> {
                                o.iface = val;
                                o.i = true;
                            }
                            case 'F' -> { }
                            default -> {
                                Prison jail = p.host.lookup(p.prison, val);
                                if (jail == null) {
                                    p.errln(PROG + ": jail " + (Host.isNumber(val) ? val : "\"" + val + "\"") + " not found");
                                    return 1;
                                }
                                p = p.attach(jail);
                            }
                        }
                    }
                    default -> {
                        p.errln(PROG + ": illegal option -- " + ch);
                        return usage(p);
                    }
                }
            }
        }
        if (o.r) return routes(p, o);
        if (o.s) return stats(p, o);
        if (o.i) return interfaces(p, o);
        return 0; // active sockets: the simulator has none
    }

    private static int usage(Proc p) {
        p.err.append("usage: netstat [-46AaCLnRSTWx] [-f protocol_family | -p protocol]\n"
                + "               [-M core] [-N system]\n");
        return 1;
    }

    // -- routing tables --------------------------------------------------------------------------

    private static int routes(Proc p, Opts o) {
        Vnet vnet = p.prison.vnet;
        List<String> families = o.af == null ? List.of("inet", "inet6") : List.of(o.af);
        StringBuilder text = new StringBuilder("Routing tables\n");
        StringBuilder json = new StringBuilder(
                "{\"__version\": \"1\", \"statistics\": {\"route-information\": {\"route-table\": {\"rt-family\": [");
        int nhop = 0;
        boolean firstFamily = true;
        for (String family : families) {
            if (family.equals("link")) continue;
            List<RouteTables.Entry> entries = RouteTables.entries(vnet, family);
            if (entries.isEmpty()) continue;
            boolean v6 = family.equals("inet6");
            int widDst = v6 ? (o.n ? 33 : 18) : 18;
            int widGw = v6 ? (o.n ? 29 : 18) : 18;
            int widIf = v6 ? 8 : (o.w ? 10 : 8);
            String afname = v6 ? "Internet6" : "Internet";
            text.append('\n').append(afname).append(":\n");
            if (o.w) {
                text.append(String.format("%-" + widDst + "." + widDst + "s %-" + widGw + "." + widGw
                        + "s %-6.6s %8.8s %6.6s %" + widIf + "." + widIf + "s %6s\n",
                        "Destination", "Gateway", "Flags", "Nhop#", "Mtu", "Netif", "Expire"));
            } else {
                text.append(String.format("%-" + widDst + "." + widDst + "s %-" + widGw + "." + widGw
                        + "s %-6.6s %" + widIf + "." + widIf + "s %6s\n",
                        "Destination", "Gateway", "Flags", "Netif", "Expire"));
            }
            json.append(firstFamily ? "" : ", ").append("{\"address-family\":\"").append(afname)
                    .append("\",\"rt-entry\": [");
            firstFamily = false;
            boolean firstEntry = true;
            for (RouteTables.Entry e : entries) {
                nhop++;
                String dst = destinationText(e, vnet);
                String gw = e.gateway() == null ? "link#" + e.gwIfp().index
                        : RouteSyscalls.gatewayText(e.gateway(), e.ifp());
                String flags = Rtf.letters(e.flags());
                String ifname = e.ifp().name;
                int prot = column(text, dst, widDst, o);
                prot = column(text, gw, widGw - prot, o);
                text.append(String.format("%-" + Math.max(1, 6 - prot) + "s ", flags));
                if (o.w) {
                    text.append(String.format("%8d ", nhop)).append(String.format("%6d ", e.ifp().mtu));
                    text.append(String.format("%" + widIf + "s", ifname));
                } else {
                    text.append(String.format("%" + widIf + "." + widIf + "s", ifname));
                }
                text.append('\n');
                json.append(firstEntry ? "" : ", ").append("{\"destination\":\"").append(dst)
                        .append("\",\"gateway\":\"").append(gw).append("\",\"flags\":\"").append(flags)
                        .append("\",\"flags_pretty\": [");
                List<String> pretty = Rtf.pretty(e.flags());
                for (int k = 0; k < pretty.size(); k++) json.append(k == 0 ? "" : ",").append('"').append(pretty.get(k)).append('"');
                json.append("],\"weight\":1,\"nhop-kidx\":").append(nhop);
                if (o.w) json.append(",\"nhop\":").append(nhop).append(",\"mtu\":").append(e.ifp().mtu);
                json.append(",\"interface-name\":\"").append(ifname).append("\"}");
                firstEntry = false;
            }
            json.append("]}");
        }
        json.append("]}}}}\n");
        p.out.append(o.json ? json : text);
        return 0;
    }

    /** p_sockaddr(): numeric output may protrude into the next column; names are cut. */
    private static int column(StringBuilder out, String s, int width, Opts o) {
        if (o.w || o.n) {
            out.append(String.format("%-" + Math.max(1, width) + "s ", s));
            return Math.max(0, s.length() - width);
        }
        out.append(String.format("%-" + width + "." + width + "s ", s));
        return 0;
    }

    /** fmt_sockaddr() for a route destination: host routes by address, nets as "addr/len" or "default". */
    static String destinationText(RouteTables.Entry e, Vnet vnet) {
        Addr a = e.dst();
        String base = a.text();
        if (a.isLinkLocal() && a.scope() != 0) {
            Ifnet ifp = RouteSyscalls.ifnetByIndex(vnet, a.scope());
            base = base + "%" + (ifp != null ? ifp.name : String.valueOf(a.scope()));
        }
        if (e.isHost()) return base;
        if (e.len() == 0 && a.isZero()) return "default";
        return base + "/" + e.len();
    }

    // -- protocol statistics ----------------------------------------------------------------------

    private static String plural(long n) {
        return n != 1 ? "s" : "";
    }

    private static int stats(Proc p, Opts o) {
        NetCounters.Counters c = NetCounters.read(p.prison.vnet);
        String proto = o.proto;
        if (proto == null) {
            ipStats(p.out, c.ip);
            icmpStats(p.out, c.icmp);
            arpStats(p.out, c.arp);
            return 0;
        }
        switch (proto) {
            case "ip" -> ipStats(p.out, c.ip);
            case "icmp" -> icmpStats(p.out, c.icmp);
            case "arp" -> arpStats(p.out, c.arp);
            default -> {
                p.errln(PROG + ": " + proto + ": unknown or uninstrumented protocol");
                return 1;
            }
        }
        return 0;
    }

    private static void line(StringBuilder o, long n, String text) {
        o.append('\t').append(n).append(' ').append(text.replace("%s", plural(n))).append('\n');
    }

    /** inet.c ip_stats(), sflag == 1: every counter, zero or not. */
    static void ipStats(StringBuilder o, NetCounters.IpStat s) {
        o.append("ip:\n");
        line(o, s.total, "total packet%s received");
        line(o, s.badsum, "bad header checksum%s");
        o.append('\t').append(s.toosmall).append(" with size smaller than minimum\n");
        o.append('\t').append(s.tooshort).append(" with data size < data length\n");
        o.append('\t').append(s.toolong).append(" with ip length > max ip packet size\n");
        o.append('\t').append(s.badhlen).append(" with header length < data size\n");
        o.append('\t').append(s.badlen).append(" with data length < header length\n");
        o.append('\t').append(s.badoptions).append(" with bad options\n");
        o.append('\t').append(s.badvers).append(" with incorrect version number\n");
        line(o, s.fragments, "fragment%s received");
        line(o, s.fragdropped, "fragment%s dropped (dup or out of space)");
        line(o, s.fragtimeout, "fragment%s dropped after timeout");
        line(o, s.reassembled, "packet%s reassembled ok");
        line(o, s.delivered, "packet%s for this host");
        line(o, s.noproto, "packet%s for unknown/unsupported protocol");
        o.append('\t').append(s.forward).append(" packet").append(plural(s.forward)).append(" forwarded (")
                .append(s.fastforward).append(" packet").append(plural(s.fastforward)).append(" fast forwarded)\n");
        line(o, s.cantforward, "packet%s not forwardable");
        line(o, s.notmember, "packet%s received for unknown multicast group");
        line(o, s.redirectsent, "redirect%s sent");
        line(o, s.localout, "packet%s sent from this host");
        line(o, s.rawout, "packet%s sent with fabricated ip header");
        line(o, s.odropped, "output packet%s dropped due to no bufs, etc.");
        line(o, s.noroute, "output packet%s discarded due to no route");
        line(o, s.fragmented, "output datagram%s fragmented");
        line(o, s.ofragments, "fragment%s created");
        line(o, s.cantfrag, "datagram%s that can't be fragmented");
        line(o, s.nogif, "tunneling packet%s that can't find gif");
        line(o, s.badaddr, "datagram%s with bad address in header");
    }

    private static final String[] ICMP_NAMES = {"echo reply", "#1", "#2", "destination unreachable",
        "source quench", "routing redirect", "#6", "#7", "echo", "router advertisement", "router solicitation",
        "time exceeded", "parameter problem", "time stamp", "time stamp reply", "information request",
        "information request reply", "address mask request", "address mask reply"};

    /** inet.c icmp_stats(). */
    static void icmpStats(StringBuilder o, NetCounters.IcmpStat s) {
        o.append("icmp:\n");
        line(o, s.error, "call%s to icmp_error");
        line(o, s.oldicmp, "error%s not generated in response to an icmp message");
        histogram(o, "Output histogram", s.outhist);
        line(o, s.badcode, "message%s with bad code fields");
        line(o, s.tooshort, "message%s less than the minimum length");
        line(o, s.checksum, "message%s with bad checksum");
        line(o, s.badlen, "message%s with bad length");
        o.append('\t').append(s.bmcastecho).append(" multicast echo requests ignored\n");
        o.append('\t').append(s.bmcasttstamp).append(" multicast timestamp requests ignored\n");
        histogram(o, "Input histogram", s.inhist);
        line(o, s.reflect, "message response%s generated");
        o.append('\t').append(s.badaddr).append(" invalid return address").append(s.badaddr != 1 ? "es" : "").append('\n');
        line(o, s.noroute, "no return route%s");
        o.append("\tICMP address mask responses are disabled\n");
    }

    private static void histogram(StringBuilder o, String title, long[] hist) {
        boolean first = true;
        for (int i = 0; i < hist.length; i++) {
            if (hist[i] == 0) continue;
            if (first) o.append('\t').append(title).append(":\n");
            first = false;
            String name = i < ICMP_NAMES.length ? ICMP_NAMES[i] : "#" + i;
            o.append("\t\t").append(name).append(": ").append(hist[i]).append('\n');
        }
    }

    /** inet.c arp_stats(). */
    static void arpStats(StringBuilder o, NetCounters.ArpStat s) {
        o.append("arp:\n");
        line(o, s.txrequests, "ARP request%s sent");
        line(o, s.txerrors, "ARP request%s failed to sent");
        o.append('\t').append(s.txreplies).append(" ARP repl").append(s.txreplies != 1 ? "ies" : "y").append(" sent\n");
        line(o, s.rxrequests, "ARP request%s received");
        o.append('\t').append(s.rxreplies).append(" ARP repl").append(s.rxreplies != 1 ? "ies" : "y").append(" received\n");
        line(o, s.received, "ARP packet%s received");
        line(o, s.dropped, "total packet%s dropped due to no ARP entry");
        line(o, s.timeouts, "ARP entry%s timed out");
        line(o, s.dupips, "Duplicate IP%s seen");
    }

    // -- interfaces ---------------------------------------------------------------------------------

    /** if.c intpr(): a link row per interface, then a row per address. [column widths unverified] */
    private static int interfaces(Proc p, Opts o) {
        Vnet vnet = p.prison.vnet;
        if (o.iface != null && vnet.ifunit(o.iface) == null) {
            p.errln(PROG + ": " + o.iface + ": no such interface");
            return 1;
        }
        List<Ifnet> list = new ArrayList<>();
        for (Ifnet ifp : vnet.ifnets()) if (o.iface == null || ifp.name.equals(o.iface)) list.add(ifp);
        int nameW = 5;
        if (o.w) for (Ifnet ifp : list) nameW = Math.max(nameW, ifp.name.length());
        StringBuilder out = p.out;
        out.append(String.format("%-" + nameW + "." + nameW + "s %5.5s %-13.13s %-17.17s %8.8s %5.5s %5.5s %8.8s %5.5s %5.5s\n",
                "Name", "Mtu", "Network", "Address", "Ipkts", "Ierrs", "Idrop", "Opkts", "Oerrs", "Coll"));
        for (Ifnet ifp : list) {
            NetCounters.IfStat s = NetCounters.readIf(vnet, ifp.index);
            String name = ifp.name + ((ifp.flags & org.vnetlab.kernel.state.IfFlags.UP) == 0 && o.iface == null ? "*" : "");
            if (o.af == null || o.af.equals("link")) {
                String lladdr = ifp.mac >= 0 ? new MacAddress(ifp.mac).toString() : (ifp.type.equals("lo") ? ifp.name : "");
                row(out, o, nameW, name, ifp.mtu, "<Link#" + ifp.index + ">", lladdr, s);
            }
            if (o.af != null && o.af.equals("link")) continue;
            for (IfAddr a : ifp.addrs()) {
                if (o.af != null && !o.af.equals(a.family)) continue;
                Addr mine = RouteTables.addrOf(ifp, a);
                if (mine == null) continue;
                String zone = mine.isLinkLocal() ? "%" + ifp.name : "";
                String network = mine.masked(a.prefixlen).text() + zone + "/" + a.prefixlen;
                row(out, o, nameW, name, ifp.mtu, network, mine.text() + zone, new NetCounters.IfStat());
            }
        }
        return 0;
    }

    private static void row(StringBuilder out, Opts o, int nameW, String name, int mtu, String network, String address,
                            NetCounters.IfStat s) {
        String net = o.w ? String.format("%-13s", network) : String.format("%-13.13s", network);
        String addr = o.w ? String.format("%-17s", address) : String.format("%-17.17s", address);
        out.append(String.format("%-" + nameW + "." + nameW + "s %5d %s %s %8d %5d %5d %8d %5d %5d\n",
                name, mtu, net, addr, s.ipackets, s.ierrors, s.iqdrops, s.opackets, s.oerrors, s.collisions));
    }
}
