package org.vnetlab.kernel.route;

import org.vnetlab.kernel.state.VnetSubsystem;

/** Per-vnet routing tables, allocated on first route. STUB. */
public final class RouteTables extends VnetSubsystem<Object> {
    public static final RouteTables INSTANCE = new RouteTables();

    private RouteTables() {
        super("route");
    }
}
