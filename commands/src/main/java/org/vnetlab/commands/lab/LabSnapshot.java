package org.vnetlab.commands.lab;

/**
 * A lab aggregate as stored in {@code snapshotevententry} (payload type {@code LabSnapshot}, the
 * revision is {@link org.vnetlab.kernel.HostSnapshot#FORMAT}): its own fields and the host as
 * {@link org.vnetlab.kernel.HostSnapshot} bytes. {@code position} is the sequence of the last event
 * it includes, the snapshot's own sequence number.
 */
public record LabSnapshot(String labId, String tenant, boolean deleted, long position, byte[] host) {
    public static final String TYPE = "LabSnapshot";
}
