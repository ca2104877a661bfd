package org.vnetlab.commands.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a lab whose host boots from {@code seed}. */
public record CreateLab(@TargetAggregateIdentifier String labId, String tenant, String name, long seed, String actor, long time) {}
