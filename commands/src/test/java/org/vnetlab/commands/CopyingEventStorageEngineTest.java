package org.vnetlab.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.vnetlab.commands.lab.CreateLab;
import org.vnetlab.commands.lab.EventMeta;
import org.vnetlab.commands.lab.ExecScript;
import org.vnetlab.commands.lab.ScriptResult;
import org.vnetlab.commands.store.CopyingEventStorageEngine;
import org.vnetlab.commands.store.JdbcTransactions;
import org.vnetlab.commands.store.StoreSerializer;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.api.Event;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.TestInfra;

/**
 * The write side appends a script's events with COPY; the rows must be exactly those Axon's
 * INSERTs would have stored, commit with the unit of work, and fail like them.
 */
class CopyingEventStorageEngineTest {
    static final long TIME = 1_700_000_000_123L;
    static final long SEED = 11L;
    /** Tabs, a carriage return, backslashes, a literal \N, unicode; a newline inside quotes. */
    static final String AWKWARD_LINES = "jail -c persist name=t1 host.hostname=\"tab\there \\\\N back\\\\slash \\\\t cr\rx ü 日本 ☃\"\n"
            + "jail -c persist name=t2 host.hostname=\"two\nlines\"\n";
    static final String AWKWARD_ACTOR = "al\tice\\N\n\\☃";

    static Database db;
    static WriteSide writeSide;
    /** A second database where the same events go through Axon's plain INSERT path. */
    static Database insertDb;
    static JdbcTransactions insertTransactions;
    static JdbcEventStorageEngine insertEngine;

    @BeforeAll
    static void start() {
        db = TestInfra.get().freshDatabase();
        writeSide = new WriteSide(db.dataSource(), 2, 100, 1_000_000); // no snapshots: a reload replays every event
        new Tenants(db.dataSource()).ensureTenant("acme", "Acme"); // the catalog's row for a lab needs its tenant
        insertDb = TestInfra.get().freshDatabase();
        insertTransactions = new JdbcTransactions(insertDb.dataSource());
        StoreSerializer serializer = new StoreSerializer();
        insertEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(insertTransactions)
                .transactionManager(insertTransactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .build();
    }

    @AfterAll
    static void stop() {
        writeSide.close();
        db.close();
        insertDb.close();
    }

    /** A router jail and {@code n - 1} jails behind it on their own epairs: about 7 lines and 11 events per jail. */
    static String routedScript(int n) {
        StringBuilder s = new StringBuilder("jail -c vnet persist name=r1\njexec 1 sysctl net.inet.ip.forwarding=1\n");
        for (int i = 2; i <= n; i++) {
            String net = "10." + (i >> 6) + "." + ((i & 63) << 2);
            s.append("jail -c vnet persist name=r").append(i).append('\n')
                    .append("ifconfig epair").append(i).append(" create\n")
                    .append("ifconfig epair").append(i).append("a vnet 1\n")
                    .append("ifconfig epair").append(i).append("b vnet ").append(i).append('\n')
                    .append("jexec 1 ifconfig epair").append(i).append("a inet ").append(net).append(".1/30 up\n")
                    .append("jexec ").append(i).append(" ifconfig epair").append(i).append("b inet ").append(net).append(".2/30 up\n")
                    .append("jexec ").append(i).append(" route add default ").append(net).append(".1\n");
        }
        return s.toString();
    }

    static String newLab(String actor) {
        String id = UUID.randomUUID().toString();
        writeSide.commandGateway().sendAndWait(new CreateLab(id, "acme", "lab-" + id, SEED, actor, TIME));
        return id;
    }

    static ScriptResult exec(WriteSide side, String labId, String script, String actor) {
        return side.commandGateway().sendAndWait(new ExecScript(labId, script, actor, TIME, "acme"));
    }

    /** Every column of a stored event; bytes as hex so rows compare with equals. */
    record Row(String eventId, String aggregateId, long sequence, String type, String timestamp,
               String payloadType, String payloadRevision, String payload, String metaData) {}

    static List<Row> rows(DataSource ds, String aggregateId) {
        List<Row> out = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT eventidentifier, aggregateidentifier, sequencenumber, type, \"timestamp\", payloadtype, payloadrevision,"
                        + " payload, metadata FROM domainevententry WHERE aggregateidentifier = ? ORDER BY globalindex")) {
            ps.setString(1, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] meta = rs.getBytes(9);
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), hex.formatHex(rs.getBytes(8)), meta == null ? null : hex.formatHex(meta)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static List<DomainEventMessage<?>> stored(WriteSide side, String labId) {
        List<DomainEventMessage<?>> out = new ArrayList<>();
        side.eventStore().readEvents(labId).asStream().forEach(out::add);
        return out;
    }

    @Test
    void givenLargeScript_whenCommittedThroughTheWriteSide_thenRowsAreThoseOfAxonsInsertPath() {
        String labId = newLab("alice");
        long copiedBefore = writeSide.storageEngine().copiedEvents();
        long streamedBefore = writeSide.storageEngine().streamedEvents();

        ScriptResult r = exec(writeSide, labId, routedScript(60), "alice");

        long scriptEvents = r.position(); // LabCreated is position 0
        assertThat(scriptEvents).isGreaterThanOrEqualTo(10L * CopyingEventStorageEngine.COPY_FROM_EVENTS);
        assertThat(writeSide.storageEngine().copiedEvents() - copiedBefore).isEqualTo(scriptEvents);
        // a script this long started its COPY while it ran (StreamingCopy)
        assertThat(writeSide.storageEngine().streamedEvents() - streamedBefore).isEqualTo(scriptEvents);
        List<DomainEventMessage<?>> events = stored(writeSide, labId);
        insertTransactions.executeInTransaction(() -> insertEngine.appendEvents(events.subList(0, 1)));
        insertTransactions.executeInTransaction(() -> insertEngine.appendEvents(events.subList(1, events.size())));
        List<Row> copied = rows(db.dataSource(), labId);
        assertThat(copied).hasSize(events.size());
        assertThat(copied).containsExactlyElementsOf(rows(insertDb.dataSource(), labId));
        // and what the rows hold is what the kernel and the envelope say, independently of Axon
        List<Row> expected = new ArrayList<>();
        Lab lab = new Lab(SEED);
        StoreSerializer serializer = new StoreSerializer();
        HexFormat hex = HexFormat.of();
        for (Outcome o : lab.run(routedScript(60))) {
            byte[] meta = serializer.serialize(EventMeta.of("acme", "alice", o.line(), TIME), byte[].class).getData();
            for (Event e : o.events()) {
                Row row = copied.get(expected.size() + 1);
                expected.add(new Row(row.eventId(), labId, expected.size() + 1, "LabAggregate", row.timestamp(), e.type(), null,
                        hex.formatHex(EventCodec.toJson(e).getBytes(StandardCharsets.UTF_8)), hex.formatHex(meta)));
            }
        }
        assertThat(copied.subList(1, copied.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void givenAwkwardTextInLinesAndActor_whenCopiedAndReloaded_thenEveryByteSurvives() {
        String script = AWKWARD_LINES + "jls -n host.hostname\n" + routedScript(12);
        String labId = newLab(AWKWARD_ACTOR);
        long copiedBefore = writeSide.storageEngine().copiedEvents();

        exec(writeSide, labId, script, AWKWARD_ACTOR);

        assertThat(writeSide.storageEngine().copiedEvents()).isGreaterThan(copiedBefore);
        // metadata bytes: exactly the serializer's for the kernel's line and the actor
        StoreSerializer serializer = new StoreSerializer();
        HexFormat hex = HexFormat.of();
        List<String> expectedMeta = new ArrayList<>();
        List<String> expectedLines = new ArrayList<>();
        for (Outcome o : new Lab(SEED).run(script)) {
            for (Event ignored : o.events()) {
                expectedLines.add(o.line());
                expectedMeta.add(hex.formatHex(serializer.serialize(EventMeta.of("acme", AWKWARD_ACTOR, o.line(), TIME), byte[].class).getData()));
            }
        }
        assertThat(expectedLines.get(0)).contains("\t", "\r", "\\\\N", "日本").isEqualTo(AWKWARD_LINES.split("\n")[0]);
        List<Row> rows = rows(db.dataSource(), labId);
        assertThat(rows.subList(1, rows.size()).stream().map(Row::metaData).toList()).containsExactlyElementsOf(expectedMeta);

        // a second write side has nothing cached: the lab is rebuilt from the stored events
        try (WriteSide reloaded = new WriteSide(db.dataSource(), 1, 10, 1_000_000)) {
            List<DomainEventMessage<?>> back = stored(reloaded, labId);
            assertThat(back.subList(1, back.size()).stream().map(m -> EventMeta.text(m.getMetaData(), EventMeta.LINE)).toList())
                    .containsExactlyElementsOf(expectedLines);
            assertThat(back).allSatisfy(m -> assertThat(EventMeta.text(m.getMetaData(), EventMeta.ACTOR)).isEqualTo(AWKWARD_ACTOR));

            ScriptResult r = exec(reloaded, labId, "jls -n host.hostname", AWKWARD_ACTOR);

            Lab lab = new Lab(SEED);
            lab.run(script);
            Outcome expected = lab.run("jls -n host.hostname").get(0);
            assertThat(r.outcomes().get(0).stdout()).isEqualTo(expected.stdout()).contains("tab\there \\N back\\slash \\t cr\rx ü 日本 ☃\n");
        }
    }

    /** A payload with a revision, so that column is written non-null too. */
    @Revision("7.1")
    record Revised(String text) {}

    @Test
    void givenAwkwardTextColumns_whenAppendedByCopyAndByInsert_thenRowsAreEqual() {
        String aggregateId = "agg\t\\N\n\r\\ü日本☃-" + UUID.randomUUID();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Instant t = Instant.parse("2026-11-27T13:07:51.123456789Z");
        for (int i = 0; i < CopyingEventStorageEngine.COPY_FROM_EVENTS + 3; i++) {
            Object payload = i % 2 == 0 ? new Revised("x\ty\\N\n" + i) : "plain " + i;
            String type = i % 3 == 0 ? null : "Type\t\\\n☃";
            MetaData meta = i % 5 == 0 ? MetaData.emptyInstance() : MetaData.with("line", "a\tb\\N\r\n" + i);
            events.add(new GenericDomainEventMessage<>(type, aggregateId, i, payload, meta, "id\t\\N-" + UUID.randomUUID(), t.plusNanos(i * 1_000_001L)));
        }
        long copiedBefore = writeSide.storageEngine().copiedEvents();

        writeSide.transactions().executeInTransaction(() -> writeSide.eventStore().publish(events));
        insertTransactions.executeInTransaction(() -> insertEngine.appendEvents(events));

        assertThat(writeSide.storageEngine().copiedEvents() - copiedBefore).isEqualTo(events.size());
        List<Row> copied = rows(db.dataSource(), aggregateId);
        assertThat(copied).hasSize(events.size()).containsExactlyElementsOf(rows(insertDb.dataSource(), aggregateId));
        assertThat(copied.get(0).payloadRevision()).isEqualTo("7.1");
        assertThat(copied.get(0).type()).isNull();
        assertThat(copied.get(1).type()).isEqualTo("Type\t\\\n☃");
        assertThat(copied.get(1).timestamp()).isEqualTo("2026-11-27T13:07:51.124Z");
    }

    static List<DomainEventMessage<?>> events(String aggregateId, long from, int count) {
        List<DomainEventMessage<?>> out = new ArrayList<>();
        for (long s = from; s < from + count; s++) out.add(new GenericDomainEventMessage<>("Test", aggregateId, s, "event " + s));
        return out;
    }

    static long count(String aggregateId) {
        return rows(db.dataSource(), aggregateId).size();
    }

    @Test
    void givenTakenSequenceNumberInLargeBatch_whenAppended_thenConcurrencyExceptionAndNothingWritten() {
        String aggregateId = "conflict-" + UUID.randomUUID();
        JdbcTransactions tx = writeSide.transactions();
        tx.executeInTransaction(() -> writeSide.eventStore().publish(events(aggregateId, 0, 10)));
        long copiedBefore = writeSide.storageEngine().copiedEvents();

        // the batch starts on taken numbers
        assertThatThrownBy(() -> tx.executeInTransaction(() -> writeSide.eventStore().publish(events(aggregateId, 5, 100))))
                .isInstanceOf(ConcurrencyException.class);
        // the batch's last event takes a number twice
        List<DomainEventMessage<?>> lastRepeats = new ArrayList<>(events(aggregateId, 10, 99));
        lastRepeats.add(new GenericDomainEventMessage<>("Test", aggregateId, 50, "again"));
        assertThatThrownBy(() -> tx.executeInTransaction(() -> writeSide.eventStore().publish(lastRepeats)))
                .isInstanceOf(ConcurrencyException.class);
        // a small batch (INSERTs) fails the same way
        assertThatThrownBy(() -> tx.executeInTransaction(() -> writeSide.eventStore().publish(events(aggregateId, 9, 2))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(count(aggregateId)).isEqualTo(10);
        assertThat(writeSide.storageEngine().copiedEvents()).isEqualTo(copiedBefore);
        // the pooled connections are fine afterwards
        tx.executeInTransaction(() -> writeSide.eventStore().publish(events(aggregateId, 10, 100)));
        assertThat(count(aggregateId)).isEqualTo(110);
    }

    @Test
    void givenFailureAfterTheCopy_whenTheUnitOfWorkRollsBack_thenTheCopiedRowsAreGone() {
        String aggregateId = "rollback-" + UUID.randomUUID();
        JdbcTransactions tx = writeSide.transactions();

        assertThatThrownBy(() -> tx.executeInTransaction(() -> {
            writeSide.eventStore().publish(events(aggregateId, 0, 200));
            throw new IllegalStateException("later in the unit of work");
        })).hasMessage("later in the unit of work");

        assertThat(count(aggregateId)).isZero();
    }

    @Test
    void givenTransactionConnection_whenUnwrapped_thenItIsPostgres() {
        JdbcTransactions tx = writeSide.transactions();
        tx.executeInTransaction(() -> {
            try {
                Connection c = tx.getConnection();
                assertThat(c.isWrapperFor(PGConnection.class)).isTrue();
                assertThat(c.unwrap(PGConnection.class)).isNotNull();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
