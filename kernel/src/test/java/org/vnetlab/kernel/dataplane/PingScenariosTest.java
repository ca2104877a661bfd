package org.vnetlab.kernel.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.HostDump;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

/** The data plane through FreeBSD's own command lines (freebsd-scenarios.md S25-S45, D3, D7). */
class PingScenariosTest {

    private static Outcome last(List<Outcome> outcomes) {
        return outcomes.get(outcomes.size() - 1);
    }

    /** S37's topology: epair0a in the jail with 192.0.2.1/24, lo0 up, epair0b left down on the host. */
    private static Lab singleVnet() {
        Lab lab = new Lab(1);
        lab.run("""
                ifconfig epair create
                jail -c name=t persist vnet vnet.interface=epair0a
                jexec t ifconfig lo0 127.0.0.1/8 up
                jexec t ifconfig epair0a 192.0.2.1/24 up
                """);
        return lab;
    }

    @Test
    void givenThreeJailsRouted_whenRun_thenExit2BeforeForwardingThenTtl63AndTwoHops() throws IOException {
        Lab lab = new Lab(0);
        List<Outcome> o = lab.run(Files.readString(Path.of("..", "examples", "three-jails-routed.sh")));
        Outcome before = o.stream().filter(x -> x.line().equals("jexec lefty ping -c 1 -t 1 192.0.2.6")).findFirst().orElseThrow();
        assertThat(before.exit()).isEqualTo(2);
        assertThat(before.stdout()).isEqualTo("""
                PING 192.0.2.6 (192.0.2.6): 56 data bytes

                --- 192.0.2.6 ping statistics ---
                1 packets transmitted, 0 packets received, 100.0% packet loss
                """);
        Outcome after = o.stream().filter(x -> x.line().equals("jexec lefty ping -c 1 192.0.2.6")).findFirst().orElseThrow();
        assertThat(after.exit()).isZero();
        assertThat(after.stdout()).matches("""
                PING 192.0.2.6 \\(192.0.2.6\\): 56 data bytes
                64 bytes from 192.0.2.6: icmp_seq=0 ttl=63 time=\\d+\\.\\d{3} ms

                --- 192.0.2.6 ping statistics ---
                1 packets transmitted, 1 packets received, 0.0% packet loss
                round-trip min/avg/max/stddev = [0-9./]+ ms
                """);
        Outcome trace = o.stream().filter(x -> x.line().equals("jexec lefty traceroute -n 192.0.2.6")).findFirst().orElseThrow();
        assertThat(trace.stderr()).isEqualTo("traceroute to 192.0.2.6 (192.0.2.6), 64 hops max, 40 byte packets\n");
        assertThat(trace.stdout()).matches("""
                 1  192.0.2.2  [0-9.]+ ms  [0-9.]+ ms  [0-9.]+ ms
                 2  192.0.2.6  [0-9.]+ ms  [0-9.]+ ms  [0-9.]+ ms
                """);
        assertThat(last(o).stdout()).isEqualTo("lo0 epair20b epair21a\n");
    }

    @Test
    void givenD3_whenForwardingOff_thenNotForwardableCountedAndHostSysctlUnchanged() {
        Lab lab = new Lab(2);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=r persist vnet vnet.interface=epair0b vnet.interface=epair1a
                jail -c name=b persist vnet vnet.interface=epair1b
                jexec a ifconfig epair0a 192.0.2.1/24 up
                jexec a route add default 192.0.2.254
                jexec r ifconfig epair0b 192.0.2.254/24 up
                jexec r ifconfig epair1a 198.51.100.254/24 up
                jexec b ifconfig epair1b 198.51.100.1/24 up
                jexec b route add default 198.51.100.254
                """);
        assertThat(lab.exec("jexec a ping -c1 -t1 198.51.100.1").exit()).isEqualTo(2);
        assertThat(lab.exec("jexec r netstat -s -p ip").stdout()).contains("\t1 packet not forwardable\n");
        assertThat(lab.exec("jexec r sysctl net.inet.ip.forwarding=1").stdout()).isEqualTo("net.inet.ip.forwarding: 0 -> 1\n");
        Outcome ok = lab.exec("jexec a ping -c1 198.51.100.1");
        assertThat(ok.exit()).isZero();
        assertThat(ok.stdout()).contains("ttl=63");
        assertThat(lab.exec("jexec r netstat -s -p ip").stdout()).contains("\t2 packets forwarded (2 packets fast forwarded)\n");
        assertThat(lab.exec("sysctl -n net.inet.ip.forwarding").stdout()).isEqualTo("0\n");
    }

    @Test
    void givenFreshVnet_whenPingWithoutRoute_thenSendtoErrorAndStatistics() {
        Lab lab = new Lab(3);
        lab.run("jail -c name=j persist vnet");
        Outcome o = lab.exec("jexec j ping -c1 -t1 192.0.2.1");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr()).isEqualTo("ping: sendto: No route to host\n");
        assertThat(o.stdout()).endsWith("1 packets transmitted, 0 packets received, 100.0% packet loss\n");
    }

    @Test
    void givenS37_whenPingingOwnAndAbsentAddresses_thenFreeBsdTexts() {
        Lab lab = singleVnet();
        Outcome local = lab.exec("jexec t ping -4 -c1 -s56 -t1 localhost");
        assertThat(local.exit()).isZero();
        assertThat(local.stderr()).isEmpty();
        assertThat(local.stdout()).matches("""
                PING localhost \\(127.0.0.1\\): 56 data bytes
                64 bytes from 127.0.0.1: icmp_seq=0 ttl=64 time=\\d+\\.\\d{3} ms

                --- localhost ping statistics ---
                1 packets transmitted, 1 packets received, 0.0% packet loss
                round-trip min/avg/max/stddev = [0-9./]+ ms
                """);
        Outcome from = lab.exec("jexec t ping -c1 -S127.0.0.1 -s56 -t1 localhost");
        assertThat(from.stdout()).startsWith("PING localhost (127.0.0.1) from 127.0.0.1: 56 data bytes\n");
        Outcome three = lab.exec("jexec t ping -c3 192.0.2.1");
        assertThat(three.exit()).isZero();
        assertThat(three.stdout()).contains("icmp_seq=0", "icmp_seq=1", "icmp_seq=2",
                "3 packets transmitted, 3 packets received, 0.0% packet loss");
        Outcome nobody = lab.exec("jexec t ping -c3 192.0.2.2");
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.stderr()).isEmpty();
        assertThat(nobody.stdout()).isEqualTo("""
                PING 192.0.2.2 (192.0.2.2): 56 data bytes

                --- 192.0.2.2 ping statistics ---
                3 packets transmitted, 0 packets received, 100.0% packet loss
                """);
        assertThat(lab.exec("jexec t ping -A -c3 192.0.2.2").stdout()).startsWith("\007\007PING 192.0.2.2 (192.0.2.2): 56 data bytes\n");
        assertThat(lab.exec("jexec t ping -q -c1 192.0.2.1").stdout()).matches("""
                PING 192.0.2.1 \\(192.0.2.1\\): 56 data bytes

                --- 192.0.2.1 ping statistics ---
                1 packets transmitted, 1 packets received, 0.0% packet loss
                round-trip min/avg/max/stddev = [0-9./]+ ms
                """);
        Outcome bad = lab.exec("jexec t ping -4 -Wx localhost");
        assertThat(bad.exit()).isEqualTo(64);
        assertThat(bad.stdout()).isEmpty();
        assertThat(bad.stderr()).isEqualTo("ping: invalid timing interval: `x'\n");
        assertThat(lab.exec("jexec t ping -c1 nosuchhost").exit()).isEqualTo(68);
    }

    @Test
    void givenS25Bridge_whenMembersUp_thenPingWorksAndBridgeLearns() {
        Lab lab = new Lab(4);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                jail -c name=alcatraz persist vnet vnet.interface=epair0b
                jail -c name=singsing persist vnet vnet.interface=epair1b
                jexec alcatraz ifconfig epair0b 192.0.2.1/24 up
                jexec singsing ifconfig epair1b 192.0.2.2/24 up
                ifconfig bridge create
                ifconfig bridge0 up
                ifconfig epair0a up
                ifconfig bridge0 addm epair0a
                ifconfig bridge0 addm epair1a
                """);
        // epair1a (a member) is still down: nothing gets through
        assertThat(lab.exec("jexec alcatraz ping -c 3 -t 1 192.0.2.2").exit()).isEqualTo(2);
        lab.exec("ifconfig epair1a up");
        Outcome o = lab.exec("jexec alcatraz ping -c 3 -t 1 192.0.2.2");
        assertThat(o.exit()).isZero();
        assertThat(o.stdout()).contains("1 packets transmitted, 1 packets received");
        assertThat(lab.exec("jexec singsing ping -c 3 -t 1 192.0.2.1").exit()).isZero();
        assertThat(lab.exec("ifconfig bridge0 addr").stdout()).matches("(?s)([0-9a-f:]{17} Vlan0 epair[01]a 1[0-9]{3} flags=0<>\n){2}");
    }

    @Test
    void givenS31_whenArpUnanswered_thenIncompleteEntryCanBeDeleted() {
        Lab lab = new Lab(5);
        lab.run("""
                ifconfig epair create
                jail -c name=v4t-arp_del_success persist vnet vnet.interface=epair0a
                jexec v4t-arp_del_success ifconfig epair0a inet 198.51.100.1/24
                """);
        assertThat(lab.exec("jexec v4t-arp_del_success ping -c1 -t1 198.51.100.2").exit()).isEqualTo(2);
        assertThat(lab.exec("jexec v4t-arp_del_success arp -an").stdout()).contains("? (198.51.100.2) at (incomplete) on epair0a");
        assertThat(lab.exec("jexec v4t-arp_del_success arp -nd 198.51.100.2").stdout()).isEqualTo("198.51.100.2 (198.51.100.2) deleted\n");
        Outcome none = lab.exec("jexec v4t-arp_del_success arp -n 198.51.100.2");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.stdout()).isEqualTo("198.51.100.2 (198.51.100.2) -- no entry\n");
    }

    @Test
    void givenS33_whenPermanentEntryThenPing_thenDynamicEntryLearnedFromRequest() {
        Lab lab = new Lab(6);
        lab.run("""
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=b persist vnet vnet.interface=epair0b
                ifconfig -j a epair0a inet 198.51.100.1/24
                jexec a arp -s 198.51.100.2 0:0:0:0:0:0
                ifconfig -j b epair0b inet 198.51.100.2/24
                """);
        assertThat(lab.exec("jexec a arp -n 198.51.100.2").stdout())
                .isEqualTo("? (198.51.100.2) at 00:00:00:00:00:00 on epair0a permanent [ethernet]\n");
        lab.exec("jexec a arp -nd 198.51.100.2");
        assertThat(lab.exec("jexec b ping -c1 198.51.100.1").exit()).isZero();
        String mac = lab.exec("jexec b ifconfig epair0b ether").stdout().replaceAll("(?s).*ether ([0-9a-f:]{17}).*", "$1");
        assertThat(lab.exec("jexec a arp -n 198.51.100.2").stdout())
                .isEqualTo("? (198.51.100.2) at " + mac + " on epair0a expires in 1200 seconds [ethernet]\n");
    }

    @Test
    void givenS39Blackhole_whenPinged_thenNotForwardableCounts() {
        Lab lab = new Lab(7);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                ifconfig epair0a 192.0.2.2/24 up
                jail -c name=v4t-fwd_ip_blackhole persist vnet vnet.interface=epair0b vnet.interface=epair1b
                jexec v4t-fwd_ip_blackhole ifconfig lo0 127.0.0.1/8 up
                jexec v4t-fwd_ip_blackhole ifconfig epair0b 192.0.2.1/24 up
                jexec v4t-fwd_ip_blackhole ifconfig epair1b 198.51.100.1/24 up
                jexec v4t-fwd_ip_blackhole sysctl net.inet.ip.forwarding=1
                route add default 192.0.2.1
                """);
        String j = "jexec v4t-fwd_ip_blackhole ";
        assertThat(lab.exec("ping -c 1 -t 1 198.51.100.2").exit()).isEqualTo(2);
        assertThat(lab.exec(j + "netstat -s -p ip").stdout()).contains("\t0 packets not forwardable\n");
        lab.exec(j + "/sbin/route add 198.51.100.2 -blackhole -fib 0");
        assertThat(lab.exec("ping -c 1 -t 1 -R 198.51.100.2").exit()).isEqualTo(2);
        assertThat(lab.exec(j + "netstat -s -p ip").stdout()).contains("\t1 packet not forwardable\n");
        assertThat(lab.exec("ping -c 1 -t 1 198.51.100.2").exit()).isEqualTo(2);
        assertThat(lab.exec(j + "netstat -s -p ip").stdout()).contains("\t2 packets not forwardable\n");
    }

    @Test
    void givenS40Lpm_whenFloodPinging_thenSlash31WinsAndCountersShowIt() {
        Lab lab = new Lab(8);
        lab.run("""
                ifconfig lo create
                ifconfig epair create
                ifconfig epair create
                jail -c name=A persist vnet vnet.interface=epair0a vnet.interface=epair1a
                jexec A ifconfig epair0a up
                jexec A ifconfig epair0a inet 203.0.113.1/30
                jexec A ifconfig epair1a up
                jexec A ifconfig epair1a inet 203.0.113.5/30
                jail -c name=B persist vnet vnet.interface=epair0b vnet.interface=epair1b vnet.interface=lo1
                jexec B ifconfig epair0b up
                jexec B ifconfig epair0b inet 203.0.113.2/30
                jexec B ifconfig epair1b up
                jexec B ifconfig epair1b inet 203.0.113.6/30
                jexec B ifconfig lo1 up
                jexec B ifconfig lo1 inet 198.51.100.0/32
                jexec B ifconfig lo1 alias 198.51.100.2/32
                jexec A route add -4 -net 198.51.100.0/30 203.0.113.2
                jexec A route add -4 -net 198.51.100.0/31 203.0.113.6
                """);
        assertThat(lab.exec("jexec A ping -f -nc20 198.51.100.0").stdout()).contains("20 packets transmitted, 20 packets received");
        assertThat(opkts(lab, "epair1a")).isGreaterThan(20);
        assertThat(lab.exec("jexec A ping -f -nc20 198.51.100.2").stdout()).contains("20 packets transmitted, 20 packets received");
        assertThat(opkts(lab, "epair0a")).isGreaterThan(20);
    }

    private static long opkts(Lab lab, String ifname) {
        String out = lab.exec("jexec A netstat -Wf link -I " + ifname).stdout();
        String row = out.lines().filter(l -> !l.startsWith("Name")).findFirst().orElseThrow();
        return Long.parseLong(row.trim().split("\\s+")[7]);
    }

    @Test
    void givenScript_whenRunTwiceAndReplayed_thenIdenticalOutputsAndCaptures() {
        String script = """
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=b persist vnet vnet.interface=epair0b
                jexec a ifconfig epair0a 192.0.2.1/24 up
                jexec b ifconfig epair0b 192.0.2.2/24 up
                jexec a tcpdump -i epair0a -w a.pcap
                jexec a ping -c 3 192.0.2.2
                sleep 2
                jexec b ping -c 2 -i 0.5 192.0.2.1
                jexec a arp -an
                """;
        byte[] pcap = CaptureChecks.assertDeterministic(11, script, "a.pcap");
        assertThat(pcap.length).isGreaterThan(24 + 6 * 16);
    }

    @Test
    void givenCapture_whenDecodedByTshark_thenNoMalformedOrBadChecksum() throws Exception {
        Lab lab = new Lab(12);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=r persist vnet vnet.interface=epair0b vnet.interface=epair1a
                jail -c name=b persist vnet vnet.interface=epair1b
                jexec a ifconfig epair0a 192.0.2.1/24 up
                jexec a route add default 192.0.2.254
                jexec r ifconfig epair0b 192.0.2.254/24 up
                jexec r ifconfig epair1a 198.51.100.254/24 up
                jexec r sysctl net.inet.ip.forwarding=1
                jexec b ifconfig epair1b 198.51.100.1/24 up
                jexec b route add default 198.51.100.254
                jexec a tcpdump -i epair0a -w cap.pcap
                jexec a ping -c 2 198.51.100.1
                jexec a traceroute -n 198.51.100.1
                jexec a ping -c 1 -m 1 198.51.100.1
                jexec a ping -c 1 198.51.100.99
                """);
        CaptureChecks.assertTsharkDecodesCleanly(Captures.files(lab.host()).get("cap.pcap"), List.of("ip.check_checksum:TRUE", "udp.check_checksum:TRUE"),
                "Internet Control Message Protocol", "Address Resolution Protocol",
                "User Datagram Protocol", "Time-to-live exceeded");
    }
}
