package org.vnetlab.commands;

import org.vnetlab.kernel.userland.Outcome;

/** The answer to one line: what FreeBSD would print, its exit status, and the lab's position after it. */
public record LineResult(String line, String stdout, String stderr, int exit, long position) {
    public static LineResult of(Outcome o, long position) {
        return new LineResult(o.line(), o.stdout(), o.stderr(), o.exit(), position);
    }
}
