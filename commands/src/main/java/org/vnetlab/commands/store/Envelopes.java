package org.vnetlab.commands.store;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.vnetlab.commands.lab.EventMeta;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.platform.EventEnvelope;
import org.vnetlab.platform.lab.LabEvent;

/** Turns a stored event (payload plus Axon metadata) into the Kafka/API envelope. */
public final class Envelopes {
    private Envelopes() {}

    /** Null for a payload that is neither a kernel nor a lab event. */
    public static EventEnvelope of(String labId, long sequence, long globalIndex, String eventId,
                                   Instant storedAt, MetaData meta, Object payload) {
        Event kernel = payload instanceof Event e ? e : null;
        LabEvent lab = payload instanceof LabEvent e ? e : null;
        if (kernel == null && lab == null) return null;
        return new EventEnvelope(
                labId,
                EventMeta.text(meta, EventMeta.TENANT),
                sequence,
                globalIndex,
                eventId,
                EventMeta.time(meta, storedAt.toEpochMilli()),
                EventMeta.text(meta, EventMeta.ACTOR),
                EventMeta.text(meta, EventMeta.LINE),
                kernel,
                lab);
    }

    public static EventEnvelope of(DomainEventMessage<?> m, long globalIndex) {
        return of(m.getAggregateIdentifier(), m.getSequenceNumber(), globalIndex, m.getIdentifier(),
                m.getTimestamp(), m.getMetaData(), m.getPayload());
    }
}
