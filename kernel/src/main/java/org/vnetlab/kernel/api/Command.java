package org.vnetlab.kernel.api;

/**
 * The published language, imperative: what a userland tool asks the simulated kernel to do
 * (FreeBSD's system calls and ioctls, one record each). {@code jid} is always the calling jail
 * (0 = host): it decides which vnet is meant and which privileges apply.
 * {@link org.vnetlab.kernel.Kernel#decide} answers with events or a rejection.
 */
public sealed interface Command permits JailCommand, IfCommand, SysctlCommand, RouteCommand, NeighborCommand,
        DataplaneCommand {

    int jid();
}
