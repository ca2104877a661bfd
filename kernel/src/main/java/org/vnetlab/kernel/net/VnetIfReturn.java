package org.vnetlab.kernel.net;

import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;

/**
 * sys/net/if.c vnet_if_return(): when a vnet dies, every interface it borrowed goes back to the
 * vnet it was created in, by if_vmove (down, addresses purged, out of its bridge).
 */
public final class VnetIfReturn extends VnetSubsystem<Object> {
    public static final VnetIfReturn INSTANCE = new VnetIfReturn();

    private VnetIfReturn() {
        super("if_return");
    }

    @Override
    public void destroy(Host host, Vnet vnet) {
        for (Ifnet ifp : vnet.ifnets()) {
            if (ifp.home != vnet) IfEvolve.vmove(host, ifp, ifp.home);
        }
    }
}
