package org.vnetlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.kernel.userland.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vnetlab sim FILE}: runs a script against a fresh in-memory host and prints what a shell
 * on that host would print. The exit status is the last command's, as sh's is.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run a script against a fresh simulated host, offline.")
public final class SimCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The script, or - for standard input.")
    String file;

    @Option(names = "--json", description = "One JSON object per command: line, stdout, stderr, exit.")
    boolean json;

    @Option(names = "--seed", defaultValue = "0", description = "The lab's seed (MAC addresses and other derived values).")
    long seed;

    @Option(names = "--hostname", defaultValue = Lab.DEFAULT_HOSTNAME, description = "The host's hostname.")
    String hostname;

    @Option(names = "--events", description = "Also print the events each command caused (with --json).")
    boolean events;

    @Option(names = "--capture-dir", defaultValue = ".",
            description = "Where the captures started with tcpdump -w FILE are written at the end (relative names).")
    Path captureDir;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        String script;
        try {
            script = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("vnetlab: " + file + ": No such file or directory");
            return 66; // EX_NOINPUT
        }
        Lab lab = new Lab(seed, hostname);
        List<Outcome> outcomes = lab.run(script);
        int status = 0;
        for (Outcome o : outcomes) {
            if (json) {
                ObjectNode node = EventCodec.mapper().createObjectNode();
                node.put("line", o.line());
                node.put("stdout", o.stdout());
                node.put("stderr", o.stderr());
                node.put("exit", o.exit());
                if (events) {
                    var array = node.putArray("events");
                    o.events().forEach(e -> array.add(EventCodec.toTree(e)));
                }
                out.println(EventCodec.mapper().writeValueAsString(node));
            } else {
                out.print(o.stdout());
                out.flush();
                err.print(o.stderr());
                err.flush();
            }
            status = o.exit();
        }
        for (var c : org.vnetlab.kernel.dataplane.Captures.files(lab.host()).entrySet()) {
            Path target = captureDir.resolve(c.getKey());
            if (target.getParent() != null) Files.createDirectories(target.getParent());
            Files.write(target, c.getValue());
        }
        return status;
    }
}
