package org.vnetlab.kernel.sh;

/** A script sh(1) refuses to parse; the message is sh's own ("Syntax error: ..."). */
public final class ShSyntaxError extends Exception {
    private final String source;

    public ShSyntaxError(String message, String source) {
        super(message);
        this.source = source;
    }

    /** The text of the line that could not be parsed. */
    public String source() {
        return source;
    }
}
