package org.vnetlab.commands.lab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.vnetlab.commands.store.JdbcTransactions;
import org.vnetlab.platform.lab.LabCreated;
import org.vnetlab.platform.lab.LabDeleted;

/**
 * Keeps the {@code labs} table (which labs exist, for whom). Registered with a subscribing
 * processor, so it runs in the command's unit of work and its rows commit in the same transaction
 * as the events.
 */
public final class LabCatalog {
    private final JdbcTransactions db;

    public LabCatalog(JdbcTransactions db) {
        this.db = db;
    }

    @EventHandler
    void on(LabCreated e, MetaData meta) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO labs (id, tenant, name, seed, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, e.labId());
            ps.setString(2, e.tenant());
            ps.setString(3, e.name());
            ps.setLong(4, e.seed());
            ps.setTimestamp(5, new Timestamp(EventMeta.time(meta, System.currentTimeMillis())));
            ps.executeUpdate();
        }
    }

    @EventHandler
    void on(LabDeleted e) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE labs SET deleted = TRUE WHERE id = ?")) {
            ps.setString(1, e.labId());
            ps.executeUpdate();
        }
    }
}
