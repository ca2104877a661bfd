package org.vnetlab.kernel.net;

import java.util.BitSet;
import java.util.TreeMap;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;

/**
 * The "if" subsystem: each vnet's interface cloners (their unit numbers, sys/net/if_clone.c) and,
 * on teardown, destruction of every interface created in the vnet (if_epair.c vnet_epair_uninit,
 * if_bridge.c vnet_bridge_uninit, if_loop.c: the vnet's own lo0 included). The per-vnet state is
 * allocated on the first clone, so an idle vnet holds none.
 */
public final class IfnetSubsystem extends VnetSubsystem<IfnetSubsystem.Cloners> {
    public static final IfnetSubsystem INSTANCE = new IfnetSubsystem();

    private IfnetSubsystem() {
        super("if");
    }

    /** The units in use per cloner ("epair", "bridge", "lo"); lo0's unit 0 is always taken. */
    static final class Cloners implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final TreeMap<String, BitSet> units = new TreeMap<>();
    }

    /** Whether {@code unit} of {@code cloner} is taken in {@code vnet}'s cloner. */
    static boolean unitUsed(Vnet vnet, String cloner, int unit) {
        if (cloner.equals("lo") && unit == 0) return true;
        Cloners c = INSTANCE.peek(vnet);
        BitSet b = c == null ? null : c.units.get(cloner);
        return b != null && b.get(unit);
    }

    static void takeUnit(Vnet vnet, String cloner, int unit) {
        INSTANCE.get(vnet, Cloners::new).units.computeIfAbsent(cloner, k -> new BitSet()).set(unit);
    }

    static void freeUnit(Vnet vnet, String cloner, int unit) {
        Cloners c = INSTANCE.peek(vnet);
        BitSet b = c == null ? null : c.units.get(cloner);
        if (b != null) b.clear(unit);
    }

    @Override
    public void destroy(Host host, Vnet vnet) {
        // Borrowed interfaces already went home (VnetIfReturn runs first); what is left was born here.
        for (Ifnet ifp : vnet.ifnets()) {
            if (ifp.vnet == vnet && ifp.home == vnet) IfEvolve.destroy(host, ifp);
        }
        super.destroy(host, vnet);
    }
}
