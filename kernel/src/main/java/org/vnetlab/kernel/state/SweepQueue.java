package org.vnetlab.kernel.state;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The vnets whose timer state changed (Vnet.timersChanged, Vnet.ifaddrsChanged) since the data
 * plane last swept them, and a bound on when any other vnet's timers fall due. With it a timer
 * sweep visits the vnets an event touched instead of walking every jail of the host: on a host
 * with a thousand jails, a ping costs the three vnets it crosses. FreeBSD keeps its timers in a
 * callout wheel for the same reason.
 *
 * <p>A cache owned by the data-plane engine and as transient as it: a vnet joins when the engine
 * first walks it or at its VNET_SYSINIT, and a restored host starts with a full walk.
 */
public final class SweepQueue {
    private static final Comparator<Vnet> BY_ID = Comparator.comparingInt(v -> v.id);

    private Vnet[] queued = new Vnet[8];
    private int size;
    /** No vnet outside the queue has a timer that could fire before this instant (a lower bound). */
    public long wakeAt = Long.MIN_VALUE;

    void add(Vnet vnet) {
        if (size == queued.length) queued = Arrays.copyOf(queued, size * 2);
        queued[size++] = vnet;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The queued vnets in id order, which is jid order with vnet0 first: the order of a full walk,
     * so that a sweep's frames are numbered alike however the vnets came to be swept. Empties the queue.
     */
    public Vnet[] drain() {
        Vnet[] out = Arrays.copyOf(queued, size);
        Arrays.fill(queued, 0, size, null);
        size = 0;
        for (Vnet v : out) v.dequeued();
        if (out.length > 1) Arrays.sort(out, BY_ID);
        return out;
    }
}
