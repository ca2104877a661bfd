package org.vnetlab.kernel.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

/** IPv4 scenarios S27, S28, S29, S44 of freebsd-scenarios.md and the ARP announcement. */
class MoreIpv4ScenariosTest {

    @Test
    void givenS27_whenMemberHasAddress_thenItStillAnswers() {
        Lab lab = new Lab(27);
        lab.run("""
                ifconfig epair create
                ifconfig epair0a inet 192.0.2.1/24 up
                jail -c name=one persist vnet vnet.interface=epair0b
                jexec one sysctl net.link.bridge.member_ifaddrs=1
                jexec one ifconfig epair0b inet 192.0.2.2/24 up
                jexec one ifconfig bridge0 create addm epair0b
                """);
        Outcome o = lab.exec("ping -c3 -t1 192.0.2.2");
        assertThat(o.exit()).as(o.toString()).isZero();
    }

    @Test
    void givenS28_whenPcpSetOnInterfaceAndPing_thenAcceptedAndIgnored() {
        Lab lab = new Lab(28);
        lab.run("""
                ifconfig epair create
                jail -c name=if_epair_test_pcpone persist vnet vnet.interface=epair0a
                jail -c name=if_epair_test_pcptwo persist vnet vnet.interface=epair0b
                """);
        assertThat(lab.exec("jexec if_epair_test_pcpone ifconfig epair0a 192.0.2.1/24 pcp 3 up").exit()).isZero();
        lab.exec("jexec if_epair_test_pcptwo ifconfig epair0b 192.0.2.2/24 up");
        assertThat(lab.exec("jexec if_epair_test_pcpone ping -c 1 192.0.2.2").exit()).isZero();
        assertThat(lab.exec("jexec if_epair_test_pcpone ping -C5 -c 1 192.0.2.2").exit()).isZero();
    }

    @Test
    void givenS29_whenPingOnce_thenFullFreeBsdText() {
        Lab lab = new Lab(29);
        lab.run("""
                ifconfig epair create
                jail -c name=v4t-output_raw_successa persist vnet vnet.interface=epair0a
                jexec v4t-output_raw_successa ifconfig epair0a up
                jexec v4t-output_raw_successa ifconfig epair0a inet 192.0.2.1/24
                jail -c name=v4t-output_raw_successb persist vnet vnet.interface=epair0b
                jexec v4t-output_raw_successb ifconfig epair0b up
                jexec v4t-output_raw_successb ifconfig epair0b inet 192.0.2.2/24
                """);
        Outcome o = lab.exec("jexec v4t-output_raw_successa ping -nc1 192.0.2.2");
        assertThat(o.exit()).isZero();
        assertThat(o.stdout()).matches("""
                PING 192.0.2.2 \\(192.0.2.2\\): 56 data bytes
                64 bytes from 192.0.2.2: icmp_seq=0 ttl=64 time=0\\.0\\d\\d ms

                --- 192.0.2.2 ping statistics ---
                1 packets transmitted, 1 packets received, 0.0% packet loss
                round-trip min/avg/max/stddev = (0\\.0\\d\\d)/\\1/\\1/0.000 ms
                """);
    }

    @Test
    void givenS44_whenEcmpOverTwoLinks_thenFlowsSpreadMoreThanTenEach() {
        Lab lab = new Lab(44);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                ifconfig lo create
                ifconfig lo create
                jail -c name=A persist vnet vnet.interface=epair0a vnet.interface=epair1a vnet.interface=lo1
                jexec A sysctl net.route.multipath=1
                jexec A ifconfig epair0a up
                jexec A ifconfig epair0a inet 203.0.113.1/30
                jexec A ifconfig epair1a up
                jexec A ifconfig epair1a inet 203.0.113.5/30
                jexec A ifconfig lo1 up
                jail -c name=B persist vnet vnet.interface=epair0b vnet.interface=epair1b vnet.interface=lo2
                jexec B ifconfig epair0b up
                jexec B ifconfig epair0b inet 203.0.113.2/30
                jexec B ifconfig epair1b up
                jexec B ifconfig epair1b inet 203.0.113.6/30
                jexec B ifconfig lo2 up
                jexec A ifconfig lo1 inet 192.0.2.1/32
                jexec B ifconfig lo2 inet 198.51.100.1/32
                """);
        int[] ips = {4, 29, 48, 53, 55, 61, 71, 80, 84, 87, 90, 91, 119, 131, 137, 153, 154, 158, 162, 169, 169, 171,
            176, 187, 197, 228, 233, 235, 236, 237, 245, 251};
        for (int ip : ips) lab.exec("jexec B ifconfig lo2 alias 198.51.100." + ip + "/32");
        assertThat(lab.exec("jexec A route add -4 -net 198.51.100.0/24 203.0.113.2").exit()).isZero();
        assertThat(lab.exec("jexec A route add -4 -net 198.51.100.0/24 203.0.113.6").exit()).isZero();
        lab.exec("jexec B route add -4 -net 192.0.2.0/24 203.0.113.1");
        assertThat(lab.exec("jexec A ping -nc1 198.51.100.1").stdout()).contains("1 packets transmitted, 1 packets received");
        long base0 = Ipv6ScenariosTest.opkts(lab, "A", "epair0a");
        long base1 = Ipv6ScenariosTest.opkts(lab, "A", "epair1a");
        for (int ip : ips) {
            Outcome o = lab.exec("jexec A ping -nc1 198.51.100." + ip);
            assertThat(o.stdout()).as(o.toString()).contains("1 packets transmitted, 1 packets received");
        }
        assertThat(Ipv6ScenariosTest.opkts(lab, "A", "epair0a") - base0).isGreaterThan(10);
        assertThat(Ipv6ScenariosTest.opkts(lab, "A", "epair1a") - base1).isGreaterThan(10);
    }
}
