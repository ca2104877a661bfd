package org.vnetlab.kernel.jail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.JailCommand.CreateJail;
import org.vnetlab.kernel.api.JailCommand.ModifyJail;
import org.vnetlab.kernel.api.JailCommand.RemoveJail;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Programs;
import org.vnetlab.kernel.userland.Tool;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;

/**
 * jail(8), command-line form (usr.sbin/jail/jail.c). Parameters become a jail_set(2) call;
 * {@code vnet.interface} becomes {@code ifconfig IF vnet JID} after creation, and
 * {@code command=} runs in the new jail. There is no /etc/jail.conf on a simulated host.
 */
public final class JailTool implements Tool {
    static final String USAGE = """
            usage: jail [-dhilqv] [-J jid_file] [-u username] [-U username]
                        -[cmr] param=value ... [command=command ...]
               jail [-dqv] [-f file] [-e separator] -[cmr] [jail]
               jail [-qv] [-f file] -[rR] ['*' | jail ...]
            """;
    private static final String PROG = "jail";
    private static final String CONF = "/etc/jail.conf";

    /** jail(8)'s own parameters: not the kernel's, understood (and mostly ignored) here. */
    private static boolean isPseudo(String key) {
        return key.startsWith("exec.") || key.startsWith("mount.") || key.equals("interface")
                || key.equals("ip_hostname") || key.equals("depend") || key.equals("allow.dying")
                || key.equals("vnet.interface") || key.equals("command");
    }

    @Override
    public int main(Proc p, List<String> argv) {
        boolean create = false, modify = false, remove = false, printJid = false;
        int verbose = 0;
        String conf = null;
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
                    case 'c' -> create = true;
                    case 'm' -> modify = true;
                    case 'r', 'R' -> remove = true;
                    case 'i' -> printJid = true;
                    case 'q' -> verbose = -1;
                    case 'v' -> verbose = 1;
                    case 'd', 'h', 'l' -> { }
                    case 'f', 'J', 'u', 'U', 'e', 'n', 'p', 's' -> {
                        String arg = k + 1 < a.length() ? a.substring(k + 1) : (++i < argv.size() ? argv.get(i) : null);
                        if (arg == null) return usage(p, "option requires an argument -- " + o);
                        if (o == 'f') conf = arg;
                        k = a.length();
                    }
                    default -> {
                        return usage(p, "illegal option -- " + o);
                    }
                }
            }
        }
        List<String> args = argv.subList(i, argv.size());
        if (!create && !modify && !remove) return usage(p, null);
        boolean commandLineForm = args.size() > 1 || args.stream().anyMatch(s -> s.contains("="));
        if (!commandLineForm) {
            if (remove && !create && conf == null && !args.isEmpty()) return removeByName(p, args, verbose);
            if (args.isEmpty() && !remove) return usage(p, null);
            if (remove && !create && args.isEmpty()) return usage(p, null);
            return p.errx(1, PROG, (conf != null ? conf : CONF) + ": No such file or directory");
        }
        if (remove && !create && !modify) {
            if (args.stream().anyMatch(s -> s.contains("="))) {
                Params parsed = parse(p, args);
                if (parsed == null) return 1;
                if (parsed.label() == null) return p.errx(1, PROG, "no jail specified");
                return removeNamed(p, List.of(parsed.label()), verbose, false);
            }
            return removeNamed(p, args, verbose, args.size() > 1);
        }
        Params parsed = parse(p, args);
        if (parsed == null) return 1;
        Prison existing = parsed.find(p);
        if (remove) { // -rc: restart
            if (existing != null) {
                Decision d = p.syscall(new RemoveJail(p.jid(), existing.jid));
                if (d instanceof Decision.Rejected r) return kernelError(p, r);
            }
            existing = null;
        }
        if (modify && (existing != null || !create)) {
            if (existing == null) {
                if (parsed.label() == null) return p.errx(1, PROG, "no jail specified");
                return p.errx(1, PROG, "\"" + parsed.label() + "\" not found");
            }
            return modify(p, parsed, existing, verbose);
        }
        if (existing != null) return p.errx(1, PROG, "\"" + parsed.label() + "\" already exists");
        return create(p, parsed, verbose, printJid);
    }

    private int create(Proc p, Params parsed, int verbose, boolean printJid) {
        Map<String, String> kernel = new LinkedHashMap<>(parsed.kernel);
        boolean attach = parsed.command != null;
        if (attach) kernel.put("persist", "true"); // jail(8) keeps it alive while the command runs
        boolean vnet = "new".equals(kernel.get("vnet"));
        Decision d = p.syscall(new CreateJail(p.jid(), kernel));
        if (d instanceof Decision.Rejected r) return kernelError(p, r);
        int jid = ((org.vnetlab.kernel.api.JailEvent.JailCreated) ((Decision.Accepted) d).events().get(0)).jid();
        if (printJid) p.println(Integer.toString(jid));
        if (verbose > 0) p.println("created");
        int status = 0;
        if (vnet) {
            // command.c IP_VNET_INTERFACE: "/sbin/ifconfig IF vnet JAIL" per entry, JAIL being the
            // jid= parameter, else name=; a failure fails the jail, which is then removed.
            String label = parsed.kernel.get("jid") != null ? parsed.kernel.get("jid")
                    : parsed.kernel.get("name") != null ? parsed.kernel.get("name") : Integer.toString(jid);
            for (String ifname : parsed.vnetInterfaces) {
                List<String> ifconfig = List.of("/sbin/ifconfig", ifname, "vnet", label);
                Integer rc = Programs.exec(p, ifconfig);
                if (rc == null || rc != 0) {
                    p.warnx(PROG, String.join(" ", ifconfig) + ": failed");
                    if (p.host.prison(jid) != null) p.syscall(new RemoveJail(p.jid(), jid));
                    return 1;
                }
            }
        }
        if (attach) {
            Prison jail = p.host.prison(jid);
            Integer rc = Programs.exec(p.attach(jail), parsed.command);
            if (rc == null) {
                p.warnx(PROG, "exec " + parsed.command.get(0) + ": No such file or directory");
                rc = 1;
            }
            status = rc;
            if (!"true".equals(parsed.kernel.get("persist")) && p.host.prison(jid) != null) {
                p.syscall(new ModifyJail(p.jid(), Map.of("jid", Integer.toString(jid), "persist", "false")));
            }
        }
        return status;
    }

    private int modify(Proc p, Params parsed, Prison existing, int verbose) {
        Map<String, String> kernel = new LinkedHashMap<>(parsed.kernel);
        kernel.remove("vnet.interface");
        for (String key : List.copyOf(kernel.keySet())) {
            JailParam param = JailParams.get(key);
            if (param != null && param.createOnly() && !key.equals("jid")
                    && !kernel.get(key).equals(param.read().apply(existing))) {
                return p.errx(1, PROG, key + " cannot be changed after creation");
            }
        }
        if (!kernel.containsKey("jid")) kernel.put("jid", Integer.toString(existing.jid));
        Decision d = p.syscall(new ModifyJail(p.jid(), kernel));
        if (d instanceof Decision.Rejected r) return kernelError(p, r);
        if (verbose > 0) p.println("updated");
        return 0;
    }

    /** {@code jail -r name} with no jail.conf: remove by name or jid (stat(cfname) failed). */
    private int removeByName(Proc p, List<String> args, int verbose) {
        return removeNamed(p, args, verbose, false);
    }

    private int removeNamed(Proc p, List<String> names, int verbose, boolean noteRemove) {
        int status = 0;
        for (String name : names) {
            List<Prison> targets = new ArrayList<>();
            if (name.equals("*")) {
                for (Prison pr : p.host.descendants(p.prison)) if (pr.parent == p.prison) targets.add(pr);
                noteRemove = true;
            } else {
                Prison pr = p.host.lookup(p.prison, name);
                if (pr == null || pr == p.prison) {
                    if (verbose >= 0) p.warnx(PROG, "\"" + name + "\" not found");
                    status = 1;
                    continue;
                }
                targets.add(pr);
            }
            for (Prison pr : targets) {
                String label = name.equals("*") ? pr.nameFrom(p.prison) : name;
                if (p.host.prison(pr.jid) == null) continue;
                Decision d = p.syscall(new RemoveJail(p.jid(), pr.jid));
                if (d instanceof Decision.Rejected r) {
                    status = kernelError(p, r);
                    continue;
                }
                if (verbose > 0 || (verbose == 0 && noteRemove)) p.println(label + ": removed");
            }
        }
        return status;
    }

    private static int kernelError(Proc p, Decision.Rejected r) {
        // libjail: the kernel's errmsg if it set one, else "jail_set: strerror(errno)".
        return p.errx(1, PROG, r.message() != null ? r.message() : "jail_set: " + r.errno().text);
    }

    private static int usage(Proc p, String complaint) {
        if (complaint != null) p.warnx(PROG, complaint);
        p.err.append(USAGE);
        return 1;
    }

    /** The parsed parameters: the kernel's, the jail(8)-only ones, and the command. */
    private record Params(Map<String, String> kernel, List<String> vnetInterfaces, List<String> command) {

        /** What jail_quoted_warnx names the jail by: its jid= parameter, else its name=. */
        String label() {
            String jid = kernel.get("jid");
            return jid != null ? jid : kernel.get("name");
        }

        Prison find(Proc p) {
            String jid = kernel.get("jid");
            if (jid != null && !jid.equals("0")) {
                Prison pr = p.host.lookup(p.prison, jid);
                if (pr != null && pr != p.prison) return pr;
            }
            String name = kernel.get("name");
            if (name != null) {
                Prison pr = p.host.lookup(p.prison, name);
                if (pr != null && pr != p.prison) return pr;
            }
            return null;
        }
    }

    /** name=value, bare booleans ({@code persist}, {@code vnet} = new) and no-prefixed ones. */
    private static Params parse(Proc p, List<String> args) {
        Map<String, String> kernel = new LinkedHashMap<>();
        List<String> vnetInterfaces = new ArrayList<>();
        List<String> command = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq);
            String value = eq < 0 ? null : a.substring(eq + 1);
            if (key.equals("command")) {
                command = new ArrayList<>();
                if (value != null && !value.isEmpty()) command.add(value);
                command.addAll(args.subList(i + 1, args.size()));
                if (command.isEmpty()) {
                    p.warnx(PROG, "command: no value");
                    return null;
                }
                break;
            }
            if (key.equals("vnet.interface")) {
                if (value == null || value.isEmpty()) {
                    p.warnx(PROG, "vnet.interface: no value");
                    return null;
                }
                for (String ifname : value.split(",")) if (!ifname.isEmpty()) vnetInterfaces.add(ifname);
                continue;
            }
            if (isPseudo(key)) continue;
            JailParam param = JailParams.get(key);
            boolean negated = false;
            if (param == null && eq < 0) {
                int dot = key.lastIndexOf('.');
                String stem = key.substring(dot + 1);
                if (stem.startsWith("no")) {
                    String positive = key.substring(0, dot + 1) + stem.substring(2);
                    JailParam q = JailParams.get(positive);
                    if (q != null && (q.isBool() || q.type() == JailParam.Type.JAILSYS)) {
                        param = q;
                        negated = true;
                    }
                }
            }
            if (param == null) {
                p.warnx(PROG, "unknown parameter: " + key);
                return null;
            }
            String canonical = canonical(p, param, value, negated);
            if (canonical == null) return null;
            if (param.type() == JailParam.Type.LIST && kernel.containsKey(param.name()) && !canonical.isEmpty()) {
                canonical = kernel.get(param.name()) + "," + canonical;
            }
            kernel.put(param.name(), canonical);
        }
        return new Params(kernel, vnetInterfaces, command);
    }

    /** jailparam_import(3): the value in the kernel's form, or null after printing why not. */
    private static String canonical(Proc p, JailParam param, String value, boolean negated) {
        String name = param.name();
        switch (param.type()) {
            case BOOL -> {
                if (value == null) return negated ? "false" : "true";
                String v = value.toLowerCase();
                if (v.equals("true") || v.equals("yes") || v.equals("on")) return "true";
                if (v.equals("false") || v.equals("no") || v.equals("off")) return "false";
                try {
                    return Long.parseLong(value) != 0 ? "true" : "false";
                } catch (NumberFormatException e) {
                    p.warnx(PROG, name + ": unknown boolean value \"" + value + "\"");
                    return null;
                }
            }
            case JAILSYS -> {
                if (value == null) return negated ? "disable" : "new";
                if (value.equals("new") || value.equals("inherit") || value.equals("disable")) return value;
                p.warnx(PROG, name + ": unknown jailsys value \"" + value + "\"");
                return null;
            }
            case INT -> {
                if (value == null) {
                    p.warnx(PROG, name + ": no value");
                    return null;
                }
                try {
                    return Integer.toString(Integer.decode(value));
                } catch (NumberFormatException e) {
                    p.warnx(PROG, name + ": non-integer value \"" + value + "\"");
                    return null;
                }
            }
            case LIST -> {
                String v = value == null ? "" : value;
                for (String addr : v.split(",")) {
                    if (addr.isEmpty()) continue;
                    String bare = addr.contains("|") ? addr.substring(addr.indexOf('|') + 1) : addr;
                    int slash = bare.indexOf('/');
                    if (slash >= 0) bare = bare.substring(0, slash);
                    boolean ok = name.equals("ip4.addr") ? Ipv4Address.parse(bare).isPresent() : Ipv6Address.parse(bare).isPresent();
                    if (!ok) {
                        p.warnx(PROG, name + ": not an " + (name.equals("ip4.addr") ? "IPv4" : "IPv6")
                                + " address: " + addr);
                        return null;
                    }
                }
                StringBuilder sb = new StringBuilder();
                for (String addr : v.split(",")) {
                    if (addr.isEmpty()) continue;
                    String bare = addr.contains("|") ? addr.substring(addr.indexOf('|') + 1) : addr;
                    int slash = bare.indexOf('/');
                    if (slash >= 0) bare = bare.substring(0, slash);
                    if (sb.length() > 0) sb.append(',');
                    sb.append(name.equals("ip6.addr") ? Ipv6Address.of(bare).toString() : bare);
                }
                return sb.toString();
            }
            default -> {
                if (value == null) {
                    p.warnx(PROG, name + ": no value");
                    return null;
                }
                if (name.equals("path") && !value.startsWith("/")) {
                    p.warnx(PROG, "path " + value + ": not an absolute pathname");
                    return null;
                }
                return value;
            }
        }
    }
}
