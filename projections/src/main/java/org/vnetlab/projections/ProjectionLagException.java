package org.vnetlab.projections;

/** The projections did not reach the wanted position in time, or the database is away. */
public final class ProjectionLagException extends RuntimeException {
    private final boolean timedOut;

    public ProjectionLagException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** True for "waited and it did not come" (504), false for "cannot ask" (503). */
    public boolean timedOut() {
        return timedOut;
    }
}
