package org.vnetlab.kernel.userland;

import org.vnetlab.kernel.api.Event;

/**
 * Where accepted events go. It must apply each event to the host at once (later steps of the
 * same command line see earlier ones, as later ioctls see earlier ones on FreeBSD). The plain
 * kernel sink evolves and records; the Axon aggregate's sink is AggregateLifecycle.apply.
 */
@FunctionalInterface
public interface EventSink {
    void emit(Event event);
}
