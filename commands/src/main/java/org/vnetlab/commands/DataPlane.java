package org.vnetlab.commands;

import org.vnetlab.kernel.userland.Outcome;

/**
 * The seam for data-plane lines ({@code ping}, {@code traceroute}, {@code tcpdump}, {@code sleep}).
 * The aggregate decides them (it must, to validate) and stores one data-plane event per line; the
 * answer the caller sees comes from here. {@link org.vnetlab.commands.results.WorkerDataPlane}
 * waits for the stack-worker's result on {@code vnetlab.results}; {@link #IN_AGGREGATE} keeps the
 * outcome the aggregate computed. Both are the same bytes: the same evolve on the same events.
 */
public interface DataPlane {
    /**
     * The final outcome of a line whose outcome holds a data-plane event; {@code sequence} is that
     * event's sequence in the lab. Throws {@link ServiceUnavailableException} (timed out: 504).
     */
    Outcome complete(String labId, Outcome fromAggregate, long sequence);

    DataPlane IN_AGGREGATE = (labId, outcome, sequence) -> outcome;
}
