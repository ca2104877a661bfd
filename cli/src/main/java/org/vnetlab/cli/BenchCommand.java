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

    @Parameters(index = "0", paramLabel = "WHICH", description = "footprint")
    String which;

    @Option(names = "--jails", defaultValue = "100000", description = "Number of vnet jails (footprint).")
    int jails;

    @Override
    public Integer call() {
        if (!which.equals("footprint")) {
            System.err.println("vnetlab bench: unknown benchmark '" + which + "' (known: footprint)");
            return 64;
        }
        return footprint();
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
