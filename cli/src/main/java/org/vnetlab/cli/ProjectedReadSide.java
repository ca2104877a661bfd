package org.vnetlab.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.vnetlab.commands.LineResult;
import org.vnetlab.commands.ReadSide;
import org.vnetlab.commands.ServiceUnavailableException;
import org.vnetlab.projections.ProjectionLagException;
import org.vnetlab.projections.ReadModels;

/** Plugs the projections' query side into the commands' read seam; the two modules never meet otherwise. */
final class ProjectedReadSide implements ReadSide {
    private final ReadModels readModels;

    ProjectedReadSide(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public Optional<List<LineResult>> answer(String labId, String script, LongSupplier position) {
        try {
            return readModels.answer(labId, script, position)
                    .map(a -> a.outcomes().stream().map(o -> LineResult.of(o, a.position())).toList());
        } catch (ProjectionLagException e) {
            throw new ServiceUnavailableException(e.getMessage(), e.timedOut(), e);
        }
    }

    @Override
    public Optional<List<Map<String, Object>>> view(String labId, String view, long position) {
        try {
            return Optional.of(readModels.view(labId, view, position));
        } catch (ProjectionLagException e) {
            throw new ServiceUnavailableException(e.getMessage(), e.timedOut(), e);
        }
    }
}
