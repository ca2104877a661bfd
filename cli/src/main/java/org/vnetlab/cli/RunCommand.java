package org.vnetlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vnetlab run LAB FILE}: runs a script in a lab through the API, as one request (one
 * command on the write side), and prints what {@code sim} prints for it: the same text, or with
 * {@code --json} the same one object per command. Exits with the last command's status.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a script in a lab.")
public final class RunCommand extends ClientCommand {
    static final int LONG_SCRIPT_LINES = 200;

    @Parameters(index = "0", paramLabel = "LAB", description = "The lab's id or name.")
    String lab;

    @Parameters(index = "1", paramLabel = "FILE", description = "The script, or - for standard input.")
    String file;

    @Option(names = "--json", description = "One JSON object per command: line, stdout, stderr, exit (as `sim --json`).")
    boolean json;

    @Override
    int run(ApiClient client) throws IOException {
        String script;
        try {
            script = readScript(file);
        } catch (NoSuchFileException e) {
            err.println("vnetlab: " + file + ": No such file or directory");
            return 66;
        }
        return runScript(client, client.resolveLab(lab), script);
    }

    static String readScript(String file) throws IOException {
        return file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
    }

    int runScript(ApiClient client, String labId, String script) throws IOException {
        long lines = script.lines().count();
        boolean progress = lines >= LONG_SCRIPT_LINES && System.console() != null;
        long started = System.nanoTime();
        if (progress) err.print("vnetlab: running " + lines + " lines...");
        List<ApiClient.Result> results = client.script(labId, script);
        if (progress) err.printf("\rvnetlab: ran %d commands in %.1f s%n", results.size(), (System.nanoTime() - started) / 1e9);
        int status = 0;
        for (ApiClient.Result r : results) {
            if (json) {
                ObjectNode node = ApiClient.JSON.createObjectNode()
                        .put("line", r.line()).put("stdout", r.stdout()).put("stderr", r.stderr()).put("exit", r.exit());
                out.println(ApiClient.JSON.writeValueAsString(node));
            } else {
                print(r);
            }
            status = r.exit();
        }
        return status;
    }
}
