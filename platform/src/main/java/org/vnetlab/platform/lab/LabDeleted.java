package org.vnetlab.platform.lab;

/** A lab was deleted: it takes no more commands; its history stays. */
public record LabDeleted(String labId) implements LabEvent {}
