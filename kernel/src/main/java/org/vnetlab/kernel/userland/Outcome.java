package org.vnetlab.kernel.userland;

import java.util.List;
import org.vnetlab.kernel.api.Event;

/** What one command line did: what it printed, its exit status and the events it caused. */
public record Outcome(String line, String stdout, String stderr, int exit, List<Event> events) {}
