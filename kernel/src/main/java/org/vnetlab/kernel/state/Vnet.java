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

    public Vnet(int id) {
        this.id = id;
    }

    // -- interfaces (V_ifnet) --------------------------------------------------------------

    public void attach(Ifnet ifp) {
        if (nifnets == ifnets.length) ifnets = Arrays.copyOf(ifnets, nifnets * 2);
        ifnets[nifnets++] = ifp;
        ifp.vnet = this;
    }

    public void detach(Ifnet ifp) {
        for (int i = 0; i < nifnets; i++) {
            if (ifnets[i] == ifp) {
                System.arraycopy(ifnets, i + 1, ifnets, i, nifnets - i - 1);
                ifnets[--nifnets] = null;
                return;
            }
        }
    }

    public Ifnet ifunit(String name) {
        for (int i = 0; i < nifnets; i++) {
            if (ifnets[i].name.equals(name)) return ifnets[i];
        }
        return null;
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
