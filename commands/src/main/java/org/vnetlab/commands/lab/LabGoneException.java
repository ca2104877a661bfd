package org.vnetlab.commands.lab;

/** The lab was deleted; commands to it are refused. */
public final class LabGoneException extends RuntimeException {
    public LabGoneException(String labId) {
        super("lab " + labId + " was deleted");
    }
}
