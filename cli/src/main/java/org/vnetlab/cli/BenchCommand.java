package org.vnetlab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.Callable;
import org.vnetlab.kernel.Kernel;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.sh.Shell;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.userland.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vnetlab bench footprint}: benchmarks that print their figures as name=value lines. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHICH", description = "footprint | dataplane | api")
    String which;

    @Option(names = "--jails", defaultValue = "100000", description = "Number of vnet jails (footprint).")
    int jails;

    @Option(names = "--context", paramLabel = "FILE", description = "api: the context file of the running `vnetlab dev` (default: VNETLAB_CONTEXT, else VNETLAB_HOME/context.json).")
    java.nio.file.Path context;

    @Option(names = "--ping-seconds", defaultValue = "10", description = "api: how long to ping at 100 requests/s. Default: ${DEFAULT-VALUE}.")
    int pingSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "30", description = "api: warm the server up with the same kinds of requests for this long first (not measured). Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = "--ping-labs", defaultValue = "1", description = "api: labs the pings go to, round robin. Default: ${DEFAULT-VALUE}.")
    int pingLabs;

    @Option(names = "--routed-jails", defaultValue = "1000", description = "api: jails in the routed lab script. Default: ${DEFAULT-VALUE}.")
    int routedJails;

    @Override
    public Integer call() throws Exception {
        if (which.equals("dataplane")) return dataplane();
        if (which.equals("api")) return api();
        if (!which.equals("footprint")) {
            System.err.println("vnetlab bench: unknown benchmark '" + which + "' (known: footprint, dataplane, api)");
            return 64;
        }
        return footprint();
    }

    /** Against a running `vnetlab dev`, through its API (see {@link ApiBench}). */
    private int api() throws Exception {
        java.nio.file.Path file = context != null ? context : DevContext.defaultFile();
        var ctx = DevContext.read(file);
        if (ctx.isEmpty() || ctx.get().url() == null) {
            System.err.println("vnetlab bench: no context in " + file + "; start `vnetlab dev` first");
            return 69;
        }
        ApiBench bench = new ApiBench(ctx.get(), System.out, System.err);
        bench.pingSeconds = pingSeconds;
        bench.jails = routedJails;
        bench.pingLabs = Math.max(1, pingLabs);
        bench.warmupSeconds = Math.max(0, warmupSeconds);
        try {
            return bench.run();
        } catch (ApiClient.ClientException e) {
            System.err.println(e.getMessage());
            return e.exit;
        }
    }

    /**
     * Creates {@code jails} vnet jails through the same path a script takes (argv parsing,
     * decide, evolve), each with its lo0 and default sysctls, then measures the heap the host
     * retains after GC. Events are applied, not kept: the event log is the store's business.
     */
    private int footprint() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Host host = Kernel.boot(1, Lab.DEFAULT_HOSTNAME);
        warmUp();
        long before = retained(memory);
        long start = System.nanoTime();
        for (int i = 0; i < jails; i++) {
            Outcome o = Shell.exec(host, host.prison0, "jail -c vnet persist",
                    List.of("jail", "-c", "vnet", "persist"), e -> Kernel.evolve(host, e));
            if (o.exit() != 0) {
                System.err.println("jail " + i + " failed: " + o.stderr());
                return 1;
            }
        }
        long elapsed = System.nanoTime() - start;
        long after = retained(memory);
        if (host.jailCount() != jails) throw new IllegalStateException("expected " + jails + " jails");
        System.out.println("jails=" + jails);
        System.out.println("bytes_per_vnet_jail=" + (after - before) / jails);
        System.out.println("jails_per_second=" + Math.round(jails / (elapsed / 1e9)));
        return 0;
    }

    @Option(names = "--routers", defaultValue = "1000", description = "Forwarding vnets in the chain (dataplane).")
    int routers;

    /**
     * A chain h0 - r1 - ... - rN - h1 of vnet jails joined by epairs, every router forwarding with
     * static routes both ways. Figures: the wall time of one `ping -c 1` end to end (ARP caches
     * warm, as after the first ping), and packet hops per second over a long `ping -f` run
     * (every frame delivered over an epair is one hop).
     */
    private int dataplane() {
        Host host = Kernel.boot(1, Lab.DEFAULT_HOSTNAME);
        int n = routers;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= n + 1; i++) sb.append("jail -c name=n").append(i).append(" vnet persist\n");
        for (int i = 0; i <= n; i++) {
            // link i joins node i (a side, 10.x.y.1/30) and node i+1 (b side, .2)
            int hi = (i >> 6) & 0xff, lo = (i & 63) * 4;
            String a = "10." + hi + "." + lo + ".1", b = "10." + hi + "." + lo + ".2";
            sb.append("ifconfig epair").append(i).append(" create\n");
            sb.append("ifconfig epair").append(i).append("a vnet n").append(i).append('\n');
            sb.append("ifconfig epair").append(i).append("b vnet n").append(i + 1).append('\n');
            sb.append("jexec n").append(i).append(" ifconfig epair").append(i).append("a ").append(a).append("/30 up\n");
            sb.append("jexec n").append(i + 1).append(" ifconfig epair").append(i).append("b ").append(b).append("/30 up\n");
            // forward: everything in 10/8 goes on down the chain; back: 10.0.0.0/30 (n0's link) is more specific
            if (i >= 1) sb.append("jexec n").append(i).append(" route add -net 10.0.0.0/8 ").append(b).append('\n');
            if (i >= 1) sb.append("jexec n").append(i + 1).append(" route add -net 10.0.0.0/30 ").append(a).append('\n');
        }
        for (int i = 1; i <= n; i++) sb.append("jexec n").append(i).append(" sysctl net.inet.ip.forwarding=1\n");
        sb.append("jexec n0 route add default 10.0.0.2\n");
        for (Outcome o : Shell.run(host, sb.toString(), (org.vnetlab.kernel.userland.EventSink) e -> Kernel.evolve(host, e))) {
            if (o.exit() != 0) {
                System.err.println(o.line() + ": " + o.stderr());
                return 1;
            }
        }
        // IP's TTL is 8 bits: a reply can cross at most 254 routers, so the ping goes as far as it can
        int far = Math.min(n, 254);
        String dst = "10." + (far >> 6 & 0xff) + "." + (far & 63) * 4 + ".2";
        run(host, "jexec n" + (far + 1) + " sysctl net.inet.ip.ttl=255"); // its replies must come back as far
        String one = "jexec n0 ping -m 255 -c 1 " + dst;
        Outcome first = run(host, one);
        if (first.exit() != 0) {
            System.err.println(first.stdout() + first.stderr());
            return 1;
        }
        for (int i = 0; i < 20; i++) run(host, one);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            run(host, one);
            best = Math.min(best, System.nanoTime() - t);
        }
        String flood = "jexec n0 ping -m 255 -f -q -c 2000 " + dst;
        run(host, flood);
        long hops = 0, elapsed = 0;
        for (int i = 0; i < 3; i++) {
            long before = hopCount(host);
            long t = System.nanoTime();
            Outcome o = run(host, flood);
            elapsed += System.nanoTime() - t;
            hops += hopCount(host) - before;
            if (o.exit() != 0) System.err.println(o.stdout());
        }
        System.out.println("routers=" + n);
        System.out.println("routers_crossed=" + far);
        System.out.println("first_ping_reply=" + first.stdout().lines().skip(1).findFirst().orElse(""));
        System.out.println("packet_hops_per_second=" + Math.round(hops / (elapsed / 1e9)));
        System.out.println("chain_ping_ms=" + String.format(java.util.Locale.ROOT, "%.3f", best / 1e6));
        return 0;
    }

    private static long hopCount(Host host) {
        return org.vnetlab.kernel.dataplane.Captures.framesDelivered(host);
    }

    private static Outcome run(Host host, String line) {
        return Shell.run(host, line, (org.vnetlab.kernel.userland.EventSink) e -> Kernel.evolve(host, e)).get(0);
    }

    private static void warmUp() {
        Host h = Kernel.boot(2, Lab.DEFAULT_HOSTNAME);
        for (int i = 0; i < 20_000; i++) {
            Shell.exec(h, h.prison0, "jail -c vnet persist", List.of("jail", "-c", "vnet", "persist"),
                    e -> Kernel.evolve(h, e));
        }
    }

    private static long retained(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
