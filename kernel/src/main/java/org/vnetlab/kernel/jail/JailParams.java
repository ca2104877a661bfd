package org.vnetlab.kernel.jail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vnetlab.kernel.jail.JailParam.Type;
import org.vnetlab.kernel.state.Prison;

/**
 * The catalog of kernel jail parameters (sys/kern/kern_jail.c SYSCTL_JAIL_PARAM*), with the
 * defaults a new prison gets. Values that equal the defaults are not stored on the prison.
 */
public final class JailParams {
    public static final String OSRELEASE = "14.3-RELEASE";
    public static final String OSRELDATE = "1403000";
    public static final String NULL_UUID = "00000000-0000-0000-0000-000000000000";

    /**
     * allow.* bits and whether a jail created with jail(8)'s command line has them: the kernel's
     * JAIL_DEFAULT_ALLOW, with the legacy security.jail.*_allowed sysctls applied on top.
     */
    static final Map<String, Boolean> ALLOW_DEFAULTS = new LinkedHashMap<>();

    static {
        for (String a : List.of("adjtime", "chflags", "extattr", "mlock", "mount", "mount.devfs",
                "mount.fdescfs", "mount.linprocfs", "mount.linsysfs", "mount.nullfs", "mount.procfs",
                "mount.tmpfs", "mount.zfs", "nfsd", "quotas", "raw_sockets", "read_msgbuf",
                "reserved_ports", "routing", "set_hostname", "settime", "socket_af", "suser", "sysvipc",
                "unprivileged_parent_tampering", "unprivileged_proc_debug", "vmm")) {
            ALLOW_DEFAULTS.put(a, false);
        }
        for (String a : List.of("set_hostname", "reserved_ports", "suser", "unprivileged_proc_debug")) {
            ALLOW_DEFAULTS.put(a, true);
        }
    }

    private static final Map<String, JailParam> PARAMS = new LinkedHashMap<>();

    static {
        add("jid", Type.INT, JailParam.CREATE_ONLY, p -> Integer.toString(p.jid));
        add("name", Type.STRING, 0, p -> p.name);
        add("path", Type.STRING, JailParam.CREATE_ONLY, p -> p.path);
        add("host", Type.JAILSYS, 0, p -> "new");
        add("persist", Type.BOOL, 0, p -> Boolean.toString(p.persist));
        add("dying", Type.BOOL, JailParam.RD, p -> "false");
        add("parent", Type.INT, JailParam.RD, p -> Integer.toString(p.parent.jid));
        add("securelevel", Type.INT, 0, p -> extra(p, "securelevel", "-1"));
        add("enforce_statfs", Type.INT, 0, p -> extra(p, "enforce_statfs", "2"));
        add("devfs_ruleset", Type.INT, 0, p -> extra(p, "devfs_ruleset", "0"));
        add("vnet", Type.JAILSYS, JailParam.CREATE_ONLY, p -> p.ownVnet ? "new" : "inherit");
        add("ip4", Type.JAILSYS, JailParam.CREATE_ONLY, p -> ipMode(p, p.ip4, "ip4"));
        add("ip6", Type.JAILSYS, JailParam.CREATE_ONLY, p -> ipMode(p, p.ip6, "ip6"));
        add("osrelease", Type.STRING, JailParam.CREATE_ONLY, p -> extra(p, "osrelease", OSRELEASE));
        add("osreldate", Type.INT, JailParam.CREATE_ONLY, p -> extra(p, "osreldate", OSRELDATE));
        add("sysvmsg", Type.JAILSYS, 0, p -> extra(p, "sysvmsg", "disable"));
        add("sysvsem", Type.JAILSYS, 0, p -> extra(p, "sysvsem", "disable"));
        add("sysvshm", Type.JAILSYS, 0, p -> extra(p, "sysvshm", "disable"));
        add("meta", Type.STRING, 0, p -> extra(p, "meta", ""));
        add("env", Type.STRING, 0, p -> extra(p, "env", ""));
        add("children.cur", Type.INT, JailParam.RD, p -> Integer.toString(p.childrenCur));
        add("children.max", Type.INT, 0, p -> Integer.toString(p.childrenMax));
        add("cpuset.id", Type.INT, JailParam.RD, p -> Integer.toString(cpusetId(p)));
        add("host.domainname", Type.STRING, 0, p -> extra(p, "host.domainname", ""));
        add("host.hostid", Type.INT, 0, p -> extra(p, "host.hostid", "0"));
        add("host.hostname", Type.STRING, 0, p -> p.hostname);
        add("host.hostuuid", Type.STRING, 0, p -> extra(p, "host.hostuuid", NULL_UUID));
        add("ip4.addr", Type.LIST, 0, p -> p.ip4 == null ? null : String.join(",", p.ip4));
        add("ip4.saddrsel", Type.BOOL, 0, p -> extra(p, "ip4.saddrsel", "true"));
        add("ip6.addr", Type.LIST, 0, p -> p.ip6 == null ? null : String.join(",", p.ip6));
        add("ip6.saddrsel", Type.BOOL, 0, p -> extra(p, "ip6.saddrsel", "true"));
        for (Map.Entry<String, Boolean> a : ALLOW_DEFAULTS.entrySet()) {
            String key = "allow." + a.getKey();
            String def = a.getValue().toString();
            add(key, Type.BOOL, 0, p -> extra(p, key, def));
        }
    }

    private JailParams() {}

    private static void add(String name, Type type, int flags, Function<Prison, String> read) {
        PARAMS.put(name, new JailParam(name, type, flags, read));
    }

    private static String extra(Prison p, String key, String def) {
        String v = p.param(key);
        return v != null ? v : def;
    }

    /** ip4/ip6 jailsys: vnet jails inherit; others are "new" with addresses, else "disable". */
    private static String ipMode(Prison p, List<String> addrs, String key) {
        String explicit = p.param(key);
        if (explicit != null) return explicit;
        if (p.ownVnet) return "inherit";
        return addrs != null ? "new" : "disable";
    }

    /** Jail cpusets follow the root set (1), in jid order: deterministic, as seen on a fresh host. */
    public static int cpusetId(Prison p) {
        return p.jid + 1;
    }

    public static JailParam get(String name) {
        return PARAMS.get(name);
    }

    /** Every parameter, in sort_param order: top-level names first, then dotted ones, each alphabetically. */
    public static List<JailParam> all() {
        List<JailParam> list = new ArrayList<>(PARAMS.values());
        list.sort(ORDER);
        return Collections.unmodifiableList(list);
    }

    /** jls's sort_param(): undotted names before dotted ones, then by name. */
    public static final Comparator<JailParam> ORDER = Comparator
            .comparing((JailParam p) -> p.name().contains("."))
            .thenComparing(JailParam::name);

    /** The default a new jail would have for a settable parameter, if it is a fixed one. */
    public static String fixedDefault(String name) {
        return switch (name) {
            case "securelevel" -> "-1";
            case "enforce_statfs" -> "2";
            case "devfs_ruleset", "host.hostid" -> "0";
            case "osrelease" -> OSRELEASE;
            case "osreldate" -> OSRELDATE;
            case "sysvmsg", "sysvsem", "sysvshm" -> "disable";
            case "meta", "env", "host.domainname" -> "";
            case "host.hostuuid" -> NULL_UUID;
            case "ip4.saddrsel", "ip6.saddrsel" -> "true";
            default -> {
                if (name.startsWith("allow.")) {
                    Boolean b = ALLOW_DEFAULTS.get(name.substring(6));
                    yield b == null ? null : b.toString();
                }
                yield null;
            }
        };
    }
}
