package org.vnetlab.kernel.dataplane;

import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.Ipv6Address;

/** IPv6 over Ethernet with NDP (sys/netinet6/ip6_input.c, ip6_forward.c, nd6.c, icmp6.c). */
final class Inet6 {
    private final Engine engine;

    Inet6(Engine engine) {
        this.engine = engine;
    }

    void input(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int len, boolean l2group) {
        s.counters.ip6.total++;
    }

    Ipv6Address source(Vnet vnet, Stack s, Ipv6Address dst, int scope) {
        return null;
    }

    int originateEcho(Vnet vnet, byte[] buf, Ipv6Address src, Ipv6Address dst, int scope, int ident, int seq,
                      int icmpLen, int hlim) {
        return Errno.EHOSTUNREACH.ordinal() + 1;
    }
}
