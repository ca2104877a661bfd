package org.vnetlab.kernel.net;

import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;

/** vnet_if_return(): borrowed interfaces go back to their home vnet. STUB: net owner fills in. */
public final class VnetIfReturn extends VnetSubsystem<Object> {
    public static final VnetIfReturn INSTANCE = new VnetIfReturn();

    private VnetIfReturn() {
        super("if_return");
    }

    @Override
    public void destroy(Host host, Vnet vnet) {}
}
