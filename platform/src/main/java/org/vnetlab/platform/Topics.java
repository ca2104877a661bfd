package org.vnetlab.platform;

/**
 * The Kafka topics the services meet on. Deployments use {@link #DEFAULT}; tests take a prefixed
 * pair per test class so that classes sharing one broker never see each other's records.
 */
public record Topics(String events, String results) {
    public static final String EVENTS = "vnetlab.events";
    public static final String RESULTS = "vnetlab.results";
    public static final Topics DEFAULT = new Topics(EVENTS, RESULTS);
    /** Partitions per topic: labs spread over stack-workers by partition (key = lab id). */
    public static final int PARTITIONS = 8;

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix + EVENTS, prefix + RESULTS);
    }
}
