package org.vnetlab.kernel.net;

import java.util.List;
import org.vnetlab.kernel.state.IfAddr;
import org.vnetlab.kernel.state.IfFlags;
import org.vnetlab.kernel.state.Ifnet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.MacAddress;

/**
 * What 14.x ifconfig prints for one interface (sbin/ifconfig/ifconfig_netlink.c status_nl, af_inet.c,
 * af_inet6.c, af_nd6.c, ifbridge.c, ifmedia.c), in its line order: header, description, options,
 * ether, inet, inet6, bridge block, groups, media, status, nd6.
 */
final class IfStatus {
    private static final String[] ND6_BITS = {
        "PERFORMNUD", "ACCEPT_RTADV", "PREFER_SOURCE", "IFDISABLED", "DONT_SET_IFROUTE",
        "AUTO_LINKLOCAL", "NO_RADR", "NO_PREFER_IFACE", "NO_DAD"
    };
    /** IFBIFBITS in sys/net/if_bridgevar.h. */
    private static final String[] IFBIF_BITS = {
        "LEARNING", "DISCOVER", "STP", "SPAN", "STICKY", "EDGE", "AUTOEDGE", "PTP", "AUTOPTP"
    };

    private IfStatus() {}

    /** {@code af} is null for everything, else "inet", "inet6" or "ether"/"link"/"lladdr". */
    static void print(StringBuilder out, Ifnet ifp, String af, Prison viewer, long now) {
        boolean all = af == null;
        boolean link = all || af.equals("ether") || af.equals("link") || af.equals("lladdr");
        out.append(ifp.name).append(": flags=").append(IfFlags.describe(displayFlags(ifp)))
                .append(" metric 0 mtu ").append(ifp.mtu).append('\n');
        if (ifp.description != null) out.append("\tdescription: ").append(ifp.description).append('\n');
        switch (ifp.type) {
            case "epair" -> out.append("\toptions=8<VLAN_MTU>\n");
            case "lo" -> out.append("\toptions=680003<RXCSUM,TXCSUM,LINKSTATE,RXCSUM_IPV6,TXCSUM_IPV6>\n");
            case "bridge" -> out.append("\toptions=0\n");
            default -> { }
        }
        if (link && ifp.mac >= 0) out.append("\tether ").append(new MacAddress(ifp.mac)).append('\n');
        if (all || af.equals("inet")) {
            for (IfAddr a : ifp.addrs()) if (a.isInet() && visible(viewer, a)) inet(out, ifp, a);
        }
        if (all || af.equals("inet6")) {
            for (IfAddr a : ifp.addrs()) if (a.isInet6() && visible(viewer, a)) inet6(out, ifp, a, now);
        }
        if (all) {
            if (ifp.softc instanceof BridgeSoftc sc) bridge(out, ifp, sc);
            out.append("\tgroups: ").append(ifp.type).append('\n');
            if (ifp.type.equals("epair")) {
                out.append("\tmedia: Ethernet 10Gbase-T (10Gbase-T <full-duplex>)\n");
                out.append("\tstatus: active\n");
            }
        }
        if (all || af.equals("inet6")) {
            out.append("\tnd6 options=").append(Integer.toHexString(ifp.nd6Flags)).append('<')
                    .append(IfFlags.names(ifp.nd6Flags, ND6_BITS)).append(">\n");
        }
    }

    /** 14+ netlink adds LOWER_UP when the link is up: epair media is always active, lo while up. */
    static int displayFlags(Ifnet ifp) {
        boolean lowerUp = ifp.type.equals("epair") || (ifp.type.equals("lo") && ifp.isUp());
        return ifp.flags | (lowerUp ? IfFlags.LOWER_UP : 0);
    }

    private static void inet(StringBuilder out, Ifnet ifp, IfAddr a) {
        int mask = Ipv4Address.prefixMask(a.prefixlen);
        out.append("\tinet ").append(a.address).append(" netmask 0x").append(String.format("%08x", mask));
        if ((ifp.flags & IfFlags.POINTOPOINT) != 0 && a.destination != null) {
            out.append(" --> ").append(a.destination);
        } else if ((ifp.flags & IfFlags.BROADCAST) != 0) {
            out.append(" broadcast ").append(a.destination != null ? a.destination : broadcast(a));
        }
        out.append('\n');
    }

    /** netinet/in.c: address | ~mask, and 255.255.255.255 on a /31 (RFC 3021). */
    static String broadcast(IfAddr a) {
        if (a.prefixlen == 31) return "255.255.255.255";
        int bits = Ipv4Address.of(a.address).bits() | ~Ipv4Address.prefixMask(a.prefixlen);
        return new Ipv4Address(bits).toString();
    }

    private static void inet6(StringBuilder out, Ifnet ifp, IfAddr a, long now) {
        boolean ll = IfEvolve.isLinkLocal(a.address);
        out.append("\tinet6 ").append(a.address);
        if (ll) out.append('%').append(ifp.name);
        out.append(" prefixlen ").append(a.prefixlen);
        int f = a.flags();
        if ((f & IfAddr.IN6_IFF_ANYCAST) != 0) out.append(" anycast");
        if ((f & IfAddr.IN6_IFF_TENTATIVE) != 0) out.append(" tentative");
        if ((f & IfAddr.IN6_IFF_DUPLICATED) != 0) out.append(" duplicated");
        if ((f & IfAddr.IN6_IFF_DETACHED) != 0) out.append(" detached");
        if ((f & IfAddr.IN6_IFF_DEPRECATED) != 0) out.append(" deprecated");
        if ((f & IfAddr.IN6_IFF_AUTOCONF) != 0) out.append(" autoconf");
        if ((f & IfAddr.IN6_IFF_TEMPORARY) != 0) out.append(" temporary");
        if ((f & IfAddr.IN6_IFF_PREFER_SOURCE) != 0) out.append(" prefer_source");
        if (ll) out.append(" scopeid 0x").append(Integer.toHexString(ifp.index));
        // af_inet6.c show_lifetime() (netlink, no -L needed): the seconds left once either is
        // finite; an infinite one prints as 0 there (ifa_cacheinfo carries 0 for it).
        if (AddressLifetimes.finite(a)) {
            out.append(" pltime ").append(a.preferredUntil == IfAddr.INFINITE ? 0 : AddressLifetimes.remaining(a.preferredUntil, now));
            out.append(" vltime ").append(a.validUntil == IfAddr.INFINITE ? 0 : AddressLifetimes.remaining(a.validUntil, now));
        }
        out.append('\n');
    }

    private static void bridge(StringBuilder out, Ifnet ifp, BridgeSoftc sc) {
        String id = new MacAddress(ifp.mac).toString();
        out.append("\tid ").append(id).append(" priority 32768 hellotime 2 fwddelay 15\n");
        out.append("\tmaxage 20 holdcnt 6 proto rstp maxaddr 2000 timeout 1200\n");
        out.append("\troot id ").append(id).append(" priority 32768 ifcost 0 port 0\n");
        for (BridgeSoftc.Member m : sc.members) {
            out.append("\tmember: ").append(m.ifp.name).append(" flags=")
                    .append(Integer.toHexString(m.flags)).append('<').append(IfFlags.names(m.flags, IFBIF_BITS))
                    .append(">\n\t        ifmaxaddr 0 port ").append(m.ifp.index)
                    .append(" priority 128 path cost 2000");
            if ((m.flags & BridgeSoftc.IFBIF_STP) != 0) {
                out.append(" proto rstp\n\t        role designated state forwarding");
            }
            out.append('\n');
        }
    }

    /** ifconfig bridgeN addr (ifbridge.c bridge_addresses). */
    static void addresses(StringBuilder out, BridgeSoftc sc, long now) {
        for (BridgeSoftc.RtEntry e : sc.rtable) {
            out.append(new MacAddress(e.mac())).append(" Vlan").append(e.vlan()).append(' ').append(e.ifp().name);
            if (e.expiresAt() == 0) out.append(" 0 flags=1<STATIC>\n");
            else out.append(' ').append(Math.max(0, (e.expiresAt() - now / 1_000_000_000L * 1_000_000_000L) / 1_000_000_000L))
                    .append(" flags=0<>\n");
        }
    }

    /** A jail without its own vnet sees only the addresses it was given (prison_check_ip4/6). */
    static boolean visible(Prison viewer, IfAddr a) {
        if (viewer.isHost() || viewer.ownVnet) return true;
        if ("inherit".equals(viewer.param(a.isInet() ? "ip4" : "ip6"))) return true;
        List<String> allowed = a.isInet() ? viewer.ip4 : viewer.ip6;
        if (allowed == null) return false;
        for (String s : allowed) {
            String bare = s;
            int cut = bare.indexOf('|');
            if (cut >= 0) bare = bare.substring(cut + 1);
            cut = bare.indexOf('/');
            if (cut >= 0) bare = bare.substring(0, cut);
            if (bare.equals(a.address)) return true;
        }
        return false;
    }
}
