package org.vnetlab.commands.store;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which also tells {@link StreamingCopy} of every event as the
 * aggregate publishes it: that is the moment a long script's events can start their way into
 * PostgreSQL. Axon itself looks at them again only when the unit of work prepares its commit
 * (its dispatch interceptors run then too, which is why this is not one).
 */
final class StreamingEventStore extends EmbeddedEventStore {
    private final StreamingCopy streaming;

    StreamingEventStore(EmbeddedEventStore.Builder builder, StreamingCopy streaming) {
        super(builder);
        this.streaming = streaming;
    }

    @Override
    public void publish(List<? extends EventMessage<?>> events) {
        streaming.published(events);
        super.publish(events);
    }
}
