package org.vnetlab.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vnetlab.commands.lab.CreateLab;
import org.vnetlab.commands.lab.ExecScript;
import org.vnetlab.commands.lab.LabSnapshot;
import org.vnetlab.commands.lab.ScriptResult;
import org.vnetlab.commands.store.WriteSide;
import org.vnetlab.kernel.HostSnapshot;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.platform.Database;
import org.vnetlab.platform.TestInfra;

/** Snapshots every N events on the real event store, and labs loading from them. */
class LabSnapshotTest {
    private static final int EVERY = 20;
    /** What the lab does after it was reloaded: data plane on the restored ARP caches and clock. */
    private static final String MORE = """
            jexec 1 ping -c 2 192.0.2.6
            jexec 3 arp -an
            jexec 1 traceroute -n 192.0.2.6
            sleep 5
            jexec 2 netstat -s -p icmp
            jail -c name=late vnet persist
            jls
            """;

    private Database db;
    private WriteSide writeSide;

    @BeforeEach
    void start() {
        db = TestInfra.get().freshDatabase();
        new Tenants(db.dataSource()).ensureTenant("acme", "Acme");
        writeSide = new WriteSide(db.dataSource(), 2, 100, EVERY);
    }

    @AfterEach
    void stop() {
        writeSide.close();
        db.close();
    }

    private String createLab(WriteSide ws, long seed) {
        String id = UUID.randomUUID().toString();
        ws.commandGateway().sendAndWait(new CreateLab(id, "acme", "snap-" + seed, seed, "alice", 1L));
        return id;
    }

    private static ScriptResult exec(WriteSide ws, String lab, String script) {
        return ws.commandGateway().sendAndWait(new ExecScript(lab, script, "alice", 2L));
    }

    private long count(String sql, String lab) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lab);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, String lab) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lab);
            ps.executeUpdate();
        }
    }

    @Test
    void givenMoreThanNEvents_whenLoadedInAFreshWriteSide_thenFromTheSnapshotAndGoesOnLikeTheKernelLab() throws Exception {
        String script = WriteSideFixture.seedScript();
        String lab = createLab(writeSide, 42);
        ScriptResult first = exec(writeSide, lab, script);
        assertThat(first.position()).isGreaterThan(EVERY);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", lab) == 1);
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT payloadtype, payloadrevision, sequencenumber FROM snapshotevententry WHERE aggregateidentifier = ?")) {
            ps.setString(1, lab);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(LabSnapshot.TYPE);
                assertThat(rs.getString(2)).isEqualTo(HostSnapshot.FORMAT);
                assertThat(rs.getLong(3)).isEqualTo(first.position());
            }
        }
        writeSide.close();
        // The events the snapshot covers are gone: the lab can only load from its snapshot.
        update("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber <= "
                + "(SELECT max(sequencenumber) FROM snapshotevententry s WHERE s.aggregateidentifier = domainevententry.aggregateidentifier)", lab);
        writeSide = new WriteSide(db.dataSource(), 2, 100, EVERY);

        ScriptResult more = exec(writeSide, lab, MORE);

        Lab kernel = new Lab(42);
        kernel.run(script);
        List<Outcome> expected = kernel.run(MORE);
        assertThat(more.outcomes()).isEqualTo(expected);
        assertThat(more.position()).isEqualTo(kernel.events().size());
    }

    @Test
    void givenLabWithoutSnapshot_whenLoadedInAFreshWriteSide_thenReplayedFromEvents() throws Exception {
        String lab = createLab(writeSide, 7);
        String script = "jail -c name=a vnet persist\njail -c name=b vnet persist\nifconfig epair create\n";
        exec(writeSide, lab, script);
        writeSide.close();
        assertThat(count("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", lab)).isZero();
        writeSide = new WriteSide(db.dataSource(), 2, 100, EVERY);

        ScriptResult more = exec(writeSide, lab, "ifconfig epair0a vnet a\njexec a ifconfig -l\njls");

        Lab kernel = new Lab(7);
        kernel.run(script);
        assertThat(more.outcomes()).isEqualTo(kernel.run("ifconfig epair0a vnet a\njexec a ifconfig -l\njls"));
    }

    @Test
    void givenSnapshotOfAnotherKernelFormat_whenLoaded_thenIgnoredAndReplayedFromEvents() throws Exception {
        String script = WriteSideFixture.seedScript();
        String lab = createLab(writeSide, 5);
        exec(writeSide, lab, script);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", lab) == 1);
        writeSide.close();
        // as if written by an older kernel, with a host this one could not read
        update("UPDATE snapshotevententry SET payloadrevision = '0.old', payload = '\\x00'::bytea WHERE aggregateidentifier = ?", lab);
        writeSide = new WriteSide(db.dataSource(), 2, 100, EVERY);

        ScriptResult more = exec(writeSide, lab, MORE);

        Lab kernel = new Lab(5);
        kernel.run(script);
        assertThat(more.outcomes()).isEqualTo(kernel.run(MORE));
    }
}
