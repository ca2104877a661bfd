package org.vnetlab.kernel.route;

import java.util.List;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.IfCommand;
import org.vnetlab.kernel.api.NeighborCommand;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;
import org.vnetlab.kernel.wire.MacAddress;

/** ndp(8) (usr.sbin/ndp/ndp.c). */
public final class NdpTool implements Tool {
    private static final String PROG = "ndp";
    private static final String USAGE = """
            usage: ndp [-nt] hostname
                   ndp [-nt] -a | -c | -p | -r | -H | -P | -R
                   ndp [-nt] -A wait
                   ndp [-nt] -d hostname
                   ndp [-nt] -f filename
                   ndp [-nt] -i interface [flags...]
                   ndp [-nt] -I [interface|delete]
                   ndp [-nt] -s nodename etheraddr [temp] [proxy]
            """;

    /** ND6_IFF_* names as ndp -i sets and prints them, in ndp.c's order. */
    private static final String[] FLAG_NAMES = {"nud", "accept_rtadv", "prefer_source", "disabled",
        "dont_set_ifroute", "auto_linklocal", "no_radr", "no_prefer_iface", "no_dad"};
    private static final int[] FLAG_BITS = {Ifnet.ND6_IFF_PERFORMNUD, Ifnet.ND6_IFF_ACCEPT_RTADV,
        Ifnet.ND6_IFF_PREFER_SOURCE, Ifnet.ND6_IFF_IFDISABLED, Ifnet.ND6_IFF_DONT_SET_IFROUTE,
        Ifnet.ND6_IFF_AUTO_LINKLOCAL, Ifnet.ND6_IFF_NO_RADR, Ifnet.ND6_IFF_NO_PREFER_IFACE, Ifnet.ND6_IFF_NO_DAD};

    @Override
    public int main(Proc p, List<String> argv) {
        char mode = 0;
        int i = 1;
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
                    case 'n', 't' -> { }
                    case 'a', 'c', 'd', 's', 'p', 'r', 'H', 'P', 'R', 'I', 'f' -> mode = o;
                    case 'i' -> {
                        // ndp.c handles -i inside the getopt loop: everything after it are flags
                        String ifname;
                        if (k + 1 < a.length()) ifname = a.substring(k + 1);
                        else if (++i < argv.size()) ifname = argv.get(i);
                        else return usage(p);
                        List<String> rest = argv.subList(i + 1, argv.size());
                        if (!rest.isEmpty() && rest.get(0).equals("--")) rest = rest.subList(1, rest.size());
                        return ifinfo(p, ifname, rest);
                    }
                    default -> {
                        p.warnx(PROG, "illegal option -- " + o);
                        return usage(p);
                    }
                }
            }
        }
        List<String> args = argv.subList(i, argv.size());
        Vnet vnet = p.prison.vnet;
        switch (mode) {
            case 'a':
                dump(p, vnet);
                return 0;
            case 'c':
                for (NeighborTables.Entry e : NeighborTables.entries(vnet, "inet6")) delete(p, e.addressText());
                return 0;
            case 'd':
                if (args.size() != 1) return usage(p);
                return delete(p, args.get(0));
            case 's':
                if (args.size() < 2) return usage(p);
                return set(p, args);
            case 0:
                if (args.size() != 1) return usage(p);
                return get(p, vnet, args.get(0));
            default:
                return 0; // -p, -r, -H, -P, -R, -I: no prefixes or routers are simulated yet
        }
    }

    private static int usage(Proc p) {
        p.err.append(USAGE);
        return 1;
    }

    private static Addr host(Proc p, String text) {
        Addr a = RouteSyscalls.parseGateway(p.prison.vnet, "inet6", text);
        if (a == null) p.warnx(PROG, text + ": hostname nor servname provided, or not known");
        else if (a.isLinkLocal() && a.scope() == 0) {
            Ifnet ifp = NeighborSyscalls.coveringIfnet(p.prison.vnet, a);
            if (ifp != null) a = new Addr(true, a.hi(), a.lo(), ifp.index);
        }
        return a;
    }

    private static void dump(Proc p, Vnet vnet) {
        p.out.append(String.format("%-36.36s %-17.17s %6.6s %-9.9s %1s %5s\n",
                "Neighbor", "Linklayer Address", "Netif", "Expire", "S", "Flags"));
        for (NeighborTables.Entry e : NeighborTables.listed(vnet, "inet6")) row(p, e);
    }

    private static void row(Proc p, NeighborTables.Entry e) {
        String expire;
        if (e.expiresAt == 0) expire = "permanent";
        else {
            long left = (e.expiresAt - p.host.now / 1_000_000_000L * 1_000_000_000L) / 1_000_000_000L;
            expire = left > 0 ? sec2str(left) : "expired";
        }
        String state = switch (e.state) {
            case NeighborTables.ND6_LLINFO_INCOMPLETE -> "I";
            case NeighborTables.ND6_LLINFO_REACHABLE -> "R";
            case NeighborTables.ND6_LLINFO_STALE -> "S";
            case NeighborTables.ND6_LLINFO_DELAY -> "D";
            case NeighborTables.ND6_LLINFO_PROBE -> "P";
            default -> "N";
        };
        String flags = (e.isRouter ? "R" : "") + (e.isPublished() ? "p" : "");
        // ndp.c print_entry: the columns shrink to make room for a long address
        String addr = e.addressText();
        String ll = e.mac != null ? e.mac.toString() : "(incomplete)";
        int aw = Math.max(addr.length(), W_ADDR);
        int lw = Math.max(ll.length(), W_ADDR + W_LL - aw);
        int iw = Math.max(e.ifp.name.length(), W_ADDR + W_LL + W_IF - aw - lw);
        p.out.append(String.format("%-" + aw + "s %-" + lw + "s %" + iw + "s %-9.9s %s %s\n", addr, ll, e.ifp.name,
                expire, state, flags));
    }

    private static final int W_ADDR = 36;
    private static final int W_LL = 17;
    private static final int W_IF = 6;

    /** ndp.c sec2str(): "23h59m58s", "29s", "1d0h0m0s". */
    static String sec2str(long total) {
        long days = total / 3600 / 24;
        long hours = (total / 3600) % 24;
        long mins = (total / 60) % 60;
        long secs = total % 60;
        StringBuilder b = new StringBuilder();
        boolean first = true;
        if (days != 0) {
            first = false;
            b.append(days).append('d');
        }
        if (!first || hours != 0) {
            first = false;
            b.append(hours).append('h');
        }
        if (!first || mins != 0) b.append(mins).append('m');
        return b.append(secs).append('s').toString();
    }

    private static int get(Proc p, Vnet vnet, String text) {
        Addr a = host(p, text);
        if (a == null) return 1;
        NeighborTables.Entry e = NeighborTables.find(vnet, "inet6", a);
        if (e == null) {
            p.println(text + " (" + NeighborSyscalls.text(a, scopeIf(vnet, a)) + ") -- no entry");
            return 1;
        }
        p.out.append(String.format("%-36.36s %-17.17s %6.6s %-9.9s %1s %5s\n",
                "Neighbor", "Linklayer Address", "Netif", "Expire", "S", "Flags"));
        row(p, e);
        return 0;
    }

    private static Ifnet scopeIf(Vnet vnet, Addr a) {
        return a.isLinkLocal() ? RouteSyscalls.ifnetByIndex(vnet, a.scope()) : null;
    }

    private static int delete(Proc p, String text) {
        Addr a = host(p, text);
        if (a == null) return 1;
        Ifnet zone = scopeIf(p.prison.vnet, a);
        String canonical = NeighborSyscalls.text(a, zone);
        Decision d = p.syscall(new NeighborCommand.DeleteNeighbor(p.jid(), "inet6", canonical, null));
        if (d instanceof Decision.Rejected r) {
            if (r.errno() == org.vnetlab.kernel.api.Errno.EPERM) return p.errx(1, PROG, "delete: " + r.text());
            p.println(text + " (" + canonical + ") -- no entry");
            return 1;
        }
        p.println(text + " (" + canonical + ") deleted");
        return 0;
    }

    private static int set(Proc p, List<String> args) {
        Addr a = host(p, args.get(0));
        if (a == null) return 1;
        MacAddress mac = MacAddress.parse(args.get(1)).orElse(null);
        if (mac == null) {
            p.warnx(PROG, "invalid Ethernet address '" + args.get(1) + "'");
            return 1;
        }
        int flags = NeighborTables.LLE_STATIC;
        for (String opt : args.subList(2, args.size())) {
            if (opt.equals("temp")) flags &= ~NeighborTables.LLE_STATIC;
            else if (opt.equals("proxy")) flags |= NeighborTables.LLE_PUB;
            else return usage(p);
        }
        Decision d = p.syscall(new NeighborCommand.AddStaticNeighbor(p.jid(), "inet6",
                NeighborSyscalls.text(a, scopeIf(p.prison.vnet, a)), mac.toString(), null, flags));
        if (d instanceof Decision.Rejected r) {
            if (r.errno() == org.vnetlab.kernel.api.Errno.EHOSTUNREACH) {
                p.println("cannot intuit interface index and type for " + args.get(0));
            } else {
                p.warnx(PROG, "set: " + r.text());
            }
            return 1;
        }
        return 0;
    }

    /** ndp -i IF [[-]flag ...]: set ND6 flags through SIOCSIFINFO_FLAGS, then print the interface's ND info. */
    private static int ifinfo(Proc p, String ifname, List<String> flags) {
        Ifnet ifp = p.prison.vnet.ifunit(ifname);
        if (ifp == null) return p.errx(1, PROG, "failed to get ND info: " + ifname + ": Device not configured");
        int set = 0;
        int clear = 0;
        for (String f : flags) {
            boolean off = f.startsWith("-");
            String name = off ? f.substring(1) : f;
            int bit = 0;
            for (int k = 0; k < FLAG_NAMES.length; k++) if (FLAG_NAMES[k].equals(name)) bit = FLAG_BITS[k];
            if (bit == 0) return p.errx(1, PROG, "unknown flag " + f);
            if (off) {
                clear |= bit;
                set &= ~bit;
            } else {
                set |= bit;
                clear &= ~bit;
            }
        }
        if (set != 0 || clear != 0) {
            Decision d = p.syscall(new IfCommand.SetNd6Flags(p.jid(), ifname, set, clear));
            if (d instanceof Decision.Rejected r) return p.errx(1, PROG, "ioctl(SIOCSIFINFO_FLAGS): " + r.text());
        }
        StringBuilder o = p.out;
        // ndp.c ifinfo(): maxmtu is the link's MTU (nd6_setmtu0); each flag name ends with a space.
        o.append("linkmtu=0, maxmtu=").append(ifp.mtu)
                .append(", curhlim=64, basereachable=30s0ms, reachable=30s, retrans=1s0ms");
        if (ifp.nd6Flags != 0) {
            o.append("\nFlags: ");
            for (int k = 0; k < FLAG_NAMES.length; k++) {
                if ((ifp.nd6Flags & FLAG_BITS[k]) != 0) o.append(FLAG_NAMES[k]).append(' ');
            }
        }
        o.append('\n');
        return 0;
    }
}
