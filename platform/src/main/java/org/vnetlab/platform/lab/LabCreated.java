package org.vnetlab.platform.lab;

/** A lab came to be: its host boots from {@code seed} with {@code hostname}. Always sequence 0. */
public record LabCreated(String labId, String tenant, String name, long seed, String hostname) implements LabEvent {}
