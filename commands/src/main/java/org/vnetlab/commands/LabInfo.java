package org.vnetlab.commands;

import java.time.Instant;

/** A row of the lab catalog. */
public record LabInfo(String id, String tenant, String name, long seed, Instant createdAt, boolean deleted) {}
