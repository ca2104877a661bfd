package org.vnetlab.kernel.sh;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.userland.EventSink;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Programs;

/**
 * Runs scripts the way sh(1) on the host would: command by command, each with its own stdout,
 * stderr and exit status. Every event a command causes goes through {@code sink} (which applies
 * it) and is also returned with the command's {@link Outcome}.
 */
public final class Shell {
    /** sh's status for a command it cannot find. */
    public static final int EX_NOTFOUND = 127;
    /** sh's status for a syntax error. */
    public static final int EX_SYNTAX = 2;
    /** sysexits(3) EX_SOFTWARE: what a tool that hit an internal error exits with. */
    public static final int EX_SOFTWARE = 70;

    private Shell() {}

    /** Runs a whole script on the host; stops at a syntax error as sh does. */
    public static List<Outcome> run(Host host, String script, EventSink sink) {
        return run(host, script, line -> sink);
    }

    /**
     * Runs a whole script, with a sink per command line: the event-sourced aggregate uses it to
     * attach each command's line to the events that command causes.
     */
    public static List<Outcome> run(Host host, String script, java.util.function.Function<String, EventSink> sinkForLine) {
        List<ShCommand> commands;
        try {
            commands = ShParser.parse(script);
        } catch (ShSyntaxError e) {
            return List.of(new Outcome(e.source(), "", "sh: " + e.getMessage() + "\n", EX_SYNTAX, List.of()));
        }
        List<Outcome> outcomes = new ArrayList<>(commands.size());
        int last = 0;
        for (ShCommand c : commands) {
            boolean skip = (c.connector() == ShCommand.Connector.AND && last != 0)
                    || (c.connector() == ShCommand.Connector.OR && last == 0);
            if (skip) continue;
            Outcome o = exec(host, host.prison0, c.source(), c.words(), sinkForLine.apply(c.source()));
            outcomes.add(o);
            last = c.background() ? 0 : o.exit();
        }
        return outcomes;
    }

    /** Runs one already split command in {@code prison}. */
    public static Outcome exec(Host host, Prison prison, String line, List<String> argv, EventSink sink) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<Event> events = new ArrayList<>();
        EventSink recording = e -> {
            sink.emit(e);
            events.add(e);
        };
        Proc proc = new Proc(host, prison, recording, out, err);
        int status;
        Integer exit;
        try {
            exit = Programs.exec(proc, argv);
        } catch (RuntimeException e) {
            // A bug of ours must not take the lab (or a service) down: report it like a crashed
            // program would, with EX_SOFTWARE. The events already applied stay consistent.
            err.append(argv.get(0)).append(": internal error: ").append(e).append('\n');
            exit = EX_SOFTWARE;
        }
        if (exit == null) {
            err.append("sh: ").append(argv.get(0)).append(": not found\n");
            status = EX_NOTFOUND;
        } else {
            status = exit;
        }
        return new Outcome(line, out.toString(), err.toString(), status, List.copyOf(events));
    }
}
