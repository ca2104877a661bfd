package org.vnetlab.kernel.api;

import java.util.Map;

/** Jail (prison) life cycle. Parameters are kernel parameter names with string values. */
public sealed interface JailEvent extends Event {

    /**
     * A jail was created. {@code name} is the full hierarchical name as seen from the host,
     * {@code parent} the parent's jid (0 = host), {@code vnet} whether it has a stack of its own.
     * {@code params} holds the kernel parameters as they were given, in canonical form ("true",
     * "new", comma-joined lists); a {@code jid} entry means the jid was chosen, not allocated.
     * Inherited values (host.hostname, securelevel, ...) are copied from the parent when the event
     * is applied: events are applied in order, so the parent then is what decide saw.
     */
    record JailCreated(int jid, String name, int parent, boolean vnet, Map<String, String> params)
            implements JailEvent {}

    /** {@code jail -m}: the given parameters now have these values ({@code name} renames). */
    record JailModified(int jid, Map<String, String> params) implements JailEvent {}

    /**
     * {@code jail -r}: the jail and all its descendants are gone. Applying it also tears their
     * vnets down (sys/net/vnet.c vnet_destroy): borrowed interfaces go back to their home vnet,
     * down and without addresses; interfaces created inside are destroyed.
     */
    record JailRemoved(int jid) implements JailEvent {}
}
