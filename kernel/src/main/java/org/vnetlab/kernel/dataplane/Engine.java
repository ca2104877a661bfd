package org.vnetlab.kernel.dataplane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.net.BridgeSoftc;
import org.vnetlab.kernel.route.NetCounters;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.SweepQueue;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.wire.EtherType;
import org.vnetlab.kernel.wire.EthernetFrame;
import org.vnetlab.kernel.wire.MacAddress;
import org.vnetlab.kernel.wire.PcapWriter;

/**
 * The link layer and the clock of the simulated data plane: a queue of frames in flight ordered
 * by (simulated time, sequence), delivery over epair (sys/net/if_epair.c), if_bridge (learning,
 * flooding, local delivery; sys/net/if_bridge.c) and loopback, per-interface counters and bpf taps.
 * The network layers ({@link Inet4}, {@link Inet6}) sit on top.
 *
 * <p>One engine per host, reused: frame buffers are pooled and pre-sized, so the per-hop path
 * allocates nothing but what the JIT scalar-replaces. Everything is a function of the host state
 * and the event being applied; nothing reads a clock.
 */
final class Engine implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** One frame across an epair: the swi hand-off of a real epair costs microseconds. */
    static final long EPAIR_DELAY_NS = 15_000;
    /** if_simloop through lo0. */
    static final long LOOP_DELAY_NS = 4_000;
    static final int ETHER_HDR = EthernetFrame.HEADER_LEN;
    /** Room for an MTU-1500 frame plus headers. */
    static final int BUFSIZE = 2048;
    /** A bridge loop floods forever; a run stops after this many frames. */
    static final long MAX_FRAMES_PER_RUN = 50_000_000L;

    final Host host;
    final Inet4 inet4 = new Inet4(this);
    final Inet6 inet6 = new Inet6(this);
    /** The vnets to sweep (see {@link #sweep}); null until the first sweep has walked them all. */
    private SweepQueue sweepQueue;
    /** Generation of the per-vnet caches: bumped at every run. */
    long generation;
    /** Raw sockets of the program running now (ping, traceroute). */
    final List<Socket> sockets = new ArrayList<>(1);
    /** Frames and hops processed (benchmark figures). */
    long framesDelivered;
    long framesThisRun;

    private Item[] heap = new Item[256];
    private int size;
    private long seq;
    private final ArrayDeque<Item> free = new ArrayDeque<>();
    private final EthernetFrame eth = new EthernetFrame(new byte[ETHER_HDR]);

    /**
     * A frame in flight: it arrives at {@code ifp} at {@code time}; or, when {@code deferred}, a
     * frame a kernel timer sends out of {@code ifp} at {@code time} (GRAND's later advertisements).
     */
    static final class Item {
        long time;
        long seq;
        Ifnet ifp;
        boolean deferred;
        final byte[] buf = new byte[BUFSIZE];
        int len;
    }

    private Engine(Host host) {
        this.host = host;
    }

    static Engine of(Host host) {
        if (host.dataplane instanceof Engine e) return e;
        Engine e = new Engine(host);
        host.dataplane = e;
        return e;
    }

    /** Starts a run: caches are rebuilt, expired neighbour and bridge entries go. */
    void begin() {
        generation++;
        framesThisRun = 0;
        sweep();
    }

    /** Ends a run: frames still in flight arrive, then the timers that are due fire. */
    void end() {
        drain();
        sweep();
    }

    /** What the program printed and its exit status, left on the host for its tool to print. */
    void answer(String out, String err, int status) {
        host.resultOut = out;
        host.resultErr = err;
        host.resultStatus = status;
    }

    /** The vnet's stack for this run. Whatever the data plane touches may get new timers: the vnet's next sweep is full. */
    Stack stack(Vnet vnet) {
        vnet.timersChanged();
        return Stack.of(vnet, generation);
    }

    /**
     * arptimer / nd6_llinfo_timer / bridge_timer / nd6_timer's address lifetimes, run lazily at the edges of every event.
     *
     * <p>A vnet's sweep depends only on its own state and the clock, so after a full sweep the
     * vnet remembers the earliest instant anything could change (Vnet.timersDue) and later sweeps
     * skip it until then, unless its state changed meanwhile (Vnet.timersChanged: every vnet the
     * data plane touches, every neighbour-table change, addresses and interfaces coming in). An
     * event then costs a walk over the prisons, not a sweep of every vnet. Address lifetimes keep
     * a deadline of their own (Vnet.addrTimersDue), which traffic never moves: a router the data
     * plane touches at every run re-sweeps its neighbours, not its thousand addresses.
     */
    void sweep() {
        long now = host.now;
        if (sweepQueue == null || now >= sweepQueue.wakeAt) {
            sweepAll(now);
            return;
        }
        if (sweepQueue.isEmpty()) return;
        long wake = sweepQueue.wakeAt;
        for (Vnet vnet : sweepQueue.drain()) {
            if (vnet.sweepQueue() != sweepQueue) continue; // destroyed since it was queued
            sweepVnet(vnet, now);
            wake = Math.min(wake, vnet.sweepWakeAt());
        }
        sweepQueue.wakeAt = wake;
    }

    /**
     * Every vnet, in jid order (vnet0 first), the first time (joining them to the queue) and
     * whenever some vnet's timers may be due; afterwards the queue knows when to come back.
     */
    private void sweepAll(long now) {
        if (sweepQueue == null) sweepQueue = new SweepQueue();
        sweepQueue.drain(); // all of them are visited now
        long wake = visit(host.vnet0, now, Long.MAX_VALUE);
        for (int jid = 1, n = host.jidLimit(); jid < n; jid++) { // jid order, as host.jails(), without the list
            Prison p = host.prison(jid);
            if (p != null && p.ownVnet && p.vnet != null) wake = visit(p.vnet, now, wake);
        }
        sweepQueue.wakeAt = wake;
    }

    private long visit(Vnet vnet, long now, long wake) {
        if (vnet.sweepQueue() != sweepQueue) vnet.sweepQueue(sweepQueue);
        sweepVnet(vnet, now);
        return Math.min(wake, vnet.sweepWakeAt());
    }

    /** A new vnet (VNET_SYSINIT) is swept with the others from now on. */
    void vnetAttached(Vnet vnet) {
        if (sweepQueue == null) return;
        vnet.sweepQueue(sweepQueue);
        vnet.timersChanged(); // queued: its first sweep learns its deadlines
    }

    private void sweepVnet(Vnet vnet, long now) {
        boolean timers = !vnet.timersIdleAt(now);
        boolean addrs = !vnet.addrTimersIdleAt(now);
        if (!timers && !addrs) return;
        long due = timers ? Neighbors.sweep(vnet, now) : Long.MAX_VALUE;
        if (addrs) org.vnetlab.kernel.net.AddressLifetimes.sweep(host, vnet, now);
        if (addrs) vnet.addrTimersDue(org.vnetlab.kernel.net.AddressLifetimes.nextDeadline(vnet));
        if (!timers) return;
        // (An address purged just now may have taken neighbour entries along: then the deadline is
        // an early one, which only costs a sweep that finds nothing to do.)
        if (due == Long.MIN_VALUE) {
            // DELAY -> PROBE: the unicast solicitation nd6_llinfo_timer would send. Collected first: the
            // table is a live view, and a probe changes only its own entry (asked), never the table.
            List<org.vnetlab.kernel.route.NeighborTables.Entry> probes = new ArrayList<>(1);
            for (org.vnetlab.kernel.route.NeighborTables.Entry e : org.vnetlab.kernel.route.NeighborTables.live(vnet, "inet6")) {
                if (Neighbors.probeDue(e)) probes.add(e);
            }
            for (org.vnetlab.kernel.route.NeighborTables.Entry e : probes) inet6.probe(stack(vnet), e);
            due = Neighbors.nextDeadline(vnet);
        }
        for (int i = 0, n = vnet.ifnetCount(); i < n; i++) {
            if (vnet.ifnetAt(i).softc instanceof BridgeSoftc sc) {
                sc.age(now);
                due = Math.min(due, sc.nextExpiry());
            }
        }
        // Computed from the state the sweep leaves (the probes above marked the vnet changed: this overrides it).
        vnet.timersDue(due);
    }

    // -- the queue -----------------------------------------------------------------------------

    private Item alloc() {
        Item it = free.poll();
        return it != null ? it : new Item();
    }

    /** Schedules a copy of {@code buf[0..len)} to arrive at {@code ifp} after {@code delay}. */
    void schedule(Ifnet ifp, long delay, byte[] buf, int len) {
        enqueue(host.now + delay, seq++, ifp, false, buf, len);
    }

    /** A timer: the complete frame {@code buf[0..len)} leaves {@code ifp} at {@code time}. */
    void scheduleOutput(Ifnet ifp, long time, byte[] buf, int len) {
        enqueue(time, seq++, ifp, true, buf, len);
    }

    private void enqueue(long time, long itemSeq, Ifnet ifp, boolean deferred, byte[] buf, int len) {
        Item it = alloc();
        it.time = time;
        it.seq = itemSeq;
        it.ifp = ifp;
        it.deferred = deferred;
        System.arraycopy(buf, 0, it.buf, 0, len);
        it.len = len;
        if (size == heap.length) heap = java.util.Arrays.copyOf(heap, size * 2);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Item p = heap[parent];
            if (before(p, it)) break;
            heap[i] = p;
            i = parent;
        }
        heap[i] = it;
    }

    private static boolean before(Item a, Item b) {
        return a.time < b.time || (a.time == b.time && a.seq < b.seq);
    }

    private Item poll() {
        Item top = heap[0];
        Item last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) break;
                int r = l + 1;
                int c = r < size && before(heap[r], heap[l]) ? r : l;
                if (before(last, heap[c])) break;
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = last;
        }
        return top;
    }

    /** The time of the next frame, or Long.MAX_VALUE. */
    long nextTime() {
        return size == 0 ? Long.MAX_VALUE : heap[0].time;
    }

    /**
     * Delivers frames in (time, sequence) order up to and including {@code limit}, stopping early
     * as soon as {@code socket} has something to read (pselect returning). Leaves the clock at the
     * time of the last frame delivered, or at {@code limit} when it ran out of frames before.
     * Returns true if the socket became readable.
     */
    boolean runUntil(long limit, Socket socket) {
        while (size > 0 && heap[0].time <= limit) {
            if (framesThisRun >= MAX_FRAMES_PER_RUN) {
                discardAll();
                break;
            }
            step();
            if (socket != null && socket.readable()) return true;
        }
        if (limit != Long.MAX_VALUE && host.now < limit) host.now = limit;
        return socket != null && socket.readable();
    }

    private void step() {
        Item it = poll();
        host.now = Math.max(host.now, it.time);
        framesThisRun++;
        if (it.deferred) output(it.ifp, it.buf, it.len);
        else receive(it.ifp, it.buf, it.len);
        free.push(it);
    }

    /**
     * After the program has exited: whatever is still in flight arrives (caches learn from it).
     * Timers that are not due yet stay queued for a later event (a sleep, a ping) to reach.
     */
    void drain() {
        sockets.clear();
        while (size > 0 && !(heap[0].deferred && heap[0].time > host.now)) {
            if (framesThisRun >= MAX_FRAMES_PER_RUN) {
                discardAll();
                break;
            }
            step();
        }
    }

    private void discardAll() {
        while (size > 0) free.push(poll());
    }

    // -- snapshots ------------------------------------------------------------------------------

    /*
     * The engine is a cache, except for frames still in flight after an event (the NUD probes
     * the closing timer sweep sends arrive in the next run) and the sequence that orders them:
     * a snapshot keeps those, and nothing at all when the queue is empty.
     */
    @java.io.Serial
    private Object writeReplace() {
        if (size == 0) return null;
        Item[] items = java.util.Arrays.copyOf(heap, size);
        java.util.Arrays.sort(items, (a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
        long[] times = new long[size], seqs = new long[size];
        Ifnet[] ifps = new Ifnet[size];
        boolean[] deferred = new boolean[size];
        byte[][] frames = new byte[size][];
        for (int i = 0; i < size; i++) {
            times[i] = items[i].time;
            seqs[i] = items[i].seq;
            ifps[i] = items[i].ifp;
            deferred[i] = items[i].deferred;
            frames[i] = java.util.Arrays.copyOf(items[i].buf, items[i].len);
        }
        return new InFlight(host, seq, generation, framesDelivered, times, seqs, ifps, deferred, frames);
    }

    /** What {@link #writeReplace} keeps: the frames in flight and the timers' frames, in order. */
    record InFlight(Host host, long seq, long generation, long framesDelivered, long[] times, long[] seqs,
                    Ifnet[] ifps, boolean[] deferred, byte[][] frames) implements java.io.Serializable {
        @java.io.Serial
        private Object readResolve() {
            Engine e = new Engine(host);
            e.seq = seq;
            e.generation = generation;
            e.framesDelivered = framesDelivered;
            for (int i = 0; i < times.length; i++) {
                e.enqueue(times[i], seqs[i], ifps[i], deferred[i], frames[i], frames[i].length);
            }
            return e;
        }
    }

    // -- link layer: input ----------------------------------------------------------------------

    static boolean usable(Ifnet ifp) {
        return (ifp.flags & (IfFlags.UP | IfFlags.RUNNING)) == (IfFlags.UP | IfFlags.RUNNING);
    }

    static boolean isLoopback(Ifnet ifp) {
        return (ifp.flags & IfFlags.LOOPBACK) != 0;
    }

    /** A frame arrives at {@code ifp} (ether_input / if_simloop). */
    private void receive(Ifnet ifp, byte[] buf, int len) {
        Vnet vnet = ifp.vnet;
        if (vnet == null) return;
        Stack s = stack(vnet);
        Stack.Port port = s.port(ifp);
        if (port == null) return;
        NetCounters.IfStat st = port.stat;
        if (!ifp.isUp()) {
            st.iqdrops++;
            return;
        }
        framesDelivered++;
        st.ipackets++;
        st.ibytes += len - (isLoopback(ifp) ? ETHER_HDR : 0);
        tap(ifp, buf, len);
        if (isLoopback(ifp)) {
            loopInput(ifp, s, buf, len);
            return;
        }
        if (ifp.bridge != null && ifp.bridge.softc instanceof BridgeSoftc) {
            bridgeInput(ifp.bridge, ifp, buf, len);
            return;
        }
        etherInput(ifp, s, port, buf, len);
    }

    private void loopInput(Ifnet ifp, Stack s, byte[] buf, int len) {
        eth.wrap(buf, 0, len);
        int type = eth.ethertype();
        if (type == EtherType.IPV4) inet4.input(ifp, s, s.port(ifp), buf, len, false);
        else if (type == EtherType.IPV6) inet6.input(ifp, s, s.port(ifp), buf, len, false);
    }

    /** ether_input / ether_demux: our MAC, broadcast or multicast; then by ethertype. */
    void etherInput(Ifnet ifp, Stack s, Stack.Port port, byte[] buf, int len) {
        if (len < ETHER_HDR) {
            port.stat.ierrors++;
            return;
        }
        eth.wrap(buf, 0, len);
        long dst = eth.dstAddr().bits();
        boolean group = (dst & 0x0100_0000_0000L) != 0;
        if (!group && dst != ifp.mac) return; // not for us; an epair is not promiscuous
        if (group) port.stat.imcasts++;
        switch (eth.ethertype()) {
            case EtherType.ARP -> inet4.arpInput(ifp, s, port, buf, len);
            case EtherType.IPV4 -> inet4.input(ifp, s, port, buf, len, group);
            case EtherType.IPV6 -> inet6.input(ifp, s, port, buf, len, group);
            default -> port.stat.iqdrops++; // ether_demux: unknown protocol
        }
    }

    // -- if_bridge -------------------------------------------------------------------------------

    /** bridge_input(): learn, deliver locally, forward or flood. */
    private void bridgeInput(Ifnet bridge, Ifnet member, byte[] buf, int len) {
        BridgeSoftc sc = (BridgeSoftc) bridge.softc;
        Stack s = stack(member.vnet);
        if (!bridge.isUp() || len < ETHER_HDR) {
            etherInput(member, s, s.port(member), buf, len);
            return;
        }
        eth.wrap(buf, 0, len);
        long src = eth.srcAddr().bits();
        long dst = eth.dstAddr().bits();
        if ((src & 0x0100_0000_0000L) == 0 && sc.learns(member)) sc.learn(src, member, host.now);
        Stack bs = stack(bridge.vnet);
        Stack.Port bport = bs.port(bridge);
        if (bport != null) {
            bport.stat.ipackets++;
            bport.stat.ibytes += len;
        }
        if (dst == bridge.mac) {
            tap(bridge, buf, len);
            if (bport != null) etherInput(bridge, bs, bport, buf, len);
            return;
        }
        for (int i = 0; i < sc.memberCount(); i++) {
            Ifnet m = sc.memberAt(i);
            if (m.mac == dst) { // GRAB_OUR_PACKETS: a member's own address (member_ifaddrs)
                Stack ms = stack(m.vnet);
                etherInput(m, ms, ms.port(m), buf, len);
                return;
            }
        }
        if ((dst & 0x0100_0000_0000L) != 0) {
            flood(bridge, sc, member, buf, len);
            if (bport != null) {
                tap(bridge, buf, len);
                etherInput(bridge, bs, bport, buf, len);
            }
            eth.wrap(buf, 0, len);
            etherInput(member, s, s.port(member), buf, len);
            return;
        }
        Ifnet out = sc.lookup(dst, host.now);
        if (out == member) return; // the destination is on the segment it came from
        if (out != null) bridgeEnqueue(bridge, out, buf, len);
        else flood(bridge, sc, member, buf, len);
    }

    /** bridge_output(): a frame our stack sends through the bridge or one of its members. */
    private void bridgeOutput(Ifnet bridge, byte[] buf, int len) {
        BridgeSoftc sc = (BridgeSoftc) bridge.softc;
        if (!bridge.isUp()) return;
        tap(bridge, buf, len);
        eth.wrap(buf, 0, len);
        long dst = eth.dstAddr().bits();
        if ((dst & 0x0100_0000_0000L) == 0) {
            Ifnet out = sc.lookup(dst, host.now);
            if (out != null) {
                bridgeEnqueue(bridge, out, buf, len);
                return;
            }
        }
        flood(bridge, sc, null, buf, len);
    }

    private void flood(Ifnet bridge, BridgeSoftc sc, Ifnet except, byte[] buf, int len) {
        for (int i = 0; i < sc.memberCount(); i++) {
            Ifnet m = sc.memberAt(i);
            if (m != except) bridgeEnqueue(bridge, m, buf, len);
        }
    }

    private void bridgeEnqueue(Ifnet bridge, Ifnet member, byte[] buf, int len) {
        if (!usable(member)) return;
        Stack bs = stack(bridge.vnet);
        Stack.Port bport = bs.port(bridge);
        if (bport != null) {
            bport.stat.opackets++;
            bport.stat.obytes += len;
        }
        transmit(member, buf, len);
    }

    // -- link layer: output ---------------------------------------------------------------------

    /**
     * ether_output() of a complete frame on {@code ifp}: through the bridge when {@code ifp} is
     * one or belongs to one, else onto the wire. Returns false when the interface cannot send.
     */
    boolean output(Ifnet ifp, byte[] buf, int len) {
        if (!ifp.isUp()) return false;
        if (ifp.softc instanceof BridgeSoftc) {
            Stack.Port p = stack(ifp.vnet).port(ifp);
            if (p != null) {
                p.stat.opackets++;
                p.stat.obytes += len;
            }
            bridgeOutput(ifp, buf, len);
            return true;
        }
        // bridge_output(): "If bridge is down, but the original output interface is up, go ahead
        // and send out that interface."
        if (ifp.bridge != null && ifp.bridge.softc instanceof BridgeSoftc && ifp.bridge.isUp()) {
            bridgeOutput(ifp.bridge, buf, len);
            return true;
        }
        return transmit(ifp, buf, len);
    }

    /** The driver's transmit: epair hands the frame to its peer, lo0 to itself. */
    boolean transmit(Ifnet ifp, byte[] buf, int len) {
        Stack.Port port = stack(ifp.vnet).port(ifp);
        if (port == null) return false;
        if (!usable(ifp)) {
            port.stat.oerrors++;
            return false;
        }
        port.stat.opackets++;
        port.stat.obytes += len - (isLoopback(ifp) ? ETHER_HDR : 0);
        if (isLoopback(ifp)) {
            schedule(ifp, LOOP_DELAY_NS, buf, len);
            return true;
        }
        tap(ifp, buf, len);
        Ifnet peer = ifp.peer;
        // if_epair.c: "In case either interface is not usable drop the packet."
        if (peer == null || !usable(peer) || peer.vnet == null) {
            port.stat.iqdrops++;
            return true;
        }
        schedule(peer, EPAIR_DELAY_NS, buf, len);
        return true;
    }

    /** Loops an IP packet (at ETHER_HDR in {@code buf}) back through lo0 with a null Ethernet header. */
    void loop(Ifnet lo, byte[] buf, int ipLen, int ethertype) {
        eth.wrap(buf, 0, ETHER_HDR + ipLen);
        eth.setDstAddr(MacAddress.ZERO);
        eth.setSrcAddr(MacAddress.ZERO);
        eth.setEthertype(ethertype);
        transmit(lo, buf, ETHER_HDR + ipLen);
    }

    /** Writes the Ethernet header in front of the packet at ETHER_HDR and sends it. */
    boolean sendFrame(Ifnet ifp, long dstMac, int ethertype, byte[] buf, int payloadLen) {
        eth.wrap(buf, 0, ETHER_HDR + payloadLen);
        eth.setDstAddr(new MacAddress(dstMac));
        eth.setSrcAddr(new MacAddress(ifp.mac));
        eth.setEthertype(ethertype);
        return output(ifp, buf, ETHER_HDR + payloadLen);
    }

    /** {@link #sendFrame} from a kernel timer that fires at {@code time} (now or later). */
    void sendFrameAt(long time, Ifnet ifp, long dstMac, int ethertype, byte[] buf, int payloadLen) {
        if (time <= host.now) {
            sendFrame(ifp, dstMac, ethertype, buf, payloadLen);
            return;
        }
        eth.wrap(buf, 0, ETHER_HDR + payloadLen);
        eth.setDstAddr(new MacAddress(dstMac));
        eth.setSrcAddr(new MacAddress(ifp.mac));
        eth.setEthertype(ethertype);
        scheduleOutput(ifp, time, buf, ETHER_HDR + payloadLen);
    }

    private void tap(Ifnet ifp, byte[] buf, int len) {
        List<PcapWriter> taps = ifp.taps;
        if (taps == null) return;
        for (PcapWriter w : taps) w.record(host.now / 1000, buf, 0, len);
    }
}
