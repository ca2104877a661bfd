package org.vnetlab.kernel.api;

import java.util.Map;

/** Jail (prison) life cycle. Parameters are kernel parameter names with string values. */
public sealed interface JailEvent extends Event {

    /**
     * A jail was created. {@code name} is the full hierarchical name as seen from the host,
     * {@code parent} the parent's jid (0 = host). {@code params} holds every parameter whose
     * value differs from the built-in default after inheritance was resolved, so that
     * {@code evolve} never has to consult the parent's current (possibly later changed) values.
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
