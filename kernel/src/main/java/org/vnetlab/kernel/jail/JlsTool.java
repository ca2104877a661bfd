package org.vnetlab.kernel.jail;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/**
 * jls(8) (usr.sbin/jls/jls.c): the default table, {@code -N}, {@code -v}, parameter lists with
 * {@code -h -n -q -s}, {@code -j}, {@code -c} and {@code --libxo json}. Inside a jail it lists
 * that jail's descendants by their relative names.
 */
public final class JlsTool implements Tool {
    private static final String PROG = "jls";
    private static final String USAGE = "usage: jls [-dhNnqsv] [-j jail] [param ...]\n";

    private static final int HEADER = 1, NAMEVAL = 2, QUOTED = 4, SKIP = 8, VERBOSE = 16, JAIL_NAME = 32;

    @Override
    public int main(Proc p, List<String> argv) {
        int flags = 0;
        boolean json = false, exists = false;
        String only = null;
        List<String> rest = new ArrayList<>();
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--libxo")) {
                if (++i >= argv.size()) return usage(p);
                json = argv.get(i).contains("json");
                continue;
            }
            if (a.startsWith("--libxo=") || a.startsWith("--libxo:")) {
                json = a.contains("json") || a.substring(8).contains("J");
                continue;
            }
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) break;
            for (int k = 1; k < a.length(); k++) {
                char o = a.charAt(k);
                switch (o) {
                    case 'a', 'd' -> { }
                    case 'c' -> exists = true;
                    case 'h' -> flags = (flags & ~(SKIP | VERBOSE)) | HEADER;
                    case 'N' -> flags |= JAIL_NAME;
                    case 'n' -> flags |= NAMEVAL;
                    case 'q' -> flags |= QUOTED;
                    case 's' -> flags = (flags & ~(HEADER | VERBOSE)) | NAMEVAL | QUOTED | SKIP;
                    case 'v' -> flags = (flags & ~(HEADER | NAMEVAL | SKIP)) | VERBOSE;
                    case 'j' -> {
                        if (k + 1 < a.length()) only = a.substring(k + 1);
                        else if (++i < argv.size()) only = argv.get(i);
                        else {
                            p.warnx(PROG, "option requires an argument -- j");
                            return usage(p);
                        }
                        k = a.length();
                    }
                    default -> {
                        p.warnx(PROG, "illegal option -- " + o);
                        return usage(p);
                    }
                }
            }
        }
        rest.addAll(argv.subList(i, argv.size()));

        List<JailParam> params = new ArrayList<>();
        for (String name : rest) {
            JailParam param = JailParams.get(name);
            if (param == null) return p.errx(1, PROG, "unknown parameter: " + name);
            params.add(param);
        }
        List<Prison> jails;
        if (only != null) {
            Prison pr = p.host.lookup(p.prison, only);
            if (pr == null || pr == p.prison) {
                if (exists) return 1;
                return p.errx(1, PROG, Host.isNumber(only) ? "jail " + only + " not found" : "jail \"" + only + "\" not found");
            }
            jails = List.of(pr);
        } else {
            jails = p.host.descendants(p.prison);
        }
        if (exists) return jails.isEmpty() ? 1 : 0;

        if (params.isEmpty() && (flags & (HEADER | NAMEVAL)) != 0) params.addAll(JailParams.all());
        if (!params.isEmpty()) return list(p, jails, params, flags, json);
        if ((flags & VERBOSE) != 0) return verbose(p, jails, json);
        return table(p, jails, (flags & JAIL_NAME) != 0, json);
    }

    private static int table(Proc p, List<Prison> jails, boolean byName, boolean json) {
        if (json) {
            List<String> objects = new ArrayList<>();
            for (Prison pr : jails) {
                objects.add("{" + (byName ? str("name", pr.nameFrom(p.prison)) : num("jid", pr.jid)) + ","
                        + str("ipv4", firstIp4(pr)) + "," + str("hostname", pr.hostname) + ","
                        + str("path", pr.path) + "}");
            }
            return json(p, objects);
        }
        if (byName) {
            p.out.append(String.format(" %-15s %-15s %-29s %s%n", "JID", "IP Address", "Hostname", "Path"));
        } else {
            p.out.append("   JID  IP Address      Hostname                      Path\n");
        }
        for (Prison pr : jails) {
            String head = byName ? String.format(" %-15s ", pr.nameFrom(p.prison)) : String.format("%6d  ", pr.jid);
            p.out.append(head).append(String.format("%-15.15s %-29.29s %.74s%n", firstIp4(pr), pr.hostname, pr.path));
        }
        return 0;
    }

    private static int verbose(Proc p, List<Prison> jails, boolean json) {
        if (json) {
            List<String> objects = new ArrayList<>();
            for (Prison pr : jails) {
                objects.add("{" + num("jid", pr.jid) + "," + str("hostname", pr.hostname) + "," + str("path", pr.path)
                        + "," + str("name", pr.nameFrom(p.prison)) + "," + str("state", "ACTIVE") + ","
                        + num("cpusetid", JailParams.cpusetId(pr)) + "," + list("ipv4_addrs", pr.ip4) + ","
                        + list("ipv6_addrs", pr.ip6) + "}");
            }
            return json(p, objects);
        }
        p.out.append("   JID  Hostname                      Path\n");
        p.out.append("        Name                          State\n");
        p.out.append("        CPUSetID\n");
        p.out.append("        IP Address(es)\n");
        for (Prison pr : jails) {
            p.out.append(String.format("%6d  %-29.29s %.74s%n", pr.jid, pr.hostname, pr.path));
            p.out.append(String.format("        %-29.29s %.74s%n", pr.nameFrom(p.prison), "ACTIVE"));
            p.out.append(String.format("        %d%n", JailParams.cpusetId(pr)));
            if (!pr.ownVnet) {
                if (pr.ip4 != null) for (String a : pr.ip4) p.out.append("        ").append(a).append('\n');
                if (pr.ip6 != null) for (String a : pr.ip6) p.out.append("        ").append(a).append('\n');
            }
        }
        return 0;
    }

    private static int list(Proc p, List<Prison> jails, List<JailParam> params, int flags, boolean json) {
        if (json) {
            List<String> objects = new ArrayList<>();
            for (Prison pr : jails) {
                List<String> fields = new ArrayList<>();
                for (JailParam param : params) {
                    String v = value(p.prison, pr, param);
                    fields.add(param.type() == JailParam.Type.INT ? num(param.name(), Integer.parseInt(v))
                            : param.isBool() ? "\"" + param.name() + "\":" + v
                            : str(param.name(), v == null ? "" : v));
                }
                objects.add("{" + String.join(",", fields) + "}");
            }
            return json(p, objects);
        }
        if ((flags & HEADER) != 0) {
            List<String> names = new ArrayList<>();
            for (JailParam param : params) names.add(param.name());
            p.out.append(String.join(" ", names)).append('\n');
        }
        for (Prison pr : jails) {
            StringBuilder line = new StringBuilder();
            for (JailParam param : params) {
                if ((flags & SKIP) != 0 && skipped(p.prison, pr, param)) continue;
                if (line.length() > 0) line.append(' ');
                String v = value(p.prison, pr, param);
                if ((flags & NAMEVAL) != 0 && param.isBool()) {
                    line.append("true".equals(v) ? param.name() : negate(param.name()));
                    continue;
                }
                if ((flags & NAMEVAL) != 0) line.append(param.name()).append('=');
                if (v == null) { // zero-length data
                    if ((flags & QUOTED) != 0) line.append("\"\"");
                    else if ((flags & NAMEVAL) == 0) line.append('-');
                    continue;
                }
                quoted(line, v, (flags & QUOTED) != 0);
            }
            p.out.append(line).append('\n');
        }
        return 0;
    }

    /** -s skips read-only parameters and those under a jailsys parameter that is not "new". */
    private static boolean skipped(Prison viewer, Prison pr, JailParam param) {
        if (param.readOnly()) return true;
        int dot = param.name().indexOf('.');
        if (dot < 0) return false;
        JailParam parent = JailParams.get(param.name().substring(0, dot));
        return parent != null && parent.type() == JailParam.Type.JAILSYS && !"new".equals(value(viewer, pr, parent));
    }

    /** The value as seen from {@code viewer}: names are relative, the viewer's own jid is 0. */
    private static String value(Prison viewer, Prison pr, JailParam param) {
        return switch (param.name()) {
            case "name" -> pr.nameFrom(viewer);
            case "parent" -> Integer.toString(pr.parent == viewer ? 0 : pr.parent.jid);
            default -> param.read().apply(pr);
        };
    }

    /** "persist" -> "nopersist", "allow.mount.devfs" -> "allow.mount.nodevfs". */
    private static String negate(String name) {
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot + 1) + "no" + name.substring(dot + 1);
    }

    /** quoted_print(): "" for empty; with -q, quotes around values with quotes, spaces or tabs. */
    private static void quoted(StringBuilder sb, String v, boolean quote) {
        if (v.isEmpty()) {
            sb.append("\"\"");
            return;
        }
        char qc = v.indexOf('\'') >= 0 ? '"' : v.indexOf('"') >= 0 ? '\''
                : (v.indexOf(' ') >= 0 || v.indexOf('\t') >= 0) ? '"' : 0;
        if (qc != 0 && quote) sb.append(qc);
        sb.append(v);
        if (qc != 0 && quote) sb.append(qc);
    }

    private static String firstIp4(Prison pr) {
        return pr.ip4 == null || pr.ownVnet ? "" : pr.ip4.get(0);
    }

    private static int json(Proc p, List<String> objects) {
        p.out.append("{\"__version\": \"2\", \"jail-information\": {\"jail\": [")
                .append(String.join(", ", objects)).append("]}}\n");
        return 0;
    }

    private static String str(String key, String value) {
        return "\"" + key + "\":\"" + escape(value) + "\"";
    }

    private static String num(String key, int value) {
        return "\"" + key + "\":" + value;
    }

    private static String list(String key, List<String> values) {
        List<String> quoted = new ArrayList<>();
        if (values != null) for (String v : values) quoted.add("\"" + escape(v) + "\"");
        return "\"" + key + "\":[" + String.join(",", quoted) + "]";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static int usage(Proc p) {
        p.err.append(USAGE);
        return 1;
    }
}
