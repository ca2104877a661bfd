package org.vnetlab.kernel.api;

/**
 * Traffic that happened. Applying one of these re-runs the packet simulation it stands for,
 * from {@code at} (the host's simulated time in ns when it was decided): ARP/ND caches, bridge
 * address tables, counters, captures and the host clock change exactly as they did the first
 * time, and the program's printed result is recomputed byte for byte. {@code vnet} is the jid
 * of the vnet the program ran in.
 */
public sealed interface DataplaneEvent extends Event {

    /**
     * Whether this event is a program's run whose printed result (stdout, stderr, exit status,
     * left on the host by evolve) answers its command line: ping, traceroute, tcpdump, sleep.
     * Announcements the kernel makes on its own while ifconfig runs do not: that line prints what
     * ifconfig printed.
     */
    default boolean answersLine() {
        return true;
    }

    /** A ping run; {@code ident} is the ICMP identifier (ping's getpid() &amp; 0xffff), derived from the seed. */
    record PingSent(int vnet, String family, String target, String destination, String source, int count,
                    int intervalMs, int waitMs, int timeoutS, int size, int ttl, String options, int ident,
                    long at) implements DataplaneEvent {}

    /** A traceroute run; {@code ident} is its source port base (getpid() &amp; 0xffff | 0x8000). */
    record TracerouteSent(int vnet, String target, String destination, String source, int firstTtl, int maxHops,
                          int probes, int waitS, int packetLen, boolean numeric, int ident, long at)
            implements DataplaneEvent {}

    /** {@code ifindex} pins the interface even if it later moves or is renamed. */
    record CaptureStarted(int vnet, String iface, int ifindex, String file, long at) implements DataplaneEvent {}

    record TimeAdvanced(int vnet, long nanos, long at) implements DataplaneEvent {}

    /**
     * The kernel announced a new IPv4 address with a gratuitous ARP request (if_ether.c
     * arp_announce_ifaddr, from in_ifinit when an address is added to an Ethernet interface).
     * Neighbours that already have an entry for the address update it; permanent ones do not.
     */
    record ArpAnnounced(int vnet, String name, String address, long at) implements DataplaneEvent {
        @Override
        public boolean answersLine() {
            return false;
        }
    }

    /**
     * The kernel announced the new link-layer address of an interface with unsolicited Neighbor
     * Advertisements (GRAND, RFC 9131, from nd6's iflladdr_event handler): one per inet6 address,
     * the first at once and each later one a retransmission timer (1 s) after the previous.
     * Neighbours that have an entry for an address take the new MAC and mark it STALE.
     */
    record LinkAddressAdvertised(int vnet, String name, long at) implements DataplaneEvent {
        @Override
        public boolean answersLine() {
            return false;
        }
    }
}
