package org.vnetlab.kernel.sysctl;

import java.util.HashMap;
import java.util.Map;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;

/**
 * Per-vnet sysctl values, stored as differences from the compiled-in defaults: a vnet where
 * nothing was ever set has no map at all (a lab may hold 100,000 idle vnet jails). The host's
 * vnet (vnet0) also holds the overrides of host-wide, non-VNET OIDs; the names never collide
 * because an OID is either VNET or not.
 */
public final class SysctlSubsystem extends VnetSubsystem<Map<String, String>> {
    public static final SysctlSubsystem INSTANCE = new SysctlSubsystem();

    private SysctlSubsystem() {
        super("sysctl");
    }

    /** The value set in {@code vnet}, or null when it still has the default. */
    String override(Vnet vnet, String name) {
        Map<String, String> m = peek(vnet);
        return m == null ? null : m.get(name);
    }

    /** Records {@code value}; a value equal to the default is forgotten rather than stored. */
    void set(Vnet vnet, Oid oid, String value) {
        if (value.equals(oid.defaultValue())) {
            Map<String, String> m = peek(vnet);
            if (m != null) {
                m.remove(oid.name());
                if (m.isEmpty()) put(vnet, null);
            }
            return;
        }
        get(vnet, () -> new HashMap<>(4)).put(oid.name(), value);
    }
}
