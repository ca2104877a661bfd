package org.vnetlab.projections;

import java.util.List;
import java.util.Set;
import org.vnetlab.kernel.sh.ShCommand;
import org.vnetlab.kernel.sh.ShParser;
import org.vnetlab.kernel.userland.EventSink;

/**
 * Which command lines only read: those the read side may answer from a projected host. A line
 * classified wrongly as a read is harmless: the read side runs it with {@link #SINK}, notices the
 * event it tries to emit, and hands the line to the aggregate. A line classified wrongly as a
 * write is harmless too (the aggregate answers every line). The classification only saves the
 * write path from waiting for the projections.
 *
 * <p>(A kernel-side "does this argv only read?" per tool would be the better home for this.)
 */
public final class ReadOnly {
    /** A sink for tools run on a projected host: any event means the line was not a read. */
    static final EventSink SINK = e -> {
        throw new WriteAttempted();
    };

    private static final Set<String> IFCONFIG_FAMILIES = Set.of("inet", "inet6", "link", "ether");

    private ReadOnly() {}

    static final class WriteAttempted extends RuntimeException {
        WriteAttempted() {
            super("a read-only line tried to change the host", null, false, false);
        }
    }

    /** True when every command of {@code script} only reads (and there is at least one). */
    public static boolean script(String script) {
        List<ShCommand> commands;
        try {
            commands = ShParser.parse(script);
        } catch (Exception e) {
            return false;
        }
        if (commands.isEmpty()) return false;
        for (ShCommand c : commands) if (!argv(c.words())) return false;
        return true;
    }

    static boolean argv(List<String> w) {
        if (w.isEmpty()) return false;
        List<String> args = w.subList(1, w.size());
        return switch (w.get(0)) {
            case "jexec" -> jexec(args);
            case "jls", "true", "false", "echo" -> true;
            case "sysctl" -> args.stream().noneMatch(a -> a.contains("="));
            case "netstat" -> netstat(args);
            case "ifconfig" -> ifconfig(args);
            case "route" -> route(args);
            case "arp", "ndp" -> args.stream().allMatch(a -> a.startsWith("-") && a.matches("-[an]+"));
            default -> false;
        };
    }

    private static boolean jexec(List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String o = args.get(i++);
            if (o.equals("-u") || o.equals("-U")) i++;
        }
        return i + 1 < args.size() && argv(args.subList(i + 1, args.size()));
    }

    /** Only the routing table: counters (-s, -i) belong to the data plane. */
    private static boolean netstat(List<String> args) {
        boolean routes = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-f")) {
                i++;
                continue;
            }
            if (!a.startsWith("-") || a.matches(".*[siIwbdmBLQx].*")) return false;
            if (a.contains("r")) routes = true;
        }
        return routes;
    }

    /** Options, then at most an interface name and an address family to show: a display. */
    private static boolean ifconfig(List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            if (args.get(i).equals("-g") || args.get(i).equals("-G")) i++;
            i++;
        }
        int rest = args.size() - i;
        if (rest <= 1) return true;
        return rest == 2 && IFCONFIG_FAMILIES.contains(args.get(i + 1));
    }

    private static boolean route(List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) i++;
        return i < args.size() && (args.get(i).equals("get") || args.get(i).equals("show"));
    }
}
