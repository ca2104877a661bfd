package org.vnetlab.commands;

import org.vnetlab.kernel.userland.Outcome;

/**
 * The seam for data-plane lines ({@code ping}, {@code traceroute}, ...). Part 2 stores the request
 * as an event and waits for the stack-worker's result on {@code vnetlab.results}; until then
 * {@link #IN_AGGREGATE} keeps the outcome the aggregate computed in place.
 */
public interface DataPlane {
    /** The final outcome of a line the aggregate handled; {@code position} is the lab's after it. */
    Outcome complete(String labId, Outcome fromAggregate, long position);

    DataPlane IN_AGGREGATE = (labId, outcome, position) -> outcome;
}
