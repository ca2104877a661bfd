package org.vnetlab.kernel.sysctl;

import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.SysctlCommand;
import org.vnetlab.kernel.state.Host;

/** STUB: sysctl owner fills in. */
public final class SysctlSyscalls {
    private SysctlSyscalls() {}

    public static Decision decide(Host host, SysctlCommand c) {
        return Decision.reject(Errno.EOPNOTSUPP);
    }
}
