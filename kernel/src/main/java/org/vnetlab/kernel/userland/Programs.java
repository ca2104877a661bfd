package org.vnetlab.kernel.userland;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vnetlab.kernel.dataplane.PingTool;
import org.vnetlab.kernel.dataplane.SleepTool;
import org.vnetlab.kernel.dataplane.TcpdumpTool;
import org.vnetlab.kernel.dataplane.TracerouteTool;
import org.vnetlab.kernel.jail.JailTool;
import org.vnetlab.kernel.jail.JexecTool;
import org.vnetlab.kernel.jail.JlsTool;
import org.vnetlab.kernel.net.IfconfigTool;
import org.vnetlab.kernel.route.ArpTool;
import org.vnetlab.kernel.route.NdpTool;
import org.vnetlab.kernel.route.NetstatTool;
import org.vnetlab.kernel.route.RouteTool;
import org.vnetlab.kernel.sysctl.SysctlTool;

/** The programs installed on the simulated host, by name (what execvp(3) can find). */
public final class Programs {
    /** EX_CONFIG: what data-plane tools answer until the data plane exists. */
    public static final int EX_NOT_IMPLEMENTED = 78;

    private static final Map<String, Tool> PROGRAMS = new TreeMap<>();

    static {
        PROGRAMS.put("jail", new JailTool());
        PROGRAMS.put("jls", new JlsTool());
        PROGRAMS.put("jexec", new JexecTool());
        PROGRAMS.put("ifconfig", new IfconfigTool());
        PROGRAMS.put("sysctl", new SysctlTool());
        PROGRAMS.put("route", new RouteTool());
        PROGRAMS.put("netstat", new NetstatTool());
        PROGRAMS.put("arp", new ArpTool());
        PROGRAMS.put("ndp", new NdpTool());
        PROGRAMS.put("true", (p, argv) -> 0);
        PROGRAMS.put("false", (p, argv) -> 1);
        PROGRAMS.put("echo", Programs::echo);
        PROGRAMS.put("ping", new PingTool());
        PROGRAMS.put("ping6", new PingTool());
        PROGRAMS.put("traceroute", new TracerouteTool());
        PROGRAMS.put("tcpdump", new TcpdumpTool());
        PROGRAMS.put("sleep", new SleepTool());
        PROGRAMS.put("traceroute6", new TracerouteTool());
    }

    private Programs() {}

    /** The program for {@code path} ("ifconfig" or "/sbin/ifconfig"), or null. */
    public static Tool find(String path) {
        int slash = path.lastIndexOf('/');
        String name = slash >= 0 ? path.substring(slash + 1) : path;
        if (slash >= 0 && !isSystemDir(path.substring(0, slash))) return null;
        return PROGRAMS.get(name);
    }

    private static boolean isSystemDir(String dir) {
        return switch (dir) {
            case "/sbin", "/bin", "/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin" -> true;
            default -> false;
        };
    }

    /** Runs {@code argv} in {@code proc}; null if no such program exists. */
    public static Integer exec(Proc proc, List<String> argv) {
        Tool tool = find(argv.get(0));
        return tool == null ? null : tool.main(proc, argv);
    }

    private static int echo(Proc p, List<String> argv) {
        int i = 1;
        boolean newline = true;
        if (argv.size() > 1 && argv.get(1).equals("-n")) {
            newline = false;
            i = 2;
        }
        p.out.append(String.join(" ", argv.subList(i, argv.size())));
        if (newline) p.out.append('\n');
        return 0;
    }
}
