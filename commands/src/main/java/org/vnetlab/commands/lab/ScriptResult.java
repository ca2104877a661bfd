package org.vnetlab.commands.lab;

import java.util.List;
import org.vnetlab.kernel.userland.Outcome;

/** What a script did, line by line, and the lab's position (last event sequence) after it. */
public record ScriptResult(List<Outcome> outcomes, long position) {}
