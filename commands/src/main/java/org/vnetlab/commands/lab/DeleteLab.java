package org.vnetlab.commands.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a lab: it accepts no more commands; its events stay. */
public record DeleteLab(@TargetAggregateIdentifier String labId, String actor, long time) {}
