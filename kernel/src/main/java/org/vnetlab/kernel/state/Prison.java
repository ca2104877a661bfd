package org.vnetlab.kernel.state;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A jail, as the kernel sees it (struct prison). Prison 0 is the host. The common parameters
 * are fields; every other parameter that differs from its default lives in {@link #extra}
 * (null while there are none), which keeps an idle jail small.
 */
public final class Prison implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public final int jid;
    /** Full hierarchical name as seen from the host ("a.b"); "0" for the host. */
    public String name;
    public final Prison parent;
    /** The vnet this jail's processes use: its own if {@link #ownVnet}, else the parent's. */
    public final Vnet vnet;
    public final boolean ownVnet;
    public boolean persist;
    public String hostname;
    public String path;
    public int childrenMax;
    /** Number of descendants, all levels (pr_childcount is bumped on every ancestor). */
    public int childrenCur;
    /** ip4.addr / ip6.addr, or null when empty. */
    public List<String> ip4;
    public List<String> ip6;
    /** Other parameters that differ from their defaults, by kernel name. */
    public Map<String, String> extra;

    public Prison(int jid, String name, Prison parent, Vnet vnet, boolean ownVnet) {
        this.jid = jid;
        this.name = name;
        this.parent = parent;
        this.vnet = vnet;
        this.ownVnet = ownVnet;
    }

    public boolean isHost() {
        return jid == 0;
    }

    /** True if this prison is {@code other} or one of its descendants. */
    public boolean isDescendantOf(Prison other) {
        for (Prison p = this; p != null; p = p.parent) {
            if (p == other) return true;
        }
        return false;
    }

    /** The name as seen from {@code viewer} (prison_name: the viewer's own prefix is stripped). */
    public String nameFrom(Prison viewer) {
        if (viewer.isHost()) return name;
        if (this == viewer) return "0";
        String prefix = viewer.name + ".";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    public String param(String key) {
        return extra == null ? null : extra.get(key);
    }

    public void setParam(String key, String value) {
        if (value == null) {
            if (extra != null) {
                extra.remove(key);
                if (extra.isEmpty()) extra = null;
            }
            return;
        }
        if (extra == null) extra = new TreeMap<>();
        extra.put(key, value);
    }

    @Override
    public String toString() {
        return "prison " + jid + " (" + name + ")";
    }
}
