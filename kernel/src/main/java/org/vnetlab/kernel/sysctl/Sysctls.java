package org.vnetlab.kernel.sysctl;

import org.vnetlab.kernel.state.Vnet;

/** Reading sysctl values from other subsystems. STUB: sysctl owner fills in. */
public final class Sysctls {
    private Sysctls() {}

    /** The current value of a per-vnet integer OID in {@code vnet} (its default unless set there). */
    public static int vnetInt(Vnet vnet, String oid) {
        return switch (oid) {
            case "net.inet.ip.ttl", "net.inet6.ip6.hlim" -> 64;
            case "net.inet6.ip6.auto_linklocal", "net.route.multipath", "net.inet6.ip6.dad_count" -> 1;
            case "net.link.ether.inet.max_age" -> 1200;
            case "net.link.ether.inet.maxtries" -> 5;
            default -> 0;
        };
    }
}
