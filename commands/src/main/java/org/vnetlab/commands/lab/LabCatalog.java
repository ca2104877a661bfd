package org.vnetlab.commands.lab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.vnetlab.commands.store.JdbcTransactions;
import org.vnetlab.platform.lab.LabCreated;
import org.vnetlab.platform.lab.LabDeleted;

/**
 * Keeps the {@code labs} table (which labs exist, for whom). Subscribed to the event store, it is
 * handed a unit of work's events while that unit of work prepares its commit, so its rows commit
 * in the same transaction as the events, and a failure fails the command.
 *
 * <p>A plain subscriber rather than an Axon event processor: it looks at two event types among
 * thousands (a script), and a processor would put every kernel event through its handler
 * matching, a few microseconds each.
 */
public final class LabCatalog implements Consumer<List<? extends EventMessage<?>>> {
    private final JdbcTransactions db;

    public LabCatalog(JdbcTransactions db) {
        this.db = db;
    }

    @Override
    public void accept(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> m : events) {
            Object payload = m.getPayload();
            try {
                if (payload instanceof LabCreated e) created(e, EventMeta.time(m.getMetaData(), System.currentTimeMillis()));
                else if (payload instanceof LabDeleted e) deleted(e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot update the lab catalog", e);
            }
        }
    }

    private void created(LabCreated e, long time) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO labs (id, tenant, name, seed, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, e.labId());
            ps.setString(2, e.tenant());
            ps.setString(3, e.name());
            ps.setLong(4, e.seed());
            ps.setTimestamp(5, new Timestamp(time));
            ps.executeUpdate();
        }
    }

    private void deleted(LabDeleted e) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE labs SET deleted = TRUE WHERE id = ?")) {
            ps.setString(1, e.labId());
            ps.executeUpdate();
        }
    }
}
