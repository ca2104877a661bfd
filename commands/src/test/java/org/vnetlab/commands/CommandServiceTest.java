package org.vnetlab.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.HostDump;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.EventEnvelope;
import org.vnetlab.platform.lab.LabCreated;

class CommandServiceTest {
    static WriteSideFixture f;

    @BeforeAll
    static void start() {
        f = new WriteSideFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static List<String> answers(List<LineResult> results) {
        List<String> out = new ArrayList<>();
        for (LineResult r : results) out.add(r.line() + "\n" + r.stdout() + "\n" + r.stderr() + "\n" + r.exit());
        return out;
    }

    private static List<String> kernelAnswers(long seed, String script) {
        List<String> out = new ArrayList<>();
        for (Outcome o : new Lab(seed).run(script)) out.add(o.line() + "\n" + o.stdout() + "\n" + o.stderr() + "\n" + o.exit());
        return out;
    }

    @Test
    void givenSeedScript_whenRunThroughCommandService_thenEveryLineAnswersLikeTheKernelLab() {
        String script = WriteSideFixture.seedScript();
        LabInfo lab = f.service.createLab(f.alice, "seed", 42L);

        List<LineResult> results = f.service.runScript(f.alice, lab.id(), script);

        assertThat(answers(results)).containsExactlyElementsOf(kernelAnswers(42, script));
        assertThat(results.get(results.size() - 1).position()).isEqualTo(new Lab(42).run(script).stream()
                .mapToLong(o -> o.events().size()).sum());
    }

    @Test
    void givenUnknownTenant_whenCreatingLab_thenTheCommandFailsAndNothingIsStored() {
        Principal stranger = new Principal("no-such-tenant", "mallory");

        // the command itself fails (its catalog row cannot be written), not the lookup after a
        // "successful" command whose commit PostgreSQL silently turned into a rollback
        assertThatThrownBy(() -> f.service.createLab(stranger, "orphan", 1L))
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(java.util.NoSuchElementException.class);

        assertThat(f.service.labs("no-such-tenant")).isEmpty();
        try (var c = f.db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE '%\"orphan\"%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void givenSeedScriptLineByLine_whenExecEachLine_thenSameAnswersAsOneScript() {
        String script = WriteSideFixture.seedScript();
        LabInfo lab = f.service.createLab(f.alice, "lines", 7L);
        List<LineResult> results = new ArrayList<>();
        for (String line : script.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            results.add(f.service.exec(f.alice, lab.id(), line));
        }
        List<String> expected = kernelAnswers(7, script);
        assertThat(answers(results)).containsExactlyElementsOf(expected);
    }

    @Test
    void givenLabWithEvents_whenReplayedFromTheEventStore_thenHostDumpEqualsTheKernelLab() {
        String script = WriteSideFixture.seedScript();
        LabInfo lab = f.service.createLab(f.alice, "replay", 99L);
        f.service.runScript(f.alice, lab.id(), script);

        List<EventEnvelope> stored = f.service.events("acme", lab.id(), 0, 100_000);
        LabCreated created = (LabCreated) stored.get(0).labEvent();
        List<Event> kernelEvents = stored.stream().filter(e -> e.event() != null).map(EventEnvelope::event).toList();
        Lab replayed = Lab.replay(created.seed(), created.hostname(), kernelEvents);

        Lab live = new Lab(99L);
        live.run(script);
        assertThat(HostDump.of(replayed.host())).isEqualTo(HostDump.of(live.host()));
        assertThat(kernelEvents).isEqualTo(live.events());
        assertThat(stored).extracting(EventEnvelope::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, stored.size()).boxed().toList());
        assertThat(stored.get(1).line()).isNotBlank();
        assertThat(stored.get(1).actor()).isEqualTo("alice");
        assertThat(stored.get(1).tenant()).isEqualTo("acme");
    }

    @Test
    void givenRejectedLine_whenExec_thenFreeBsdErrorAndNoEvent() {
        LabInfo lab = f.service.createLab(f.alice, "reject", 1L);
        LineResult r = f.service.exec(f.alice, lab.id(), "jexec 9 ifconfig");
        Outcome expected = new Lab(1L).exec("jexec 9 ifconfig");
        assertThat(r.exit()).isEqualTo(expected.exit()).isNotZero();
        assertThat(r.stderr()).isEqualTo(expected.stderr());
        assertThat(r.position()).isZero();
        assertThat(f.service.events("acme", lab.id(), 0, 100)).hasSize(1);
    }

    @Test
    void givenTwoLabs_whenScriptsRunInParallel_thenEachAnswersLikeItsOwnKernelLab() throws Exception {
        String script = WriteSideFixture.seedScript();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (long seed = 10; seed < 14; seed++) {
                long s = seed;
                LabInfo lab = f.service.createLab(f.alice, "par" + s, s);
                Callable<Boolean> run = () -> {
                    for (String line : script.split("\n")) {
                        if (!line.isBlank() && !line.startsWith("#")) f.service.exec(f.alice, lab.id(), line);
                    }
                    return true;
                };
                runs.add(pool.submit(run));
            }
            for (Future<Boolean> r : runs) assertThat(r.get()).isTrue();
        } finally {
            pool.shutdown();
        }
        for (LabInfo lab : f.service.labs("acme")) {
            if (!lab.name().startsWith("par")) continue;
            List<Event> stored = f.service.events("acme", lab.id(), 1, 100_000).stream().map(EventEnvelope::event).toList();
            Lab live = new Lab(lab.seed());
            live.run(script);
            assertThat(stored).as(lab.name()).isEqualTo(live.events());
        }
    }

    @Test
    void givenOtherTenant_whenExecOnLab_thenNotFound() {
        LabInfo lab = f.service.createLab(f.alice, "private", 5L);
        f.tenants.ensureTenant("other", "Other");
        assertThatThrownBy(() -> f.service.exec(new Principal("other", "mallory"), lab.id(), "jls"))
                .isInstanceOf(LabNotFoundException.class);
    }

    @Test
    void givenDeletedLab_whenExec_thenNotFoundAndHistoryStays() {
        LabInfo lab = f.service.createLab(f.alice, "gone", 5L);
        f.service.exec(f.alice, lab.id(), "jail -c vnet persist name=a");
        long position = f.service.deleteLab(f.alice, lab.id());
        assertThat(position).isEqualTo(f.service.events("acme", lab.id(), 0, 100).size() - 1);
        assertThatThrownBy(() -> f.service.exec(f.alice, lab.id(), "jls")).isInstanceOf(LabNotFoundException.class);
        assertThat(f.service.labs("acme")).extracting(LabInfo::id).doesNotContain(lab.id());
    }
}
