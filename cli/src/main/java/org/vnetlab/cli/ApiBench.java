package org.vnetlab.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code vnetlab bench api}: the figures of a running {@code vnetlab dev}, through its HTTP API, in
 * one run. Writes and pings are timed one request at a time (pings at a steady rate, open loop);
 * the routed lab is one script; the JDBC ceiling is a plain batched insert into the same database.
 *
 * <p>A warm-up comes first and is not measured (as JMH's warm-up iterations): the same kinds of
 * requests (a routed lab of the measured size and its pings, writes, paced pings) until {@link #warmupSeconds}
 * have passed, so the figures are those of a server whose JIT has compiled these paths, not of
 * its first seconds. {@code --warmup-seconds 0} measures a cold server.
 */
final class ApiBench {
    /** Two vnet jails on an epair: what the ping figures ping across. */
    static final String PAIR = """
            jail -c vnet persist name=left
            jail -c vnet persist name=right
            ifconfig epair0 create
            ifconfig epair0a vnet left
            ifconfig epair0b vnet right
            jexec left ifconfig epair0a inet 192.0.2.1/30 up
            jexec right ifconfig epair0b inet 192.0.2.2/30 up
            """;

    private final DevContext context;
    private final ApiClient client;
    private final PrintStream out;
    private final PrintStream err;

    int writes = 500;
    int pingRate = 100;
    int pingSeconds = 10;
    /** Labs the pings go to, round robin: one lab's commands are serialized by its aggregate. */
    int pingLabs = 1;
    int jails = 1000;
    int jdbcRows = 100_000;
    int warmupSeconds = 30;

    ApiBench(DevContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.client = new ApiClient(context.url(), context.token());
        this.out = out;
        this.err = err;
    }

    int run() throws Exception {
        String tag = Long.toString(System.currentTimeMillis(), 36);
        warmUp(tag);
        List<Double> write = execWrites(tag);
        List<Double> ping = pings(tag);
        figure("exec_write_p50_ms", percentile(write, 50));
        figure("exec_write_p99_ms", percentile(write, 99));
        figure("ping_p50_ms", percentile(ping, 50));
        figure("ping_p99_ms", percentile(ping, 99));
        routedLab(tag);
        jdbcCeiling();
        return 0;
    }

    /**
     * Every kind of request the figures time, round after round, for two thirds of
     * {@code warmupSeconds} (at least one round if any); then, for the last third, only writes and
     * paced pings: the pipeline drains what the big rounds left it (the projections run behind at
     * a lower priority) and the measurements start in a steady state, not in its wake.
     */
    private void warmUp(String tag) throws Exception {
        if (warmupSeconds <= 0) return;
        long start = System.nanoTime();
        long heavyEnd = start + warmupSeconds * 2_000_000_000L / 3;
        long end = start + warmupSeconds * 1_000_000_000L;
        int round = 0;
        do {
            String lab = client.createLab("bench-warmup-" + tag + "-" + round, 100L + round).path("id").asText();
            // the measured lab's own size: the JIT sees the loops it will run, at their length
            client.script(lab, routedScript(jails));
            client.script(lab, pingEveryJail(jails));
            for (int i = 0; i < 200; i++) client.exec(lab, "jexec 2 ifconfig lo0 mtu " + (1500 + i));
            long period = 1_000_000_000L / pingRate;
            long t = System.nanoTime();
            for (int i = 0; i < pingRate; i++) {
                long wait = t + i * period - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                client.exec(lab, "jexec 2 ping -c 1 " + subnet(2) + ".1");
            }
            client.deleteLab(lab);
            round++;
        } while (System.nanoTime() < heavyEnd);
        String light = client.createLab("bench-warmup-" + tag + "-light", 99L).path("id").asText();
        client.script(light, PAIR);
        long period = 1_000_000_000L / pingRate;
        for (long t = System.nanoTime(), i = 0; System.nanoTime() < end; i++) {
            long wait = t + i * period - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            client.exec(light, i % 2 == 0 ? "jexec left ping -c 1 192.0.2.2" : "jexec left ifconfig lo0 mtu " + (1500 + i % 1000));
        }
        client.deleteLab(light);
        figure("warmup_seconds", (System.nanoTime() - start) / 1e9);
    }

    /** {@code ifconfig lo0 mtu N} in a jail, one request after the other (after a warm-up). */
    private List<Double> execWrites(String tag) {
        String lab = client.createLab("bench-writes-" + tag, 1L).path("id").asText();
        client.exec(lab, "jail -c vnet persist name=w");
        for (int i = 0; i < 100; i++) client.exec(lab, "jexec w ifconfig lo0 mtu " + (1500 + i));
        List<Double> ms = new ArrayList<>(writes);
        for (int i = 0; i < writes; i++) {
            long t = System.nanoTime();
            ApiClient.Result r = client.exec(lab, "jexec w ifconfig lo0 mtu " + (2000 + i % 1000));
            ms.add((System.nanoTime() - t) / 1e6);
            if (r.exit() != 0) throw new IllegalStateException("write failed: " + r.stderr());
        }
        return ms;
    }

    /** {@code ping -c 1} across an epair at a steady rate: a request starts every 1/rate s, answered or not. */
    private List<Double> pings(String tag) throws Exception {
        String[] labs = new String[pingLabs];
        String line = "jexec left ping -c 1 192.0.2.2";
        for (int l = 0; l < pingLabs; l++) {
            labs[l] = client.createLab("bench-ping-" + tag + "-" + l, 2L + l).path("id").asText();
            client.script(labs[l], PAIR);
            for (int i = 0; i < 50 / pingLabs + 1; i++) client.exec(labs[l], line);
        }
        int n = pingRate * pingSeconds;
        List<Future<Double>> answers = new ArrayList<>(n);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long period = 1_000_000_000L / pingRate;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                long due = start + i * period;
                String lab = labs[i % pingLabs];
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                answers.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    ApiClient.Result r = client.exec(lab, line);
                    if (r.exit() != 0) throw new IllegalStateException("ping failed: " + r.stdout() + r.stderr());
                    return (System.nanoTime() - t) / 1e6;
                }));
            }
            List<Double> ms = new ArrayList<>(n);
            for (Future<Double> f : answers) ms.add(f.get());
            return ms;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The routed lab as one script, then one ping to every jail; timed from the script's submission. */
    private void routedLab(String tag) {
        String lab = client.createLab("bench-routed-" + tag, 3L).path("id").asText();
        String script = routedScript(jails);
        long t0 = System.nanoTime();
        List<ApiClient.Result> built = client.script(lab, script);
        long t1 = System.nanoTime();
        long events = built.get(built.size() - 1).position(); // LabCreated is position 0
        List<ApiClient.Result> pinged = client.script(lab, pingEveryJail(jails));
        long t2 = System.nanoTime();
        long failed = pinged.stream().filter(r -> r.exit() != 0).count();
        if (failed > 0) err.println("vnetlab bench: " + failed + " of " + pinged.size() + " pings failed");
        figure("script_jails", jails);
        figure("script_events", events);
        figure("script_seconds", (t1 - t0) / 1e9);
        figure("script_events_per_second", events / ((t1 - t0) / 1e9));
        figure("script_pingable_seconds", failed > 0 ? Double.NaN : (t2 - t0) / 1e9);
    }

    /**
     * A star of {@code n} vnet jails: jail 1 routes (forwarding on), jails 2..n each hang off it on
     * their own epair and /30 with a default route through it.
     */
    static String routedScript(int n) {
        StringBuilder s = new StringBuilder(n * 300);
        s.append("jail -c vnet persist name=r1\njexec 1 sysctl net.inet.ip.forwarding=1\n");
        for (int i = 2; i <= n; i++) {
            String net = subnet(i);
            s.append("jail -c vnet persist name=r").append(i).append('\n');
            s.append("ifconfig epair").append(i).append(" create\n");
            s.append("ifconfig epair").append(i).append("a vnet 1\n");
            s.append("ifconfig epair").append(i).append("b vnet ").append(i).append('\n');
            s.append("jexec 1 ifconfig epair").append(i).append("a inet ").append(net).append(".1/30 up\n");
            s.append("jexec ").append(i).append(" ifconfig epair").append(i).append("b inet ").append(net).append(".2/30 up\n");
            s.append("jexec ").append(i).append(" route add default ").append(net).append(".1\n");
        }
        return s.toString();
    }

    /** Jail 2 pings the router, the router jail 2, then jail 2 every other jail through the router. */
    static String pingEveryJail(int n) {
        StringBuilder s = new StringBuilder();
        s.append("jexec 2 ping -c 1 ").append(subnet(2)).append(".1\n");
        s.append("jexec 1 ping -c 1 ").append(subnet(2)).append(".2\n");
        for (int i = 3; i <= n; i++) s.append("jexec 2 ping -c 1 ").append(subnet(i)).append(".2\n");
        return s.toString();
    }

    /** 10.X.Y (Y a multiple of 4): jail i's /30 without its last octet's host part. */
    static String subnet(int i) {
        return "10." + (i >> 6) + "." + ((i & 63) << 2);
    }

    /** Rows of the event store's shape, 500 per batch and per commit, one client: the database's ceiling. */
    private void jdbcCeiling() throws SQLException {
        if (context.jdbcUrl() == null) {
            err.println("vnetlab bench: the context has no jdbcUrl (restart `vnetlab dev`); no JDBC ceiling");
            return;
        }
        byte[] payload = new byte[300];
        java.util.Arrays.fill(payload, (byte) 'x');
        try (Connection c = DriverManager.getConnection(context.jdbcUrl(), context.jdbcUser(), "")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_jdbc_ceiling");
                s.execute("CREATE TABLE bench_jdbc_ceiling (id BIGSERIAL PRIMARY KEY, lab VARCHAR(64) NOT NULL,"
                        + " seq BIGINT NOT NULL, type VARCHAR(64) NOT NULL, payload BYTEA NOT NULL, UNIQUE (lab, seq))");
            }
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_jdbc_ceiling (lab, seq, type, payload) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < jdbcRows; i++) {
                    ps.setString(1, "bench-lab");
                    ps.setLong(2, i);
                    ps.setString(3, "JailCreated");
                    ps.setBytes(4, payload);
                    ps.addBatch();
                    if ((i + 1) % 500 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_jdbc_ceiling");
            }
            figure("jdbc_batch_rows_per_second", jdbcRows / seconds);
        }
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    private void figure(String name, double value) {
        out.println(name + "=" + (value == Math.rint(value) && !Double.isInfinite(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value)));
        out.flush();
    }
}
