package org.vnetlab.kernel.sh;

import java.util.List;

/**
 * One simple command of a script: its words after quote removal, the source text it came from
 * (what a user would call "the line"), how it is joined to the command before it, and whether it
 * was started with {@code &}.
 */
public record ShCommand(String source, List<String> words, Connector connector, boolean background) {

    public ShCommand(String source, List<String> words, Connector connector) {
        this(source, words, connector, false);
    }

    /** How a command is joined to the previous one: {@code ;}/newline, {@code &&} or {@code ||}. */
    public enum Connector { SEQUENCE, AND, OR }
}
