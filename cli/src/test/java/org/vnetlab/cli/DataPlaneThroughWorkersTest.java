package org.vnetlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.commands.CommandService;
import org.vnetlab.commands.DataPlane;
import org.vnetlab.commands.Principal;
import org.vnetlab.commands.ReadSide;
import org.vnetlab.commands.ServiceUnavailableException;
import org.vnetlab.commands.Tenants;
import org.vnetlab.commands.api.ApiServer;
import org.vnetlab.commands.relay.KafkaRelay;
import org.vnetlab.commands.results.WorkerDataPlane;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.DataplaneResult;
import org.vnetlab.platform.TestInfra;
import org.vnetlab.platform.Topics;
import org.vnetlab.stackworker.StackWorker;

/**
 * The data plane through stack-workers: the write side, the relay, the results-backed data plane and
 * the HTTP API on the JVM's shared PostgreSQL and Kafka, with workers started and stopped by the tests.
 * Every answer to a data-plane line comes from a worker; the aggregate's own outcome is recorded
 * beside it and must be the same bytes.
 */
class DataPlaneThroughWorkersTest {
    static final String SETUP = """
            jail -c vnet host.hostname=lefty.example.net path=/ persist
            jail -c vnet host.hostname=middy.example.net path=/ persist
            ifconfig epair20 create
            ifconfig epair20a vnet 1
            jexec 1 ifconfig epair20a inet 192.0.2.1/30 up
            ifconfig epair20b vnet 2
            jexec 2 ifconfig epair20b inet 192.0.2.2/30 up
            """;
    static final String PING = "jexec 2 ping -c 2 192.0.2.1";

    static Database db;
    static Topics topics;
    static String group;
    static WriteSide writeSide;
    static KafkaRelay relay;
    static WorkerDataPlane dataPlane;
    static CommandService service;
    static ApiServer api;
    static ApiClient client;
    static final Principal WHO = new Principal("acme", "tester");
    /** Every data-plane line answered: what the aggregate computed and what the worker answered. */
    static final List<Outcome[]> answered = new CopyOnWriteArrayList<>();
    final List<StackWorker> workers = new ArrayList<>();

    @BeforeAll
    static void start() {
        db = TestInfra.get().freshDatabase();
        topics = TestInfra.get().freshTopics();
        group = "workers-" + topics.events();
        writeSide = new WriteSide(db.dataSource(), 4, 1000);
        relay = new KafkaRelay(writeSide, TestInfra.get().kafka().bootstrapServers(), topics.events(), 500).start();
        dataPlane = new WorkerDataPlane(db.dataSource(), TestInfra.get().kafka().bootstrapServers(), topics.results(),
                Duration.ofSeconds(20)).start();
        DataPlane recording = (labId, fromAggregate, sequence) -> {
            Outcome fromWorker = dataPlane.complete(labId, fromAggregate, sequence);
            answered.add(new Outcome[] {fromAggregate, fromWorker});
            return fromWorker;
        };
        service = new CommandService(writeSide, ReadSide.IN_AGGREGATE, recording, Duration.ofSeconds(30));
        Tenants tenants = new Tenants(db.dataSource());
        tenants.ensureTenant("acme", "Acme");
        api = ApiServer.start(0, service, tenants);
        client = new ApiClient("http://127.0.0.1:" + api.port(), tenants.issueToken("acme", "tester"));
    }

    @AfterAll
    static void stop() {
        api.close();
        dataPlane.close();
        relay.close();
        writeSide.close();
        db.close();
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(StackWorker::close);
    }

    StackWorker worker() {
        StackWorker w = new StackWorker(db.dataSource(), TestInfra.get().kafka().bootstrapServers(), topics, group).start();
        workers.add(w);
        return w;
    }

    static String lab(String name, long seed) {
        return client.createLab(name, seed).path("id").asText();
    }

    /** Runs the line through the API and in a local {@link Lab}; both must print the same. */
    static ApiClient.Result execLikeSim(String labId, Lab sim, String line) {
        ApiClient.Result r = client.exec(labId, line);
        Outcome expected = sim.exec(line);
        assertThat(r.stdout()).as(line).isEqualTo(expected.stdout());
        assertThat(r.stderr()).as(line).isEqualTo(expected.stderr());
        assertThat(r.exit()).as(line).isEqualTo(expected.exit());
        return r;
    }

    static int answeredSoFar() {
        return answered.size();
    }

    static void assertWorkerAnswersEqualAggregates(int from) {
        List<Outcome[]> pairs = answered.subList(from, answered.size());
        assertThat(pairs).isNotEmpty();
        for (Outcome[] p : pairs) {
            assertThat(p[1].stdout()).as(p[0].line()).isEqualTo(p[0].stdout());
            assertThat(p[1].stderr()).as(p[0].line()).isEqualTo(p[0].stderr());
            assertThat(p[1].exit()).as(p[0].line()).isEqualTo(p[0].exit());
        }
    }

    @Test
    void givenSeedScript_whenRunThroughTheApi_thenWorkerAnswersAreSimsBytesAndTheAggregates() throws Exception {
        worker();
        int before = answeredSoFar();
        String script = Files.readString(Path.of("../examples/seed-demo.sh"))
                + "jexec 1 tcpdump -i epair20a -w /tmp/seed.pcap\njexec 1 traceroute -n 192.0.2.2\nsleep 2\njexec 1 ping -c 1 192.0.2.2\n";
        String labId = lab("seed", 0);
        List<ApiClient.Result> results = client.script(labId, script);
        List<Outcome> sim = new Lab(0).run(script);
        assertThat(results).hasSameSizeAs(sim);
        for (int i = 0; i < sim.size(); i++) {
            assertThat(results.get(i).stdout()).as(sim.get(i).line()).isEqualTo(sim.get(i).stdout());
            assertThat(results.get(i).stderr()).as(sim.get(i).line()).isEqualTo(sim.get(i).stderr());
            assertThat(results.get(i).exit()).as(sim.get(i).line()).isEqualTo(sim.get(i).exit());
        }
        ApiClient.Result ping = results.stream().filter(r -> r.line().equals("jexec 2 ping -c 3 192.0.2.1")).findFirst().orElseThrow();
        assertThat(ping.stdout()).startsWith("PING 192.0.2.1 (192.0.2.1): 56 data bytes\n64 bytes from 192.0.2.1: icmp_seq=0 ttl=64 time=")
                .contains("\n--- 192.0.2.1 ping statistics ---\n3 packets transmitted, 3 packets received, 0.0% packet loss\n")
                .containsPattern("round-trip min/avg/max/stddev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms\n$");
        assertThat(ping.exit()).isZero();
        assertThat(answered.size() - before).isEqualTo(5); // ping, tcpdump, traceroute, sleep, ping
        assertWorkerAnswersEqualAggregates(before);
        // recorded with the history, under the tenant
        long pingPosition = service.events("acme", labId, 0, 1000).stream()
                .filter(e -> "PingSent".equals(e.type())).findFirst().orElseThrow().sequence();
        DataplaneResult stored = dataPlane.stored(labId, pingPosition).orElseThrow();
        assertThat(stored.stdout()).isEqualTo(ping.stdout());
        assertThat(stored.tenant()).isEqualTo("acme");
        assertThat(stored.line()).isEqualTo("jexec 2 ping -c 3 192.0.2.1");
    }

    @Test
    void givenAPing_whenAnAddressIsAddedAfterIt_thenTheLinePrintsIfconfigsOutputNotThePings() {
        worker();
        String labId = lab("announce", 5);
        Lab sim = new Lab(5);
        client.script(labId, SETUP);
        sim.run(SETUP);
        execLikeSim(labId, sim, PING);
        int before = answeredSoFar();
        // adding an address sends a gratuitous ARP (ArpAnnounced): a side effect of ifconfig, not a program's result
        ApiClient.Result r = execLikeSim(labId, sim, "jexec 1 ifconfig epair20a inet 192.0.2.5/32 alias");
        assertThat(r.stdout()).isEmpty();
        assertThat(answeredSoFar()).isEqualTo(before);
        assertThat(execLikeSim(labId, sim, PING).stdout()).contains("2 packets received");
    }

    @Test
    void givenTwoWorkers_whenTheLabsWorkerStopsMidScript_thenTheOtherServesTheRemainingPingsCorrectly() {
        StackWorker a = worker();
        StackWorker b = worker();
        await().atMost(Duration.ofSeconds(30)).until(() -> !a.assignedPartitions().isEmpty() && !b.assignedPartitions().isEmpty()
                && a.assignedPartitions().size() + b.assignedPartitions().size() == Topics.PARTITIONS);
        int before = answeredSoFar();
        String labId = lab("failover", 3);
        Lab sim = new Lab(3);
        client.script(labId, SETUP);
        sim.run(SETUP);
        execLikeSim(labId, sim, PING);
        StackWorker owner = a.hosts(labId) ? a : b;
        StackWorker other = owner == a ? b : a;
        assertThat(owner.hosts(labId)).isTrue();
        assertThat(other.hosts(labId)).isFalse();

        owner.close(); // mid-script: the rest needs the lab's state as the log has it
        execLikeSim(labId, sim, "jexec 1 ifconfig epair20a down");
        assertThat(execLikeSim(labId, sim, PING).exit()).isNotZero();
        execLikeSim(labId, sim, "jexec 1 ifconfig epair20a up");
        assertThat(execLikeSim(labId, sim, PING).stdout()).contains("2 packets received");
        execLikeSim(labId, sim, "jexec 2 traceroute -n 192.0.2.1");
        assertThat(other.hosts(labId)).isTrue();
        assertWorkerAnswersEqualAggregates(before);
    }

    @Test
    void givenRecordedResults_whenWorkersStopAndRestart_thenResultsSurviveAndAnyWorkerComputesTheSame() throws Exception {
        worker();
        String labId = lab("restart", 7);
        Lab sim = new Lab(7);
        client.script(labId, SETUP);
        sim.run(SETUP);
        ApiClient.Result first = execLikeSim(labId, sim, PING);
        long firstPosition = first.position();

        workers.forEach(StackWorker::close);
        workers.clear();
        assertThat(dataPlane.stored(labId, firstPosition).orElseThrow().stdout()).isEqualTo(first.stdout());

        // No worker: the line is stored, its answer times out (504) instead of hanging.
        try (WorkerDataPlane impatient = new WorkerDataPlane(db.dataSource(), TestInfra.get().kafka().bootstrapServers(),
                topics.results(), Duration.ofMillis(1500)).start()) {
            CommandService noWorkers = new CommandService(writeSide, ReadSide.IN_AGGREGATE, impatient, Duration.ofSeconds(30));
            assertThatThrownBy(() -> noWorkers.exec(WHO, labId, PING))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.timedOut()).isTrue());
        }
        Outcome unanswered = sim.exec(PING);
        long unansweredPosition = service.position(labId);

        worker(); // a new worker restores the lab from the event store and answers what was left
        assertThat(dataPlane.await(labId, unansweredPosition).stdout()).isEqualTo(unanswered.stdout());
        execLikeSim(labId, sim, "jexec 1 ifconfig epair20a mtu 1400");
        execLikeSim(labId, sim, PING);
        assertThat(dataPlane.await(labId, firstPosition).stdout()).isEqualTo(first.stdout());

        // A worker in a group of its own replays the whole topic: every result it computes is the recorded one.
        Topics replayTopics = new Topics(topics.events(), topics.results() + ".replay");
        TestInfra.get().kafka().createTopics(List.of(replayTopics.results()), Topics.PARTITIONS);
        Map<String, DataplaneResult> replayed = new HashMap<>();
        try (StackWorker replay = new StackWorker(db.dataSource(), TestInfra.get().kafka().bootstrapServers(), replayTopics,
                group + ".replay").start();
             KafkaConsumer<String, String> results = consumer()) {
            results.subscribe(List.of(replayTopics.results()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : results.poll(Duration.ofMillis(200))) {
                    DataplaneResult d = DataplaneResult.fromJson(r.value());
                    replayed.put(d.labId() + "@" + d.sequence(), d);
                }
                return replayed.keySet().stream().filter(k -> k.startsWith(labId)).count() == 3;
            });
        }
        for (DataplaneResult d : replayed.values()) {
            DataplaneResult stored = dataPlane.stored(d.labId(), d.sequence()).orElseThrow();
            assertThat(List.of(d.stdout(), d.stderr(), d.exit(), d.line(), d.tenant()))
                    .isEqualTo(List.of(stored.stdout(), stored.stderr(), stored.exit(), stored.line(), stored.tenant()));
        }
    }

    @Test
    void givenTwoLabs_whenPingedInParallel_thenEachAnswersItsOwnSimsBytes() throws Exception {
        worker();
        worker();
        int before = answeredSoFar();
        String[] labs = {lab("par-a", 11), lab("par-b", 12)};
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String labId = labs[i];
            long seed = 11 + i;
            runs.add(CompletableFuture.runAsync(() -> {
                Lab sim = new Lab(seed);
                client.script(labId, SETUP);
                sim.run(SETUP);
                for (int n = 0; n < 8; n++) {
                    execLikeSim(labId, sim, n % 3 == 2 ? "jexec 1 ping -c 1 -s " + (100 + n) + " 192.0.2.2" : PING);
                }
            }));
        }
        for (CompletableFuture<Void> f : runs) f.get();
        assertThat(answered.size() - before).isEqualTo(16);
        assertWorkerAnswersEqualAggregates(before);
    }

    static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafka().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(p);
    }

}
