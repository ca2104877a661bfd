package org.vnetlab.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled connection to one PostgreSQL database whose schema is db/'s Flyway migrations
 * ({@code classpath:db/migration}, shipped in vnetlab-db).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final String jdbcUrl;

    private Database(HikariDataSource dataSource, String jdbcUrl) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
    }

    /** Connects and brings the schema up to date. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        // one multi-row INSERT per JDBC batch instead of one statement per row (event appends, history, results)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setConnectionTimeout(10_000);
        config.setPoolName("vnetlab-" + Math.abs(jdbcUrl.hashCode()));
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, jdbcUrl);
    }

    public static void migrate(DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
