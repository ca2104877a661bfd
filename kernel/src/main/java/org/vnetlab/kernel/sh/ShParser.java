package org.vnetlab.kernel.sh;

import java.util.ArrayList;
import java.util.List;

/**
 * The small part of sh(1) that lab scripts need: words, {@code '...'}, {@code "..."} (where
 * a backslash escapes {@code $ ` " \} and newline), backslash escapes outside quotes
 * ({@code sysctl net.inet.ip.forwarding\=1}), {@code #} comments at the start of a word,
 * blank lines, {@code ;}, {@code &&}, {@code ||}, {@code &} (the job runs at once: the simulated
 * host has no concurrency) and backslash-newline continuation. Pipes, redirections and
 * expansions are refused with a syntax error rather than being half-understood.
 */
public final class ShParser {
    private final String text;
    private int pos;

    private ShParser(String text) {
        this.text = text;
    }

    public static List<ShCommand> parse(String script) throws ShSyntaxError {
        return new ShParser(script).commands();
    }

    private List<ShCommand> commands() throws ShSyntaxError {
        List<ShCommand> result = new ArrayList<>();
        List<String> words = new ArrayList<>();
        ShCommand.Connector connector = ShCommand.Connector.SEQUENCE;
        boolean background = false;
        int start = -1;
        int end = -1;
        while (true) {
            skipBlanks();
            if (pos >= text.length()) break;
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
                continue;
            }
            if (c == '\n' || c == ';' || c == '&' || c == '|') {
                int opStart = pos;
                ShCommand.Connector next;
                if (c == '\n' || c == ';') {
                    pos++;
                    next = ShCommand.Connector.SEQUENCE;
                    if (c == ';' && words.isEmpty()) throw error("Syntax error: \";\" unexpected", opStart);
                } else if (text.startsWith("&&", pos)) {
                    pos += 2;
                    next = ShCommand.Connector.AND;
                    if (words.isEmpty()) throw error("Syntax error: \"&&\" unexpected", opStart);
                } else if (text.startsWith("||", pos)) {
                    pos += 2;
                    next = ShCommand.Connector.OR;
                    if (words.isEmpty()) throw error("Syntax error: \"||\" unexpected", opStart);
                } else if (c == '&') {
                    // "cmd &": a simulated host has no concurrency, so the job runs to completion
                    // at once; the shell itself goes on with status 0, as sh does for a job.
                    pos++;
                    next = ShCommand.Connector.SEQUENCE;
                    if (words.isEmpty()) throw error("Syntax error: \"&\" unexpected", opStart);
                    background = true;
                } else {
                    throw error("pipelines are not supported", opStart);
                }
                if (!words.isEmpty()) {
                    result.add(new ShCommand(text.substring(start, end), List.copyOf(words), connector, background));
                    background = false;
                    words.clear();
                    start = -1;
                }
                connector = next;
                if (next != ShCommand.Connector.SEQUENCE) skipNewlines();
                continue;
            }
            if (c == '<' || c == '>') throw error("redirections are not supported", pos);
            if (c == '(' || c == ')') throw error("Syntax error: \"" + c + "\" unexpected", pos);
            if (start < 0) start = pos;
            words.add(word());
            end = pos;
        }
        if (!words.isEmpty()) {
            result.add(new ShCommand(text.substring(start, end), List.copyOf(words), connector));
        } else if (connector != ShCommand.Connector.SEQUENCE) {
            throw error("Syntax error: end of file unexpected", text.length());
        }
        return result;
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2; // line continuation between words
            } else {
                return;
            }
        }
    }

    private void skipNewlines() {
        while (true) {
            skipBlanks();
            if (pos < text.length() && text.charAt(pos) == '\n') pos++;
            else return;
        }
    }

    private String word() throws ShSyntaxError {
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            switch (c) {
                case ' ', '\t', '\r', '\n', ';', '&', '|', '<', '>', '(', ')' -> {
                    return sb.toString();
                }
                case '\\' -> {
                    if (pos + 1 >= text.length()) {
                        pos++;
                        sb.append('\\');
                    } else {
                        char n = text.charAt(pos + 1);
                        pos += 2;
                        if (n != '\n') sb.append(n); // backslash-newline is a continuation
                    }
                }
                case '\'' -> {
                    int close = text.indexOf('\'', pos + 1);
                    if (close < 0) throw error("Syntax error: Unterminated quoted string", pos);
                    sb.append(text, pos + 1, close);
                    pos = close + 1;
                }
                case '"' -> doubleQuoted(sb);
                case '`' -> throw error("command substitution is not supported", pos);
                default -> {
                    sb.append(c);
                    pos++;
                }
            }
        }
        return sb.toString();
    }

    private void doubleQuoted(StringBuilder sb) throws ShSyntaxError {
        int open = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                char n = text.charAt(pos + 1);
                if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    sb.append(n);
                    pos += 2;
                    continue;
                }
                if (n == '\n') {
                    pos += 2;
                    continue;
                }
            }
            if (c == '`') throw error("command substitution is not supported", pos);
            sb.append(c);
            pos++;
        }
        throw error("Syntax error: Unterminated quoted string", open);
    }

    private ShSyntaxError error(String message, int at) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at < text.length() && text.charAt(at) == '\n') lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = text.indexOf('\n', at);
        if (lineEnd < 0) lineEnd = text.length();
        return new ShSyntaxError(message, text.substring(Math.min(lineStart, lineEnd), lineEnd).strip());
    }
}
