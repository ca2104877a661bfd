package org.vnetlab.cli;

import java.util.List;
import java.util.Map;

/**
 * Every environment variable vnetlab reads, in one place (the compose file is checked against
 * this list). Server variables configure {@code vnetlab serve}; client variables the commands
 * that talk to the API.
 */
public enum Env {
    DATABASE_URL("VNETLAB_DATABASE_URL", "jdbc:postgresql://localhost:5432/vnetlab", "serve: JDBC URL of the PostgreSQL database"),
    DATABASE_USER("VNETLAB_DATABASE_USER", "vnetlab", "serve: database user"),
    DATABASE_PASSWORD("VNETLAB_DATABASE_PASSWORD", "", "serve: database password"),
    DATABASE_POOL("VNETLAB_DATABASE_POOL", "16", "serve: connections in the pool"),
    KAFKA_BOOTSTRAP("VNETLAB_KAFKA_BOOTSTRAP", "localhost:9092", "serve: Kafka bootstrap servers"),
    HTTP_PORT("VNETLAB_HTTP_PORT", "8080", "serve --role commands|all: the API's port"),
    READ_TIMEOUT_MS("VNETLAB_READ_TIMEOUT_MS", "10000", "serve: how long a read waits for the read models (then 504)"),
    DATAPLANE_TIMEOUT_MS("VNETLAB_DATAPLANE_TIMEOUT_MS", "10000", "serve --role commands|all: how long a data-plane line (ping, ...) waits for a stack-worker (then 504)"),
    SNAPSHOT_EVERY("VNETLAB_SNAPSHOT_EVERY", "250", "serve --role commands|all, and dev: events between two snapshots of a lab"),
    LAB_CACHE("VNETLAB_LAB_CACHE", "1000", "serve --role commands|all, and dev: labs the write side keeps in memory (the least recently used one goes)"),
    TENANT("VNETLAB_TENANT", "default", "serve: a tenant created at start"),
    BOOTSTRAP_TOKEN("VNETLAB_BOOTSTRAP_TOKEN", "", "serve: if set, an API token registered for VNETLAB_TENANT at start"),
    URL("VNETLAB_URL", "", "client: the API's URL (else the dev context)"),
    TOKEN("VNETLAB_TOKEN", "", "client: the API token (else the dev context)"),
    CONTEXT("VNETLAB_CONTEXT", "", "client: the context file to read (default VNETLAB_HOME/context.json)"),
    HOME("VNETLAB_HOME", "", "dev and client: vnetlab's own directory (default ~/.vnetlab)");

    public final String variable;
    public final String defaultValue;
    public final String description;

    Env(String variable, String defaultValue, String description) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The names, for checks and documentation. */
    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(e -> e.variable).toList();
    }

    public String get(Map<String, String> env) {
        String v = env.get(variable);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    public String get() {
        return get(System.getenv());
    }

    public int getInt(Map<String, String> env) {
        String v = get(env);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be an integer, not \"" + v + "\"");
        }
    }

    /** vnetlab's own directory: VNETLAB_HOME or ~/.vnetlab. */
    public static java.nio.file.Path home() {
        String h = HOME.get();
        return h.isEmpty() ? java.nio.file.Path.of(System.getProperty("user.home"), ".vnetlab") : java.nio.file.Path.of(h);
    }
}
