package org.vnetlab.kernel.dataplane;

import java.util.ArrayList;
import org.vnetlab.kernel.api.DataplaneEvent;
import org.vnetlab.kernel.api.DataplaneEvent.ArpAnnounced;
import org.vnetlab.kernel.api.DataplaneEvent.CaptureStarted;
import org.vnetlab.kernel.api.DataplaneEvent.LinkAddressAdvertised;
import org.vnetlab.kernel.api.DataplaneEvent.PingSent;
import org.vnetlab.kernel.api.DataplaneEvent.TimeAdvanced;
import org.vnetlab.kernel.api.DataplaneEvent.TracerouteSent;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.PcapWriter;

/** Applies data-plane events: each one re-runs its simulation (see {@link DataplaneEvent}). */
public final class DataplaneEvolve {
    private DataplaneEvolve() {}

    public static void apply(Host host, DataplaneEvent e) {
        if (e instanceof PingSent p) {
            PingRun.run(host, p);
        } else if (e instanceof TracerouteSent t) {
            TracerouteRun.run(host, t);
        } else if (e instanceof CaptureStarted c) {
            PcapWriter old = host.captures.remove(c.file());
            if (old != null) {
                for (Ifnet ifp : host.allIfnets()) if (ifp.taps != null) ifp.taps.remove(old);
            }
            PcapWriter w = new PcapWriter();
            host.captures.put(c.file(), w);
            Ifnet ifp = host.ifnetByIndex(c.ifindex());
            if (ifp != null) {
                if (ifp.taps == null) ifp.taps = new ArrayList<>(1);
                ifp.taps.add(w);
            }
            host.now = Math.max(host.now, c.at());
            Engine.of(host).answer("", "tcpdump: listening on " + c.iface()
                    + ", link-type EN10MB (Ethernet), snapshot length " + PcapWriter.SNAPLEN + " bytes\n", 0);
        } else if (e instanceof ArpAnnounced a) {
            host.now = Math.max(host.now, a.at());
            Ifnet ifp = host.vnet(a.vnet()).ifunit(a.name());
            Engine eng = Engine.of(host);
            eng.begin();
            try {
                eng.inet4.announce(ifp, eng.stack(ifp.vnet), Ipv4Address.of(a.address()).bits());
            } finally {
                eng.end();
            }
        } else if (e instanceof LinkAddressAdvertised a) {
            host.now = Math.max(host.now, a.at());
            Ifnet ifp = host.vnet(a.vnet()).ifunit(a.name());
            Engine eng = Engine.of(host);
            eng.begin();
            try {
                eng.inet6.advertiseLinkAddress(ifp, eng.stack(ifp.vnet));
            } finally {
                eng.end();
            }
        } else if (e instanceof TimeAdvanced t) {
            host.now = Math.max(host.now, t.at());
            long end = host.now + t.nanos();
            Engine eng = Engine.of(host);
            eng.begin();
            eng.runUntil(end, null); // frames in flight and timers due while sleeping, in order
            eng.sweep();
            eng.end(); // what the timers sent (NUD probes) arrives
            eng.answer("", "", 0);
        }
    }
}
