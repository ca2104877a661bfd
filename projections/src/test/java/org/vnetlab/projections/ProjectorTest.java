package org.vnetlab.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.EventEnvelope;
import org.vnetlab.platform.TestInfra;
import org.vnetlab.platform.Topics;

class ProjectorTest {
    static final String READS = String.join("\n",
            "jls -n", "ifconfig -a", "netstat -rn", "sysctl net.inet.ip.forwarding",
            "jexec 1 ifconfig -a", "jexec 2 netstat -rn", "jexec 2 sysctl net.inet.ip.forwarding",
            "jexec 3 route -n get 192.0.2.1", "ifconfig nosuch0");
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() {
        producer = LabStream.producer(TestInfra.get().kafka().bootstrapServers());
    }

    @AfterAll
    static void stop() {
        producer.close();
    }

    static void awaitProjected(Database db, String labId, long position) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> query(db, "SELECT coalesce(max(position), -1) FROM projected_labs WHERE lab = '" + labId + "'")
                        .equals(List.of(String.valueOf(position))));
    }

    /** Every read-model table of the database as text, minus nothing: what a person would see. */
    static String dump(Database db) {
        StringBuilder sb = new StringBuilder();
        for (String t : List.of("projected_labs", "history", "jails", "interfaces", "addresses", "routes", "sysctls")) {
            sb.append("== ").append(t).append('\n');
            for (String row : query(db, "SELECT t::text FROM " + t + " t ORDER BY t::text")) sb.append(row).append('\n');
        }
        return sb.toString();
    }

    static List<String> query(Database db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertReadsEqualKernel(ReadModels reads, LabStream stream) {
        ReadModels.Answer answer = reads.answer(stream.labId, READS, () -> stream.lastPosition()).orElseThrow();
        List<Outcome> expected = stream.lab.run(READS);
        assertThat(answer.position()).isEqualTo(stream.lastPosition());
        assertThat(answer.outcomes()).extracting(Outcome::stdout).containsExactlyElementsOf(expected.stream().map(Outcome::stdout).toList());
        assertThat(answer.outcomes()).extracting(Outcome::stderr).containsExactlyElementsOf(expected.stream().map(Outcome::stderr).toList());
        assertThat(answer.outcomes()).extracting(Outcome::exit).containsExactlyElementsOf(expected.stream().map(Outcome::exit).toList());
    }

    @Test
    void givenTwoLabsInterleaved_whenProjectedLiveAndRebuiltFromOffsetZero_thenReadsMatchTheKernelAndTablesAreEqual() {
        Topics topics = TestInfra.get().freshTopics();
        LabStream a = new LabStream("lab-a", 42).run(LabStream.example("seed-demo.sh"));
        LabStream b = new LabStream("lab-b", 7).run(LabStream.example("three-jails-routed.sh"));
        List<EventEnvelope> interleaved = new ArrayList<>();
        for (int i = 0; i < Math.max(a.envelopes.size(), b.envelopes.size()); i++) {
            if (i < a.envelopes.size()) interleaved.add(a.envelopes.get(i));
            if (i < b.envelopes.size()) interleaved.add(b.envelopes.get(i));
        }
        String bootstrap = TestInfra.get().kafka().bootstrapServers();
        try (Database live = TestInfra.get().freshDatabase(); Database rebuilt = TestInfra.get().freshDatabase();
             Projector projector = new Projector(live.dataSource(), bootstrap, topics.events()).start()) {
            LabStream.publish(producer, topics.events(), interleaved);
            awaitProjected(live, a.labId, a.lastPosition());
            awaitProjected(live, b.labId, b.lastPosition());
            ReadModels reads = new ReadModels(live.dataSource(), Duration.ofSeconds(10));
            assertReadsEqualKernel(reads, a);
            assertReadsEqualKernel(reads, b);
            assertThat(query(live, "SELECT value FROM sysctls WHERE lab = 'lab-a' AND vnet = 2 AND name = 'net.inet.ip.forwarding'"))
                    .containsExactly("1");
            assertThat(query(live, "SELECT count(*) FROM history")).containsExactly(String.valueOf(interleaved.size()));

            try (Projector again = new Projector(rebuilt.dataSource(), bootstrap, topics.events(), "rebuild").start()) {
                awaitProjected(rebuilt, a.labId, a.lastPosition());
                awaitProjected(rebuilt, b.labId, b.lastPosition());
            }
            assertThat(dump(rebuilt)).isEqualTo(dump(live));
        }
    }

    @Test
    void givenPingsAndALifetimeRunningOutInLaterBatches_whenProjected_thenRowsFollowTheConfigurationOnlyAndARebuildIsEqual() {
        Topics topics = TestInfra.get().freshTopics();
        LabStream s = new LabStream("lab-t", 9).run("""
                jail -c vnet persist name=a
                ifconfig epair0 create
                ifconfig epair0a vnet a
                jexec a ifconfig epair0a inet 192.0.2.1/24 up
                ifconfig epair0b inet 192.0.2.2/24 up
                jexec a ifconfig epair0a inet6 2001:db8::1/64 pltime 5 vltime 10
                """);
        long configured = s.lastPosition();
        int afterConfig = s.envelopes.size();
        s.run("ping -c 2 192.0.2.1\njexec a ping -c 1 192.0.2.2\n");
        long pinged = s.lastPosition();
        int afterPings = s.envelopes.size();
        s.run("sleep 20\n"); // past the inet6 address's valid lifetime: a timer, not a command, removes it
        long slept = s.lastPosition();
        String bootstrap = TestInfra.get().kafka().bootstrapServers();
        String v6 = "SELECT count(*) FROM addresses WHERE lab = 'lab-t' AND address = '2001:db8::1'";
        String positions = "SELECT DISTINCT position FROM addresses WHERE lab = 'lab-t'";
        try (Database live = TestInfra.get().freshDatabase(); Database rebuilt = TestInfra.get().freshDatabase();
             Projector projector = new Projector(live.dataSource(), bootstrap, topics.events()).start()) {
            LabStream.publish(producer, topics.events(), s.envelopes.subList(0, afterConfig));
            awaitProjected(live, "lab-t", configured);
            assertThat(query(live, v6)).containsExactly("1");
            assertThat(query(live, positions)).containsExactly(String.valueOf(configured));

            LabStream.publish(producer, topics.events(), s.envelopes.subList(afterConfig, afterPings));
            awaitProjected(live, "lab-t", pinged);
            // pings change no row: the rows still say the position of the configuration they show
            assertThat(query(live, positions)).containsExactly(String.valueOf(configured));

            LabStream.publish(producer, topics.events(), s.envelopes.subList(afterPings, s.envelopes.size()));
            awaitProjected(live, "lab-t", slept);
            assertThat(query(live, v6)).containsExactly("0");
            assertThat(query(live, positions)).containsExactly(String.valueOf(slept));
            ReadModels reads = new ReadModels(live.dataSource(), Duration.ofSeconds(10));
            assertReadsEqualKernel(reads, s);

            try (Projector again = new Projector(rebuilt.dataSource(), bootstrap, topics.events(), "rebuild").start()) {
                awaitProjected(rebuilt, "lab-t", slept);
            }
            assertThat(dump(rebuilt)).isEqualTo(dump(live));
        }
    }

    @Test
    void givenDuplicatesAndACrashBeforeCommitAndARestart_whenProjected_thenNothingSkippedOrDoubled() {
        Topics topics = TestInfra.get().freshTopics();
        LabStream a = new LabStream("lab-c", 3).run(LabStream.example("seed-demo.sh"));
        LabStream b = new LabStream("lab-d", 4).run(LabStream.example("three-jails-routed.sh"));
        String bootstrap = TestInfra.get().kafka().bootstrapServers();
        try (Database db = TestInfra.get().freshDatabase()) {
            // The relay publishes at least once: the first half of each stream comes twice.
            LabStream.publish(producer, topics.events(), a.envelopes.subList(0, a.envelopes.size() / 2));
            LabStream.publish(producer, topics.events(), b.envelopes);
            LabStream.publish(producer, topics.events(), a.envelopes);

            AtomicInteger batches = new AtomicInteger();
            Projector first = new Projector(db.dataSource(), bootstrap, topics.events());
            first.maxPollRecords = 5;
            first.beforeCommit = () -> {
                if (batches.incrementAndGet() == 3) throw new IllegalStateException("crash before commit");
                if (batches.get() == 6) first.close(); // stop mid-stream, from inside the batch
            };
            first.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> batches.get() >= 6);
            first.close();
            long midway = Long.parseLong(query(db, "SELECT count(*) FROM history").get(0));
            assertThat(midway).isPositive().isLessThan(a.envelopes.size() + b.envelopes.size());

            try (Projector second = new Projector(db.dataSource(), bootstrap, topics.events()).start()) {
                awaitProjected(db, a.labId, a.lastPosition());
                awaitProjected(db, b.labId, b.lastPosition());
            }
            for (LabStream s : List.of(a, b)) {
                List<String> positions = query(db, "SELECT position FROM history WHERE lab = '" + s.labId + "' ORDER BY position");
                assertThat(positions).hasSize(s.envelopes.size());
                for (int i = 0; i < positions.size(); i++) assertThat(positions.get(i)).isEqualTo(String.valueOf(i));
                assertReadsEqualKernel(new ReadModels(db.dataSource(), Duration.ofSeconds(5)), s);
            }
            long records = a.envelopes.size() / 2 + b.envelopes.size() + a.envelopes.size();
            assertThat(query(db, "SELECT sum(\"offset\") FROM consumer_offsets")).containsExactly(String.valueOf(records));
        }
    }
}
