package org.vnetlab.kernel.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.HostDump;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

/** IPv6 and NDP through FreeBSD's command lines (freebsd-scenarios.md S30, S34, S36, S37, S42, S45). */
class Ipv6ScenariosTest {

    private static final String REPLY6 = "16 bytes from %s, icmp_seq=0 hlim=%d time=\\d+\\.\\d{3} ms\n";

    @Test
    void givenS30_whenPingingGlobalOnLink_thenOneReplyFromCanonicalAddress() {
        Lab lab = new Lab(30);
        lab.run("""
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jexec a ifconfig epair0a up
                jexec a ifconfig epair0a inet6 2001:db8:0:0:1::1/64
                jail -c name=b persist vnet vnet.interface=epair0b
                jexec b ifconfig epair0b up
                jexec b ifconfig epair0b inet6 2001:db8:0:0:1::4242/64
                """);
        assertThat(lab.exec("jexec b ifconfig epair0b inet6").stdout()).doesNotContain("tentative").contains("inet6 2001:db8::1:0:0:4242 prefixlen 64");
        Outcome o = lab.exec("jexec a ping -6 -nc1 2001:db8:0:0:1::4242");
        assertThat(o.exit()).as(o.toString()).isZero();
        assertThat(o.stderr()).isEmpty();
        assertThat(o.stdout()).matches("PING\\(56=40\\+8\\+8 bytes\\) 2001:db8::1:0:0:1 --> 2001:db8::1:0:0:4242\n"
                + String.format(REPLY6, "2001:db8::1:0:0:4242", 64) + """

                --- 2001:db8:0:0:1::4242 ping statistics ---
                1 packets transmitted, 1 packets received, 0.0% packet loss
                round-trip min/avg/max/stddev = [0-9./]+ ms
                """);
        // both sides learned each other: b from a's NS (stale), a from b's solicited NA (reachable)
        String mac = lab.exec("jexec b ifconfig epair0b ether").stdout().replaceAll("(?s).*ether ([0-9a-f:]{17}).*", "$1");
        // the table also holds a's own addresses (LLE_IFADDR entries), shown permanent
        assertThat(lab.exec("jexec a ndp -an").stdout()).matches("""
                Neighbor                             Linklayer Address  Netif Expire    S Flags
                2001:db8::1:0:0:1                    [0-9a-f:]{17} epair0a permanent R\\s
                2001:db8::1:0:0:4242                 %s epair0a 30s       R\\s
                fe80::[0-9a-f:]+%%epair0a +[0-9a-f:]{17} epair0a permanent R\\s
                """.formatted(mac));
        assertThat(lab.exec("jexec b ndp -an").stdout()).contains("2001:db8::1:0:0:1", "epair0b 5s        D \n");
        lab.exec("sleep 10"); // DELAY -> PROBE: a unicast NS, a's solicited NA makes it reachable again
        assertThat(lab.exec("jexec b ndp -an").stdout()).contains("epair0b 30s       R \n");
        lab.exec("sleep 40");
        assertThat(lab.exec("jexec b ndp -an").stdout()).contains("epair0b 1d0h0m0s  S \n");
    }

    @Test
    void givenS34_whenNsUnanswered_thenIncompleteEntryCanBeDeleted() {
        Lab lab = new Lab(34);
        lab.run("""
                ifconfig epair create
                jail -c name=v6t-ndp_del_gu_success persist vnet vnet.interface=epair0a
                jexec v6t-ndp_del_gu_success ndp -i epair0a -- -disabled
                jexec v6t-ndp_del_gu_success ifconfig epair0a up
                jexec v6t-ndp_del_gu_success ifconfig epair0a inet6 2001:db8::1/64
                """);
        String j = "jexec v6t-ndp_del_gu_success ";
        Outcome ping = lab.exec(j + "ping -c1 -t1 2001:db8::2");
        assertThat(ping.exit()).isEqualTo(2);
        assertThat(ping.stderr()).isEmpty();
        assertThat(lab.exec(j + "ndp -an").stdout()).contains("2001:db8::2                          (incomplete)");
        assertThat(lab.exec(j + "ndp -nd 2001:db8::2").stdout()).matches("(?s).*2001:db8::2 \\(2001:db8::2\\) deleted\n");
        assertThat(lab.exec(j + "ndp -n 2001:db8::2").exit()).isEqualTo(1);
    }

    @Test
    void givenS36_whenProxyEntry_thenNeighbourLearnsProxyMac() {
        Lab lab = new Lab(36);
        lab.run("""
                ifconfig epair create
                jail -c name=A persist vnet vnet.interface=epair0a
                jexec A ndp -i epair0a -- -disabled
                jexec A ifconfig epair0a up
                jexec A ifconfig epair0a inet6 2001:db8::1/64
                """);
        String proxyMac = lab.exec("jexec A ifconfig epair0a ether").stdout().replaceAll("(?s).*ether ([0-9a-f:]{17}).*", "$1");
        assertThat(lab.exec("jexec A ndp -s 2001:db8::aaaa " + proxyMac + " proxy").exit()).isZero();
        lab.run("""
                jail -c name=B persist vnet vnet.interface=epair0b
                jexec B ndp -i epair0b -- -disabled
                jexec B ifconfig epair0b up
                jexec B ifconfig epair0b inet6 2001:db8::2/64
                """);
        assertThat(lab.exec("jexec B ping -c1 -t1 2001:db8::aaaa").exit()).isEqualTo(2);
        assertThat(lab.exec("jexec B ndp -an").stdout()).containsPattern("2001:db8::aaaa +" + proxyMac + " +epair0b");
    }

    /** S37's topology with IPv6: epair0a holds 2001:db8::1/64, epair0b stays down on the host. */
    private static Lab singleVnet() {
        Lab lab = new Lab(37);
        lab.run("""
                ifconfig epair create
                jail -c name=t persist vnet vnet.interface=epair0a
                jexec t ifconfig lo0 127.0.0.1/8 up
                jexec t ifconfig epair0a 192.0.2.1/24 up
                jexec t ifconfig epair0a inet6 2001:db8::1/64 no_dad
                """);
        return lab;
    }

    @Test
    void givenS37_whenPinging6_thenFreeBsd14Texts() {
        Lab lab = singleVnet();
        Outcome local = lab.exec("jexec t ping -6 -c1 -s8 -t1 localhost");
        assertThat(local.exit()).as(local.toString()).isZero();
        assertThat(local.stderr()).isEmpty();
        assertThat(local.stdout()).matches("PING\\(56=40\\+8\\+8 bytes\\) ::1 --> ::1\n" + String.format(REPLY6, "::1", 64) + """

                --- localhost ping statistics ---
                1 packets transmitted, 1 packets received, 0.0% packet loss
                round-trip min/avg/max/stddev = [0-9./]+ ms
                """);
        Outcome own = lab.exec("jexec t ping -c1 2001:db8::1");
        assertThat(own.exit()).isZero();
        assertThat(own.stdout()).matches("PING\\(56=40\\+8\\+8 bytes\\) 2001:db8::1 --> 2001:db8::1\n"
                + String.format(REPLY6, "2001:db8::1", 64) + "(?s).*--- 2001:db8::1 ping statistics ---\n.*");
        Outcome nobody = lab.exec("jexec t ping -c1 2001:db8::2");
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.stderr()).isEmpty();
        assertThat(nobody.stdout()).isEqualTo("""
                PING(56=40+8+8 bytes) 2001:db8::1 --> 2001:db8::2

                --- 2001:db8::2 ping statistics ---
                1 packets transmitted, 0 packets received, 100.0% packet loss
                """);
        assertThat(lab.exec("jexec t ping -A -c3 2001:db8::2").stdout())
                .startsWith("\007\007PING(56=40+8+8 bytes) 2001:db8::1 --> 2001:db8::2\n");
        assertThat(lab.exec("jexec t ping -q -c3 2001:db8::2").stdout()).isEqualTo("""
                PING(56=40+8+8 bytes) 2001:db8::1 --> 2001:db8::2

                --- 2001:db8::2 ping statistics ---
                3 packets transmitted, 0 packets received, 100.0% packet loss
                """);
        Outcome from = lab.exec("jexec t ping -c1 -S::1 -s8 -t1 localhost");
        assertThat(from.exit()).isZero();
        assertThat(from.stdout()).startsWith("PING(56=40+8+8 bytes) ::1 --> ::1\n16 bytes from ::1, icmp_seq=0 hlim=64 time=");
        Outcome bad = lab.exec("jexec t ping -6 -Wx localhost");
        assertThat(bad.exit()).isEqualTo(64);
        assertThat(bad.stdout()).isEmpty();
        assertThat(bad.stderr()).isEqualTo("ping: invalid timing interval: `x'\n");
        Outcome bigger = lab.exec("jexec t ping6 -c1 -s 100 2001:db8::1");
        assertThat(bigger.stdout()).startsWith("PING(148=40+8+100 bytes) 2001:db8::1 --> 2001:db8::1\n108 bytes from 2001:db8::1, icmp_seq=0 hlim=64");
    }

    @Test
    void givenNoIpv6Route_whenPing6_thenUdpConnectErrorExit1() {
        Lab lab = singleVnet();
        Outcome o = lab.exec("jexec t ping -6 -c1 2001:db8:ffff::1");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.stdout()).isEmpty();
        assertThat(o.stderr()).isEqualTo("ping: UDP connect: No route to host\n");
    }

    @Test
    void givenIfdisabledInterface_whenPinging6_thenNothingGoesOut() {
        Lab lab = new Lab(38);
        lab.run("""
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=b persist vnet vnet.interface=epair0b
                jexec a ifconfig epair0a inet6 2001:db8::1/64 up
                jexec b ifconfig epair0b inet6 2001:db8::2/64 up
                """);
        assertThat(lab.exec("jexec a ping -6 -c1 2001:db8::2").exit()).isZero();
        lab.exec("jexec b ifconfig epair0b inet6 ifdisabled");
        assertThat(lab.exec("jexec a ping -6 -c1 -t1 2001:db8::2").exit()).isEqualTo(2);
        lab.exec("jexec b ifconfig epair0b inet6 -ifdisabled");
        assertThat(lab.exec("jexec a ping -6 -c1 -t1 2001:db8::2").exit()).isZero();
    }

    @Test
    void givenLinkLocalScope_whenPingingFe80Percent_thenReplyFromScopedAddress() {
        Lab lab = new Lab(39);
        lab.run("""
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=b persist vnet vnet.interface=epair0b
                jexec a ndp -i epair0a -- -disabled
                jexec a ifconfig epair0a up
                jexec b ndp -i epair0b -- -disabled
                jexec b ifconfig epair0b up
                """);
        String ll = lab.exec("jexec b ifconfig epair0b inet6").stdout().replaceAll("(?s).*inet6 (fe80::[0-9a-f:]+)%.*", "$1");
        String mine = lab.exec("jexec a ifconfig epair0a inet6").stdout().replaceAll("(?s).*inet6 (fe80::[0-9a-f:]+)%.*", "$1");
        Outcome o = lab.exec("jexec a ping -6 -c1 " + ll + "%epair0a");
        assertThat(o.exit()).as(o.toString()).isZero();
        assertThat(o.stdout()).startsWith("PING(56=40+8+8 bytes) " + mine + "%epair0a --> " + ll + "%epair0a\n16 bytes from "
                + ll + "%epair0a, icmp_seq=0 hlim=64 time=");
    }

    @Test
    void givenS42_whenOnlyLinkLocalAddresses_thenPingsUseEgressLinkLocalAndHostRoutes() {
        Lab lab = new Lab(42);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                ifconfig lo create
                jail -c name=A persist vnet vnet.interface=epair0a vnet.interface=epair1a
                jexec A ndp -i epair0a -- -disabled
                jexec A ifconfig epair0a up
                jexec A ndp -i epair1a -- -disabled
                jexec A ifconfig epair1a up
                jexec A ifconfig up
                jail -c name=B persist vnet vnet.interface=epair0b vnet.interface=epair1b vnet.interface=lo1
                jexec B ndp -i epair0b -- -disabled
                jexec B ifconfig epair0b up
                jexec B ndp -i epair1b -- -disabled
                jexec B ifconfig epair1b up
                jexec B ifconfig lo1 up
                jexec B ifconfig lo1 inet6 2001:db8::2:0/128
                jexec B ifconfig lo1 inet6 2001:db8::2:1/128
                """);
        String ll0 = lab.exec("jexec B ifconfig epair0b inet6").stdout().replaceAll("(?s).*inet6 (fe80::[0-9a-f:]+)%.*", "$1");
        String ll1 = lab.exec("jexec B ifconfig epair1b inet6").stdout().replaceAll("(?s).*inet6 (fe80::[0-9a-f:]+)%.*", "$1");
        assertThat(lab.exec("jexec A route add -6 -host 2001:db8::2:0 " + ll0 + "%epair0a").exit()).isZero();
        assertThat(lab.exec("jexec A route add -6 -host 2001:db8::2:1 " + ll1 + "%epair1a").exit()).isZero();
        Outcome o = lab.exec("jexec A ping -6 -f -nc20 2001:db8::2:0");
        assertThat(o.stdout()).as(o.toString()).contains("20 packets transmitted, 20 packets received");
        assertThat(opkts(lab, "A", "epair0a")).isGreaterThan(20);
        assertThat(lab.exec("jexec A ping -6 -f -nc20 2001:db8::2:1").stdout()).contains("20 packets transmitted, 20 packets received");
        assertThat(opkts(lab, "A", "epair1a")).isGreaterThan(20);
        String a0 = lab.exec("jexec A ifconfig epair0a inet6").stdout().replaceAll("(?s).*inet6 (fe80::[0-9a-f:]+)%.*", "$1");
        assertThat(lab.exec("jexec A ping -6 -c1 2001:db8::2:0").stdout()).startsWith("PING(56=40+8+8 bytes) " + a0 + "%epair0a --> 2001:db8::2:0\n");
    }

    static long opkts(Lab lab, String jail, String ifname) {
        String out = lab.exec("jexec " + jail + " netstat -Wf link -I " + ifname).stdout();
        String row = out.lines().filter(l -> !l.startsWith("Name")).findFirst().orElseThrow();
        return Long.parseLong(row.trim().split("\\s+")[7]);
    }

    @Test
    void givenS45_whenEcmpNexthopGoesDown_thenTrafficMovesToTheOther() {
        Lab lab = new Lab(45);
        List<Outcome> setup = lab.run("""
                ifconfig epair create
                ifconfig epair create
                jail -c name=ecmp_route_by_event persist vnet vnet.interface=epair0b
                ifconfig epair1b vnet ecmp_route_by_event
                ifconfig epair0a inet6 3fff:1::a/127 up
                ifconfig epair1a inet6 3fff:2::a/127 up
                ifconfig -j ecmp_route_by_event epair0b inet6 3fff:1::b/127 up
                ifconfig -j ecmp_route_by_event epair1b inet6 3fff:2::b/127 up
                ifconfig lo0 inet6 3fff:a::1/128 up
                ifconfig -j ecmp_route_by_event lo0 inet6 3fff:b::1/128 up
                route -6 add -net 3fff:b::1/128 -gateway 3fff:1::b
                route -6 add -net 3fff:b::1/128 -gateway 3fff:2::b
                jexec ecmp_route_by_event route -6 add -net 3fff:a::1/128 -gateway 3fff:1::a
                jexec ecmp_route_by_event route -6 add -net 3fff:a::1/128 -gateway 3fff:2::a
                """);
        for (Outcome o : setup) assertThat(o.exit()).as(o.toString()).isZero();
        assertThat(lab.exec("ping -c1 -t1 3fff:1::b").exit()).isZero();
        assertThat(lab.exec("ping -c1 -t1 3fff:2::b").exit()).isZero();
        assertThat(lab.exec("ping -c1 -t1 -S 3fff:a::1 3fff:b::1").exit()).isZero();
        lab.run("""
                ifconfig epair0a down
                ifconfig -jecmp_route_by_event epair0b down
                sleep 0.01
                """);
        assertThat(lab.exec("ping -c1 -t1 -S 3fff:a::1 3fff:b::1").exit()).isZero();
        lab.run("""
                ifconfig epair0a up
                ifconfig -jecmp_route_by_event epair0b up
                ifconfig epair1a down
                ifconfig -jecmp_route_by_event epair1b down
                sleep 0.01
                """);
        assertThat(lab.exec("ping -c1 -t1 -S 3fff:a::1 3fff:b::1").exit()).isZero();
    }

    @Test
    void givenRoutedIpv6_whenForwardingToggled_thenHlimDecrementsAndTimeExceeded() {
        Lab lab = new Lab(46);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=r persist vnet vnet.interface=epair0b vnet.interface=epair1a
                jail -c name=b persist vnet vnet.interface=epair1b
                jexec a ifconfig epair0a inet6 2001:db8:1::1/64 up
                jexec a route add -6 default 2001:db8:1::ff
                jexec r ifconfig epair0b inet6 2001:db8:1::ff/64 up
                jexec r ifconfig epair1a inet6 2001:db8:2::ff/64 up
                jexec b ifconfig epair1b inet6 2001:db8:2::1/64 up
                jexec b route add -6 default 2001:db8:2::ff
                """);
        assertThat(lab.exec("jexec a ping -6 -c1 -t1 2001:db8:2::1").exit()).isEqualTo(2);
        lab.exec("jexec r sysctl net.inet6.ip6.forwarding=1");
        lab.exec("jexec a ndp -c");
        Outcome ok = lab.exec("jexec a ping -6 -c1 2001:db8:2::1");
        assertThat(ok.exit()).as(ok.toString()).isZero();
        assertThat(ok.stdout()).contains("16 bytes from 2001:db8:2::1, icmp_seq=0 hlim=63 time=");
        assertThat(lab.exec("jexec r ndp -an").stdout()).containsPattern("2001:db8:1::1 .* epair0b 5s +D \n");
        assertThat(lab.exec("jexec a ndp -an").stdout()).containsPattern("2001:db8:1::ff .* R R\n");
        Outcome te = lab.exec("jexec a ping -6 -v -c1 -t1 -m1 2001:db8:2::1");
        assertThat(te.exit()).isEqualTo(2);
        assertThat(te.stdout()).contains("bytes from 2001:db8:1::ff: Time exceeded");
        Outcome trace = lab.exec("jexec a traceroute6 -n 2001:db8:2::1");
        assertThat(trace.exit()).isZero();
        assertThat(trace.stderr()).isEqualTo(
                "traceroute6 to 2001:db8:2::1 (2001:db8:2::1) from 2001:db8:1::1, 64 hops max, 12 byte packets\n");
        assertThat(trace.stdout()).matches("""
                 1  2001:db8:1::ff  [0-9.]+ ms  [0-9.]+ ms  [0-9.]+ ms
                 2  2001:db8:2::1  [0-9.]+ ms  [0-9.]+ ms  [0-9.]+ ms
                """);
        lab.exec("jexec a sysctl net.inet6.ip6.hlim=30");
        assertThat(lab.exec("jexec a ping -6 -c1 2001:db8:2::1").exit()).isZero();
    }

    @Test
    void givenIpv6Script_whenRunTwiceAndReplayed_thenIdentical() {
        String script = """
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=b persist vnet vnet.interface=epair0b
                jexec a ifconfig epair0a inet6 2001:db8::1/64 up
                jexec b ifconfig epair0b inet6 2001:db8::2/64 up
                jexec a tcpdump -i epair0a -w a.pcap
                jexec a ping -6 -c 3 2001:db8::2
                sleep 40
                jexec b ping6 -c 2 -i 0.5 2001:db8::1
                jexec a ndp -an
                jexec b ndp -an
                """;
        byte[] pcap = CaptureChecks.assertDeterministic(61, script, "a.pcap");
    }

    @Test
    void givenIpv6Capture_whenDecodedByTshark_thenNoMalformedOrBadChecksum() throws Exception {
        Lab lab = new Lab(62);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=r persist vnet vnet.interface=epair0b vnet.interface=epair1a
                jail -c name=b persist vnet vnet.interface=epair1b
                jexec a ifconfig epair0a inet6 2001:db8:1::1/64 up
                jexec a route add -6 default 2001:db8:1::ff
                jexec r ifconfig epair0b inet6 2001:db8:1::ff/64 up
                jexec r ifconfig epair1a inet6 2001:db8:2::ff/64 up
                jexec r sysctl net.inet6.ip6.forwarding=1
                jexec b ifconfig epair1b inet6 2001:db8:2::1/64 up
                jexec b route add -6 default 2001:db8:2::ff
                jexec a tcpdump -i epair0a -w cap6.pcap
                jexec a ping -6 -c 2 2001:db8:2::1
                jexec a ping -6 -c 1 -m 1 2001:db8:2::1
                jexec a ping -6 -c 1 2001:db8:3::1
                jexec a traceroute6 -n 2001:db8:2::1
                """);
        CaptureChecks.assertTsharkDecodesCleanly(Captures.files(lab.host()).get("cap6.pcap"), List.of("udp.check_checksum:TRUE"),
                "Internet Protocol Version 6", "Neighbor Solicitation", "Neighbor Advertisement",
                "Echo (ping) request", "Echo (ping) reply", "Time Exceeded", "User Datagram Protocol");
    }
}
