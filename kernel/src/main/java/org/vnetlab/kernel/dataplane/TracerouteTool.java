package org.vnetlab.kernel.dataplane;

import java.util.List;
import org.vnetlab.kernel.api.DataplaneCommand;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/** traceroute(8) (usr.sbin/traceroute/traceroute.c): -n -m -q -w -f -s, IPv4 UDP probes. */
public final class TracerouteTool implements Tool {
    private static final String PROG = "traceroute";
    private static final String WITH_ARG = "AfgiMmPpqstwz";
    private static final String FLAGS = "adDeEFInrSvx";

    @Override
    public int main(Proc p, List<String> argv) {
        if (argv.get(0).endsWith("traceroute6")) return main6(p, argv);
        int first = 1, max = 0, probes = 3, wait = 5;
        boolean numeric = false;
        String source = "";
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
                    else return usage(p);
                    k = a.length();
                    Long v = PingTool.unsigned(arg);
                    switch (o) {
                        case 'f' -> {
                            if (v == null || v < 1 || v > 255) return p.errx(1, PROG, "first ttl must be > 0 and <= 255");
                            first = (int) (long) v;
                        }
                        case 'm' -> {
                            if (v == null || v < 1 || v > 255) return p.errx(1, PROG, "max ttl must be > 0 and <= 255");
                            max = (int) (long) v;
                        }
                        case 'q' -> {
                            if (v == null || v < 1 || v > 1000) return p.errx(1, PROG, "nprobes must be > 0 and <= 1000");
                            probes = (int) (long) v;
                        }
                        case 'w' -> {
                            if (v == null || v < 1 || v > 86400) return p.errx(1, PROG, "wait must be > 0 and <= 86400");
                            wait = (int) (long) v;
                        }
                        case 's' -> source = arg;
                        default -> { }
                    }
                } else if (FLAGS.indexOf(o) >= 0) {
                    if (o == 'n') numeric = true;
                } else {
                    p.warnx(PROG, "illegal option -- " + o);
                    return usage(p);
                }
            }
        }
        List<String> args = argv.subList(i, argv.size());
        if (args.isEmpty() || args.size() > 2) return usage(p);
        int packetLen = 40;
        if (args.size() == 2) {
            Long v = PingTool.unsigned(args.get(1));
            if (v == null || v < 28 || v > 32768) return p.errx(1, PROG, "packet length must be 28 <= x <= 32768");
            packetLen = (int) (long) v;
        }
        String target = args.get(0);
        String dst = PingTool.resolve("inet", target);
        if (dst == null) return p.errx(1, PROG, "unknown host " + target);
        if (max > 0 && first > max) return p.errx(1, PROG, "first ttl (" + first + ") may not be greater than max ttl (" + max + ")");
        Decision d = p.syscall(new DataplaneCommand.Traceroute(p.jid(), target, dst, source, first, max, probes, wait,
                packetLen, numeric));
        if (d instanceof Decision.Rejected r) return p.errx(1, PROG, "bind: " + r.text());
        p.out.append(p.host.resultOut);
        p.err.append(p.host.resultErr);
        return p.host.resultStatus;
    }

    /** traceroute6(8) (usr.sbin/traceroute6/traceroute6.c): UDP probes only; -f -m -n -q -s -w. */
    private static int main6(Proc p, List<String> argv) {
        final String prog = "traceroute6";
        int first = 1, max = 0, probes = 3, wait = 5;
        boolean numeric = false;
        String source = "";
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
                if ("Afgmpqsw".indexOf(o) >= 0) {
                    String arg;
                    if (k + 1 < a.length()) arg = a.substring(k + 1);
                    else if (i + 1 < argv.size()) arg = argv.get(++i);
                    else return usage6(p);
                    k = a.length();
                    Long v = PingTool.unsigned(arg);
                    switch (o) {
                        case 'f' -> {
                            if (v == null || v > 255) return fail(p, prog + ": invalid min hoplimit.");
                            first = (int) (long) v;
                        }
                        case 'm' -> {
                            if (v == null || v > 255) return fail(p, prog + ": invalid max hoplimit.");
                            max = (int) (long) v;
                        }
                        case 'q' -> {
                            if (v == null) return fail(p, prog + ": invalid nprobes.");
                            if (v < 1) return fail(p, prog + ": nprobes must be >0.");
                            probes = (int) Math.min(v, 1000);
                        }
                        case 'w' -> {
                            if (v == null) return fail(p, prog + ": invalid wait time.");
                            if (v < 1) return fail(p, prog + ": wait must be >= 1 sec.");
                            wait = (int) Math.min(v, 86400);
                        }
                        case 's' -> source = arg;
                        default -> { }
                    }
                } else if ("adIlnNrUv".indexOf(o) >= 0) {
                    if (o == 'n') numeric = true;
                } else {
                    p.warnx(prog, "illegal option -- " + o);
                    return usage6(p);
                }
            }
        }
        List<String> args = argv.subList(i, argv.size());
        if (args.isEmpty() || args.size() > 2) return usage6(p);
        String target = args.get(0);
        String dst = PingTool.resolve("inet6", target);
        if (dst == null) return fail(p, prog + ": hostname nor servname provided, or not known");
        int datalen = 12; // sizeof(struct opacket)
        if (args.size() == 2) {
            Long v = PingTool.unsigned(args.get(1));
            if (v == null) return fail(p, prog + ": invalid packet length.");
            if (v >= 65535) return fail(p, prog + ": packet size must be 12 <= s < 65535.");
            datalen = (int) Math.max(12, Math.min(v, 1400));
        }
        if (!source.isEmpty()) {
            String s = PingTool.resolve("inet6", source);
            if (s == null) {
                p.println(prog + ": " + source + ": hostname nor servname provided, or not known");
                return 1;
            }
            source = s;
        }
        if (max > 0 && max < first) return fail(p, prog + ": max hoplimit must be larger than first hoplimit.");
        Decision d = p.syscall(new DataplaneCommand.Traceroute(p.jid(), target, dst, source, first, max, probes, wait,
                datalen, numeric));
        if (d instanceof Decision.Rejected r) return p.errx(1, prog, "bind: " + r.text());
        p.out.append(p.host.resultOut);
        p.err.append(p.host.resultErr);
        return p.host.resultStatus;
    }

    private static int fail(Proc p, String line) {
        p.err.append(line).append('\n');
        return 1;
    }

    private static int usage6(Proc p) {
        p.err.append("""
                usage: traceroute6 [-adIlnNrUv] [-A as_server] [-f firsthop] [-g gateway]
                       [-m hoplimit] [-p port] [-q probes] [-s src] [-w waittime] target [datalen]
                """);
        return 1;
    }

    private static int usage(Proc p) {
        p.err.append("""
                Usage: traceroute [-adDeEFInrSvx] [-A as_server] [-f first_ttl] [-g gateway] [-i iface]
                \t[-M first_ttl] [-m max_ttl] [-p port] [-P proto] [-q nqueries] [-s src_addr]
                \t[-t tos] [-w waittime] [-z pausemsecs] host [packetlen]
                """);
        return 1;
    }
}
