package org.vnetlab.platform.lab;

/**
 * A lab's own lifecycle, past tense: the events around the kernel's, in the same lab stream.
 * They live here (not in commands/) because stack-workers and projections read them off Kafka
 * too: {@link LabCreated} carries the seed and hostname every host is booted from.
 */
public sealed interface LabEvent permits LabCreated, LabDeleted {
    default String type() {
        return getClass().getSimpleName();
    }
}
