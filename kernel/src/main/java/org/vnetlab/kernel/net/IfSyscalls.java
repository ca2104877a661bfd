package org.vnetlab.kernel.net;

import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.IfCommand;
import org.vnetlab.kernel.state.Host;

/** STUB: net owner fills in. */
public final class IfSyscalls {
    private IfSyscalls() {}

    public static Decision decide(Host host, IfCommand c) {
        return Decision.reject(Errno.EOPNOTSUPP);
    }
}
