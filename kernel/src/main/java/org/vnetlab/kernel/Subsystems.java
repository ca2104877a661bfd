package org.vnetlab.kernel;

import java.util.List;
import org.vnetlab.kernel.dataplane.DataplaneSubsystem;
import org.vnetlab.kernel.net.IfnetSubsystem;
import org.vnetlab.kernel.net.Loopback;
import org.vnetlab.kernel.net.VnetIfReturn;
import org.vnetlab.kernel.route.NeighborTables;
import org.vnetlab.kernel.route.NetCounters;
import org.vnetlab.kernel.route.RouteTables;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.VnetSubsystem;
import org.vnetlab.kernel.sysctl.SysctlSubsystem;

/**
 * Every per-vnet subsystem, in VNET_SYSINIT order. Adding a subsystem touches this list only; a
 * subsystem's slot in every vnet is its index here (so snapshots restore in any JVM).
 * Teardown runs it backwards, so {@link VnetIfReturn} (last here, SI_SUB_VNET_DONE in FreeBSD)
 * first sends borrowed interfaces home, then the tables go, and the cloners destroy what was
 * created inside the vnet.
 */
public final class Subsystems {
    public static final List<VnetSubsystem<?>> ORDER = VnetSubsystem.register(List.of(
            IfnetSubsystem.INSTANCE,
            Loopback.INSTANCE,
            RouteTables.INSTANCE,
            NeighborTables.INSTANCE,
            NetCounters.INSTANCE,
            SysctlSubsystem.INSTANCE,
            DataplaneSubsystem.INSTANCE,
            VnetIfReturn.INSTANCE));

    private Subsystems() {}

    /** What rc(8) does on a real host at boot: lo0 up with 127.0.0.1/8 and ::1. */
    static void bootHost(Host host) {
        Loopback.configureHostLoopback(host);
    }
}
