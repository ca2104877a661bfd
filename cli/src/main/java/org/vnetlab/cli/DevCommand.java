package org.vnetlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vnetlab.commands.Tenants;
import org.vnetlab.platform.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vnetlab dev}: everything in one JVM, like {@code temporal server start-dev}. An embedded
 * PostgreSQL and an in-process Kafka keep their data in the data directory, so a restart with the
 * same directory finds its labs again; a tenant "default" and its token (kept in the directory)
 * are created when missing; the URL and token go to a context file the client commands read.
 * With {@code --run FILE} it also runs a script through the API and prints what sh would print.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Start everything in one JVM (embedded PostgreSQL and Kafka, commands, projections, a stack-worker, the API).")
public final class DevCommand implements Callable<Integer> {
    static final String TENANT = "default";

    @Option(names = "--data-dir", description = "Where the data lives (default: ~/.vnetlab/dev, or $VNETLAB_HOME/dev).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "The API's port (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--run", paramLabel = "FILE", description = "Run this script in a new lab through the API once ready.")
    Path run;

    @Option(names = "--seed", defaultValue = "0", description = "The seed of the --run lab (0, as `sim`'s default).")
    long seed;

    @Option(names = "--exit", description = "Stop after --run instead of serving on; exit with the script's status.")
    boolean exit;

    PrintStream out = System.out;
    PrintStream err = System.err;
    /** Where the context for clients goes besides the data directory (tests point it elsewhere). */
    Path globalContext = DevContext.defaultFile();

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Runnable stopper = () -> {};
    volatile String url;

    @Override
    public Integer call() throws Exception {
        Path dir = (dataDir != null ? dataDir : Env.home().resolve("dev")).toAbsolutePath();
        if (run != null && !Files.isRegularFile(run)) {
            err.println("vnetlab: " + run + ": No such file or directory");
            return 66;
        }
        Files.createDirectories(dir);
        PrintStream banner = run != null ? err : out; // with --run, stdout is the script's alone
        banner.println("vnetlab dev: starting PostgreSQL and Kafka in " + dir + " ...");
        long started = System.nanoTime();
        Platform platform = Platform.start(dir);
        Stack stack;
        try {
            stack = Stack.start(platform.database(), platform.kafka().bootstrapServers(), platform.topics(), Role.all, port,
                    Duration.ofSeconds(10), Duration.ofSeconds(10), Env.SNAPSHOT_EVERY.getInt(System.getenv()),
                    Env.LAB_CACHE.getInt(System.getenv()));
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        Thread hook = new Thread(() -> shutdown(stack, platform), "vnetlab-dev-shutdown");
        stopper = () -> shutdown(stack, platform);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String token = token(dir, stack.tenants);
            url = "http://127.0.0.1:" + stack.port();
            DevContext context = new DevContext(url, token, dir.toString(), platform.database().jdbcUrl(),
                    org.vnetlab.platform.EmbeddedPostgres.USER);
            context.write(dir.resolve("context.json"));
            if (globalContext != null) context.write(globalContext);
            ApiClient client = new ApiClient(url, token);
            while (!client.healthy()) Thread.sleep(50);
            banner.printf("vnetlab dev: ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            banner.println("  API       " + url + "   (OpenAPI: " + url + "/openapi.json)");
            banner.println("  data      " + dir);
            banner.println("  token     " + token + "   (tenant \"" + TENANT + "\"; in " + dir.resolve("context.json") + ")");
            banner.println("  try       vnetlab lab create demo && vnetlab exec demo jail -c vnet persist name=a && vnetlab exec demo jls");
            banner.flush();
            int status = 0;
            if (run != null) status = runScript(client);
            if (exit) return status;
            banner.println("vnetlab dev: serving until interrupted (Ctrl-C)");
            stopped.await();
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook does the work
            }
            shutdown(stack, platform);
        }
    }

    private int runScript(ApiClient client) throws IOException {
        String name = run.getFileName().toString().replaceFirst("\\.sh$", "");
        String labId = client.createLab(name, seed).path("id").asText();
        err.println("vnetlab dev: running " + run + " in lab " + name + " (" + labId + ")");
        RunCommand runner = new RunCommand();
        runner.out = out;
        runner.err = err;
        try {
            return runner.runScript(client, labId, Files.readString(run));
        } catch (NoSuchFileException e) {
            err.println("vnetlab: " + run + ": No such file or directory");
            return 66;
        } catch (ApiClient.ClientException e) {
            err.println(e.getMessage());
            return e.exit;
        }
    }

    /** The dev token: made once, kept in the data directory, registered at every start. */
    static String token(Path dir, Tenants tenants) throws IOException {
        Path file = dir.resolve("token");
        tenants.ensureTenant(TENANT, "Default tenant");
        String token;
        if (Files.isRegularFile(file)) {
            token = Files.readString(file).strip();
            tenants.registerToken(TENANT, "dev", token);
        } else {
            token = tenants.issueToken(TENANT, "dev");
            Files.writeString(file, token + "\n");
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        }
        return token;
    }

    private synchronized void shutdown(Stack stack, Platform platform) {
        if (stopped.getCount() == 0) return;
        try {
            stack.close();
        } finally {
            platform.close();
            stopped.countDown();
        }
    }

    /** Stops a running dev (tests; Ctrl-C does it through the shutdown hook). */
    void stop() {
        stopper.run();
    }
}
