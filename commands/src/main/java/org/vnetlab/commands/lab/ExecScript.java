package org.vnetlab.commands.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Run a script (one line or thousands) on the lab's host as one command: one transaction, every
 * event it causes appended together. {@code time} (epoch millis) is the simulated time of its events.
 */
public record ExecScript(@TargetAggregateIdentifier String labId, String script, String actor, long time) {}
