package org.vnetlab.kernel.api;

/**
 * RTM_ADD / RTM_DELETE / RTM_CHANGE. {@code destination} is canonical CIDR; {@code gateway} an
 * address (with "%IF" for an IPv6 link-local one) or null; {@code iface} names the interface of
 * an -iface route (else null); {@code flags} are RTF_* as route(8) sends them.
 */
public sealed interface RouteCommand extends Command {

    record AddRoute(int jid, String family, String destination, String gateway, String iface,
                    int flags, int fib) implements RouteCommand {}

    record DeleteRoute(int jid, String family, String destination, String gateway, int fib) implements RouteCommand {}

    record ChangeRoute(int jid, String family, String destination, String gateway, String iface,
                       int flags, int fib) implements RouteCommand {}
}
