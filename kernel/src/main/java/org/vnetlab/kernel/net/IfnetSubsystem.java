package org.vnetlab.kernel.net;

import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;

/** The "if" subsystem: on vnet teardown the cloners destroy what was created in the vnet. STUB: net owner fills in. */
public final class IfnetSubsystem extends VnetSubsystem<Object> {
    public static final IfnetSubsystem INSTANCE = new IfnetSubsystem();

    private IfnetSubsystem() {
        super("if");
    }

    @Override
    public void destroy(Host host, Vnet vnet) {
        super.destroy(host, vnet);
    }
}
