package org.vnetlab.commands.lab;

import org.axonframework.messaging.MetaData;

/**
 * What travels beside every event (Axon metadata): the command line that caused it, who typed
 * it, for which tenant, and the simulated time (epoch millis). Kernel events stay free of it.
 */
public final class EventMeta {
    public static final String TENANT = "tenant";
    public static final String ACTOR = "actor";
    public static final String LINE = "line";
    public static final String TIME = "time";

    private EventMeta() {}

    public static MetaData of(String tenant, String actor, String line, long time) {
        // one map, copied once by MetaData (with(...).and(...) copies it at every step)
        java.util.Map<String, Object> m = new java.util.HashMap<>(8);
        m.put(TENANT, tenant);
        m.put(ACTOR, actor);
        m.put(LINE, line);
        m.put(TIME, time);
        return MetaData.from(m);
    }

    public static long time(MetaData meta, long fallback) {
        Object t = meta.get(TIME);
        return t instanceof Number n ? n.longValue() : fallback;
    }

    public static String text(MetaData meta, String key) {
        Object v = meta.get(key);
        return v == null ? null : v.toString();
    }
}
