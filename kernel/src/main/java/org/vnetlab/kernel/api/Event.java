package org.vnetlab.kernel.api;

/**
 * The published language, past tense: everything that ever changes a simulated host.
 *
 * <p>Events are grouped by subsystem ({@link JailEvent}, {@link IfEvent}, {@link SysctlEvent},
 * {@link RouteEvent}, {@link NeighborEvent}); each is a plain record whose simple class name is
 * its stable type name on the wire (see docs/events.md). A vnet is named by the jid of the jail
 * that owns it; the host's own vnet is 0. Events carry only what {@code evolve} needs and what an
 * auditor wants to read; the command line, time, tenant and actor travel in the envelope.
 */
public sealed interface Event permits JailEvent, IfEvent, SysctlEvent, RouteEvent, NeighborEvent,
        DataplaneEvent {

    /** The stable type name used in JSON and in the event store. */
    default String type() {
        return getClass().getSimpleName();
    }
}
