package org.vnetlab.kernel.jail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.api.JailCommand;
import org.vnetlab.kernel.api.JailCommand.CreateJail;
import org.vnetlab.kernel.api.JailCommand.ModifyJail;
import org.vnetlab.kernel.api.JailCommand.RemoveJail;
import org.vnetlab.kernel.api.JailEvent.JailCreated;
import org.vnetlab.kernel.api.JailEvent.JailModified;
import org.vnetlab.kernel.api.JailEvent.JailRemoved;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Prison;

/**
 * jail_set(2) and jail_remove(2): the checks of sys/kern/kern_jail.c kern_jail_set(), in its
 * order, with its error messages (the errmsg option jail(8) prints).
 */
public final class JailSyscalls {
    private JailSyscalls() {}

    public static Decision decide(Host host, JailCommand c) {
        Prison caller = host.prison(c.jid());
        if (caller == null) return Decision.reject(Errno.ESRCH);
        // PRIV_JAIL_SET / PRIV_JAIL_REMOVE: inside a jail only with children.max > 0.
        if (!caller.isHost() && caller.childrenMax == 0) return Decision.reject(Errno.EPERM);
        if (c instanceof CreateJail create) return create(host, caller, create.params());
        if (c instanceof ModifyJail modify) return modify(host, caller, modify.params());
        RemoveJail remove = (RemoveJail) c;
        Prison target = host.prison(remove.target());
        if (target == null || target == caller || !target.isDescendantOf(caller)) {
            return Decision.reject(Errno.ENOENT, "jail " + remove.target() + " not found");
        }
        return Decision.accept(new JailRemoved(target.jid));
    }

    private static Decision create(Host host, Prison caller, Map<String, String> given) {
        Decision bad = checkNames(given);
        if (bad != null) return bad;
        Map<String, String> params = new TreeMap<>(given);
        boolean vnet = "new".equals(params.remove("vnet"));
        if (vnet && (params.containsKey("ip4.addr") || params.containsKey("ip6.addr")
                || "new".equals(params.get("ip4")) || "new".equals(params.get("ip6")))) {
            return Decision.reject(Errno.EINVAL, "vnet jails cannot have IP address restrictions");
        }
        int jid;
        try {
            jid = params.containsKey("jid") ? Integer.parseInt(params.get("jid")) : 0;
        } catch (NumberFormatException e) {
            return Decision.reject(Errno.EINVAL);
        }
        if (jid < 0 || jid > Host.JAIL_MAX) return Decision.reject(Errno.EINVAL);
        if (jid != 0 && host.prison(jid) != null) {
            return Decision.reject(Errno.EEXIST, "jail " + jid + " already exists");
        }
        Prison parent = caller;
        String name = params.remove("name");
        String fullName = null;
        if (name != null) {
            if (name.isEmpty()) return Decision.reject(Errno.EINVAL, "name cannot be empty");
            int dot = name.lastIndexOf('.');
            if (dot >= 0) {
                String parentName = name.substring(0, dot);
                parent = host.lookup(caller, parentName);
                if (parent == null || parent == caller) {
                    return Decision.reject(Errno.ENOENT, "jail \"" + parentName + "\" not found");
                }
            }
            String last = name.substring(dot + 1);
            if (Host.isNumber(last)) {
                long n = last.length() > 7 ? -1 : Long.parseLong(last);
                if (jid == 0 && n > 0 && n <= Host.JAIL_MAX) {
                    jid = (int) n;
                    if (host.prison(jid) != null) {
                        return Decision.reject(Errno.EEXIST, "jail " + jid + " already exists");
                    }
                    params.put("jid", Integer.toString(jid));
                } else if (n != jid) {
                    return Decision.reject(Errno.EINVAL, "name cannot be numeric (unless it is the jid)");
                }
            }
            fullName = caller.isHost() ? name : caller.name + "." + name;
            if (host.prisonByName(fullName) != null) {
                return Decision.reject(Errno.EEXIST, "jail \"" + name + "\" already exists");
            }
        }
        if (!"true".equals(params.get("persist"))) {
            return Decision.reject(Errno.EINVAL, "new jail must persist or attach");
        }
        for (Prison p = parent; p != null; p = p.parent) {
            if (p.childrenCur >= p.childrenMax) return Decision.reject(Errno.EPERM, "prison limit exceeded");
        }
        Decision limits = checkLimits(parent, params);
        if (limits != null) return limits;
        if (!vnet) {
            Decision addrs = checkAddresses(host, parent, params);
            if (addrs != null) return addrs;
        }
        if (jid == 0) {
            jid = nextJid(host);
            if (jid == 0) return Decision.reject(Errno.EAGAIN, "no available jail IDs");
        }
        if (fullName == null) fullName = caller.isHost() ? Integer.toString(jid) : caller.name + "." + jid;
        return Decision.accept(new JailCreated(jid, fullName, parent.jid, vnet, params));
    }

    /** get_next_prid(): lastprid + 1, skipping jids in use, wrapping at JAIL_MAX; 0 if none is free. */
    static int nextJid(Host host) {
        int jid = host.lastJid;
        for (int tries = 0; tries < Host.JAIL_MAX; tries++) {
            jid = jid >= Host.JAIL_MAX ? 1 : jid + 1;
            if (host.prison(jid) == null) return jid;
        }
        return 0;
    }

    private static Decision checkNames(Map<String, String> params) {
        for (String key : params.keySet()) {
            if (JailParams.get(key) == null) return Decision.reject(Errno.EINVAL, "unknown parameter: " + key);
        }
        return null;
    }

    /** children.max, securelevel, enforce_statfs and allow.* may not exceed what the parent has. */
    private static Decision checkLimits(Prison parent, Map<String, String> params) {
        try {
            String cm = params.get("children.max");
            if (cm != null && (Integer.parseInt(cm) < 0 || Integer.parseInt(cm) >= parent.childrenMax)) {
                return Decision.reject(Errno.EPERM);
            }
            String sl = params.get("securelevel");
            if (sl != null && Integer.parseInt(sl) < Integer.parseInt(JailParams.get("securelevel").read().apply(parent))
                    && !parent.isHost()) {
                return Decision.reject(Errno.EPERM);
            }
            String es = params.get("enforce_statfs");
            if (es != null) {
                int v = Integer.parseInt(es);
                if (v < 0 || v > 2) return Decision.reject(Errno.EINVAL);
                if (!parent.isHost() && v < Integer.parseInt(JailParams.get("enforce_statfs").read().apply(parent))) {
                    return Decision.reject(Errno.EPERM);
                }
            }
            for (String int_ : List.of("devfs_ruleset", "host.hostid", "osreldate")) {
                if (params.containsKey(int_)) Integer.parseInt(params.get(int_));
            }
        } catch (NumberFormatException e) {
            return Decision.reject(Errno.EINVAL);
        }
        if (!parent.isHost()) {
            for (Map.Entry<String, String> p : params.entrySet()) {
                if (p.getKey().startsWith("allow.") && "true".equals(p.getValue())
                        && !"true".equals(JailParams.get(p.getKey()).read().apply(parent))) {
                    return Decision.reject(Errno.EPERM);
                }
            }
        }
        return null;
    }

    /** ip4.addr / ip6.addr must be a subset of a restricted parent's and must not clash with siblings. */
    private static Decision checkAddresses(Host host, Prison parent, Map<String, String> params) {
        for (String family : List.of("ip4", "ip6")) {
            String list = params.get(family + ".addr");
            if (list == null || list.isEmpty()) continue;
            List<String> mine = Arrays.asList(list.split(","));
            if (!parent.isHost() && !parent.ownVnet) {
                List<String> allowed = family.equals("ip4") ? parent.ip4 : parent.ip6;
                if (allowed == null || !allowed.containsAll(mine)) return Decision.reject(Errno.EPERM);
            }
            for (Prison sibling : host.descendants(parent)) {
                if (sibling.parent != parent || sibling.ownVnet) continue;
                List<String> theirs = family.equals("ip4") ? sibling.ip4 : sibling.ip6;
                if (theirs == null) continue;
                boolean overlap = false;
                for (String a : mine) overlap |= theirs.contains(a);
                if (overlap && (mine.size() > 1 || theirs.size() > 1)) {
                    return Decision.reject(Errno.EADDRINUSE,
                            (family.equals("ip4") ? "IPv4" : "IPv6") + " addresses clash");
                }
            }
        }
        return null;
    }

    private static Decision modify(Host host, Prison caller, Map<String, String> given) {
        Decision bad = checkNames(given);
        if (bad != null) return bad;
        Map<String, String> params = new TreeMap<>(given);
        Prison target;
        String jidText = params.remove("jid");
        String name = params.get("name");
        if (jidText != null) {
            target = host.lookup(caller, jidText);
            if (target == null || target == caller) return Decision.reject(Errno.ENOENT, "jail " + jidText + " not found");
        } else if (name != null) {
            target = host.lookup(caller, name);
            if (target == null || target == caller) return Decision.reject(Errno.ENOENT, "jail \"" + name + "\" not found");
            params.remove("name");
        } else {
            return Decision.reject(Errno.ENOENT, "update specified no jail");
        }
        for (String key : params.keySet()) {
            JailParam p = JailParams.get(key);
            if (p.createOnly() && !params.get(key).equals(p.read().apply(target))) {
                return Decision.reject(Errno.EINVAL, key + " cannot be changed after creation");
            }
            if (p.readOnly()) return Decision.reject(Errno.EINVAL);
        }
        if (target.ownVnet && (params.containsKey("ip4.addr") || params.containsKey("ip6.addr"))) {
            return Decision.reject(Errno.EINVAL, "vnet jails cannot have IP address restrictions");
        }
        if (name != null && jidText != null) {
            // A rename: the new name must stay under the same parent and be free.
            String full = caller.isHost() ? name : caller.name + "." + name;
            int dot = full.lastIndexOf('.');
            String parentName = dot < 0 ? "0" : full.substring(0, dot);
            if (!parentName.equals(target.parent.name)) return Decision.reject(Errno.EINVAL, "cannot change jail's parent");
            Prison other = host.prisonByName(full);
            if (other != null && other != target) return Decision.reject(Errno.EEXIST, "jail \"" + name + "\" already exists");
            params.put("name", full);
        }
        Decision limits = checkLimits(target.parent, params);
        if (limits != null) return limits;
        if (!target.ownVnet && !target.parent.ownVnet) {
            Decision addrs = checkAddresses(host, target.parent, params);
            if (addrs != null) return addrs;
        }
        List<Event> events = new ArrayList<>(2);
        events.add(new JailModified(target.jid, params));
        // A jail without persist and without processes dies at once (prison_deref).
        if ("false".equals(params.get("persist"))) events.add(new JailRemoved(target.jid));
        return Decision.accept(events);
    }
}
