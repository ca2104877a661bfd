package org.vnetlab.kernel.sysctl;

import org.vnetlab.kernel.api.SysctlEvent;
import org.vnetlab.kernel.state.Host;

/** STUB: sysctl owner fills in. */
public final class SysctlEvolve {
    private SysctlEvolve() {}

    public static void apply(Host host, SysctlEvent e) {}
}
