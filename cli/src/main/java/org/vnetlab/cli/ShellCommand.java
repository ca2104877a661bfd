package org.vnetlab.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vnetlab sh LAB}: an interactive shell on the lab. Each line goes to the API; its output
 * is printed as sh prints it. {@code exit} (or end of input) quits with the last status;
 * {@code history} lists the lines typed, {@code !N} runs line N again.
 */
@Command(name = "sh", mixinStandardHelpOptions = true, description = "An interactive FreeBSD-style shell on a lab.")
public final class ShellCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "LAB", description = "The lab's id or name.")
    String lab;

    InputStream in = System.in;

    @Override
    int run(ApiClient client) throws Exception {
        String labId = client.resolveLab(lab);
        boolean interactive = System.console() != null;
        List<String> history = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int status = 0;
        while (true) {
            if (interactive) {
                out.print(lab + "# ");
                out.flush();
            }
            String line = reader.readLine();
            if (line == null) break;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) continue;
            if (trimmed.equals("exit")) break;
            if (trimmed.equals("history")) {
                for (int i = 0; i < history.size(); i++) out.printf("%5d  %s%n", i + 1, history.get(i));
                continue;
            }
            if (trimmed.matches("!\\d+")) {
                int n = Integer.parseInt(trimmed.substring(1));
                if (n < 1 || n > history.size()) {
                    err.println("sh: " + trimmed + ": event not found");
                    continue;
                }
                trimmed = history.get(n - 1);
                out.println(trimmed);
            }
            history.add(trimmed);
            try {
                ApiClient.Result r = client.exec(labId, trimmed);
                print(r);
                status = r.exit();
            } catch (ApiClient.ClientException e) {
                err.println(e.getMessage());
                status = e.exit;
            }
        }
        return status;
    }
}
