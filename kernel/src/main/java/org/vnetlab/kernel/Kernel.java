package org.vnetlab.kernel;

import org.vnetlab.kernel.api.Command;
import org.vnetlab.kernel.api.DataplaneCommand;
import org.vnetlab.kernel.api.DataplaneEvent;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.api.IfCommand;
import org.vnetlab.kernel.api.IfEvent;
import org.vnetlab.kernel.api.JailCommand;
import org.vnetlab.kernel.api.JailEvent;
import org.vnetlab.kernel.api.NeighborCommand;
import org.vnetlab.kernel.api.NeighborEvent;
import org.vnetlab.kernel.api.RouteCommand;
import org.vnetlab.kernel.api.RouteEvent;
import org.vnetlab.kernel.api.SysctlCommand;
import org.vnetlab.kernel.api.SysctlEvent;
import org.vnetlab.kernel.dataplane.DataplaneEvolve;
import org.vnetlab.kernel.dataplane.DataplaneSyscalls;
import org.vnetlab.kernel.jail.JailEvolve;
import org.vnetlab.kernel.jail.JailSyscalls;
import org.vnetlab.kernel.net.IfEvolve;
import org.vnetlab.kernel.net.IfSyscalls;
import org.vnetlab.kernel.route.NeighborEvolve;
import org.vnetlab.kernel.route.NeighborSyscalls;
import org.vnetlab.kernel.route.RouteEvolve;
import org.vnetlab.kernel.route.RouteSyscalls;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.state.VnetSubsystem;
import org.vnetlab.kernel.sysctl.SysctlEvolve;
import org.vnetlab.kernel.sysctl.SysctlSyscalls;

/**
 * The simulated kernel's two entry points.
 *
 * <p>{@link #decide} validates a command against the current state and answers with the events
 * that carry it out, or with a rejection (errno and message) that changes nothing.
 * {@link #evolve} applies one event; it is the only code that changes a {@link Host}, and the
 * same code runs in the aggregate, in every stack-worker and in every projection, so they all
 * agree by construction. Both are pure functions of their arguments (no clock, no randomness
 * other than the lab's seed).
 */
public final class Kernel {
    private Kernel() {}

    public static Decision decide(Host host, Command command) {
        if (command instanceof JailCommand c) return JailSyscalls.decide(host, c);
        if (command instanceof IfCommand c) return IfSyscalls.decide(host, c);
        if (command instanceof SysctlCommand c) return SysctlSyscalls.decide(host, c);
        if (command instanceof RouteCommand c) return RouteSyscalls.decide(host, c);
        if (command instanceof NeighborCommand c) return NeighborSyscalls.decide(host, c);
        if (command instanceof DataplaneCommand c) return DataplaneSyscalls.decide(host, c);
        throw new IllegalArgumentException("unknown command " + command);
    }

    public static void evolve(Host host, Event event) {
        if (event instanceof JailEvent e) JailEvolve.apply(host, e);
        else if (event instanceof IfEvent e) IfEvolve.apply(host, e);
        else if (event instanceof SysctlEvent e) SysctlEvolve.apply(host, e);
        else if (event instanceof RouteEvent e) RouteEvolve.apply(host, e);
        else if (event instanceof NeighborEvent e) NeighborEvolve.apply(host, e);
        else if (event instanceof DataplaneEvent e) DataplaneEvolve.apply(host, e);
        else throw new IllegalArgumentException("unknown event " + event);
    }

    /** vnet_alloc(): runs every subsystem's VNET_SYSINIT in order. */
    public static Vnet vnetAlloc(Host host, int id) {
        Vnet vnet = new Vnet(id);
        for (VnetSubsystem<?> s : Subsystems.ORDER) s.init(host, vnet);
        return vnet;
    }

    /** vnet_destroy(): runs every subsystem's VNET_SYSUNINIT in reverse order. */
    public static void vnetDestroy(Host host, Vnet vnet) {
        for (int i = Subsystems.ORDER.size() - 1; i >= 0; i--) Subsystems.ORDER.get(i).destroy(host, vnet);
    }

    /** A new host with its own vnet initialised, as after boot. */
    public static Host boot(long seed, String hostname) {
        Host host = new Host(seed, hostname);
        for (VnetSubsystem<?> s : Subsystems.ORDER) s.init(host, host.vnet0);
        Subsystems.bootHost(host);
        return host;
    }
}
