package org.vnetlab.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vnetlab exec LAB LINE...}: one command line on the lab; exits with its status. */
@Command(name = "exec", mixinStandardHelpOptions = true, description = "Run one command line in a lab.")
public final class ExecCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "LAB", description = "The lab's id or name.")
    String lab;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "LINE", description = "The command line (words are joined by spaces).")
    List<String> line;

    @Override
    int run(ApiClient client) {
        ApiClient.Result r = client.exec(client.resolveLab(lab), String.join(" ", line));
        print(r);
        return r.exit();
    }
}
