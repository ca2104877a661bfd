package org.vnetlab.kernel.api;

/**
 * Traffic: what ping(8), traceroute(8), tcpdump(1) and sleep(1) ask of the kernel once their argv
 * is parsed. Each is accepted as ONE event whose evolve runs the packet simulation
 * deterministically (docs/architecture.md, "The data plane").
 */
public sealed interface DataplaneCommand extends Command {

    /**
     * ping / ping6. {@code family} "inet" or "inet6"; {@code target} as typed (the name the
     * statistics name), {@code destination} the resolved address (an IPv6 link-local with
     * "%IF"), {@code source} the -S address or "". {@code count} 0 = until the timeout;
     * {@code intervalMs} (-i, -f gives 10), {@code waitMs} (-W), {@code timeoutS} (-t, 0 = none),
     * {@code size} (-s), {@code ttl} (-m, 0 = the sysctl default). {@code options} are ping's
     * F_* letters that matter to the output: a subset of "AafnqvR".
     */
    record Ping(int jid, String family, String target, String destination, String source, int count,
                int intervalMs, int waitMs, int timeoutS, int size, int ttl, String options)
            implements DataplaneCommand {}

    /** traceroute: {@code maxHops} (-m, 0 = net.inet.ip.ttl), {@code probes} (-q), {@code waitS} (-w). */
    record Traceroute(int jid, String target, String destination, String source, int firstTtl, int maxHops,
                      int probes, int waitS, int packetLen, boolean numeric) implements DataplaneCommand {}

    /** tcpdump -i IF -w FILE: captures every frame crossing {@code iface} from now on. */
    record StartCapture(int jid, String iface, String file) implements DataplaneCommand {}

    /** sleep(1): simulated time advances by {@code nanos}. */
    record Sleep(int jid, long nanos) implements DataplaneCommand {}
}
