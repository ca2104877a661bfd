package org.vnetlab.commands.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Run a script (one line or thousands) on the lab's host as one command: one transaction, every
 * event it causes appended together. {@code time} (epoch millis) is the simulated time of its events.
 * {@code tenant}: the caller's; the lab refuses the command ({@link LabGoneException}) if it is
 * another tenant's. Null: not checked.
 */
public record ExecScript(@TargetAggregateIdentifier String labId, String script, String actor, long time, String tenant) {
    public ExecScript(String labId, String script, String actor, long time) {
        this(labId, script, actor, time, null);
    }
}
