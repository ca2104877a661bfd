package org.vnetlab.kernel.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One virtual network stack (struct vnet). Named by the jid of the jail that owns it; the
 * host's is 0. Each subsystem keeps its per-vnet state in a slot of its own, allocated on first
 * use (FreeBSD's VNET_DEFINE), so an idle vnet costs an object, its lo0 and little else. Slot i
 * belongs to Subsystems.ORDER's i-th subsystem, in every JVM, which is what lets a snapshot restore.
 */
public final class Vnet implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public final int id;
    private Ifnet[] ifnets = new Ifnet[1];
    private int nifnets;
    private Object[] slots;

    /*
     * The data plane's timer sweep (neighbour expiry and NUD, address lifetimes, bridge ageing)
     * is a function of this vnet's own state and the clock. After a full sweep the engine stores
     * here the earliest instant at which a sweep could change anything; until then sweeping is a
     * no-op and is skipped. Any change to that state must call timersChanged() so the next sweep
     * is a full one again. Transient: a restored vnet starts unknown (timersKnown false).
     */
    private transient boolean timersKnown;
    private transient long timersDue;
    /*
     * The same for the address lifetimes alone, which only change with the vnet's interfaces and
     * addresses (ifaddrsChanged), never with traffic: a busy router's sweep need not walk its
     * thousand addresses at every packet run.
     */
    private transient boolean addrTimersKnown;
    private transient long addrTimersDue;
    /**
     * Bumped at every change of the vnet's interface list or of an address on one of them (never
     * reset): what the data plane's per-vnet caches compare against. Transient: a restored vnet
     * starts at 0 again, and caches are not restored either.
     */
    private transient int ifaddrGen;
    /** The data plane's queue of vnets to sweep, once it knows this vnet (null: it walks every vnet anyway). */
    private transient SweepQueue sweepQueue;
    private transient boolean sweepQueued;
    /** ifunit()'s index by name, built when first needed on a vnet with many interfaces; null when stale. */
    private transient java.util.HashMap<String, Ifnet> byName;

    public Vnet(int id) {
        this.id = id;
    }

    // -- interfaces (V_ifnet) --------------------------------------------------------------

    public void attach(Ifnet ifp) {
        timersChanged(); // a moved-in interface brings its bridge entries
        ifaddrsChanged(); // and its addresses
        if (nifnets == ifnets.length) ifnets = Arrays.copyOf(ifnets, nifnets * 2);
        ifnets[nifnets++] = ifp;
        ifp.vnet = this;
        if (byName != null) byName.putIfAbsent(ifp.name, ifp); // an earlier one of the same name stays first
    }

    public void detach(Ifnet ifp) {
        for (int i = 0; i < nifnets; i++) {
            if (ifnets[i] == ifp) {
                System.arraycopy(ifnets, i + 1, ifnets, i, nifnets - i - 1);
                ifnets[--nifnets] = null;
                ifaddrsChanged();
                if (byName != null && byName.remove(ifp.name, ifp)) {
                    for (int j = 0; j < nifnets; j++) { // names are unique in a vnet; should one not be
                        if (ifnets[j].name.equals(ifp.name)) {
                            byName.put(ifp.name, ifnets[j]);
                            break;
                        }
                    }
                }
                return;
            }
        }
    }

    public Ifnet ifunit(String name) {
        if (nifnets <= 8) {
            for (int i = 0; i < nifnets; i++) {
                if (ifnets[i].name.equals(name)) return ifnets[i];
            }
            return null;
        }
        if (byName == null) {
            // the first of equal names in attach order, as the walk above finds it
            byName = new java.util.HashMap<>(nifnets * 2);
            for (int i = nifnets - 1; i >= 0; i--) byName.put(ifnets[i].name, ifnets[i]);
        }
        return byName.get(name);
    }

    /** An interface of this vnet was renamed (Ifnet.rename): the name index is stale. */
    void renamed() {
        byName = null;
    }

    /**
     * The interfaces in V_ifnet order: the order they were attached to this vnet (if_attach and
     * if_vmove append at the tail). 14+'s ifconfig sorts by "the kernel-provided order", i.e.
     * this one (sbin/ifconfig/ifconfig_netlink.c cmp_iface), so a moved-in epair follows lo0.
     */
    public List<Ifnet> ifnets() {
        List<Ifnet> list = new ArrayList<>(nifnets);
        for (int i = 0; i < nifnets; i++) list.add(ifnets[i]);
        return list;
    }

    public int ifnetCount() {
        return nifnets;
    }

    /** The i-th interface in {@link #ifnets()} order, without copying the list. */
    public Ifnet ifnetAt(int i) {
        return ifnets[i];
    }

    // -- the data plane's timer deadline (see timersKnown) ------------------------------------

    /** Neighbour or bridge entries changed: the next sweep of them is a full one. */
    public void timersChanged() {
        timersKnown = false;
        queueSweep();
    }

    /** True while a sweep at {@code now} is known to change nothing. */
    public boolean timersIdleAt(long now) {
        return timersKnown && now < timersDue;
    }

    /** After a full sweep: nothing can change before {@code due} (Long.MAX_VALUE: never) unless timersChanged(). */
    public void timersDue(long due) {
        timersKnown = true;
        timersDue = due;
    }

    /** An interface came or went, or an address (or its lifetimes or flags) changed: caches and address timers are stale. */
    public void ifaddrsChanged() {
        ifaddrGen++;
        addrTimersKnown = false;
        queueSweep();
    }

    private void queueSweep() {
        if (sweepQueue != null && !sweepQueued) {
            sweepQueued = true;
            sweepQueue.add(this);
        }
    }

    /** Joins {@code queue}, not queued (null: leaves it, as a dying vnet does). */
    public void sweepQueue(SweepQueue queue) {
        sweepQueue = queue;
        sweepQueued = false;
    }

    public SweepQueue sweepQueue() {
        return sweepQueue;
    }

    void dequeued() {
        sweepQueued = false;
    }

    /**
     * The earliest instant at which a sweep could change this vnet, as far as it is known:
     * Long.MAX_VALUE when nothing is pending or the vnet is queued anyway (its sweep will say),
     * Long.MIN_VALUE when unknown.
     */
    public long sweepWakeAt() {
        if (timersKnown && addrTimersKnown) return Math.min(timersDue, addrTimersDue);
        return sweepQueued ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** See {@link #ifaddrsChanged()}: equal values mean the same interfaces with the same addresses. */
    public int ifaddrGen() {
        return ifaddrGen;
    }

    /** True while an address-lifetime sweep at {@code now} is known to change nothing. */
    public boolean addrTimersIdleAt(long now) {
        return addrTimersKnown && now < addrTimersDue;
    }

    /** After a full address-lifetime sweep: nothing can change before {@code due} unless ifaddrsChanged(). */
    public void addrTimersDue(long due) {
        addrTimersKnown = true;
        addrTimersDue = due;
    }

    // -- per-subsystem slots (VNET_DEFINE) -----------------------------------------------------

    @SuppressWarnings("unchecked")
    <S> S slot(int index) {
        return slots == null || index >= slots.length ? null : (S) slots[index];
    }

    void setSlot(int index, Object value) {
        if (slots == null || index >= slots.length) {
            if (value == null) return;
            slots = slots == null ? new Object[Math.max(VnetSubsystem.count(), index + 1)]
                    : Arrays.copyOf(slots, Math.max(VnetSubsystem.count(), index + 1));
        }
        slots[index] = value;
    }
}
