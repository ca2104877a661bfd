package org.vnetlab.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 15 (zonky's binaries from Maven Central) run as a child process.
 *
 * <p>Two modes: {@link #persistent} keeps the cluster in a directory the user names (what
 * {@code vnetlab dev --data-dir} uses; data survives a restart), {@link #throwaway} puts it in a
 * fresh temporary directory removed on close (tests). Either way the binaries unpack under the
 * given base directory instead of the system temp directory's shared {@code embedded-pg} folder.
 * As root, zonky runs initdb and postgres under {@code unshare -U} by itself.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "";
    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;
    private final Path baseDir;
    private final boolean deleteOnClose;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, Path baseDir, boolean deleteOnClose) {
        this.pg = pg;
        this.baseDir = baseDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** A cluster kept in {@code baseDir/postgres} (created on first start, reused afterwards). */
    public static EmbeddedPostgres persistent(Path baseDir, int port) {
        return start(baseDir, port, false);
    }

    /** A cluster in a new temporary directory, deleted on {@link #close()}; any free port. */
    public static EmbeddedPostgres throwaway() {
        try {
            return start(Files.createTempDirectory("vnetlab-pg-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres start(Path baseDir, int port, boolean deleteOnClose) {
        try {
            Path data = baseDir.resolve("postgres");
            Path work = baseDir.resolve("pg-binaries");
            Files.createDirectories(work);
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(deleteOnClose)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "64MB")
                    .setPGStartupWait(java.time.Duration.ofSeconds(30));
            if (port > 0) builder.setPort(port);
            return new EmbeddedPostgres(builder.start(), baseDir, deleteOnClose);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + baseDir, e);
        }
    }

    public int port() {
        return pg.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code name} unless it exists. */
    public void createDatabase(String name) {
        if (!DB_NAME.matcher(name).matches()) throw new IllegalArgumentException("bad database name " + name);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** A migrated, pooled database {@code name} on this cluster (created if missing). */
    public Database database(String name, int poolSize) {
        createDatabase(name);
        return Database.open(jdbcUrl(name), USER, PASSWORD, poolSize);
    }

    public Path baseDir() {
        return baseDir;
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (deleteOnClose) Files2.deleteTree(baseDir);
        }
    }
}
