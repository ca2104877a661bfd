package org.vnetlab.kernel.route;

import org.vnetlab.kernel.state.VnetSubsystem;

/** Per-vnet ARP and NDP tables (lltable), allocated on first entry. STUB. */
public final class NeighborTables extends VnetSubsystem<Object> {
    public static final NeighborTables INSTANCE = new NeighborTables();

    private NeighborTables() {
        super("llentry");
    }
}
