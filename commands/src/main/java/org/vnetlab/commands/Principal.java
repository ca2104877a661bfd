package org.vnetlab.commands;

/** Who is calling: the tenant the token belongs to and the actor name recorded with its events. */
public record Principal(String tenant, String actor) {}
