package org.vnetlab.commands;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The seam for reads, implemented by the projections' query side (the cli assembles it; commands
 * never depends on projections). Read-only lines ({@code jls}, {@code ifconfig}, {@code sysctl x},
 * {@code netstat -rn}, {@code route get}) are answered from the read models once they reach the
 * caller's position; {@link #IN_AGGREGATE} declines and the aggregate answers every line itself.
 * Implementations throw {@link ServiceUnavailableException} when the read models do not catch up
 * in time (504) or cannot be asked (503).
 */
public interface ReadSide {
    /**
     * The results of {@code script} if it only reads, as of at least the lab position
     * {@code position} supplies (the lab's last stored event: read your writes); empty to let the
     * aggregate answer. {@code position} is only asked for when the script is a read.
     */
    Optional<List<LineResult>> answer(String labId, String script, LongSupplier position);

    /** A read model of the lab ({@code jails}, {@code interfaces}, ...) as rows, at least at {@code position}; empty if not served. */
    default Optional<List<Map<String, Object>>> view(String labId, String view, long position) {
        return Optional.empty();
    }

    ReadSide IN_AGGREGATE = (labId, script, position) -> Optional.empty();
}
