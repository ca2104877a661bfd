package org.vnetlab.kernel.route;

import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.RouteCommand;
import org.vnetlab.kernel.state.Host;

/** STUB: route owner fills in. */
public final class RouteSyscalls {
    private RouteSyscalls() {}

    public static Decision decide(Host host, RouteCommand c) {
        return Decision.reject(Errno.EOPNOTSUPP);
    }
}
