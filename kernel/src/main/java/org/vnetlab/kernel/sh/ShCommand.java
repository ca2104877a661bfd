package org.vnetlab.kernel.sh;

import java.util.List;

/**
 * One simple command of a script: its words after quote removal, the source text it came from
 * (what a user would call "the line"), and how it is joined to the command before it.
 */
public record ShCommand(String source, List<String> words, Connector connector) {

    /** How a command is joined to the previous one: {@code ;}/newline, {@code &&} or {@code ||}. */
    public enum Connector { SEQUENCE, AND, OR }
}
