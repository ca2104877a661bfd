package org.vnetlab.projections;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnetlab.kernel.codec.EventCodec;
import org.vnetlab.kernel.sh.Shell;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Vnet;
import org.vnetlab.kernel.sysctl.Oid;
import org.vnetlab.kernel.sysctl.SysctlCatalog;
import org.vnetlab.kernel.sysctl.Sysctls;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * Writes one lab's relational read models (jails, interfaces, addresses, routes, sysctls) from
 * its projected host: the lab's rows are deleted and written again, in the caller's transaction,
 * after a batch with an event that can change them (ProjectedLab.rowsStale: not after pings
 * alone). Simple and obviously right. Each row's position is that of the last such event.
 * Routes are read off the kernel's own {@code netstat -rn}, so the table says what netstat says.
 */
final class LabRows {
    static final List<String> TABLES = List.of("jails", "interfaces", "addresses", "routes", "sysctls");

    private LabRows() {}

    static void rewrite(Connection c, ProjectedLab lab) throws SQLException {
        for (String t : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE lab = ?")) {
                ps.setString(1, lab.labId);
                ps.executeUpdate();
            }
        }
        if (lab.host == null) return;
        jails(c, lab);
        List<Prison> vnetOwners = vnetOwners(lab.host);
        interfaces(c, lab, vnetOwners);
        routes(c, lab, vnetOwners);
        sysctls(c, lab, vnetOwners);
    }

    /** The prisons that own a vnet: the host (vnet 0) and every vnet jail. */
    private static List<Prison> vnetOwners(Host host) {
        List<Prison> owners = new ArrayList<>();
        owners.add(host.prison0);
        for (Prison p : host.jails()) if (p.ownVnet) owners.add(p);
        return owners;
    }

    private static void jails(Connection c, ProjectedLab lab) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO jails (tenant, lab, jid, name, parent, path, hostname, vnet, params, ip4, ip6, position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
            for (Prison p : lab.host.jails()) {
                ObjectNode params = EventCodec.mapper().createObjectNode();
                params.put("persist", p.persist);
                params.put("children.max", p.childrenMax);
                params.put("children.cur", p.childrenCur);
                if (p.extra != null) for (Map.Entry<String, String> e : p.extra.entrySet()) params.put(e.getKey(), e.getValue());
                ps.setString(1, lab.tenant);
                ps.setString(2, lab.labId);
                ps.setInt(3, p.jid);
                ps.setString(4, p.name);
                ps.setInt(5, p.parent == null ? 0 : p.parent.jid);
                ps.setString(6, p.path);
                ps.setString(7, p.hostname);
                ps.setBoolean(8, p.ownVnet);
                ps.setString(9, params.toString());
                ps.setString(10, p.ip4 == null || p.ip4.isEmpty() ? null : String.join(",", p.ip4));
                ps.setString(11, p.ip6 == null || p.ip6.isEmpty() ? null : String.join(",", p.ip6));
                ps.setLong(12, lab.rowsAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void interfaces(Connection c, ProjectedLab lab, List<Prison> owners) throws SQLException {
        try (PreparedStatement ifs = c.prepareStatement(
                "INSERT INTO interfaces (tenant, lab, vnet, name, ifindex, kind, home_vnet, flags, mtu, ether, details, position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?)");
             PreparedStatement addrs = c.prepareStatement(
                     "INSERT INTO addresses (tenant, lab, vnet, interface, family, address, prefixlen, broadcast, position)"
                             + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Prison owner : owners) {
                Vnet vnet = owner.vnet;
                for (Ifnet ifp : vnet.ifnets()) {
                    ArrayNode flags = EventCodec.mapper().createArrayNode();
                    String described = IfFlags.describe(ifp.flags);
                    String names = described.substring(described.indexOf('<') + 1, described.length() - 1);
                    if (!names.isEmpty()) for (String n : names.split(",")) flags.add(n);
                    ObjectNode details = EventCodec.mapper().createObjectNode();
                    if (ifp.description != null) details.put("description", ifp.description);
                    if (ifp.peer != null) details.put("peer", ifp.peer.name);
                    if (ifp.bridge != null) details.put("bridge", ifp.bridge.name);
                    ifs.setString(1, lab.tenant);
                    ifs.setString(2, lab.labId);
                    ifs.setInt(3, vnet.id);
                    ifs.setString(4, ifp.name);
                    ifs.setInt(5, ifp.index);
                    ifs.setString(6, ifp.type);
                    ifs.setInt(7, ifp.home.id);
                    ifs.setString(8, flags.toString());
                    ifs.setInt(9, ifp.mtu);
                    ifs.setString(10, ifp.mac == 0 || (ifp.mac & ~0xFFFF_FFFF_FFFFL) != 0 ? null : new MacAddress(ifp.mac).toString());
                    ifs.setString(11, details.toString());
                    ifs.setLong(12, lab.rowsAt);
                    ifs.addBatch();
                    for (IfAddr a : ifp.addrs()) {
                        addrs.setString(1, lab.tenant);
                        addrs.setString(2, lab.labId);
                        addrs.setInt(3, vnet.id);
                        addrs.setString(4, ifp.name);
                        addrs.setString(5, a.family);
                        addrs.setString(6, a.address);
                        addrs.setInt(7, a.prefixlen);
                        addrs.setString(8, a.destination);
                        addrs.setLong(9, lab.rowsAt);
                        addrs.addBatch();
                    }
                }
            }
            ifs.executeBatch();
            addrs.executeBatch();
        }
    }

    private static void routes(Connection c, ProjectedLab lab, List<Prison> owners) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO routes (tenant, lab, vnet, family, destination, gateway, interface, flags, position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Prison owner : owners) {
                Outcome o = Shell.exec(lab.host, owner, "netstat -rn", List.of("netstat", "-rn"), ReadOnly.SINK);
                String family = null;
                for (String line : o.stdout().split("\n")) {
                    if (line.equals("Internet:")) family = "inet";
                    else if (line.equals("Internet6:")) family = "inet6";
                    else if (family == null || line.isBlank() || line.startsWith("Destination")) continue;
                    else {
                        String[] f = line.trim().split("\\s+");
                        if (f.length < 4) continue;
                        ps.setString(1, lab.tenant);
                        ps.setString(2, lab.labId);
                        ps.setInt(3, owner.vnet.id);
                        ps.setString(4, family);
                        ps.setString(5, f[0]);
                        ps.setString(6, f[1]);
                        ps.setString(7, f[3]);
                        ps.setString(8, f[2]);
                        ps.setLong(9, lab.rowsAt);
                        ps.addBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    private static void sysctls(Connection c, ProjectedLab lab, List<Prison> owners) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sysctls (tenant, lab, vnet, name, value, position) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Prison owner : owners) {
                for (Oid oid : SysctlCatalog.leaves()) {
                    if (!oid.vnet()) continue;
                    String value = Sysctls.vnetValue(owner.vnet, oid.name());
                    if (value.equals(oid.defaultValue())) continue;
                    ps.setString(1, lab.tenant);
                    ps.setString(2, lab.labId);
                    ps.setInt(3, owner.vnet.id);
                    ps.setString(4, oid.name());
                    ps.setString(5, value);
                    ps.setLong(6, lab.rowsAt);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
