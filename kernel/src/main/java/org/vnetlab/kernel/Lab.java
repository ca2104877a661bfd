package org.vnetlab.kernel;

import java.util.ArrayList;
import java.util.List;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.sh.Shell;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.userland.Outcome;

/**
 * A simulated host with its event log, in memory: what {@code vnetlab sim} runs and what tests
 * drive. The event-sourced services do the same through Axon, with their own sink.
 */
public final class Lab {
    public static final String DEFAULT_HOSTNAME = "vnetlab.example.net";

    private final Host host;
    private final List<Event> log = new ArrayList<>();

    public Lab(long seed) {
        this(seed, DEFAULT_HOSTNAME);
    }

    public Lab(long seed, String hostname) {
        this.host = Kernel.boot(seed, hostname);
    }

    private Lab(Host host) {
        this.host = host;
    }

    /** A lab that goes on from {@code host} (a restored {@link HostSnapshot}); its log starts empty. */
    public static Lab resume(Host host) {
        return new Lab(host);
    }

    public Host host() {
        return host;
    }

    /** Every event applied so far, in order. */
    public List<Event> events() {
        return List.copyOf(log);
    }

    public List<Outcome> run(String script) {
        return Shell.run(host, script, this::apply);
    }

    /** Runs a single command line; a line that holds several commands gives the last outcome. */
    public Outcome exec(String line) {
        List<Outcome> outcomes = run(line);
        return outcomes.isEmpty() ? new Outcome(line, "", "", 0, List.of()) : outcomes.get(outcomes.size() - 1);
    }

    private void apply(Event e) {
        Kernel.evolve(host, e);
        log.add(e);
    }

    /** A new lab with the same seed and hostname, rebuilt from {@code events} alone. */
    public static Lab replay(long seed, String hostname, List<Event> events) {
        Lab lab = new Lab(seed, hostname);
        for (Event e : events) lab.apply(e);
        return lab;
    }
}
