package org.vnetlab.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that talks to the API: turns request failures into a message and an exit status. */
abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    ClientOptions api = new ClientOptions();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public final Integer call() throws Exception {
        try {
            return run(api.client());
        } catch (ApiClient.ClientException e) {
            err.println(e.getMessage());
            return e.exit;
        }
    }

    abstract int run(ApiClient client) throws Exception;

    /** Prints a line's answer as sh would: its stdout, then its stderr. */
    void print(ApiClient.Result r) {
        out.print(r.stdout());
        out.flush();
        err.print(r.stderr());
        err.flush();
    }

}
