package org.vnetlab.kernel.api;

public sealed interface NeighborCommand extends Command {

    /**
     * {@code iface} may be null: the kernel picks the interface whose prefix covers the address.
     * {@code flags}: LLE_STATIC unless {@code temp}, LLE_PUB for pub / proxy.
     */
    record AddStaticNeighbor(int jid, String family, String address, String mac, String iface, int flags)
            implements NeighborCommand {}

    record DeleteNeighbor(int jid, String family, String address, String iface) implements NeighborCommand {}
}
