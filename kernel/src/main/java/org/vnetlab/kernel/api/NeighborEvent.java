package org.vnetlab.kernel.api;

/** Neighbour entries: arp -s / -d (inet), ndp -s / -d (inet6); the data plane adds dynamic ones. */
public sealed interface NeighborEvent extends Event {

    /**
     * {@code flags}: LLE_STATIC (permanent), LLE_PUB (published / proxy). {@code expiresAt} is
     * the simulated time in ns (Host.now) when the entry expires, 0 for never (static entries).
     * {@code address} is canonical, "%IF" scoped for IPv6 link-local.
     */
    record NeighborAdded(int vnet, String family, String address, String mac, String iface, int flags,
                         long expiresAt) implements NeighborEvent {}

    record NeighborDeleted(int vnet, String family, String address, String iface) implements NeighborEvent {}
}
