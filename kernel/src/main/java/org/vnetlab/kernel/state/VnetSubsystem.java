package org.vnetlab.kernel.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A subsystem with per-vnet state: FreeBSD's VNET_DEFINE (the state, in a slot of every vnet,
 * allocated lazily) plus VNET_SYSINIT / VNET_SYSUNINIT (the hooks). Subsystems register once,
 * in {@link Subsystems}; a new vnet runs every init in registration order and a dying vnet runs
 * the destroys in reverse order.
 *
 * @param <S> the type of the per-vnet state
 */
public abstract class VnetSubsystem<S> {
    private static final List<VnetSubsystem<?>> REGISTERED = new ArrayList<>();

    private final int slot;
    private final String name;

    protected VnetSubsystem(String name) {
        synchronized (REGISTERED) {
            this.slot = REGISTERED.size();
            this.name = name;
            REGISTERED.add(this);
        }
    }

    static int count() {
        return Math.max(REGISTERED.size(), 1);
    }

    public final String name() {
        return name;
    }

    /** VNET_SYSINIT. Most subsystems allocate lazily and do nothing here. */
    public void init(Host host, Vnet vnet) {}

    /** VNET_SYSUNINIT; the default drops the state. */
    public void destroy(Host host, Vnet vnet) {
        vnet.setSlot(slot, null);
    }

    /** This subsystem's state in {@code vnet}, or null if it was never needed there. */
    public final S peek(Vnet vnet) {
        return vnet.slot(slot);
    }

    /** This subsystem's state in {@code vnet}, allocated on first use. */
    public final S get(Vnet vnet, Supplier<S> factory) {
        S s = vnet.slot(slot);
        if (s == null) {
            s = factory.get();
            vnet.setSlot(slot, s);
        }
        return s;
    }

    public final void put(Vnet vnet, S state) {
        vnet.setSlot(slot, state);
    }
}
