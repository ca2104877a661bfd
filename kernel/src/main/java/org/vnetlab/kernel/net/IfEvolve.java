package org.vnetlab.kernel.net;

import org.vnetlab.kernel.api.IfEvent;
import org.vnetlab.kernel.state.Host;

/** STUB: net owner fills in. */
public final class IfEvolve {
    private IfEvolve() {}

    public static void apply(Host host, IfEvent e) {}
}
