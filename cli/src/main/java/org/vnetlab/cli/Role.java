package org.vnetlab.cli;

/** What one process of a deployment runs ({@code vnetlab serve --role ...}). */
public enum Role {
    /** The write side, the relay to Kafka, the HTTP API and the query side (reads the read models). */
    commands,
    /** The projections consumer group: keeps the read models. */
    projections,
    /** A stack-worker: hosts the labs of its partitions and runs the data plane; run several. */
    stack_worker,
    /** commands, projections and one stack-worker in one process. */
    all;

    public static Role parse(String s) {
        return valueOf(s.replace('-', '_'));
    }

    public String label() {
        return name().replace('_', '-');
    }
}
