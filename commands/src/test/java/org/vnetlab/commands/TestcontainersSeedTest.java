package org.vnetlab.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.vnetlab.commands.relay.KafkaRelay;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.Database;

/** The seed check against real PostgreSQL and Kafka containers; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersSeedTest {
    @Container
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.0.0");

    @Test
    void givenContainers_whenSeedScriptRuns_thenAnswersEqualTheKernelLab() {
        try (Database db = Database.open(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), 4);
             WriteSide ws = new WriteSide(db.dataSource(), 2, 100);
             KafkaRelay relay = new KafkaRelay(ws, kafka.getBootstrapServers(), "vnetlab.events", 100).start()) {
            Tenants tenants = new Tenants(db.dataSource());
            tenants.ensureTenant("acme", "Acme");
            CommandService service = new CommandService(ws);
            Principal alice = new Principal("acme", "alice");
            String script = WriteSideFixture.seedScript();
            LabInfo lab = service.createLab(alice, "seed", 42L);
            List<LineResult> results = service.runScript(alice, lab.id(), script);
            List<Outcome> expected = new Lab(42).run(script);
            assertThat(results).extracting(LineResult::stdout).containsExactlyElementsOf(expected.stream().map(Outcome::stdout).toList());
            assertThat(results).extracting(LineResult::exit).containsExactlyElementsOf(expected.stream().map(Outcome::exit).toList());
        }
    }
}
