package org.vnetlab.kernel.api;

/**
 * Static routes (route(8)). Connected and local routes are not events: they follow from
 * addresses. {@code destination} is canonical CIDR ("198.51.100.0/24", "192.0.2.3/32",
 * "0.0.0.0/0", "2001:db8::/64"); {@code gateway} an address (with "%IF" scope for IPv6
 * link-local) or null for interface routes; {@code iface} the egress interface.
 */
public sealed interface RouteEvent extends Event {

    record RouteAdded(int vnet, String family, String destination, String gateway, String iface,
                      int flags, int fib) implements RouteEvent {}

    /** Removes the nexthop through {@code gateway}, or every nexthop when it is null. */
    record RouteDeleted(int vnet, String family, String destination, String gateway, int fib)
            implements RouteEvent {}

    record RouteChanged(int vnet, String family, String destination, String gateway, String iface,
                        int flags, int fib) implements RouteEvent {}
}
