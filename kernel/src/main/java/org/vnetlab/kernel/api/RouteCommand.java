package org.vnetlab.kernel.api;

/** RTM_ADD / RTM_DELETE / RTM_CHANGE. Fields as in {@link RouteEvent}. */
public sealed interface RouteCommand extends Command {

    record AddRoute(int jid, String family, String destination, String gateway, String iface,
                    int flags, int fib) implements RouteCommand {}

    record DeleteRoute(int jid, String family, String destination, String gateway, int fib) implements RouteCommand {}

    record ChangeRoute(int jid, String family, String destination, String gateway, String iface,
                       int flags, int fib) implements RouteCommand {}
}
