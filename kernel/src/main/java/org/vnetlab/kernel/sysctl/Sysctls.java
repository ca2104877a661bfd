package org.vnetlab.kernel.sysctl;

import org.vnetlab.kernel.jail.JailParams;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Vnet;

/** Reading sysctl values: what sysctl(2) answers, for the tool and for other subsystems. */
public final class Sysctls {
    private Sysctls() {}

    /** The current value of a per-vnet integer OID in {@code vnet} (its default unless set there). */
    public static int vnetInt(Vnet vnet, String oid) {
        return (int) Long.parseLong(vnetValue(vnet, oid));
    }

    /** The current value of a per-vnet OID in {@code vnet}, as sysctl(8) prints it. */
    public static String vnetValue(Vnet vnet, String oid) {
        Oid o = SysctlCatalog.lookup(oid);
        if (o == null || !o.vnet()) throw new IllegalArgumentException("not a per-vnet sysctl: " + oid);
        String v = SysctlSubsystem.INSTANCE.override(vnet, oid);
        return v != null ? v : o.defaultValue();
    }

    /**
     * The value of {@code oid} as a process in {@code caller} reads it, formatted as sysctl(8)
     * prints it; null if there is no such leaf. VNET OIDs come from the caller's vnet (its
     * parent's for a non-vnet jail), PRISON OIDs and security.jail.* from the caller's prison.
     */
    public static String value(Host host, Prison caller, String oid) {
        Oid o = SysctlCatalog.lookup(oid);
        if (o == null || o.isNode()) return null;
        if (o.vnet()) return vnetValue(caller.vnet, oid);
        String computed = perPrison(caller, o);
        if (computed != null) return computed;
        String v = SysctlSubsystem.INSTANCE.override(host.vnet0, oid);
        return v != null ? v : o.defaultValue();
    }

    /** The prison parameter behind a CTLFLAG_PRISON OID (kern_mib.c sysctl_hostname & co.). */
    static String prisonParam(String oid) {
        return switch (oid) {
            case "kern.domainname" -> "host.domainname";
            case "kern.hostuuid" -> "host.hostuuid";
            case "kern.hostid" -> "host.hostid";
            case "kern.securelevel" -> "securelevel";
            default -> null;
        };
    }

    private static String perPrison(Prison pr, Oid o) {
        String param = prisonParam(o.name());
        if (param != null) return orDefault(pr.param(param), o.defaultValue());
        return switch (o.name()) {
            case "kern.hostname" -> pr.hostname;
            // kern_mib.c: osrelease/osreldate report the jail's own values
            case "kern.osrelease" -> orDefault(pr.param("osrelease"), o.defaultValue());
            case "kern.osreldate" -> orDefault(pr.param("osreldate"), o.defaultValue());
            // kern_jail.c sysctl_jail_jailed / sysctl_jail_vnet / sysctl_jail_children
            case "security.jail.jailed" -> pr.isHost() ? "0" : "1";
            case "security.jail.vnet" -> !pr.isHost() && pr.ownVnet ? "1" : "0";
            case "security.jail.children.max" -> Integer.toString(pr.childrenMax);
            case "security.jail.children.cur" -> Integer.toString(pr.childrenCur);
            // kern_jailmeta.c jm_sysctl_env: a jail reads its own "env"; "meta" has no sysctl
            case "security.jail.env" -> orDefault(pr.param("env"), "");
            default -> null;
        };
    }

    static int securelevel(Prison pr) {
        return Integer.parseInt(orDefault(pr.param("securelevel"), "-1"));
    }

    private static String orDefault(String v, String def) {
        return v != null ? v : def;
    }

    /** The JailParams default for a prison parameter, used to keep unchanged values unstored. */
    static String paramDefault(String param) {
        return JailParams.fixedDefault(param);
    }
}
