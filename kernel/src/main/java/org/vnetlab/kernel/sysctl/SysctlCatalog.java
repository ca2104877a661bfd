package org.vnetlab.kernel.sysctl;

import static org.vnetlab.kernel.sysctl.Oid.PRISON;
import static org.vnetlab.kernel.sysctl.Oid.RD;
import static org.vnetlab.kernel.sysctl.Oid.RDTUN;
import static org.vnetlab.kernel.sysctl.Oid.RW;
import static org.vnetlab.kernel.sysctl.Oid.RWTUN;
import static org.vnetlab.kernel.sysctl.Oid.VNET;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vnetlab.kernel.jail.JailParams;
import org.vnetlab.kernel.sysctl.Oid.Type;

/**
 * The simulated kernel's sysctl tree. Leaves are listed in the order {@code sysctl -a} walks
 * them (OID number order: kern=1, net=4; net.inet=AF_INET, net.link=AF_LINK, net.inet6=AF_INET6;
 * OID_AUTO entries after the numbered ones), so a subtree is always one contiguous run.
 * Defaults and descriptions are FreeBSD 14.3's (files named per group).
 */
public final class SysctlCatalog {
    private static final List<Oid> LEAVES = new ArrayList<>();
    private static final Map<String, Oid> BY_NAME = new HashMap<>();
    private static final Map<String, String> NODE_DESCR = new HashMap<>();

    static {
        node("kern", "High kernel, proc, limits &c");
        // sys/kern/kern_mib.c
        leaf("kern.ostype", Type.STRING, RD, "FreeBSD", "Operating system type");
        leaf("kern.osrelease", Type.STRING, RD, JailParams.OSRELEASE, "Operating system release");
        leaf("kern.securelevel", Type.INT, RW | PRISON, "-1", "Current secure level");
        leaf("kern.hostname", Type.STRING, RW | PRISON, "", "Hostname");
        leaf("kern.hostid", Type.ULONG, RW | PRISON, "0", "Host ID");
        leaf("kern.domainname", Type.STRING, RW | PRISON, "", "Name of the current YP/NIS domain");
        leaf("kern.osreldate", Type.INT, RD, JailParams.OSRELDATE, "Kernel release date");
        node("kern.ipc", "IPC");
        // sys/kern/uipc_sockbuf.c (SB_MAX)
        leaf("kern.ipc.maxsockbuf", Type.ULONG, RW, "2097152", "Maximum socket buffer size");
        leaf("kern.hostuuid", Type.STRING, RW | PRISON, JailParams.NULL_UUID, "Host UUID");
        node("kern.features", "Kernel Features");
        leaf("kern.features.inet", Type.INT, RD, "1", "Internet Protocol version 4");
        leaf("kern.features.inet6", Type.INT, RD, "1", "Internet Protocol version 6");
        // sys/net/vnet.c FEATURE(vimage, ...)
        leaf("kern.features.vimage", Type.INT, RD, "1", "VIMAGE kernel virtualization");

        node("net", "Network, (see socket.h)");
        node("net.inet", "Internet Family");
        node("net.inet.ip", "IP");
        // sys/netinet/ip_input.c, ip_options.c
        leaf("net.inet.ip.forwarding", Type.INT, RW | VNET, "0", "Enable IP forwarding between interfaces");
        leaf("net.inet.ip.redirect", Type.INT, RW | VNET, "1", "Enable sending IP redirects");
        leaf("net.inet.ip.ttl", Type.INT, RW | VNET, "64", "Maximum TTL on IP packets");
        leaf("net.inet.ip.sourceroute", Type.INT, RW | VNET, "0", "Enable forwarding source routed IP packets");
        leaf("net.inet.ip.accept_sourceroute", Type.INT, RW | VNET, "0",
                "Enable accepting source routed IP packets");
        leaf("net.inet.ip.process_options", Type.INT, RW | VNET, "1",
                "Enable IP options processing ([LS]SRR, RR, TS)");
        node("net.inet.icmp", "ICMP");
        // sys/netinet/ip_icmp.c
        leaf("net.inet.icmp.maskrepl", Type.INT, RW | VNET, "0", "Reply to ICMP Address Mask Request packets");
        leaf("net.inet.icmp.icmplim", Type.UINT, RW | VNET, "200", "Maximum number of ICMP responses per second");
        leaf("net.inet.icmp.drop_redirect", Type.INT, RW | VNET, "0", "Ignore ICMP redirects");
        leaf("net.inet.icmp.bmcastecho", Type.INT, RW | VNET, "0",
                "Reply to multicast ICMP Echo Request and Timestamp packets");
        node("net.link", "Link layers");
        node("net.link.ether", "Ethernet");
        node("net.link.ether.inet", "");
        // sys/netinet/if_ether.c
        leaf("net.link.ether.inet.max_age", Type.INT, RW | VNET, "1200", "ARP entry lifetime in seconds");
        leaf("net.link.ether.inet.maxtries", Type.INT, RW | VNET, "5",
                "ARP resolution attempts before returning error");
        leaf("net.link.ether.inet.log_arp_permanent_modify", Type.INT, RW | VNET, "1",
                "log arp replies from MACs different than the one in the permanent arp entry");
        leaf("net.link.ether.inet.garp_rexmit_count", Type.INT, RW | VNET, "0",
                "Number of times to retransmit GARP packets; 0 to disable, maximum of 16");
        node("net.link.bridge", "Bridge");
        // sys/net/if_bridge.c; 14.x lets members keep addresses, hence member_ifaddrs=1
        leaf("net.link.bridge.pfil_bridge", Type.INT, RWTUN | VNET, "1", "Packet filter on the bridge interface");
        leaf("net.link.bridge.pfil_member", Type.INT, RWTUN | VNET, "1", "Packet filter on the member interface");
        leaf("net.link.bridge.inherit_mac", Type.INT, RWTUN | VNET, "0",
                "Inherit MAC address from the first bridge member");
        leaf("net.link.bridge.member_ifaddrs", Type.INT, RW | VNET, "1", "Allow layer 3 addresses on bridge members");
        node("net.inet6", "Internet6 Family");
        node("net.inet6.ip6", "IP6");
        // sys/netinet6/in6_proto.c
        leaf("net.inet6.ip6.forwarding", Type.INT, RW | VNET, "0",
                "Enable forwarding of IPv6 packets between interfaces");
        leaf("net.inet6.ip6.redirect", Type.INT, RW | VNET, "1",
                "Send ICMPv6 redirects for unforwardable IPv6 packets");
        leaf("net.inet6.ip6.hlim", Type.INT, RW | VNET, "64", "Default hop limit to use for outgoing IPv6 packets");
        leaf("net.inet6.ip6.accept_rtadv", Type.INT, RW | VNET, "0",
                "Default value of per-interface flag for accepting ICMPv6 RA messages");
        leaf("net.inet6.ip6.dad_count", Type.INT, RW | VNET, "1",
                "Number of ICMPv6 NS messages sent during duplicate address detection");
        leaf("net.inet6.ip6.auto_linklocal", Type.INT, RW | VNET, "1",
                "Default value of per-interface flag for automatically adding an IPv6 link-local address to"
                        + " interfaces when attached");
        leaf("net.inet6.ip6.no_radr", Type.INT, RW | VNET, "0",
                "Default value of per-interface flag to control whether routers sending ICMPv6 RA messages on"
                        + " that interface are added into the default router list");
        node("net.inet6.icmp6", "ICMP6");
        // sys/netinet6/in6_proto.c, nd6.c
        leaf("net.inet6.icmp6.rediraccept", Type.INT, RW | VNET, "1", "Accept ICMPv6 redirect messages");
        leaf("net.inet6.icmp6.redirtimeout", Type.INT, RW | VNET, "600",
                "Delay in seconds before expiring redirect route");
        leaf("net.inet6.icmp6.nd6_prune", Type.INT, RW | VNET, "1",
                "Frequency in seconds of checks for expired prefixes and routers");
        leaf("net.inet6.icmp6.nd6_delay", Type.INT, RW | VNET, "5",
                "Delay in seconds before sending the first neighbour unreachability probe");
        leaf("net.inet6.icmp6.nd6_umaxtries", Type.INT, RW | VNET, "3",
                "Number of ICMPv6 NS messages sent during reachability detection");
        leaf("net.inet6.icmp6.nd6_mmaxtries", Type.INT, RW | VNET, "3",
                "Number of ICMPv6 NS messages sent during address resolution");
        leaf("net.inet6.icmp6.nd6_useloopback", Type.INT, RW | VNET, "1",
                "Create a loopback route when configuring an IPv6 address");
        leaf("net.inet6.icmp6.errppslimit", Type.INT, RW | VNET, "100",
                "Maximum number of ICMPv6 error messages per second");
        // sys/net/route/route_tables.c. 14.x has it VNET|RWTUN (fibs can grow at run time); the
        // simulator has a single FIB, so it stays a read-only tunable here.
        leaf("net.fibs", Type.UINT, RDTUN, "1", "set number of fibs");
        node("net.route", "");
        // sys/net/route/route_ctl.c, with options ROUTE_MPATH (GENERIC has it)
        leaf("net.route.multipath", Type.UINT, RW | VNET, "1", "Enable route multipath");

        node("security", "Security");
        node("security.jail", "Jails");
        // sys/kern/kern_jail.c, kern_jailmeta.c: values are the calling jail's own
        leaf("security.jail.jailed", Type.INT, RD, "0", "Process in jail?");
        leaf("security.jail.vnet", Type.INT, RD, "0", "Jail owns vnet?");
        node("security.jail.children", "Limits and stats of child jails");
        leaf("security.jail.children.max", Type.INT, RD, "999999", "Maximum number of child jails");
        leaf("security.jail.children.cur", Type.INT, RD, "0", "Current number of child jails");
        leaf("security.jail.env", Type.STRING, RD, "", "Meta information provided by parent jail");
    }

    private SysctlCatalog() {}

    private static void node(String name, String description) {
        NODE_DESCR.put(name, description);
    }

    private static void leaf(String name, Type type, int flags, String def, String description) {
        Oid oid = new Oid(name, type, flags, def, description);
        LEAVES.add(oid);
        BY_NAME.put(name, oid);
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            String parent = name.substring(0, dot);
            BY_NAME.computeIfAbsent(parent, n -> new Oid(n, Type.NODE, RW, null, NODE_DESCR.getOrDefault(n, "")));
        }
    }

    /** name2oid: the leaf or interior node with exactly this name, or null. */
    public static Oid lookup(String name) {
        return BY_NAME.get(name);
    }

    /** Every leaf, in the order sysctl -a lists them. */
    public static List<Oid> leaves() {
        return Collections.unmodifiableList(LEAVES);
    }

    /** The leaves below {@code node}, in listing order; the leaf itself if it is one. */
    public static List<Oid> subtree(Oid node) {
        if (!node.isNode()) return List.of(node);
        String prefix = node.name() + ".";
        List<Oid> list = new ArrayList<>();
        for (Oid o : LEAVES) {
            if (o.name().startsWith(prefix)) list.add(o);
        }
        return list;
    }
}
