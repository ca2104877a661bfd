package org.vnetlab.kernel.dataplane;

import java.util.List;
import org.vnetlab.kernel.api.DataplaneCommand;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/**
 * tcpdump -i IF -w FILE: starts a capture that records every frame crossing IF from then on, as
 * if tcpdump ran in the background for the rest of the lab. The kernel does no I/O: the pcap
 * bytes stay on the host ({@link Captures#files}); `vnetlab sim` writes them out at the end.
 */
public final class TcpdumpTool implements Tool {
    private static final String PROG = "tcpdump";

    @Override
    public int main(Proc p, List<String> argv) {
        String iface = null, file = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-i") || a.startsWith("-w")) {
                String v = a.length() > 2 ? a.substring(2) : (i + 1 < argv.size() ? argv.get(++i) : null);
                if (v == null) return p.errx(1, PROG, "option requires an argument -- " + a.charAt(1));
                if (a.charAt(1) == 'i') iface = v;
                else file = v;
            } else if (a.startsWith("-s") || a.startsWith("-c")) {
                if (a.length() == 2) i++;
            } else if (!a.startsWith("-")) {
                break; // a filter expression: everything is captured anyway
            }
        }
        if (file == null) return p.errx(1, PROG, "only capture to a file (-w FILE) is simulated");
        if (iface == null) iface = "lo0";
        Decision d = p.syscall(new DataplaneCommand.StartCapture(p.jid(), iface, file));
        if (d instanceof Decision.Rejected) {
            p.errln(PROG + ": " + iface + ": No such device exists");
            p.errln("(BIOCSETIF failed: Device not configured)");
            return 1;
        }
        p.err.append(p.host.resultErr);
        return 0;
    }
}
