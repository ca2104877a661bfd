package org.vnetlab.kernel.dataplane;

import java.util.List;
import java.util.Optional;
import org.vnetlab.kernel.api.DataplaneCommand;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;

/**
 * ping(8) / ping6 (sbin/ping/main.c, ping.c, ping6.c of FreeBSD 14): argv parsed like getopt
 * does, the family from -4/-6, the program name, -S or the target, then one command. Usage
 * errors (64) and unknown hosts (68) send nothing.
 */
public final class PingTool implements Tool {
    static final int EX_USAGE = 64;
    static final int EX_NOHOST = 68;
    /** Options taking an argument, for both families. */
    private static final String WITH_ARG = "bCcGghIiklMmPpSsTtWz";
    private static final String FLAGS = "46AaDdfHLNnoQqRruvwy";
    /** sbin/ping/main.c usage(), as built with INET, INET6 and IPSEC (IPSEC_POLICY_IPSEC). */
    private static final String USAGE = "usage:\n"
            + "\tping [-4AaDdfHnoQqRrv] [-C pcp] [-c count] [-G sweepmaxsize]\n"
            + "\t    [-g sweepminsize] [-h sweepincrsize] [-i wait] [-l preload]\n"
            + "\t    [-M mask | time] [-m ttl][-P policy] [-p pattern] [-S src_addr] \n"
            + "\t    [-s packetsize] [-t timeout] [-W waittime] [-z tos] IPv4-host\n"
            + "\tping [-4AaDdfHLnoQqRrv] [-C pcp] [-c count] [-I iface] [-i wait]\n"
            + "\t    [-l preload] [-M mask | time] [-m ttl] [-P policy] [-p pattern]\n"
            + "\t    [-S src_addr] [-s packetsize] [-T ttl] [-t timeout] [-W waittime]\n"
            + "            [-z tos] IPv4-mcast-group\n"
            + "\tping [-6aADdfHnNoOquvyY] [-b bufsiz] [-c count] [-e gateway]\n"
            + "            [-I interface] [-i wait] [-k addrtype] [-l preload] [-m hoplimit]\n"
            + "            [-p pattern] [-P policy] [-S sourceaddr] [-s packetsize] [-t timeout]\n"
            + "\t    [-W waittime] [-z tclass] [IPv6-hops ...] IPv6-host\n";


    @Override
    public int main(Proc p, List<String> argv) {
        String prog = "ping";
        boolean six = argv.get(0).endsWith("ping6");
        boolean four = false;
        // main.c: a first getopt pass (over both families' options, so that "-s56" is -s 56)
        // picks the family before ping.c/ping6.c parse the rest.
        int operand = 1;
        scan:
        for (; operand < argv.size(); operand++) {
            String a = argv.get(operand);
            if (a.equals("--")) {
                operand++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) break;
            for (int k = 1; k < a.length(); k++) {
                char o = a.charAt(k);
                if (o == '4') four = true;
                if (o == '6') six = true;
                if (WITH_ARG.indexOf(o) >= 0) {
                    if (k + 1 == a.length()) operand++;
                    continue scan;
                }
            }
        }
        if (operand >= argv.size()) return usage(p);
        if (four && six) return p.errx(1, prog, "-4 and -6 cannot be used simultaneously");
        String last = argv.get(argv.size() - 1);
        if (Ipv4Address.parse(last).isPresent() && six) {
            return p.errx(1, prog, "IPv6 requested but IPv4 target address provided");
        }
        if (last.indexOf(':') >= 0 && Ipv6Address.parse(last.replaceFirst("%.*$", "")).isPresent() && four) {
            return p.errx(1, prog, "IPv4 requested but IPv6 target address provided");
        }
        int count = 0, intervalMs = 1000, waitMs = 10_000, timeoutS = 0, size = -1, ttl = 0;
        boolean intervalSet = false;
        String source = "";
        StringBuilder options = new StringBuilder();
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
                if (WITH_ARG.indexOf(o) >= 0) {
                    String arg;
                    if (k + 1 < a.length()) arg = a.substring(k + 1);
                    else if (i + 1 < argv.size()) arg = argv.get(++i);
                    else {
                        p.warnx(prog, "option requires an argument -- " + o);
                        return usage(p);
                    }
                    k = a.length();
                    switch (o) {
                        case 'c' -> {
                            Long v = unsigned(arg);
                            if (v == null || v == 0 || v > Integer.MAX_VALUE) {
                                return p.errx(EX_USAGE, prog, "invalid count of packets to transmit: `" + arg + "'");
                            }
                            count = (int) (long) v;
                        }
                        case 'i' -> {
                            Double v = decimal(arg);
                            if (v == null || v * 1000 > Integer.MAX_VALUE || v < 0) {
                                return p.errx(EX_USAGE, prog, "invalid timing interval: `" + arg + "'");
                            }
                            intervalMs = (int) (v * 1000);
                            intervalSet = true;
                        }
                        case 'W' -> {
                            Double v = decimal(arg);
                            if (v == null || v > Integer.MAX_VALUE || v < 0) {
                                return p.errx(EX_USAGE, prog, "invalid timing interval: `" + arg + "'");
                            }
                            waitMs = (int) (double) v;
                            options.append('W');
                        }
                        case 't' -> {
                            Long v = unsigned(arg);
                            if (v == null || v < 1) return p.errx(EX_USAGE, prog, "invalid timeout: `" + arg + "'");
                            if (v > 3600) return p.errx(EX_USAGE, prog, "invalid timeout: `" + arg + "' > 3600");
                            timeoutS = (int) (long) v;
                        }
                        case 's' -> {
                            Long v = unsigned(arg);
                            if (v == null || v > 65507) return p.errx(EX_USAGE, prog, "invalid packet size: `" + arg + "'");
                            size = (int) (long) v;
                        }
                        case 'm' -> {
                            Long v = unsigned(arg);
                            if (v == null || v > 255) return p.errx(EX_USAGE, prog, "invalid TTL: `" + arg + "'");
                            ttl = (int) (long) v;
                        }
                        case 'S' -> source = arg;
                        default -> { } // -C pcp, -z tos, -p pattern, ...: accepted, no effect on the simulation
                    }
                } else if (FLAGS.indexOf(o) >= 0) {
                    switch (o) {
                        case '4' -> four = true;
                        case '6' -> six = true;
                        case 'A', 'a', 'f', 'n', 'q', 'v', 'R' -> options.append(o);
                        default -> { }
                    }
                } else {
                    p.warnx(prog, "illegal option -- " + o);
                    return usage(p);
                }
            }
        }
        List<String> args = argv.subList(i, argv.size());
        if (args.size() != 1) return usage(p);
        String target = args.get(0);
        if (!four && !six) {
            // main.c: the family of -S, else of the target's literal
            if (source.contains(":") || target.contains(":")) six = true;
        }
        if (options.indexOf("f") >= 0 && intervalSet) return p.errx(EX_USAGE, prog, "-f and -i: incompatible options");
        String family = six ? "inet6" : "inet";
        String dst = resolve(family, target);
        if (dst == null) return p.errx(EX_NOHOST, prog, "cannot resolve " + target + ": Unknown host");
        if (!source.isEmpty()) {
            String s = resolve(family, source);
            if (s == null) return p.errx(EX_NOHOST, prog, "cannot resolve " + source + ": Unknown host");
            source = s;
        }
        if (size < 0) size = six ? 8 : 56;
        Decision d = p.syscall(new DataplaneCommand.Ping(p.jid(), family, target, dst, source, count, intervalMs,
                waitMs, timeoutS, size, ttl, options.toString()));
        if (d instanceof Decision.Rejected r) return p.errx(1, prog, "bind: " + r.text());
        p.out.append(p.host.resultOut);
        p.err.append(p.host.resultErr);
        return p.host.resultStatus;
    }

    /** usage() exits 1 (main.c), unlike the option errors of ping.c, which use EX_USAGE. */
    private static int usage(Proc p) {
        p.err.append(USAGE);
        return 1;
    }

    /** The address text for {@code name}: a literal of the family, or localhost. */
    static String resolve(String family, String name) {
        if (name.equals("localhost")) return family.equals("inet6") ? "::1" : "127.0.0.1";
        if (family.equals("inet")) return Ipv4Address.parse(name).map(Ipv4Address::toString).orElse(null);
        int pct = name.indexOf('%');
        String bare = pct >= 0 ? name.substring(0, pct) : name;
        Optional<Ipv6Address> a = Ipv6Address.parse(bare);
        if (a.isEmpty()) return null;
        return pct >= 0 ? a.get() + name.substring(pct) : a.get().toString();
    }

    /** strtoul(optarg, &ep, 0) with *ep == 0 required. */
    static Long unsigned(String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseLong(s.substring(2), 16);
            if (s.length() > 1 && s.startsWith("0")) return Long.parseLong(s.substring(1), 8);
            if (s.isEmpty() || !Character.isDigit(s.charAt(0))) return null;
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** strtod with the whole string consumed. */
    static Double decimal(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '.')) return null;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
