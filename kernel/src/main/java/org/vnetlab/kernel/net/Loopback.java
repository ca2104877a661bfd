package org.vnetlab.kernel.net;

import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;

/** if_loop.c: every vnet gets its own lo0 (down, no addresses). STUB: net owner fills in. */
public final class Loopback extends VnetSubsystem<Object> {
    public static final Loopback INSTANCE = new Loopback();

    private Loopback() {
        super("loopback");
    }

    @Override
    public void init(Host host, Vnet vnet) {
        Ifnet lo0 = new Ifnet("lo0", "lo", host.nextIfindex(), vnet, -1);
        lo0.flags = IfFlags.LOOPBACK | IfFlags.MULTICAST;
        lo0.mtu = 16384;
        host.registerIfindex(lo0);
        vnet.attach(lo0);
    }

    public static void configureHostLoopback(Host host) {}
}
