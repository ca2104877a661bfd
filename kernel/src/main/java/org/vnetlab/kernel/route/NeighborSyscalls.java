package org.vnetlab.kernel.route;

import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.NeighborCommand;
import org.vnetlab.kernel.state.Host;

/** STUB: route owner fills in. */
public final class NeighborSyscalls {
    private NeighborSyscalls() {}

    public static Decision decide(Host host, NeighborCommand c) {
        return Decision.reject(Errno.EOPNOTSUPP);
    }
}
