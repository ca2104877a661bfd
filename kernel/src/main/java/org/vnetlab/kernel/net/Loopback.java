package org.vnetlab.kernel.net;

import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;

/** sys/net/if_loop.c: every vnet gets its own lo0, down and without addresses. */
public final class Loopback extends VnetSubsystem<Object> {
    public static final Loopback INSTANCE = new Loopback();
    /** LOMTU in if_loop.c. */
    static final int LOMTU = 16384;
    /** PERFORMNUD|AUTO_LINKLOCAL: loopback never starts IFDISABLED (nd6_ifattach). */
    static final int LO_ND6 = Ifnet.ND6_IFF_PERFORMNUD | Ifnet.ND6_IFF_AUTO_LINKLOCAL;

    private Loopback() {
        super("loopback");
    }

    @Override
    public void init(Host host, Vnet vnet) {
        Ifnet lo0 = newLoopback(host.nextIfindex(), "lo0", vnet);
        host.registerIfindex(lo0);
        vnet.attach(lo0);
    }

    static Ifnet newLoopback(int index, String name, Vnet vnet) {
        Ifnet lo = new Ifnet(name, "lo", index, vnet, -1);
        lo.flags = IfFlags.LOOPBACK | IfFlags.MULTICAST;
        lo.mtu = LOMTU;
        lo.nd6Flags = LO_ND6;
        return lo;
    }

    /** What rc(8) leaves on a booted host: lo0 up with 127.0.0.1/8, ::1 and fe80::1%lo0. */
    public static void configureHostLoopback(Host host) {
        Ifnet lo0 = host.vnet0.ifunit("lo0");
        lo0.flags |= IfFlags.UP | IfFlags.RUNNING;
        lo0.addAddr(new IfAddr("inet", "127.0.0.1", 8, null, 0));
        lo0.addAddr(new IfAddr("inet6", "::1", 128, null, 0));
        lo0.addAddr(new IfAddr("inet6", "fe80::1", 64, null, 0));
    }
}
