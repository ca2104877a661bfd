package org.vnetlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;
import picocli.CommandLine;

/** `vnetlab dev` in this JVM (port 0, data in a temporary directory) and the client commands against it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackTest {
    @TempDir
    static Path home;
    static DevRun dev;

    record Run(int exit, String out, String err) {}

    /** A dev running on its own thread until stopped. */
    static final class DevRun {
        final DevCommand command = new DevCommand();
        final CompletableFuture<Integer> exit;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        DevRun(Path dataDir, String... extra) {
            command.globalContext = home.resolve("context.json");
            command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            command.err = command.out;
            String[] args = new String[extra.length + 4];
            args[0] = "--data-dir";
            args[1] = dataDir.toString();
            args[2] = "--port";
            args[3] = "0";
            System.arraycopy(extra, 0, args, 4, extra.length);
            exit = CompletableFuture.supplyAsync(() -> new CommandLine(command).execute(args));
            await().atMost(Duration.ofSeconds(60)).until(() -> exit.isDone() || out.toString(StandardCharsets.UTF_8).contains("ready in"));
        }

        int stop() throws Exception {
            command.stop();
            return exit.get();
        }
    }

    @BeforeAll
    static void start() {
        dev = new DevRun(home.resolve("dev"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (dev != null) dev.stop();
    }

    /** A client command, as the `vnetlab` main would run it, reading the dev's context file. */
    static Run vnetlabWithInput(String stdin, String... args) {
        CommandLine cl = Main.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine sub = cl.getSubcommands().get(args[0]);
        Object cmd = sub.getCommand();
        if (cmd instanceof LabCommand) cmd = sub.getSubcommands().get(args[1]).getCommand();
        if (cmd instanceof ClientCommand c) {
            c.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
            c.api.context = home.resolve("context.json");
        }
        if (cmd instanceof ShellCommand s && stdin != null) s.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run vnetlab(String... args) {
        return vnetlabWithInput(null, args);
    }

    static String createLab(String name, long seed) {
        Run r = vnetlab("lab", "create", name, "--seed", String.valueOf(seed));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().strip();
    }

    @Test
    @Order(1)
    void givenDev_whenClientCommands_thenLabsExecRunAndShWorkLikeSim(@TempDir Path dir) throws Exception {
        String id = createLab("client", 0);
        assertThat(vnetlab("lab", "list").out()).contains(id + "\tclient\t0\t");

        Run exec = vnetlab("exec", "client", "jail", "-c", "vnet", "persist", "name=a");
        assertThat(exec.exit()).isZero();
        Run rejected = vnetlab("exec", "client", "ifconfig", "nosuch0", "up");
        assertThat(rejected.exit()).isEqualTo(new Lab(0).exec("ifconfig nosuch0 up").exit()).isNotZero();
        assertThat(rejected.err()).contains("nosuch0");
        assertThat(vnetlab("exec", "client", "jls", "-n", "name").out()).isEqualTo("name=a\n");

        String seedLab = createLab("seed", 0);
        Run json = vnetlab("run", seedLab, "--json", "../examples/seed-demo.sh");
        SimRun sim = sim("--json", "../examples/seed-demo.sh");
        assertThat(json.out()).isEqualTo(sim.out());
        assertThat(json.exit()).isEqualTo(sim.exit());
        assertThat(dataplaneRows(seedLab)).as("the ping was answered by dev's stack-worker").isEqualTo(1);

        Run sh = vnetlabWithInput("jexec 1 ifconfig -l\nhistory\nexit\n", "sh", "seed");
        assertThat(sh.out()).isEqualTo("lo0 epair20a\n    1  jexec 1 ifconfig -l\n");

        assertThat(vnetlab("lab", "rm", "client").exit()).isZero();
        assertThat(vnetlab("lab", "list").out()).doesNotContain(id);
        Run missing = vnetlab("exec", "nosuch-lab", "jls");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no lab nosuch-lab");
    }

    /** The lab's rows in dataplane_results, read through the JDBC coordinates dev puts in its context. */
    static int dataplaneRows(String labId) throws Exception {
        DevContext ctx = DevContext.read(home.resolve("context.json")).orElseThrow();
        try (var c = java.sql.DriverManager.getConnection(ctx.jdbcUrl(), ctx.jdbcUser(), "");
             var ps = c.prepareStatement("SELECT count(*) FROM dataplane_results WHERE lab = ?")) {
            ps.setString(1, labId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    @Order(3)
    void givenDev_whenBenchApiRunsSmall_thenItPrintsEveryFigure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApiBench bench = new ApiBench(DevContext.read(home.resolve("context.json")).orElseThrow(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        bench.writes = 20;
        bench.pingSeconds = 1;
        bench.jails = 20;
        bench.jdbcRows = 2000;
        assertThat(bench.run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("exec_write_p50_ms=[0-9.]+\nexec_write_p99_ms=[0-9.]+\nping_p50_ms=[0-9.]+\nping_p99_ms=[0-9.]+\n")
                .containsPattern("script_events_per_second=[0-9.]+\nscript_pingable_seconds=[0-9.]+\njdbc_batch_rows_per_second=[0-9.]+\n");
    }

    record SimRun(int exit, String out) {}

    static SimRun sim(String... args) {
        SimCommand sim = new SimCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sim.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        sim.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int exit = new CommandLine(sim).execute(args);
        return new SimRun(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(2)
    void givenTwoLabsInParallel_whenEachWriteIsFollowedAtOnceByARead_thenEveryReadSeesItsWrite() throws Exception {
        String a = createLab("par-a", 1);
        String b = createLab("par-b", 2);
        CompletableFuture<Void> fa = CompletableFuture.runAsync(() -> writeThenRead(a, "a"));
        CompletableFuture<Void> fb = CompletableFuture.runAsync(() -> writeThenRead(b, "b"));
        fa.get();
        fb.get();
        assertThat(vnetlab("exec", "par-a", "jls", "-n", "name").out()).doesNotContain("name=b");
    }

    private static void writeThenRead(String lab, String prefix) {
        ApiClient client = new ApiClient(DevContext.read(home.resolve("context.json")).orElseThrow().url(),
                DevContext.read(home.resolve("context.json")).orElseThrow().token());
        Lab expected = new Lab(prefix.equals("a") ? 1 : 2);
        for (int i = 0; i < 15; i++) {
            String write = "jail -c vnet persist name=" + prefix + i;
            ApiClient.Result w = client.exec(lab, write);
            expected.exec(write);
            ApiClient.Result r = client.exec(lab, "jls -n name");
            assertThat(r.position()).isGreaterThanOrEqualTo(w.position());
            assertThat(r.stdout()).isEqualTo(expected.exec("jls -n name").stdout()).contains("name=" + prefix + i + "\n");
        }
    }

    @Test
    @Order(3)
    void givenSeedLab_whenReadModelEndpoints_thenRowsAsNetstatAndSysctlShowThem() throws Exception {
        String lab = createLab("views", 0);
        assertThat(vnetlab("run", lab, "../examples/seed-demo.sh").exit()).isZero();
        DevContext ctx = DevContext.read(home.resolve("context.json")).orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode sysctls = get(http, ctx, "/v1/labs/" + lab + "/sysctls").get("sysctls");
        assertThat(sysctls.toString()).contains("\"vnet\":2,\"name\":\"net.inet.ip.forwarding\",\"value\":\"1\"");
        JsonNode routes = get(http, ctx, "/v1/labs/" + lab + "/routes").get("routes");
        assertThat(routes.toString()).contains("\"destination\":\"192.0.2.0/30\"");
        JsonNode jails = get(http, ctx, "/v1/labs/" + lab + "/jails").get("jails");
        assertThat(jails).hasSize(3);
        assertThat(jails.get(0).get("hostname").asText()).isEqualTo("lefty.example.net");
        JsonNode ifs = get(http, ctx, "/v1/labs/" + lab + "/interfaces").get("interfaces");
        assertThat(ifs.toString()).contains("\"name\":\"epair20a\"");
    }

    static JsonNode get(HttpClient http, DevContext ctx, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ctx.url() + path))
                .header("Authorization", "Bearer " + ctx.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ApiClient.JSON.readTree(r.body());
    }

    @Test
    @Order(4)
    void givenDataDir_whenDevRestarts_thenLabsTokenAndStateAreKept() throws Exception {
        String lab = createLab("kept", 5);
        vnetlab("exec", "kept", "jail", "-c", "vnet", "persist", "name=kept");
        String token = Files.readString(home.resolve("dev/token")).strip();
        assertThat(dev.stop()).isZero();
        dev = new DevRun(home.resolve("dev"));
        assertThat(DevContext.read(home.resolve("context.json")).orElseThrow().token()).isEqualTo(token);
        assertThat(vnetlab("lab", "list").out()).contains(lab);
        assertThat(vnetlab("exec", "kept", "jls", "-n", "name").out()).isEqualTo("name=kept\n");
        Outcome expected = new Lab(5).run("jail -c vnet persist name=kept\nifconfig epair create").get(1);
        assertThat(vnetlab("exec", "kept", "ifconfig", "epair", "create").out()).isEqualTo(expected.stdout());
    }

    @Test
    @Order(5)
    void givenRunAndExit_whenDev_thenPrintsWhatSimPrintsAndStops() throws Exception {
        DevRun once = new DevRun(home.resolve("once"), "--run", "../examples/seed-demo.sh", "--exit");
        assertThat(once.exit.get()).isEqualTo(sim("../examples/seed-demo.sh").exit());
        assertThat(once.out.toString(StandardCharsets.UTF_8)).contains(sim("../examples/seed-demo.sh").out());
        assertThat(List.of(Files.exists(home.resolve("once/context.json")))).containsExactly(true);
    }
}
