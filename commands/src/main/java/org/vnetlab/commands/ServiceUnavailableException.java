package org.vnetlab.commands;

/** The write side did not answer in time ({@code timedOut}: 504) or refused more work (503). */
public final class ServiceUnavailableException extends RuntimeException {
    private final boolean timedOut;

    public ServiceUnavailableException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
