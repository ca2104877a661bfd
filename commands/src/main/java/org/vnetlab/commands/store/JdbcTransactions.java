package org.vnetlab.commands.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon has no JDBC transaction manager of its own. This one binds one pooled connection to the
 * thread for the length of a transaction (Axon's unit of work runs on one thread and attaches the
 * transaction to itself), and hands that same connection to everything that asks for one meanwhile:
 * the event store's appends, the catalog's rows and the tracking processor's token update all
 * commit together. Without it the tracking processor's token is never committed.
 *
 * <p>A transaction started while one is active joins it (commit and rollback are the outer's).
 * Outside a transaction, {@link #getConnection()} gives a plain auto-commit connection.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {
    private final DataSource dataSource;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (bound.get() != null) return JOINED;
        Connection c;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a transaction", e);
        }
        bound.set(c);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    c.commit();
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    throw new IllegalStateException("commit failed", e);
                } finally {
                    release(c);
                }
            }

            @Override
            public void rollback() {
                try {
                    rollbackQuietly(c);
                } finally {
                    release(c);
                }
            }
        };
    }

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {}

        @Override
        public void rollback() {}
    };

    private void release(Connection c) {
        bound.remove();
        try {
            c.setAutoCommit(true);
            c.close();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; nothing was committed
        }
    }

    /** The connection this thread's transaction runs on (not a proxy), or null outside a transaction. */
    Connection boundConnection() {
        return bound.get();
    }

    /** True while this thread is inside a transaction. */
    public boolean inTransaction() {
        return bound.get() != null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = bound.get();
        if (c == null) return dataSource.getConnection();
        // The transaction owns the connection: callers' close() must not return it to the pool.
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "isClosed":
                            return c.isClosed();
                        default:
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
