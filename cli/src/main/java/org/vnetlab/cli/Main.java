package org.vnetlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vnetlab} command. */
@Command(name = "vnetlab", mixinStandardHelpOptions = true, version = "vnetlab 0.1.0",
        description = "Labs of simulated FreeBSD jails with vnet network stacks.",
        subcommands = {SimCommand.class, DevCommand.class, LabCommand.class, ExecCommand.class, RunCommand.class,
                ShellCommand.class, ServeCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command tree; {@code exec LAB LINE...} takes everything after LAB as the line, options included. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.getSubcommands().get("exec").setStopAtPositional(true);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
