package org.vnetlab.commands;

/** No such lab for this tenant (or it was deleted). */
public final class LabNotFoundException extends RuntimeException {
    public LabNotFoundException(String labId) {
        super("no lab " + labId);
    }
}
