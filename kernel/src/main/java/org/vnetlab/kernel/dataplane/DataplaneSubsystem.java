package org.vnetlab.kernel.dataplane;

import org.vnetlab.kernel.state.VnetSubsystem;

/** The data plane's per-vnet state ({@link Stack}: V_ip_id and the run caches), as listed in Subsystems.ORDER. */
public final class DataplaneSubsystem {
    public static final VnetSubsystem<?> INSTANCE = Stack.SLOT;

    private DataplaneSubsystem() {}
}
