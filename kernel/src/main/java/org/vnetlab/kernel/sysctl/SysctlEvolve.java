package org.vnetlab.kernel.sysctl;

import org.vnetlab.kernel.api.SysctlEvent;
import org.vnetlab.kernel.api.SysctlEvent.SysctlSet;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Prison;

/** Applies sysctl writes: to the caller's vnet, to the caller's prison, or host-wide. */
public final class SysctlEvolve {
    private SysctlEvolve() {}

    public static void apply(Host host, SysctlEvent e) {
        if (e instanceof SysctlSet s) set(host, s);
    }

    private static void set(Host host, SysctlSet s) {
        Prison pr = host.prison(s.jid());
        Oid oid = SysctlCatalog.lookup(s.oid());
        if (oid.vnet()) {
            SysctlSubsystem.INSTANCE.set(pr.vnet, oid, s.value());
        } else if (oid.prison()) {
            setOnPrison(host, pr, oid, s.value());
        } else {
            SysctlSubsystem.INSTANCE.set(host.vnet0, oid, s.value());
        }
    }

    private static void setOnPrison(Host host, Prison pr, Oid oid, String value) {
        if (oid.name().equals("kern.hostname")) {
            // every jail has its own host info (PR_HOST), so only the caller's copy changes
            pr.hostname = value;
            return;
        }
        String param = Sysctls.prisonParam(oid.name());
        setParam(pr, param, value);
        if (param.equals("securelevel")) {
            // kern_mib.c: raising a level raises every descendant that is below it
            int level = Integer.parseInt(value);
            for (Prison d : host.descendants(pr)) {
                if (Sysctls.securelevel(d) < level) setParam(d, param, value);
            }
        }
    }

    private static void setParam(Prison pr, String param, String value) {
        pr.setParam(param, value.equals(Sysctls.paramDefault(param)) ? null : value);
    }
}
