package org.vnetlab.commands;

import java.util.Optional;
import org.vnetlab.kernel.userland.Outcome;

/**
 * The seam for reads. Part 2 answers read-only lines ({@code jls}, {@code ifconfig},
 * {@code sysctl x}, {@code netstat -rn}) from the projections once they reach {@code position};
 * until then {@link #IN_AGGREGATE} declines and the aggregate answers every line itself.
 */
public interface ReadSide {
    /** The answer to {@code line} as of at least {@code position}, or empty to let the aggregate answer. */
    Optional<Outcome> answer(String labId, String line, long position);

    ReadSide IN_AGGREGATE = (labId, line, position) -> Optional.empty();
}
