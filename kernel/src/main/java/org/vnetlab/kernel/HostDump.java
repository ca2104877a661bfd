package org.vnetlab.kernel;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.sh.Shell;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.userland.Outcome;

/**
 * Everything a user can observe of a host, as one canonical text: the read-only tools run on the
 * host and in every jail. Two hosts with the same dump are the same to every user; replay checks
 * and the "a rejected command changes nothing" property compare dumps.
 */
public final class HostDump {
    private static final List<List<String>> READS = List.of(
            List.of("jls", "-n"),
            List.of("ifconfig", "-a"),
            List.of("ifconfig", "-l"),
            List.of("sysctl", "-a"),
            List.of("netstat", "-rn"),
            List.of("arp", "-an"),
            List.of("ndp", "-an"));

    private HostDump() {}

    public static String of(Host host) {
        StringBuilder sb = new StringBuilder();
        sb.append("lastjid ").append(host.lastJid).append('\n');
        List<Prison> prisons = new ArrayList<>();
        prisons.add(host.prison0);
        prisons.addAll(host.jails());
        for (Prison p : prisons) {
            for (List<String> argv : READS) {
                Outcome o = Shell.exec(host, p, String.join(" ", argv), argv, HostDump::readOnly);
                sb.append("== ").append(p.name).append(": ").append(o.line()).append(" -> ").append(o.exit()).append('\n')
                        .append(o.stdout()).append(o.stderr());
            }
        }
        return sb.toString();
    }

    private static void readOnly(Event e) {
        throw new IllegalStateException("a read-only tool emitted " + e);
    }
}
