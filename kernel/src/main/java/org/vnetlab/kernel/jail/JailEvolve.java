package org.vnetlab.kernel.jail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vnetlab.kernel.Kernel;
import org.vnetlab.kernel.api.JailEvent;
import org.vnetlab.kernel.api.JailEvent.JailCreated;
import org.vnetlab.kernel.api.JailEvent.JailModified;
import org.vnetlab.kernel.api.JailEvent.JailRemoved;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Vnet;

/** Applies jail events: prison creation with inheritance, modification, removal with teardown. */
public final class JailEvolve {
    /** Parameters a new prison copies from its parent (kern_jail.c "Set some default values"). */
    private static final List<String> INHERITED = List.of("securelevel", "devfs_ruleset", "enforce_statfs",
            "host.domainname", "host.hostuuid", "host.hostid", "osrelease", "osreldate");

    private JailEvolve() {}

    public static void apply(Host host, JailEvent event) {
        if (event instanceof JailCreated e) created(host, e);
        else if (event instanceof JailModified e) modified(host, e);
        else if (event instanceof JailRemoved e) removed(host, e);
    }

    private static void created(Host host, JailCreated e) {
        Prison parent = host.prison(e.parent());
        Vnet vnet = e.vnet() ? Kernel.vnetAlloc(host, e.jid()) : parent.vnet;
        Prison pr = new Prison(e.jid(), e.name(), parent, vnet, e.vnet());
        pr.hostname = parent.hostname;
        pr.path = parent.path;
        for (String key : INHERITED) {
            String v = parent.param(key);
            if (v != null) pr.setParam(key, v);
        }
        for (Map.Entry<String, Boolean> a : JailParams.ALLOW_DEFAULTS.entrySet()) {
            String key = "allow." + a.getKey();
            if (a.getValue() && !parent.isHost() && "false".equals(parent.param(key))) pr.setParam(key, "false");
        }
        for (Map.Entry<String, String> p : e.params().entrySet()) set(pr, p.getKey(), p.getValue());
        host.addPrison(pr);
        for (Prison p = parent; p != null; p = p.parent) p.childrenCur++;
        if (!e.params().containsKey("jid")) host.lastJid = e.jid();
    }

    private static void modified(Host host, JailModified e) {
        Prison pr = host.prison(e.jid());
        for (Map.Entry<String, String> p : e.params().entrySet()) {
            if (p.getKey().equals("name")) rename(host, pr, p.getValue());
            else set(pr, p.getKey(), p.getValue());
        }
    }

    private static void rename(Host host, Prison pr, String newName) {
        String oldPrefix = pr.name + ".";
        for (Prison d : host.descendants(pr)) host.renamePrison(d, newName + "." + d.name.substring(oldPrefix.length()));
        host.renamePrison(pr, newName);
    }

    private static void set(Prison pr, String key, String value) {
        switch (key) {
            case "jid", "vnet", "name" -> { }
            case "persist" -> pr.persist = Boolean.parseBoolean(value);
            case "host.hostname" -> pr.hostname = value;
            case "path" -> pr.path = value;
            case "children.max" -> pr.childrenMax = Integer.parseInt(value);
            case "ip4.addr" -> pr.ip4 = value.isEmpty() ? null : List.copyOf(Arrays.asList(value.split(",")));
            case "ip6.addr" -> pr.ip6 = value.isEmpty() ? null : List.copyOf(Arrays.asList(value.split(",")));
            default -> pr.setParam(key, value.equals(JailParams.fixedDefault(key)) ? null : value);
        }
    }

    /**
     * prison_remove(): the jail and every descendant go, deepest first, so that a child's vnet is
     * torn down (its borrowed interfaces sent home) before its parent's.
     */
    private static void removed(Host host, JailRemoved e) {
        Prison target = host.prison(e.jid());
        List<Prison> doomed = new ArrayList<>(host.descendants(target));
        doomed.add(target);
        doomed.sort(Comparator.comparingInt(JailEvolve::depth).reversed().thenComparing(p -> -p.jid));
        for (Prison pr : doomed) {
            for (Prison p = pr.parent; p != null; p = p.parent) p.childrenCur--;
            host.removePrison(pr);
            if (pr.ownVnet) Kernel.vnetDestroy(host, pr.vnet);
        }
    }

    private static int depth(Prison p) {
        int d = 0;
        for (Prison q = p.parent; q != null; q = q.parent) d++;
        return d;
    }
}
