package org.vnetlab.commands;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.vnetlab.commands.lab.CreateLab;
import org.vnetlab.commands.lab.DeleteLab;
import org.vnetlab.commands.lab.ExecScript;
import org.vnetlab.commands.lab.LabGoneException;
import org.vnetlab.commands.lab.ScriptResult;
import org.vnetlab.commands.store.StoredEvents;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.DataplaneResult;
import org.vnetlab.platform.EventEnvelope;

/**
 * The write side as plain Java, for the HTTP API, the CLI and tests. A whole script is one Axon
 * command (one transaction); every call checks that the lab belongs to the caller's tenant.
 */
public final class CommandService {
    private final WriteSide writeSide;
    private final ReadSide readSide;
    private final DataPlane dataPlane;
    private final Duration timeout;
    private final StoredEvents storedEvents;

    public CommandService(WriteSide writeSide, ReadSide readSide, DataPlane dataPlane, Duration timeout) {
        this.writeSide = writeSide;
        this.readSide = readSide;
        this.dataPlane = dataPlane;
        this.timeout = timeout;
        this.storedEvents = new StoredEvents(writeSide.dataSource(), writeSide.serializer());
    }

    public CommandService(WriteSide writeSide) {
        this(writeSide, ReadSide.IN_AGGREGATE, DataPlane.IN_AGGREGATE, Duration.ofSeconds(30));
    }

    public LabInfo createLab(Principal who, String name, Long seed) {
        String id = UUID.randomUUID().toString();
        long s = seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        await(writeSide.commandGateway().send(new CreateLab(id, who.tenant(), name, s, who.actor(), now())));
        return lab(who.tenant(), id).orElseThrow();
    }

    /** Runs one line (several if it holds {@code ;}); answers with the last command's outcome. */
    public LineResult exec(Principal who, String labId, String line) {
        List<LineResult> results = runScript(who, labId, line);
        return results.isEmpty() ? new LineResult(line, "", "", 0, position(labId)) : results.get(results.size() - 1);
    }

    /** Runs a whole script as one command; one result per command line run. */
    public List<LineResult> runScript(Principal who, String labId, String script) {
        List<LineResult> out = new ArrayList<>();
        runScript(who, labId, script, out::add);
        return out;
    }

    /**
     * Runs a script as ONE command (one transaction), then hands each line's result to
     * {@code each} as soon as it is known: configuration lines at once, data-plane lines when
     * their stack-worker has answered. This is what lets the API stream a long script's results.
     */
    public void runScript(Principal who, String labId, String script, java.util.function.Consumer<LineResult> each) {
        // A read checks the catalog before it reads; a write is checked by the lab itself (its
        // tenant, deleted or not), which spares every write a query.
        Optional<List<LineResult>> read = readSide.answer(labId, script, () -> {
            requireLab(who.tenant(), labId);
            return position(labId);
        });
        if (read.isPresent()) {
            read.get().forEach(each);
            return;
        }
        ScriptResult r = await(writeSide.commandGateway().send(new ExecScript(labId, script, who.actor(), now(), who.tenant())), labId);
        // The script's events are the lab's last ones, in outcome order: number them back from its position.
        long sequence = r.position() + 1;
        for (Outcome o : r.outcomes()) sequence -= o.events().size();
        for (Outcome o : r.outcomes()) {
            int dataplane = lastDataplaneEvent(o);
            Outcome answer = dataplane < 0 ? o : dataPlane.complete(labId, o, sequence + dataplane);
            each.accept(LineResult.of(answer, r.position()));
            sequence += o.events().size();
        }
    }

    private static int lastDataplaneEvent(Outcome o) {
        for (int i = o.events().size() - 1; i >= 0; i--) {
            if (DataplaneResult.answersLine(o.events().get(i))) return i;
        }
        return -1;
    }

    public long deleteLab(Principal who, String labId) {
        requireLab(who.tenant(), labId);
        return await(writeSide.commandGateway().<Long>send(new DeleteLab(labId, who.actor(), now())));
    }

    /** The lab's stored events from {@code fromSequence}, deleted labs included (their history stays). */
    public List<EventEnvelope> events(String tenant, String labId, long fromSequence, int limit) {
        if (findLab(tenant, labId, true).isEmpty()) throw new LabNotFoundException(labId);
        return storedEvents.ofLab(labId, fromSequence, limit);
    }

    public Optional<LabInfo> lab(String tenant, String labId) {
        return findLab(tenant, labId, false);
    }

    public List<LabInfo> labs(String tenant) {
        return queryLabs("SELECT id, tenant, name, seed, created_at, deleted FROM labs WHERE tenant = ? AND NOT deleted ORDER BY created_at, id",
                tenant, null);
    }

    /** A read model of the lab (see {@link ReadSide#view}), as of the lab's last stored event. */
    public List<Map<String, Object>> view(Principal who, String labId, String view) {
        requireLab(who.tenant(), labId);
        return readSide.view(labId, view, position(labId))
                .orElseThrow(() -> new ServiceUnavailableException("the read models are not served by this process", false, null));
    }

    /** The sequence of the lab's last stored event (-1 if none): the position a reader must see. */
    public long position(String labId) {
        try (Connection c = writeSide.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")) {
            ps.setString(1, labId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long max = rs.getLong(1);
                return rs.wasNull() ? -1 : max;
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException("cannot read the lab's position", false, e);
        }
    }

    private void requireLab(String tenant, String labId) {
        if (lab(tenant, labId).isEmpty()) throw new LabNotFoundException(labId);
    }

    private Optional<LabInfo> findLab(String tenant, String labId, boolean includeDeleted) {
        String sql = "SELECT id, tenant, name, seed, created_at, deleted FROM labs WHERE tenant = ? AND id = ?"
                + (includeDeleted ? "" : " AND NOT deleted");
        return queryLabs(sql, tenant, labId).stream().findFirst();
    }

    private List<LabInfo> queryLabs(String sql, String tenant, String labId) {
        try (Connection c = writeSide.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            if (labId != null) ps.setString(2, labId);
            List<LabInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LabInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getTimestamp(5).toInstant(), rs.getBoolean(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read labs", e);
        }
    }

    private <T> T await(CompletableFuture<T> future) {
        return await(future, null);
    }

    /** {@code labId}: a lab that is gone, unknown or another tenant's is "no lab labId" (404). */
    private <T> T await(CompletableFuture<T> future, String labId) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("the lab did not answer within " + timeout.toSeconds() + " s", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted", false, e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), labId);
        } catch (RejectedExecutionException e) {
            throw new ServiceUnavailableException("too many commands queued", false, e);
        }
    }

    private static RuntimeException translate(Throwable t, String labId) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof LabGoneException || c instanceof AggregateNotFoundException) {
                return new LabNotFoundException(labId != null ? labId : c.getMessage());
            }
            if (c instanceof RejectedExecutionException) {
                return new ServiceUnavailableException("too many commands queued", false, c);
            }
            if (c instanceof ConcurrencyException) {
                // another commands process kept writing to the lab through every retry; nothing was stored
                return new ServiceUnavailableException("the lab is being changed by another writer; nothing was stored, try again", false, c);
            }
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
