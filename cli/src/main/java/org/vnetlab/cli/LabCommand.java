package org.vnetlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vnetlab lab create|list|rm}. */
@Command(name = "lab", mixinStandardHelpOptions = true, description = "Create, list and delete labs.",
        subcommands = {LabCommand.Create.class, LabCommand.ListLabs.class, LabCommand.Remove.class})
public final class LabCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a lab; prints its id.")
    static final class Create extends ClientCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--seed", description = "The lab's seed (MAC addresses); random if not given.")
        Long seed;

        @Override
        int run(ApiClient client) {
            out.println(client.createLab(name, seed).path("id").asText());
            return 0;
        }
    }

    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List the labs: id, name, seed, created.")
    static final class ListLabs extends ClientCommand {
        @Override
        int run(ApiClient client) {
            for (JsonNode lab : client.labs()) {
                out.println(lab.path("id").asText() + "\t" + lab.path("name").asText() + "\t" + lab.path("seed").asLong()
                        + "\t" + lab.path("createdAt").asText());
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a lab (its history stays).")
    static final class Remove extends ClientCommand {
        @Parameters(index = "0", paramLabel = "LAB", description = "The lab's id or name.")
        String lab;

        @Override
        int run(ApiClient client) {
            client.deleteLab(client.resolveLab(lab));
            return 0;
        }
    }
}
