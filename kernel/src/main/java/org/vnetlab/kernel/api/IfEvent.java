package org.vnetlab.kernel.api;

/** Network interfaces (ifnet): cloning, moves between vnets, flags, addresses, bridges. */
public sealed interface IfEvent extends Event {

    /** A cloned interface other than epair, created in {@code vnet}; {@code driver} is its cloner ("lo", "bridge", ...). */
    record InterfaceCreated(int vnet, String name, String driver, int index, String mac) implements IfEvent {}

    /** {@code ifconfig epair create}: both ends, {@code epairNa} and {@code epairNb}. */
    record EpairCreated(int vnet, int unit, int indexA, int indexB, String macA, String macB) implements IfEvent {}

    /** The interface is gone; for an epair end, its peer goes with it (sys/net/if_epair.c). */
    record InterfaceDestroyed(int vnet, String name) implements IfEvent {}

    /** {@code ifconfig IF vnet J} or {@code -vnet J}: addresses purged, interface down (if_vmove). */
    record InterfaceMovedToVnet(String name, int fromVnet, int toVnet) implements IfEvent {}

    record InterfaceRenamed(int vnet, String name, String newName) implements IfEvent {}

    /** IFF_* bits set and cleared (UP, DEBUG, PROMISC, LINK0..2, MONITOR, STATICARP, ...). */
    record InterfaceFlagsSet(int vnet, String name, int set, int clear) implements IfEvent {}

    record InterfaceMtuSet(int vnet, String name, int mtu) implements IfEvent {}

    record InterfaceDescriptionSet(int vnet, String name, String description) implements IfEvent {}

    /** ND6_IFF_* bits (IFDISABLED, AUTO_LINKLOCAL, ACCEPT_RTADV, ...). */
    record Nd6FlagsSet(int vnet, String name, int set, int clear) implements IfEvent {}

    /**
     * An address was added. {@code family} is "inet" or "inet6"; {@code destination} is the
     * point-to-point peer or null; {@code flags} are IN6_IFF_* bits for inet6 (anycast,
     * tentative, ...), 0 for inet.
     */
    record AddressAdded(int vnet, String name, String family, String address, int prefixlen,
                        String destination, int flags) implements IfEvent {}

    record AddressRemoved(int vnet, String name, String family, String address) implements IfEvent {}

    /**
     * The lifetimes of an inet6 address, in seconds from now (in6_update_ifa); -1 is infinite.
     * It becomes {@code deprecated} when the preferred one runs out and goes when the valid one does.
     */
    record AddressLifetimesSet(int vnet, String name, String address, long pltime, long vltime) implements IfEvent {}

    /**
     * {@code ifconfig IF ether MAC} (if_setlladdr): the link-level address changed. Addresses stay,
     * including a link-local made from the old MAC.
     */
    record LinkAddressSet(int vnet, String name, String mac) implements IfEvent {}

    /** IN6_IFF_* bits of one inet6 address changed (e.g. DAD finished: tentative cleared). */
    record AddressFlagsSet(int vnet, String name, String address, int set, int clear) implements IfEvent {}

    record BridgeMemberAdded(int vnet, String bridge, String member) implements IfEvent {}

    record BridgeMemberRemoved(int vnet, String bridge, String member) implements IfEvent {}

    /** {@code ifconfig bridgeN static IF MAC [vlan N]}. */
    record BridgeStaticAdded(int vnet, String bridge, String member, String mac, int vlan) implements IfEvent {}

    /** {@code ifconfig bridgeN deladdr MAC [vlan N]}. */
    record BridgeAddressDeleted(int vnet, String bridge, String mac, int vlan) implements IfEvent {}

    /** {@code flush} (dynamic entries only) or {@code flushall} (static too). */
    record BridgeFlushed(int vnet, String bridge, boolean all) implements IfEvent {}
}
