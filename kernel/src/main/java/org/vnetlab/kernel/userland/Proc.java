package org.vnetlab.kernel.userland;

import org.vnetlab.kernel.Kernel;
import org.vnetlab.kernel.api.Command;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Prison;

/**
 * A process running a tool: the jail it runs in (which names its vnet and its privileges), its
 * stdout and stderr, and the way its system calls reach the kernel.
 */
public final class Proc {
    public final Host host;
    public final Prison prison;
    public final StringBuilder out;
    public final StringBuilder err;
    private final EventSink sink;

    public Proc(Host host, Prison prison, EventSink sink, StringBuilder out, StringBuilder err) {
        this.host = host;
        this.prison = prison;
        this.sink = sink;
        this.out = out;
        this.err = err;
    }

    /** The same process after jail_attach(2) into {@code p} (jexec). */
    public Proc attach(Prison p) {
        return new Proc(host, p, sink, out, err);
    }

    /** Calls the kernel; accepted events are applied through the sink before this returns. */
    public Decision syscall(Command command) {
        Decision d = Kernel.decide(host, command);
        if (d instanceof Decision.Accepted a) {
            for (Event e : a.events()) sink.emit(e);
        }
        return d;
    }

    /** The caller's jid, which every command carries. */
    public int jid() {
        return prison.jid;
    }

    public Proc println(String line) {
        out.append(line).append('\n');
        return this;
    }

    public Proc errln(String line) {
        err.append(line).append('\n');
        return this;
    }

    /** errx(3): "prog: message" on stderr, returns {@code status} for the caller to return. */
    public int errx(int status, String prog, String message) {
        errln(prog + ": " + message);
        return status;
    }

    public void warnx(String prog, String message) {
        errln(prog + ": " + message);
    }
}
