package org.vnetlab.kernel.dataplane;

import java.util.List;
import org.vnetlab.kernel.api.DataplaneCommand;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/** sleep(1): simulated time passes (neighbour and bridge entries age), nothing waits. */
public final class SleepTool implements Tool {
    @Override
    public int main(Proc p, List<String> argv) {
        if (argv.size() != 2) {
            p.errln("usage: sleep number[unit] [...]");
            return 1;
        }
        String a = argv.get(1);
        double mult = 1;
        char last = a.isEmpty() ? 0 : a.charAt(a.length() - 1);
        switch (last) {
            case 's' -> a = a.substring(0, a.length() - 1);
            case 'm' -> { mult = 60; a = a.substring(0, a.length() - 1); }
            case 'h' -> { mult = 3600; a = a.substring(0, a.length() - 1); }
            case 'd' -> { mult = 86400; a = a.substring(0, a.length() - 1); }
            default -> { }
        }
        Double v = PingTool.decimal(a);
        if (v == null) {
            p.errln("sleep: invalid time interval: " + argv.get(1));
            return 1;
        }
        p.syscall(new DataplaneCommand.Sleep(p.jid(), Math.round(v * mult * 1e9)));
        return 0;
    }
}
