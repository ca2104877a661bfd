package org.vnetlab.kernel.dataplane;

import java.util.ArrayDeque;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;

/**
 * A raw ICMP/ICMPv6 socket of the program being run (rip_input / rip6_input): every ICMP message
 * the vnet's stack delivers locally is queued here as a copy of the IP packet.
 */
final class Socket {
    final Vnet vnet;
    final boolean inet6;
    final ArrayDeque<Message> queue = new ArrayDeque<>();

    /** One datagram: the IP packet from its header on, when and where it arrived. */
    record Message(long time, byte[] packet, Ifnet rcvif) {}

    Socket(Vnet vnet, boolean inet6) {
        this.vnet = vnet;
        this.inet6 = inet6;
    }

    boolean readable() {
        return !queue.isEmpty();
    }
}
