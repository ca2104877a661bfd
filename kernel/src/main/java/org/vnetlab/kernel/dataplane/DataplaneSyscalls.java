package org.vnetlab.kernel.dataplane;

import org.vnetlab.kernel.api.DataplaneCommand;
import org.vnetlab.kernel.api.DataplaneCommand.Ping;
import org.vnetlab.kernel.api.DataplaneCommand.Sleep;
import org.vnetlab.kernel.api.DataplaneCommand.StartCapture;
import org.vnetlab.kernel.api.DataplaneCommand.Traceroute;
import org.vnetlab.kernel.api.DataplaneEvent.CaptureStarted;
import org.vnetlab.kernel.api.DataplaneEvent.PingSent;
import org.vnetlab.kernel.api.DataplaneEvent.TimeAdvanced;
import org.vnetlab.kernel.api.DataplaneEvent.TracerouteSent;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Vnet;

/**
 * Validates data-plane commands. The simulation itself runs in evolve; decide only checks what
 * the system calls before the first packet would refuse (bind to a foreign address, an unknown
 * interface) and fixes the values the run needs (time, ping's identifier).
 */
public final class DataplaneSyscalls {
    private static final long PURPOSE_IDENT = 0x7069_6e67L;

    private DataplaneSyscalls() {}

    public static Decision decide(Host host, DataplaneCommand c) {
        Prison pr = host.prison(c.jid());
        if (pr == null || pr.vnet == null) return Decision.reject(Errno.ESRCH);
        Vnet vnet = pr.vnet;
        if (c instanceof Ping p) {
            if (!p.source().isEmpty() && !hasAddress(vnet, p.family(), p.source())) {
                return Decision.reject(Errno.EADDRNOTAVAIL);
            }
            int ident = (int) (host.derive(PURPOSE_IDENT, host.now, c.jid()) & 0xffff);
            return Decision.accept(new PingSent(vnet.id, p.family(), p.target(), p.destination(), p.source(),
                    p.count(), p.intervalMs(), p.waitMs(), p.timeoutS(), p.size(), p.ttl(), p.options(), ident,
                    host.now));
        }
        if (c instanceof Traceroute t) {
            if (!t.source().isEmpty() && !hasAddress(vnet, t.destination().contains(":") ? "inet6" : "inet", t.source())) {
                return Decision.reject(Errno.EADDRNOTAVAIL);
            }
            int ident = (int) (host.derive(PURPOSE_IDENT, host.now, c.jid() + 1L) & 0xffff) | 0x8000;
            return Decision.accept(new TracerouteSent(vnet.id, t.target(), t.destination(), t.source(), t.firstTtl(),
                    t.maxHops(), t.probes(), t.waitS(), t.packetLen(), t.numeric(), ident, host.now));
        }
        if (c instanceof StartCapture s) {
            Ifnet ifp = vnet.ifunit(s.iface());
            if (ifp == null) return Decision.reject(Errno.ENXIO);
            return Decision.accept(new CaptureStarted(vnet.id, s.iface(), ifp.index, s.file(), host.now));
        }
        Sleep s = (Sleep) c;
        if (s.nanos() < 0) return Decision.reject(Errno.EINVAL);
        return Decision.accept(new TimeAdvanced(vnet.id, s.nanos(), host.now));
    }

    private static boolean hasAddress(Vnet vnet, String family, String address) {
        for (Ifnet ifp : vnet.ifnets()) {
            for (IfAddr a : ifp.addrs()) {
                if (a.family.equals(family) && a.address.equals(address)) return true;
            }
        }
        return false;
    }
}
