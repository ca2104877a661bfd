package org.vnetlab.kernel.route;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.NeighborCommand;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.MacAddress;

/** arp(8) (usr.sbin/arp/arp.c, arp_netlink.c). */
public final class ArpTool implements Tool {
    private static final String PROG = "arp";
    private static final String USAGE = """
            usage: arp [-n] [-i interface] hostname
                   arp [-n] [-i interface] -a
                   arp -d hostname [pub]
                   arp -d [-i interface] -a
                   arp -s hostname ether_addr [temp] [reject | blackhole] [pub [only]]
                   arp -S hostname ether_addr [temp] [reject | blackhole] [pub [only]]
                   arp -f filename
            """;

    @Override
    public int main(Proc p, List<String> argv) {
        char mode = 0;
        boolean all = false;
        String ifname = null;
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
                    case 'a' -> all = true;
                    case 'n' -> { }
                    case 'd', 's', 'S', 'f' -> mode = o;
                    case 'i' -> {
                        if (k + 1 < a.length()) ifname = a.substring(k + 1);
                        else if (++i < argv.size()) ifname = argv.get(i);
                        else return usage(p);
                        k = a.length();
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
        if (ifname != null && vnet.ifunit(ifname) == null) {
            return p.errx(1, PROG, "interface " + ifname + " does not exist");
        }
        switch (mode) {
            case 0:
                if (all) {
                    if (!args.isEmpty()) return usage(p);
                    for (NeighborTables.Entry e : NeighborTables.listed(vnet, "inet")) {
                        if (ifname == null || e.ifp.name.equals(ifname)) print(p, e);
                    }
                    return 0;
                }
                if (args.size() != 1) return usage(p);
                return get(p, vnet, args.get(0), ifname);
            case 'd':
                if (all) {
                    int rc = 0;
                    for (NeighborTables.Entry e : new ArrayList<>(NeighborTables.entries(vnet, "inet"))) {
                        if (ifname == null || e.ifp.name.equals(ifname)) rc |= delete(p, e.addressText());
                    }
                    return rc;
                }
                if (args.isEmpty() || args.size() > 2) return usage(p);
                return delete(p, args.get(0));
            case 's':
            case 'S':
                if (args.size() < 2) return usage(p);
                return set(p, vnet, args, mode == 'S');
            default:
                return p.errx(1, PROG, "cannot open " + (args.isEmpty() ? "" : args.get(0)));
        }
    }

    private static int usage(Proc p) {
        p.err.append(USAGE);
        return 1;
    }

    private static Ipv4Address host(Proc p, String text) {
        Ipv4Address a = Ipv4Address.parse(text).orElse(null);
        if (a == null) p.warnx(PROG, text + ": Unknown host");
        return a;
    }

    private static int get(Proc p, Vnet vnet, String text, String ifname) {
        Ipv4Address a = host(p, text);
        if (a == null) return 1;
        NeighborTables.Entry e = null;
        for (NeighborTables.Entry x : NeighborTables.listed(vnet, "inet")) {
            if (x.address.equals(Addr.v4(a))) e = x;
        }
        if (e == null || (ifname != null && !e.ifp.name.equals(ifname))) {
            p.println(text + " (" + a + ") -- no entry" + (ifname != null ? " on " + ifname : ""));
            return 1;
        }
        print(p, e);
        return 0;
    }

    /** print_entry(): "? (IP) at MAC on IF permanent [ethernet]". */
    private static void print(Proc p, NeighborTables.Entry e) {
        StringBuilder o = p.out;
        o.append("? (").append(e.addressText()).append(") at ");
        o.append(e.mac != null ? e.mac.toString() : "(incomplete)");
        o.append(" on ").append(e.ifp.name);
        if (e.expiresAt == 0) o.append(" permanent");
        else {
            long left = (e.expiresAt - p.host.now / 1_000_000_000L * 1_000_000_000L) / 1_000_000_000L; // time_uptime: whole seconds
            o.append(left > 0 ? " expires in " + left + " seconds" : " expired");
        }
        if (e.isPublished()) o.append(" published");
        o.append(" [ethernet]\n");
    }

    private static int delete(Proc p, String text) {
        Ipv4Address a = host(p, text);
        if (a == null) return 1;
        Decision d = p.syscall(new NeighborCommand.DeleteNeighbor(p.jid(), "inet", a.toString(), null));
        if (d instanceof Decision.Rejected r) {
            if (r.errno() == org.vnetlab.kernel.api.Errno.EPERM) return p.errx(1, PROG, "delete: " + r.text());
            p.warnx(PROG, "delete: cannot locate " + text);
            return 1;
        }
        p.println(text + " (" + a + ") deleted");
        return 0;
    }

    private static int set(Proc p, Vnet vnet, List<String> args, boolean replace) {
        Ipv4Address a = host(p, args.get(0));
        if (a == null) return 1;
        MacAddress mac = MacAddress.parse(args.get(1)).orElse(null);
        if (mac == null) {
            p.warnx(PROG, "invalid Ethernet address '" + args.get(1) + "'");
            return 1;
        }
        int flags = NeighborTables.LLE_STATIC;
        for (String opt : args.subList(2, args.size())) {
            switch (opt) {
                case "temp" -> flags &= ~NeighborTables.LLE_STATIC;
                case "pub" -> flags |= NeighborTables.LLE_PUB;
                case "only", "permanent", "reject", "blackhole", "trail" -> { }
                default -> {
                    return usage(p);
                }
            }
        }
        if (replace && NeighborTables.find(vnet, "inet", Addr.v4(a)) != null) delete(p, args.get(0));
        Decision d = p.syscall(new NeighborCommand.AddStaticNeighbor(p.jid(), "inet", a.toString(), mac.toString(),
                null, flags));
        if (d instanceof Decision.Rejected r) {
            if (r.errno() == org.vnetlab.kernel.api.Errno.EHOSTUNREACH) {
                p.warnx(PROG, "set: cannot intuit interface index and type for " + args.get(0));
            } else {
                p.warnx(PROG, "set: " + r.text());
            }
            return 1;
        }
        return 0;
    }
}
