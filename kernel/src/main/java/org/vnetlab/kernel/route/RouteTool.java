package org.vnetlab.kernel.route;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.RouteCommand;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;
import org.vnetlab.kernel.wire.Ipv4Address;

/** route(8), FreeBSD 14 (sbin/route/route.c newroute(), route_netlink.c print_getmsg()). */
public final class RouteTool implements Tool {
    private static final String PROG = "route";
    private static final int EX_USAGE = 64;
    private static final int EX_NOHOST = 68;

    /** Thrown to end the process with a status, like exit(3) deep in route.c. */
    private static final class Exit extends RuntimeException {
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    @Override
    public int main(Proc p, List<String> argv) {
        try {
            return run(p, argv);
        } catch (Exit e) {
            return e.status;
        }
    }

    private int run(Proc p, List<String> argv) {
        String af = null;
        boolean numeric = false;
        boolean quiet = false;
        int i = 1;
        // getopt(argc, argv, "46nqdtvj:")
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) break;
            for (int k = 1; k < a.length(); k++) {
                char o = a.charAt(k);
                switch (o) {
                    case '4' -> af = "inet";
                    case '6' -> af = "inet6";
                    case 'n' -> numeric = true;
                    case 'q' -> quiet = true;
                    case 'd', 't', 'v' -> { }
                    case 'j' -> {
                        String name;
                        if (k + 1 < a.length()) name = a.substring(k + 1);
                        else if (++i < argv.size()) name = argv.get(i);
                        else throw usage(p, null);
                        Prison jail = p.host.lookup(p.prison, name);
                        if (jail == null) {
                            p.errln(PROG + ": jail " + (Host.isNumber(name) ? name : "\"" + name + "\"") + " not found");
                            throw new Exit(1);
                        }
                        p = p.attach(jail);
                        k = a.length();
                    }
                    default -> {
                        p.warnx(PROG, "illegal option -- " + o);
                        throw usage(p, null);
                    }
                }
            }
        }
        if (i >= argv.size()) throw usage(p, null);
        List<String> args = argv.subList(i, argv.size());
        String cmd = args.get(0);
        return switch (cmd) {
            case "add", "delete", "change", "get", "show" -> newroute(p, args, af, quiet);
            case "flush" -> flush(p, args, af, quiet);
            default -> throw usage(p, cmd);
        };
    }

    private static Exit usage(Proc p, String keyword) {
        if (keyword != null) p.warnx(PROG, "bad keyword: " + keyword);
        p.err.append("usage: route [-46dnqtv] command [[modifiers] args]\n");
        return new Exit(EX_USAGE);
    }

    /** What getaddr() made of the destination. */
    private record Dest(String family, Addr addr, int len, boolean isHost, boolean hasMask) {}

    private int newroute(Proc p, List<String> args, String af0, boolean quiet) {
        String cmd = args.get(0);
        String af = af0;
        String dest = null;
        String gateway = null;
        Dest d = null;
        boolean forceHost = false;
        boolean forceNet = false;
        boolean iface = false;
        int flags = Rtf.STATIC;
        int fib = 0;
        Integer prefixlen = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                String kw = a.substring(1);
                switch (kw) {
                    case "4", "inet" -> af = "inet";
                    case "6", "inet6" -> af = "inet6";
                    case "iface", "interface" -> iface = true;
                    case "nostatic" -> flags &= ~Rtf.STATIC;
                    case "static" -> flags |= Rtf.STATIC;
                    case "host" -> forceHost = true;
                    case "net" -> forceNet = true;
                    case "reject" -> flags |= Rtf.REJECT;
                    case "blackhole" -> flags |= Rtf.BLACKHOLE;
                    case "proto1" -> flags |= Rtf.PROTO1;
                    case "proto2" -> flags |= Rtf.PROTO2;
                    case "lock", "lockrest", "sticky", "nostick", "proxy", "xresolve" -> { }
                    case "fib" -> {
                        if (++i >= args.size()) throw usage(p, null);
                        String f = args.get(i);
                        if (!f.equals("0") && !f.equals("default")) {
                            p.errln(PROG + ": invalid fib number: " + f);
                            throw new Exit(EX_USAGE);
                        }
                    }
                    case "gateway" -> {
                        if (++i >= args.size()) throw usage(p, null);
                        gateway = args.get(i);
                    }
                    case "dst" -> {
                        if (++i >= args.size()) throw usage(p, null);
                        dest = args.get(i);
                        d = getDest(p, af, dest, forceHost);
                    }
                    case "netmask" -> {
                        if (++i >= args.size()) throw usage(p, null);
                        Ipv4Address m = Ipv4Address.parse(args.get(i)).orElse(null);
                        if (m != null && m.netmaskPrefixLen().isPresent()) prefixlen = m.netmaskPrefixLen().getAsInt();
                        forceNet = true;
                    }
                    case "prefixlen" -> {
                        if (++i >= args.size()) throw usage(p, null);
                        prefixlen = parsePrefixlen(p, af, args.get(i));
                        forceNet = prefixlen != (("inet6".equals(af)) ? 128 : 32);
                        forceHost = !forceNet;
                    }
                    case "mtu", "hopcount", "expire", "recvpipe", "sendpipe", "ssthresh", "rtt", "rttvar", "weight",
                         "ifa", "ifp", "genmask" -> {
                        if (++i >= args.size()) throw usage(p, null);
                    }
                    default -> throw usage(p, kw);
                }
            } else if (dest == null) {
                dest = a;
                d = getDest(p, af, a, forceHost);
            } else if (gateway == null) {
                gateway = a;
            } else {
                Ipv4Address m = Ipv4Address.parse(a).orElse(null);
                if (m != null && m.netmaskPrefixLen().isPresent()) prefixlen = m.netmaskPrefixLen().getAsInt();
                forceNet = true;
            }
        }
        if (d == null) throw usage(p, null);
        String family = d.family();
        int len = d.len();
        boolean isHost = d.isHost();
        if (prefixlen != null) len = prefixlen;
        if (forceHost) {
            isHost = true;
            len = d.addr().maxlen();
        }
        if (forceNet) {
            isHost = false;
            if (!d.hasMask() && prefixlen == null) len = d.addr().maxlen(); // no mask: the kernel sees a host prefix
        }
        flags |= Rtf.UP;
        if (isHost) flags |= Rtf.HOST;
        if (!iface) flags |= Rtf.GATEWAY;
        String ifname = null;
        String gw = null;
        if (gateway != null) {
            if (iface && p.prison.vnet.ifunit(gateway) != null) {
                ifname = gateway;
            } else {
                gw = checkGateway(p, family, gateway);
            }
        }
        String cidr = d.addr().masked(len).text() + "/" + len;
        if (cmd.equals("get") || cmd.equals("show")) return get(p, d, len, d.hasMask() || prefixlen != null || forceNet);

        RouteCommand rc = switch (cmd) {
            case "add" -> new RouteCommand.AddRoute(p.jid(), family, cidr, gw, ifname, flags, fib);
            case "change" -> new RouteCommand.ChangeRoute(p.jid(), family, cidr, gw, ifname, flags, fib);
            default -> new RouteCommand.DeleteRoute(p.jid(), family, cidr, gw != null ? gw : ifname, fib);
        };
        Decision dec = p.syscall(rc);
        String summary = cmd + " " + (isHost ? "host" : "net") + " " + dest
                + (gateway != null ? ": gateway " + gateway : "");
        if (dec instanceof Decision.Rejected r) {
            // route.c rtmsg() over netlink: the kernel's error first, then the summary with the reason
            if (r.errno() == Errno.ESRCH) p.warnx(PROG, "route has not been found");
            else p.warnx(PROG, "message indicates error: " + r.errno().text);
            if (!quiet) p.println(summary + " fib " + fib + ": " + errmsg(r.errno()));
            return 1;
        }
        if (!quiet) p.println(summary);
        return 0;
    }

    /** newroute()'s errmsg switch. */
    private static String errmsg(Errno e) {
        return switch (e) {
            case ESRCH -> "not in table";
            case EBUSY -> "entry in use";
            case ENOBUFS -> "not enough memory";
            case EADDRINUSE -> "gateway uses the same route";
            case EEXIST -> "route already in table";
            default -> e.text;
        };
    }

    private static int parsePrefixlen(Proc p, String af, String s) {
        int max = "inet6".equals(af) ? 128 : 32;
        int len;
        try {
            len = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            len = 0; // atoi()
        }
        if (len < 0 || len > max) {
            p.errln(s + ": bad value");
            throw new Exit(1);
        }
        return len;
    }

    /** getaddr(RTA_DST): the classful host/net rule for inet, inet6_makenetandmask() for inet6. */
    private static Dest getDest(Proc p, String af, String text, boolean forceHost) {
        String family = af == null ? "inet" : af;
        if (text.equals("default")) {
            return new Dest(family, "inet6".equals(family) ? Addr.v6(org.vnetlab.kernel.wire.Ipv6Address.UNSPECIFIED, 0)
                    : Addr.v4(Ipv4Address.UNSPECIFIED), 0, false, true);
        }
        if ("inet6".equals(family)) {
            int slash = text.indexOf('/');
            String addrText = slash < 0 ? text : text.substring(0, slash);
            Addr a = RouteSyscalls.parseGateway(p.prison.vnet, "inet6", addrText);
            if (a == null) {
                p.errln(addrText + ": hostname nor servname provided, or not known");
                throw new Exit(1);
            }
            if (slash >= 0) {
                int len = parsePrefixlen(p, "inet6", text.substring(slash + 1));
                return new Dest(family, a, len, len == 128, len != 128);
            }
            if (a.isZero() && a.scope() == 0) return new Dest(family, a, 0, false, true);
            if ((a.hi() >>> 61) == 1 && a.lo() == 0) return new Dest(family, a, 64, false, true);
            return new Dest(family, a, 128, true, false);
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            Ipv4Address a = Ipv4Address.parse(text.substring(0, slash)).orElse(null);
            if (a != null) {
                int len = parsePrefixlen(p, "inet", text.substring(slash + 1));
                return new Dest(family, Addr.v4(a), len, false, true);
            }
        } else {
            Ipv4Address a = Ipv4Address.parse(text).orElse(null);
            if (a != null) {
                int bits = a.bits();
                int hostPart = (bits & 0x80000000) == 0 ? bits & 0x00ffffff
                        : (bits & 0xc0000000) == 0x80000000 ? bits & 0x0000ffff : bits & 0x000000ff;
                if (forceHost || hostPart != 0) return new Dest(family, Addr.v4(a), 32, true, false);
                // inet_makenetandmask(): the mask ends at the last nonzero byte
                int len = 32;
                while (len > 0 && ((bits >>> (32 - len)) & 0xff) == 0) len -= 8;
                return new Dest(family, Addr.v4(a), len, false, true);
            }
        }
        p.errln(PROG + ": bad address: " + text);
        throw new Exit(EX_NOHOST);
    }

    /** getaddr(RTA_GATEWAY): the gateway's canonical text ("%IF" kept for a link-local one). */
    private static String checkGateway(Proc p, String family, String text) {
        int pct = text.indexOf('%');
        String base = pct < 0 ? text : text.substring(0, pct);
        Addr a = Addr.parse(family, base).orElse(null);
        if (a == null || (pct >= 0 && p.prison.vnet.ifunit(text.substring(pct + 1)) == null)) {
            if ("inet6".equals(family)) {
                p.errln(text + ": hostname nor servname provided, or not known");
                throw new Exit(1);
            }
            p.errln(PROG + ": bad address: " + text);
            throw new Exit(EX_NOHOST);
        }
        return pct < 0 ? a.text() : a.text() + text.substring(pct);
    }

    /** route get: the kernel's best match (or the exact prefix when a mask was given), print_getmsg(). */
    private static int get(Proc p, Dest d, int len, boolean exact) {
        Vnet vnet = p.prison.vnet;
        List<RouteTables.Entry> found;
        if (exact) {
            found = new ArrayList<>();
            RouteTables.Key key = new RouteTables.Key(d.addr().masked(len), len);
            for (RouteTables.Entry e : RouteTables.entries(vnet, d.family())) if (e.key().equals(key)) found.add(e);
        } else {
            found = RouteTables.match(vnet, d.addr());
        }
        if (found.isEmpty()) {
            p.warnx(PROG, "route has not been found");
            return 1;
        }
        RouteTables.Entry e = found.get(0);
        StringBuilder o = p.out;
        o.append("   route to: ").append(routename(d.addr(), vnet)).append('\n');
        o.append("destination: ").append(routename(e.dst(), vnet)).append('\n');
        if (!e.isHost()) o.append("       mask: ").append(maskName(e.dst(), e.len())).append('\n');
        if (e.gateway() != null && (e.flags() & Rtf.GATEWAY) != 0) {
            o.append("    gateway: ").append(routename(e.gateway(), vnet)).append('\n');
        }
        o.append("        fib: 0\n");
        o.append("  interface: ").append(e.ifp().name).append('\n');
        o.append("      flags: ").append(Rtf.printb(e.flags() | Rtf.UP | Rtf.DONE)).append('\n');
        o.append(String.format("%9s %9s %9s %9s %9s %10s %9s\n", "recvpipe", "sendpipe", "ssthresh", "rtt,msec",
                "mtu   ", "weight", "expire"));
        o.append(String.format("%8d  %8d  %8d  %8d  %8d  %8d  %8d \n", 0, 0, 0, 0, e.ifp().mtu, 1, 0));
        return 0;
    }

    private static String routename(Addr a, Vnet vnet) {
        if (!a.inet6()) return a.isZero() ? "default" : a.text();
        if (a.isLinkLocal() && a.scope() != 0) {
            Ifnet ifp = RouteSyscalls.ifnetByIndex(vnet, a.scope());
            return a.text() + "%" + (ifp != null ? ifp.name : String.valueOf(a.scope()));
        }
        return a.text();
    }

    private static String maskName(Addr dst, int len) {
        if (!dst.inet6()) return len == 0 ? "default" : Ipv4Address.netmask(len).toString();
        return org.vnetlab.kernel.wire.Ipv6Address.mask(len).toString();
    }

    /** route flush: every static route with RTF_GATEWAY (route.c flushroutes_fib()). */
    private int flush(Proc p, List<String> args, String af, boolean quiet) {
        if (args.size() > 2) throw usage(p, args.get(1));
        if (args.size() == 2) {
            switch (args.get(1)) {
                case "-inet", "-4" -> af = "inet";
                case "-inet6", "-6" -> af = "inet6";
                default -> throw usage(p, args.get(1));
            }
        }
        Vnet vnet = p.prison.vnet;
        int status = 0;
        for (String family : af == null ? List.of("inet", "inet6") : List.of(af)) {
            for (RouteTables.Entry e : RouteTables.entries(vnet, family)) {
                if ((e.flags() & Rtf.GATEWAY) == 0 || (e.flags() & Rtf.PINNED) != 0) continue;
                String gw = RouteSyscalls.gatewayText(e.gateway(), e.ifp());
                Decision dec = p.syscall(new RouteCommand.DeleteRoute(p.jid(), family,
                        e.dst().text() + "/" + e.len(), gw, 0));
                if (!dec.accepted()) {
                    p.warnx(PROG, "message indicates error: " + ((Decision.Rejected) dec).errno().text);
                    status = 1;
                    continue;
                }
                if (!quiet) {
                    p.out.append(String.format("%-20.20s %-20.20s done\n",
                            NetstatTool.destinationText(e, vnet), routename(e.gateway(), vnet)));
                }
            }
        }
        return status;
    }
}
