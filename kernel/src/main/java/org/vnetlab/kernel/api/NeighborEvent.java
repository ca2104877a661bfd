package org.vnetlab.kernel.api;

/** Static neighbour entries: arp -s / -d (inet), ndp -s / -d (inet6). */
public sealed interface NeighborEvent extends Event {

    /** {@code flags}: LLE_STATIC (permanent), LLE_PUB (published / proxy). */
    record NeighborAdded(int vnet, String family, String address, String mac, String iface, int flags)
            implements NeighborEvent {}

    record NeighborDeleted(int vnet, String family, String address, String iface) implements NeighborEvent {}
}
