package org.vnetlab.kernel.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vnetlab.kernel.api.Command;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.IfCommand.AddBridgeMember;
import org.vnetlab.kernel.api.IfCommand.AddBridgeStatic;
import org.vnetlab.kernel.api.IfCommand.CreateInterface;
import org.vnetlab.kernel.api.IfCommand.DeleteBridgeAddress;
import org.vnetlab.kernel.api.IfCommand.DestroyInterface;
import org.vnetlab.kernel.api.IfCommand.FlushBridge;
import org.vnetlab.kernel.api.IfCommand.MoveInterfaceToVnet;
import org.vnetlab.kernel.api.IfCommand.ReclaimInterfaceFromVnet;
import org.vnetlab.kernel.api.IfCommand.RemoveBridgeMember;
import org.vnetlab.kernel.api.IfCommand.RemoveInterfaceAddress;
import org.vnetlab.kernel.api.IfCommand.RenameInterface;
import org.vnetlab.kernel.api.IfCommand.SetDescription;
import org.vnetlab.kernel.api.IfCommand.SetInterfaceAddress;
import org.vnetlab.kernel.api.IfCommand.SetInterfaceFlags;
import org.vnetlab.kernel.api.IfCommand.SetMtu;
import org.vnetlab.kernel.api.IfCommand.SetLinkAddress;
import org.vnetlab.kernel.api.IfCommand.SetNd6Flags;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * ifconfig(8) (sbin/ifconfig/ifconfig.c, ifclone.c, af_inet.c, af_inet6.c, af_nd6.c, ifbridge.c).
 * Parameters run in order as the real one runs its callbacks; the address (with netmask,
 * broadcast, alias/-alias) is applied once all parameters are read. The first failure ends the
 * program with err(1, ...).
 */
public final class IfconfigTool implements Tool {
    private static final String PROG = "ifconfig";
    private static final String USAGE = "usage: ifconfig [-j jail] [-f type:format] %sinterface address_family\n"
            + "                [address [dest_address]] [parameters]\n"
            + "       ifconfig [-j jail] interface create\n"
            + "       ifconfig [-j jail] -a [-dkLmuv] [-f type:format] [address_family]\n"
            + "       ifconfig [-j jail] -l [-du] [address_family]\n"
            + "       ifconfig [-j jail] [-dkLmuv] [-f type:format]\n";

    /** err(3)/errx(3): the process ends with this status. */
    private static final class Exit extends RuntimeException {
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    @Override
    public int main(Proc proc, List<String> argv) {
        try {
            return run(proc, argv);
        } catch (Exit e) {
            return e.status;
        }
    }

    private static Exit errx(Proc p, String message) {
        p.warnx(PROG, message);
        return new Exit(1);
    }

    private int run(Proc p, List<String> argv) {
        boolean all = false, list = false, upOnly = false, downOnly = false;
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
                    case 'l' -> list = true;
                    case 'u' -> upOnly = true;
                    case 'd' -> downOnly = true;
                    case 'C', 'D', 'k', 'L', 'm', 'n', 'v', 'W' -> { }
                    case 'j', 'f', 'g', 'G' -> {
                        String value;
                        if (k + 1 < a.length()) value = a.substring(k + 1);
                        else if (++i < argv.size()) value = argv.get(i);
                        else {
                            p.warnx(PROG, "option requires an argument -- " + o);
                            return usage(p);
                        }
                        if (o == 'j') p = attach(p, value);
                        k = a.length();
                    }
                    default -> {
                        p.warnx(PROG, "illegal option -- " + o);
                        return usage(p);
                    }
                }
            }
        }
        List<String> rest = argv.subList(i, argv.size());
        if (list) return listNames(p, rest.isEmpty() ? null : rest.get(0), upOnly, downOnly);
        if (all || rest.isEmpty()) {
            String af = rest.isEmpty() ? null : rest.get(0);
            if (af != null && !isAf(af)) return usage(p);
            for (Ifnet ifp : p.prison.vnet.ifnets()) {
                if (upOnly && !ifp.isUp() || downOnly && ifp.isUp()) continue;
                IfStatus.print(p.out, ifp, af, p.prison, p.host.now);
            }
            return 0;
        }
        return configure(p, rest.get(0), new ArrayList<>(rest.subList(1, rest.size())));
    }

    private static int usage(Proc p) {
        p.err.append(String.format(USAGE, "[-L] [-k] [-m] [-n] "));
        return 1;
    }

    /** -j: jail_getid(3) then jail_attach(2), as jexec does. */
    private static Proc attach(Proc p, String jail) {
        Prison pr = p.host.lookup(p.prison, jail);
        if (pr == null) {
            throw errx(p, Host.isNumber(jail) ? "jail " + jail + " not found" : "jail \"" + jail + "\" not found");
        }
        return p.attach(pr);
    }

    private static boolean isAf(String s) {
        return switch (s) {
            case "inet", "inet6", "link", "ether", "lladdr" -> true;
            default -> false;
        };
    }

    private static int listNames(Proc p, String af, boolean upOnly, boolean downOnly) {
        StringBuilder line = new StringBuilder();
        for (Ifnet ifp : p.prison.vnet.ifnets()) {
            if (upOnly && !ifp.isUp() || downOnly && ifp.isUp()) continue;
            if (af != null && !hasAf(ifp, af)) continue;
            if (line.length() > 0) line.append(' ');
            line.append(ifp.name);
        }
        p.println(line.toString());
        return 0;
    }

    private static boolean hasAf(Ifnet ifp, String af) {
        if (af.equals("ether") || af.equals("link") || af.equals("lladdr")) return ifp.mac >= 0;
        for (IfAddr a : ifp.addrs()) if (a.family.equals(af)) return true;
        return false;
    }

    // -- one interface ------------------------------------------------------------------------

    /** The address part of the command line, applied after all other parameters (ifconfig.c). */
    private static final class AddrReq {
        String af;
        String addr;
        int prefixlen = -1;
        String broadcast;
        int doalias;
        int in6flags;
        long pltime = SetInterfaceAddress.INFINITE;
        long vltime = SetInterfaceAddress.INFINITE;
    }

    private int configure(Proc p, String name, List<String> args) {
        String printName = null;
        if (!args.isEmpty() && (args.get(0).equals("create") || args.get(0).equals("plumb"))) {
            Decision d = p.syscall(new CreateInterface(p.jid(), name));
            if (d instanceof Decision.Rejected r) {
                if (r.errno() == Errno.EEXIST) throw errx(p, "interface " + name + " already exists");
                throw errx(p, "SIOCIFCREATE2 (" + name + "): " + r.text());
            }
            String created = IfSyscalls.createdName((Decision.Accepted) d);
            if (!created.equals(name)) printName = created;
            name = created;
            args.remove(0);
            if (args.isEmpty()) return done(p, printName);
        }
        boolean reclaim = !args.isEmpty() && args.get(0).equals("-vnet");
        Ifnet ifp = p.prison.vnet.ifunit(name);
        if (ifp == null && !reclaim) throw errx(p, "interface " + name + " does not exist");
        AddrReq req = new AddrReq();
        if (!args.isEmpty() && isAf(args.get(0))) req.af = args.remove(0);
        if (args.isEmpty()) {
            IfStatus.print(p.out, ifp, req.af, p.prison, p.host.now);
            return 0;
        }
        String af = req.af == null ? "inet" : req.af;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "up" -> flags(p, name, a, IfFlags.UP, 0);
                case "down" -> flags(p, name, a, 0, IfFlags.UP);
                case "debug" -> flags(p, name, a, IfFlags.DEBUG, 0);
                case "-debug" -> flags(p, name, a, 0, IfFlags.DEBUG);
                case "promisc" -> flags(p, name, a, IfFlags.PROMISC, 0);
                case "-promisc" -> flags(p, name, a, 0, IfFlags.PROMISC);
                case "link0" -> flags(p, name, a, IfFlags.LINK0, 0);
                case "-link0" -> flags(p, name, a, 0, IfFlags.LINK0);
                case "link1" -> flags(p, name, a, IfFlags.LINK1, 0);
                case "-link1" -> flags(p, name, a, 0, IfFlags.LINK1);
                case "link2" -> flags(p, name, a, IfFlags.LINK2, 0);
                case "-link2" -> flags(p, name, a, 0, IfFlags.LINK2);
                case "monitor" -> flags(p, name, a, IfFlags.MONITOR, 0);
                case "-monitor" -> flags(p, name, a, 0, IfFlags.MONITOR);
                case "staticarp" -> flags(p, name, a, IfFlags.STATICARP, 0);
                case "-staticarp" -> flags(p, name, a, 0, IfFlags.STATICARP);
                case "arp" -> flags(p, name, a, 0, IfFlags.NOARP);
                case "-arp" -> flags(p, name, a, IfFlags.NOARP, 0);
                case "mtu" -> {
                    String v = arg(p, args, ++i, a);
                    check(p, new SetMtu(p.jid(), name, atoi(v)), "ioctl SIOCSIFMTU (set mtu)");
                }
                case "name" -> {
                    String v = arg(p, args, ++i, a);
                    check(p, new RenameInterface(p.jid(), name, v), "ioctl SIOCSIFNAME (set name)");
                    name = v;
                    printName = v;
                }
                case "description", "descr" -> {
                    String v = arg(p, args, ++i, a);
                    check(p, new SetDescription(p.jid(), name, v.isEmpty() ? null : v), "ioctl (set descr)");
                }
                case "-description", "-descr" -> check(p, new SetDescription(p.jid(), name, null), "ioctl (set descr)");
                case "pltime", "vltime" -> {
                    long v = lifetime(p, a, arg(p, args, ++i, a), af);
                    if (a.equals("pltime")) req.pltime = v;
                    else req.vltime = v;
                }
                case "metric", "pcp", "tunnelfib", "fib" -> arg(p, args, ++i, a);
                case "-pcp" -> { }
                case "vnet" -> {
                    String j = arg(p, args, ++i, a);
                    check(p, new MoveInterfaceToVnet(p.jid(), name, jailId(p, j)), "SIOCSIFVNET");
                }
                case "-vnet" -> {
                    String j = arg(p, args, ++i, a);
                    int jid = jailId(p, j);
                    check(p, new ReclaimInterfaceFromVnet(p.jid(), name, jid), "SIOCSIFRVNET(" + jid + ", " + name + ")");
                }
                case "destroy", "unplumb" -> {
                    check(p, new DestroyInterface(p.jid(), name), "SIOCIFDESTROY");
                    return done(p, printName);
                }
                case "alias", "add" -> req.doalias = 1;
                case "-alias", "delete", "remove" -> req.doalias = -1;
                case "netmask" -> {
                    String v = arg(p, args, ++i, a);
                    if (af.equals("inet6")) throw errx(p, "netmask: invalid option for inet6");
                    req.prefixlen = netmask(p, v);
                }
                case "broadcast" -> {
                    String v = arg(p, args, ++i, a);
                    if (af.equals("inet6")) throw errx(p, "broadcast: invalid option for inet6");
                    req.broadcast = Ipv4Address.parse(v).orElseThrow(() -> errx(p, v + ": bad value")).toString();
                }
                case "prefixlen" -> {
                    String v = arg(p, args, ++i, a);
                    int len = atoi(v);
                    if (len < 0 || len > (af.equals("inet6") ? 128 : 32) || !Host.isNumber(v)) throw errx(p, v + ": bad value");
                    req.prefixlen = len;
                }
                case "anycast" -> req.in6flags |= IfAddr.IN6_IFF_ANYCAST;
                case "-anycast", "tentative", "-tentative", "deprecated", "-deprecated", "autoconf", "-autoconf",
                        "prefer_source", "-prefer_source" -> { }
                case "ifdisabled" -> nd6(p, name, Ifnet.ND6_IFF_IFDISABLED, 0);
                case "-ifdisabled" -> nd6(p, name, 0, Ifnet.ND6_IFF_IFDISABLED);
                case "auto_linklocal" -> nd6(p, name, Ifnet.ND6_IFF_AUTO_LINKLOCAL, 0);
                case "-auto_linklocal" -> nd6(p, name, 0, Ifnet.ND6_IFF_AUTO_LINKLOCAL);
                case "accept_rtadv" -> nd6(p, name, Ifnet.ND6_IFF_ACCEPT_RTADV, 0);
                case "-accept_rtadv" -> nd6(p, name, 0, Ifnet.ND6_IFF_ACCEPT_RTADV);
                case "no_radr" -> nd6(p, name, Ifnet.ND6_IFF_NO_RADR, 0);
                case "-no_radr" -> nd6(p, name, 0, Ifnet.ND6_IFF_NO_RADR);
                case "nud" -> nd6(p, name, Ifnet.ND6_IFF_PERFORMNUD, 0);
                case "-nud" -> nd6(p, name, 0, Ifnet.ND6_IFF_PERFORMNUD);
                case "no_dad" -> nd6(p, name, Ifnet.ND6_IFF_NO_DAD, 0);
                case "-no_dad" -> nd6(p, name, 0, Ifnet.ND6_IFF_NO_DAD);
                case "no_prefer_iface" -> nd6(p, name, Ifnet.ND6_IFF_NO_PREFER_IFACE, 0);
                case "-no_prefer_iface" -> nd6(p, name, 0, Ifnet.ND6_IFF_NO_PREFER_IFACE);
                case "addm" -> {
                    String m = arg(p, args, ++i, a);
                    check(p, new AddBridgeMember(p.jid(), name, m), "BRDGADD " + m);
                }
                case "deletem" -> {
                    String m = arg(p, args, ++i, a);
                    check(p, new RemoveBridgeMember(p.jid(), name, m), "BRDGDEL " + m);
                }
                case "sticky" -> arg(p, args, ++i, a);
                case "static" -> {
                    // ifbridge.c setbridge_static(): static <interface> <address> [vlan <id>]
                    String usage = "usage: static <interface> <address> [vlan <id>]";
                    if (args.size() - i - 1 < 2) throw errx(p, usage);
                    String m = args.get(++i);
                    String mac = args.get(++i);
                    if (MacAddress.parse(mac).isEmpty()) throw errx(p, "invalid address: " + mac);
                    int vlan = 0;
                    if (i + 1 < args.size() && args.get(i + 1).equals("vlan")) {
                        i++;
                        if (i + 1 >= args.size()) throw errx(p, usage);
                        vlan = vlanId(p, args.get(++i));
                    }
                    check(p, new AddBridgeStatic(p.jid(), name, m, mac, vlan), "BRDGSADDR");
                }
                case "deladdr" -> {
                    String usage = "usage: deladdr <address> [vlan <id>]";
                    if (i + 1 >= args.size()) throw errx(p, usage);
                    String mac = args.get(++i);
                    if (MacAddress.parse(mac).isEmpty()) throw errx(p, "invalid address: " + mac);
                    int vlan = 0;
                    if (i + 1 < args.size() && args.get(i + 1).equals("vlan")) {
                        i++;
                        if (i + 1 >= args.size()) throw errx(p, usage);
                        vlan = vlanId(p, args.get(++i));
                    }
                    check(p, new DeleteBridgeAddress(p.jid(), name, mac, vlan), "BRDGDADDR");
                }
                case "addr" -> {
                    Ifnet br = p.prison.vnet.ifunit(name);
                    if (!(br.softc instanceof BridgeSoftc sc)) throw errx(p, "unable to get address cache: " + Errno.EINVAL.text);
                    IfStatus.addresses(p.out, sc, p.host.now);
                }
                case "flush" -> check(p, new FlushBridge(p.jid(), name, false), "BRDGFLUSH");
                case "flushall" -> check(p, new FlushBridge(p.jid(), name, true), "BRDGFLUSH");
                case "stp", "-stp", "span", "-span", "edge", "-edge", "autoedge", "-autoedge", "ptp", "-ptp",
                        "autoptp", "-autoptp", "learn", "-learn", "discover", "-discover", "-sticky",
                        "maxaddr", "timeout", "hellotime", "fwddelay", "maxage", "priority", "proto", "holdcnt",
                        "ifuntagged", "-ifuntagged" -> {
                    bridgeOnly(p, name);
                    arg(p, args, ++i, a);
                }
                case "ifpriority", "ifpathcost", "ifmaxaddr", "iftagged" -> {
                    bridgeOnly(p, name);
                    arg(p, args, ++i, a);
                    arg(p, args, ++i, a);
                }
                default -> {
                    if (req.addr == null) req.addr = a;
                    // A second address is the point-to-point destination, unused on broadcast media.
                }
            }
        }
        if (req.addr != null || req.doalias < 0) address(p, name, af, req);
        return done(p, printName);
    }

    /** af_inet6.c setip6lifetime(): strtoul(val, &ep, 0) must read a digit, then only inet6 may have it. */
    private static long lifetime(Proc p, String cmd, String val, String af) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\s*[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)").matcher(val);
        if (!m.lookingAt()) throw errx(p, "invalid " + cmd);
        if (!af.equals("inet6")) throw errx(p, cmd + " not allowed for the AF");
        String digits = m.group(1);
        java.math.BigInteger v = digits.startsWith("0x") || digits.startsWith("0X")
                ? new java.math.BigInteger(digits.substring(2), 16)
                : digits.startsWith("0") && digits.length() > 1 ? new java.math.BigInteger(digits.substring(1), 8)
                : new java.math.BigInteger(digits);
        // ia6t_pltime/ia6t_vltime are 32-bit: 0xffffffff is ND6_INFINITE_LIFETIME.
        return v.min(java.math.BigInteger.valueOf(0xffff_ffffL)).longValue();
    }

    /** ifbridge.c get_vlan_id(): a number (strtoul base 0) from DOT1Q_VID_MIN 1 to DOT1Q_VID_MAX 4094. */
    private static int vlanId(Proc p, String v) {
        long id = -1;
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) id = Long.parseLong(v.substring(2), 16);
            else if (v.length() > 1 && v.startsWith("0")) id = Long.parseLong(v.substring(1), 8);
            else if (!v.isEmpty() && Character.isDigit(v.charAt(0))) id = Long.parseLong(v);
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 1 || id > 4094) throw errx(p, "invalid vlan id: " + v);
        return (int) id;
    }

    private static int done(Proc p, String printName) {
        if (printName != null) p.println(printName);
        return 0;
    }

    private static String arg(Proc p, List<String> args, int i, String keyword) {
        if (i >= args.size()) throw errx(p, "'" + keyword + "' requires argument");
        return args.get(i);
    }

    /** atoi(3): leading digits, 0 for none. */
    private static int atoi(String s) {
        int i = 0, sign = 1;
        long v = 0;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) sign = s.charAt(i++) == '-' ? -1 : 1;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) v = v * 10 + (s.charAt(i++) - '0');
        return (int) Math.min(Integer.MAX_VALUE, v) * sign;
    }

    /** jail_getid(3): a number is taken as a jid as is, a name must be found. */
    private static int jailId(Proc p, String jail) {
        if (Host.isNumber(jail)) {
            try {
                return Integer.parseInt(jail);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        Prison pr = p.host.lookup(p.prison, jail);
        if (pr == null) throw errx(p, "jail \"" + jail + "\" not found");
        return pr.jid;
    }

    private static void bridgeOnly(Proc p, String name) {
        Ifnet ifp = p.prison.vnet.ifunit(name);
        if (ifp == null || !(ifp.softc instanceof BridgeSoftc)) throw errx(p, "unable to get bridge flags: " + Errno.EINVAL.text);
    }

    private static void check(Proc p, Command c, String what) {
        Decision d = p.syscall(c);
        if (d instanceof Decision.Rejected r) throw errx(p, what + ": " + r.text());
    }

    /** ifconfig.c Perror(): ENXIO and EPERM have words of their own, the rest is err(3). */
    private static void perror(Proc p, Command c, String cmd) {
        Decision d = p.syscall(c);
        if (!(d instanceof Decision.Rejected r)) return;
        if (r.errno() == Errno.ENXIO) throw errx(p, cmd + ": no such interface");
        if (r.errno() == Errno.EPERM) throw errx(p, cmd + ": permission denied");
        throw errx(p, cmd + ": " + r.text());
    }

    /** setifflags(): a refused SIOCSIFFLAGS is reported with the parameter's own word (Perror(vname)). */
    private static void flags(Proc p, String name, String word, int set, int clear) {
        perror(p, new SetInterfaceFlags(p.jid(), name, set, clear), word);
    }

    private static void nd6(Proc p, String name, int set, int clear) {
        check(p, new SetNd6Flags(p.jid(), name, set, clear), "ioctl(SIOCSIFINFO_IN6)");
    }

    /** netmask as a dotted quad or 0x hex; a mask that is not contiguous is refused. */
    private static int netmask(Proc p, String v) {
        Optional<Ipv4Address> m = Ipv4Address.parse(v);
        int bits;
        if (m.isPresent()) bits = m.get().bits();
        else if (v.startsWith("0x") && v.length() > 2 && v.length() <= 10) {
            try {
                bits = (int) Long.parseLong(v.substring(2), 16);
            } catch (NumberFormatException e) {
                throw errx(p, v + ": bad value");
            }
        } else throw errx(p, v + ": bad value");
        int len = Integer.bitCount(bits);
        if (Ipv4Address.prefixMask(len) != bits) throw errx(p, v + ": bad value");
        return len;
    }

    private static void address(Proc p, String name, String af, AddrReq req) {
        Ifnet ifp = p.prison.vnet.ifunit(name);
        switch (af) {
            case "inet" -> inetAddress(p, ifp, req);
            case "inet6" -> inet6Address(p, ifp, req);
            default -> linkAddress(p, ifp, req);
        }
    }

    /** af_link.c: the address goes to SIOCSIFLLADDR, reported like any af_aifaddr ioctl. */
    private static void linkAddress(Proc p, Ifnet ifp, AddrReq req) {
        if (req.addr == null) return; // "-alias" alone: af_link has no af_difaddr
        perror(p, new SetLinkAddress(p.jid(), ifp.name, req.addr), "ioctl (SIOCAIFADDR)");
    }

    private static void inetAddress(Proc p, Ifnet ifp, AddrReq req) {
        String text = req.addr;
        int prefixlen = req.prefixlen;
        if (text != null) {
            int slash = text.indexOf('/');
            if (slash >= 0) {
                String len = text.substring(slash + 1);
                if (!Host.isNumber(len) || len.length() > 2 || atoi(len) > 32) throw errx(p, text + ": bad value");
                prefixlen = atoi(len);
                text = text.substring(0, slash);
            }
            String t = text;
            text = Ipv4Address.parse(t).orElseThrow(() -> errx(p, t + ": bad value")).toString();
        }
        if (req.doalias < 0) {
            perror(p, new RemoveInterfaceAddress(p.jid(), ifp.name, "inet", text), "ioctl (SIOCDIFADDR)");
            return;
        }
        if (prefixlen < 0) {
            // af_inet.c: the historical classful mask, with a warning except on loopback and p2p.
            int first = Ipv4Address.of(text).octet(0);
            prefixlen = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
            if ((ifp.flags & (IfFlags.LOOPBACK | IfFlags.POINTOPOINT)) == 0) {
                p.warnx(PROG, "WARNING: setting interface address without mask is deprecated,\n"
                        + "default mask may not be correct.");
            }
        }
        perror(p, new SetInterfaceAddress(p.jid(), ifp.name, "inet", text, prefixlen, req.broadcast,
                req.doalias > 0, 0), "ioctl (SIOCAIFADDR)");
    }

    private static void inet6Address(Proc p, Ifnet ifp, AddrReq req) {
        String text = req.addr;
        int prefixlen = req.prefixlen;
        if (text != null) {
            int slash = text.indexOf('/');
            if (slash >= 0) {
                String len = text.substring(slash + 1);
                if (!Host.isNumber(len) || len.length() > 3 || atoi(len) > 128) throw errx(p, text + ": bad value");
                prefixlen = atoi(len);
                text = text.substring(0, slash);
            }
            int pct = text.indexOf('%');
            if (pct >= 0) text = text.substring(0, pct);
            String t = text;
            text = Ipv6Address.parse(t).orElseThrow(() -> errx(p, req.addr + ": bad value")).toString();
        }
        if (req.doalias < 0) {
            // ifconfig.c reports every family's af_difaddr/af_aifaddr under the inet names.
            perror(p, new RemoveInterfaceAddress(p.jid(), ifp.name, "inet6", text), "ioctl (SIOCDIFADDR)");
            return;
        }
        if (prefixlen < 0) prefixlen = 64;
        perror(p, new SetInterfaceAddress(p.jid(), ifp.name, "inet6", text, prefixlen, null, true, req.in6flags,
                req.pltime, req.vltime), "ioctl (SIOCAIFADDR)");
    }
}
