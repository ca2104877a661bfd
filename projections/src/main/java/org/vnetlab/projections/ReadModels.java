package org.vnetlab.projections;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.kernel.sh.Shell;
import org.vnetlab.kernel.userland.Outcome;

/**
 * The query side. Read-only lines ({@code jls}, {@code ifconfig} displays, {@code sysctl} reads,
 * {@code netstat -rn}, {@code route get|show}, {@code arp -a}, {@code ndp -a}) are answered by
 * running the kernel's own tool on a host rebuilt from the projection's history rows, once the
 * projection has reached the caller's position: the bytes are the aggregate's by construction
 * (same evolve, same formatter). It only needs the database, so it runs wherever the API runs.
 *
 * <p>Hosts are cached per lab (least recently used go first) and caught up from {@code history}
 * incrementally.
 */
public final class ReadModels {
    /** The views {@link #view} serves, each a read-model table. */
    public static final List<String> VIEWS = LabRows.TABLES;
    private static final Map<String, String> ORDER = Map.of(
            "jails", "jid",
            "interfaces", "vnet, ifindex",
            "addresses", "vnet, interface, family, address",
            "routes", "vnet, family, destination",
            "sysctls", "vnet, name");
    private static final int CACHED_LABS = 256;

    /** What a read answered, and the lab position it was answered at. */
    public record Answer(List<Outcome> outcomes, long position) {}

    private final DataSource dataSource;
    private final Duration timeout;
    private final Map<String, ProjectedLab> hosts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProjectedLab> eldest) {
            return size() > CACHED_LABS;
        }
    };

    public ReadModels(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /**
     * The answer to {@code script} if every line of it only reads, as of at least the position
     * {@code position} supplies (asked only for reads); empty when the aggregate must answer.
     */
    public Optional<Answer> answer(String labId, String script, LongSupplier position) {
        if (!ReadOnly.script(script)) return Optional.empty();
        long wanted = position.getAsLong();
        awaitPosition(labId, wanted);
        ProjectedLab lab = cached(labId);
        synchronized (lab) {
            catchUp(lab);
            if (lab.host == null) return Optional.empty();
            boolean[] wrote = {false};
            List<Outcome> outcomes = Shell.run(lab.host, script, e -> {
                wrote[0] = true;
                ReadOnly.SINK.emit(e);
            });
            return wrote[0] ? Optional.empty() : Optional.of(new Answer(outcomes, lab.position));
        }
    }

    /** A read-model table's rows for the lab (tenant and lab columns left out), at least at {@code position}. */
    public List<Map<String, Object>> view(String labId, String view, long position) {
        if (!VIEWS.contains(view)) throw new IllegalArgumentException("no view " + view);
        awaitPosition(labId, position);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM " + view + " WHERE lab = ? ORDER BY " + ORDER.get(view))) {
            ps.setString(1, labId);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String col = md.getColumnName(i);
                        if (col.equals("tenant") || col.equals("lab")) continue;
                        Object v = rs.getObject(i);
                        if (v != null && md.getColumnTypeName(i).equals("jsonb")) v = json(rs.getString(i));
                        row.put(col, v);
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new ProjectionLagException("cannot read the read models: " + e.getMessage(), false, e);
        }
        return rows;
    }

    /** Waits until the lab is projected at least up to {@code position}; answers the projected position. */
    public long awaitPosition(String labId, long position) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (true) {
            long projected;
            try (Connection c = dataSource.getConnection()) {
                projected = LabHistory.position(c, labId);
            } catch (SQLException e) {
                throw new ProjectionLagException("cannot read the projections' position: " + e.getMessage(), false, e);
            }
            if (projected >= position && projected >= 0) return projected;
            if (System.nanoTime() > deadline) {
                throw new ProjectionLagException("the read models did not reach position " + position + " of lab " + labId
                        + " within " + timeout.toMillis() + " ms (they are at " + projected + ")", true, null);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionLagException("interrupted", false, e);
            }
            pause = Math.min(pause * 2, 20);
        }
    }

    private ProjectedLab cached(String labId) {
        synchronized (hosts) {
            return hosts.computeIfAbsent(labId, ProjectedLab::new);
        }
    }

    private void catchUp(ProjectedLab lab) {
        try (Connection c = dataSource.getConnection()) {
            LabHistory.catchUp(c, lab);
        } catch (SQLException e) {
            throw new ProjectionLagException("cannot read the history: " + e.getMessage(), false, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return EventCodec.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
