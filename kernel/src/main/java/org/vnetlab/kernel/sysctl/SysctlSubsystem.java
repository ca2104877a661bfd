package org.vnetlab.kernel.sysctl;

import java.util.Map;
import org.vnetlab.kernel.state.VnetSubsystem;

/** Per-vnet sysctl values, stored as differences from the compiled-in defaults. STUB. */
public final class SysctlSubsystem extends VnetSubsystem<Map<String, String>> {
    public static final SysctlSubsystem INSTANCE = new SysctlSubsystem();

    private SysctlSubsystem() {
        super("sysctl");
    }
}
