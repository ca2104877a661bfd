package org.vnetlab.kernel.state;

import java.util.List;
import java.util.function.Supplier;

/**
 * A subsystem with per-vnet state: FreeBSD's VNET_DEFINE (the state, in a slot of every vnet,
 * allocated lazily) plus VNET_SYSINIT / VNET_SYSUNINIT (the hooks). Subsystems register once,
 * in {@code Subsystems.ORDER}; a new vnet runs every init in registration order and a dying vnet
 * runs the destroys in reverse order.
 *
 * <p>A subsystem's slot is its position in that list, not the order its class happened to be
 * loaded in: a host snapshot taken in one JVM must find every state in the same slot in another.
 *
 * @param <S> the type of the per-vnet state
 */
public abstract class VnetSubsystem<S> {
    private static List<VnetSubsystem<?>> registered = List.of();

    private int slot = -1;
    private final String name;

    protected VnetSubsystem(String name) {
        this.name = name;
    }

    /** Gives every subsystem of {@code order} its slot, its index there; done once, by Subsystems. */
    public static synchronized List<VnetSubsystem<?>> register(List<VnetSubsystem<?>> order) {
        if (!registered.isEmpty()) throw new IllegalStateException("subsystems are registered once");
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).slot >= 0) throw new IllegalStateException(order.get(i).name + " listed twice");
            order.get(i).slot = i;
        }
        registered = List.copyOf(order);
        return registered;
    }

    static int count() {
        return Math.max(registered.size(), 1);
    }

    private int slot() {
        int s = slot;
        if (s < 0) throw new IllegalStateException("vnet subsystem " + name + " is not in Subsystems.ORDER");
        return s;
    }

    public final String name() {
        return name;
    }

    /** VNET_SYSINIT. Most subsystems allocate lazily and do nothing here. */
    public void init(Host host, Vnet vnet) {}

    /** VNET_SYSUNINIT; the default drops the state. */
    public void destroy(Host host, Vnet vnet) {
        vnet.setSlot(slot(), null);
    }

    /** This subsystem's state in {@code vnet}, or null if it was never needed there. */
    public final S peek(Vnet vnet) {
        return vnet.slot(slot());
    }

    /** This subsystem's state in {@code vnet}, allocated on first use. */
    public final S get(Vnet vnet, Supplier<S> factory) {
        S s = vnet.slot(slot());
        if (s == null) {
            s = factory.get();
            vnet.setSlot(slot(), s);
        }
        return s;
    }

    public final void put(Vnet vnet, S state) {
        vnet.setSlot(slot(), state);
    }
}
