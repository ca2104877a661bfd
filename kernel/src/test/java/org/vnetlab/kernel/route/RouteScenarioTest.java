package org.vnetlab.kernel.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;

/** route(8), netstat -r, arp and ndp driven through the shell, as the FreeBSD tests do (S19-S24, S39, S44, D7). */
class RouteScenarioTest {

    private static Outcome last(Lab lab, String script) {
        List<Outcome> all = lab.run(script);
        return all.get(all.size() - 1);
    }

    private static String gatewayOf(Lab lab, String jail, String dest) throws Exception {
        JsonNode root = new ObjectMapper().readTree(lab.exec("jexec " + jail + " netstat -r --libxo json").stdout());
        for (JsonNode e : root.path("statistics").path("route-information").path("route-table").path("rt-family")
                .path(0).path("rt-entry")) {
            if (e.path("destination").asText().equals(dest)) return e.path("gateway").asText();
        }
        return "";
    }

    private static Lab s19Setup() {
        Lab lab = new Lab(1);
        lab.run("""
                ifconfig epair create
                ifconfig epair0a 192.0.2.2/24 up
                jail -c name=alcatraz persist vnet vnet.interface=epair0b
                jexec alcatraz ifconfig epair0b 192.0.2.1/24 up
                """);
        return lab;
    }

    @Test
    void givenS19_whenHostRouteAddedChangedDeleted_thenMessagesAndJsonGatewayFollow() throws Exception {
        Lab lab = s19Setup();
        Outcome add = lab.exec("jexec alcatraz route add 192.0.2.3 192.0.2.2");
        assertThat(add.stdout()).isEqualTo("add host 192.0.2.3: gateway 192.0.2.2\n");
        assertThat(add.exit()).isZero();
        assertThat(gatewayOf(lab, "alcatraz", "192.0.2.3")).isEqualTo("192.0.2.2");

        Outcome change = lab.exec("jexec alcatraz route change 192.0.2.3 192.0.2.4");
        assertThat(change.stdout()).isEqualTo("change host 192.0.2.3: gateway 192.0.2.4\n");
        assertThat(gatewayOf(lab, "alcatraz", "192.0.2.3")).isEqualTo("192.0.2.4");

        Outcome delete = lab.exec("jexec alcatraz route delete 192.0.2.3");
        assertThat(delete.stdout()).isEqualTo("delete host 192.0.2.3\n");
        assertThat(gatewayOf(lab, "alcatraz", "192.0.2.3")).isEmpty();
    }

    @Test
    void givenS20_whenIpv6HostRouteAddedChangedDeleted_thenGatewayFollows() throws Exception {
        Lab lab = new Lab(2);
        lab.run("""
                ifconfig epair create
                ifconfig epair0a inet6 2001:db8:cc4b::1/64 up no_dad
                jail -c name=alcatraz persist vnet vnet.interface=epair0b
                jexec alcatraz ifconfig epair0b inet6 2001:db8:cc4b::2/64 up no_dad
                """);
        Outcome add = lab.exec("jexec alcatraz route add -6 2001:db8:cc4b::3 2001:db8:cc4b::1");
        assertThat(add.stdout()).isEqualTo("add host 2001:db8:cc4b::3: gateway 2001:db8:cc4b::1\n");
        assertThat(gatewayOf(lab, "alcatraz", "2001:db8:cc4b::3")).isEqualTo("2001:db8:cc4b::1");
        assertThat(lab.exec("jexec alcatraz route change -6 2001:db8:cc4b::3 2001:db8:cc4b::4").exit()).isZero();
        assertThat(gatewayOf(lab, "alcatraz", "2001:db8:cc4b::3")).isEqualTo("2001:db8:cc4b::4");
        assertThat(lab.exec("jexec alcatraz route -6 delete 2001:db8:cc4b::3").stdout())
                .isEqualTo("delete host 2001:db8:cc4b::3\n");
        assertThat(gatewayOf(lab, "alcatraz", "2001:db8:cc4b::3")).isEmpty();
    }

    @Test
    void givenS22_whenInterfaceRouteAdded_thenGatewayIsTheLink() throws Exception {
        Lab lab = new Lab(3);
        lab.run("""
                ifconfig epair create
                ifconfig epair0a up
                jail -c name=alcatraz persist vnet vnet.interface=epair0b
                """);
        Outcome add = lab.exec("jexec alcatraz route add -6 \"2001:db8:cc4b::1\" -iface epair0b");
        assertThat(add.exit()).isZero();
        assertThat(add.stdout()).isEqualTo("add host 2001:db8:cc4b::1: gateway epair0b\n");
        assertThat(gatewayOf(lab, "alcatraz", "2001:db8:cc4b::1")).startsWith("link#");
    }

    @Test
    void givenS23_whenStaticArpAdded_thenListedPermanentOnItsInterface() {
        Lab lab = new Lab(4);
        lab.run("""
                ifconfig epair create
                jail -c name=v4t-arp_add_success persist vnet vnet.interface=epair0a
                jexec v4t-arp_add_success ifconfig epair0a inet 198.51.100.1/24
                """);
        Outcome set = lab.exec("jexec v4t-arp_add_success arp -s 198.51.100.2 90:10:00:01:02:03");
        assertThat(set.stdout()).isEmpty();
        assertThat(set.stderr()).isEmpty();
        assertThat(set.exit()).isZero();
        Outcome get = lab.exec("jexec v4t-arp_add_success arp -ni epair0a 198.51.100.2");
        assertThat(get.stdout()).isEqualTo("? (198.51.100.2) at 90:10:00:01:02:03 on epair0a permanent [ethernet]\n");
        Outcome del = lab.exec("jexec v4t-arp_add_success arp -nd 198.51.100.2");
        assertThat(del.stdout()).isEqualTo("198.51.100.2 (198.51.100.2) deleted\n");
        Outcome none = lab.exec("jexec v4t-arp_add_success arp -n 198.51.100.2");
        assertThat(none.stdout()).isEqualTo("198.51.100.2 (198.51.100.2) -- no entry\n");
        assertThat(none.exit()).isEqualTo(1);
    }

    @Test
    void givenArpForAnUncoveredAddress_whenSet_thenCannotIntuitInterface() {
        Lab lab = new Lab(4);
        lab.run("jail -c name=j persist vnet");
        Outcome set = lab.exec("jexec j arp -s 203.0.113.9 90:10:00:01:02:03");
        assertThat(set.exit()).isEqualTo(1);
        assertThat(set.stderr()).isEqualTo("arp: set: cannot intuit interface index and type for 203.0.113.9\n");
    }

    @Test
    void givenS24_whenStaticNdpAdded_thenRowShowsPermanent() {
        Lab lab = new Lab(5);
        lab.run("""
                ifconfig epair create
                jail -c name=v6t-ndp_add_success persist vnet vnet.interface=epair0a
                jexec v6t-ndp_add_success ndp -i epair0a -- -disabled
                jexec v6t-ndp_add_success ifconfig epair0a up
                jexec v6t-ndp_add_success ifconfig epair0a inet6 2001:db8::1/64
                """);
        Outcome set = lab.exec("jexec v6t-ndp_add_success ndp -s 2001:db8::2 90:10:00:01:02:03");
        assertThat(set.stdout() + set.stderr()).isEmpty();
        assertThat(set.exit()).isZero();
        String row = lab.exec("jexec v6t-ndp_add_success ndp -an").stdout().lines()
                .filter(l -> l.contains("2001:db8::2")).findFirst().orElseThrow();
        assertThat(String.join(" ", List.of(row.trim().split("\\s+")).subList(0, 4)))
                .isEqualTo("2001:db8::2 90:10:00:01:02:03 epair0a permanent");
        assertThat(lab.exec("jexec v6t-ndp_add_success ndp -nd 2001:db8::2").stdout())
                .isEqualTo("2001:db8::2 (2001:db8::2) deleted\n");
        assertThat(lab.exec("jexec v6t-ndp_add_success ndp -n 2001:db8::2").exit()).isEqualTo(1);
    }

    @Test
    void givenNdpDashI_whenDisabledCleared_thenInterfaceFlagsChange() {
        Lab lab = new Lab(5);
        lab.run("""
                ifconfig epair create
                jail -c name=j persist vnet vnet.interface=epair0a
                """);
        assertThat(lab.exec("jexec j ndp -i epair0a").stdout()).contains("disabled");
        lab.exec("jexec j ndp -i epair0a -- -disabled");
        assertThat(lab.exec("jexec j ndp -i epair0a").stdout()).doesNotContain("disabled");
    }

    @Test
    void givenD7FreshJail_whenNetstatRn_thenOnlyTheHeader() {
        Lab lab = new Lab(6);
        lab.run("jail -c name=j persist vnet");
        Outcome o = lab.exec("jexec j netstat -rn");
        assertThat(o.stdout()).isEqualTo("Routing tables\n");
        assertThat(o.exit()).isZero();
    }

    @Test
    void givenConfiguredJail_whenNetstatRn_thenConnectedLocalAndStaticRoutesInColumns() {
        Lab lab = new Lab(7);
        lab.run("""
                ifconfig epair create
                jail -c name=j persist vnet vnet.interface=epair0a
                jexec j ifconfig lo0 127.0.0.1/8 up
                jexec j ifconfig epair0a 192.0.2.2/24 up
                jexec j route add default 192.0.2.1
                """);
        int lo = lab.host().prisonByName("j").vnet.ifunit("lo0").index;
        int ep = lab.host().prisonByName("j").vnet.ifunit("epair0a").index;
        String out = lab.exec("jexec j netstat -4rn").stdout();
        assertThat(out).isEqualTo("Routing tables\n\nInternet:\n"
                + "Destination        Gateway            Flags     Netif Expire\n"
                + "default            192.0.2.1          UGS     epair0a\n"
                + String.format("%-18s %-18s %-6s %8s%n", "127.0.0.1", "link#" + lo, "UH", "lo0")
                + String.format("%-18s %-18s %-6s %8s%n", "192.0.2.0/24", "link#" + ep, "U", "epair0a")
                + String.format("%-18s %-18s %-6s %8s%n", "192.0.2.2", "link#" + ep, "UHS", "lo0"));
    }

    @Test
    void givenStaticNetRoute_whenRouteGet_thenFixedBlock() {
        Lab lab = new Lab(8);
        lab.run("""
                ifconfig epair create
                jail -c name=j persist vnet vnet.interface=epair0a
                jexec j ifconfig epair0a 203.0.113.1/24 up
                jexec j route add 198.51.100.0/24 203.0.113.2
                """);
        Outcome get = lab.exec("jexec j route -n get 198.51.100.7");
        assertThat(get.stdout()).isEqualTo("""
                   route to: 198.51.100.7
                destination: 198.51.100.0
                       mask: 255.255.255.0
                    gateway: 203.0.113.2
                        fib: 0
                  interface: epair0a
                      flags: <UP,GATEWAY,DONE,STATIC>
                 recvpipe  sendpipe  ssthresh  rtt,msec    mtu        weight    expire
                       0         0         0         0      1500         1         0 \n""");
        Outcome none = lab.exec("jexec j route -n get 10.9.9.9");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.stderr()).isEqualTo("route: route has not been found\n");
    }

    @Test
    void givenRouteErrors_whenAddingTwiceOrUnreachableOrDeletingMissing_thenRouteCTexts() {
        Lab lab = s19Setup();
        lab.exec("jexec alcatraz route add 198.51.100.0/24 192.0.2.2");
        Outcome dup = lab.exec("jexec alcatraz route add 198.51.100.0/24 192.0.2.2");
        assertThat(dup.exit()).isEqualTo(1);
        assertThat(dup.stdout()).isEqualTo("add net 198.51.100.0/24: gateway 192.0.2.2 fib 0: route already in table\n");
        assertThat(dup.stderr()).isEqualTo("route: message indicates error: File exists\n");
        Outcome unreach = lab.exec("jexec alcatraz route add 203.0.113.0/24 10.0.0.1");
        assertThat(unreach.stdout()).isEqualTo("add net 203.0.113.0/24: gateway 10.0.0.1 fib 0: Network is unreachable\n");
        Outcome missing = lab.exec("jexec alcatraz route delete 192.0.2.77");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.stdout()).isEqualTo("delete host 192.0.2.77 fib 0: not in table\n");
        assertThat(missing.stderr()).isEqualTo("route: route has not been found\n");
    }

    @Test
    void givenNonVnetJail_whenRouteAdd_thenOperationNotPermitted() {
        Lab lab = new Lab(9);
        lab.run("jail -c name=nv persist");
        Outcome o = lab.exec("jexec nv route add default 192.0.2.1");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.stdout()).isEqualTo("add net default: gateway 192.0.2.1 fib 0: Operation not permitted\n");
    }

    @Test
    void givenS39_whenHostDefaultAndJailBlackhole_thenAddedAndNotForwardableCounterShown() {
        Lab lab = new Lab(10);
        List<Outcome> o = lab.run("""
                ifconfig epair create
                ifconfig epair create
                ifconfig epair0a 192.0.2.2/24 up
                jail -c name=v4t-fwd_ip_blackhole persist vnet vnet.interface=epair0b vnet.interface=epair1b
                jexec v4t-fwd_ip_blackhole ifconfig lo0 127.0.0.1/8 up
                jexec v4t-fwd_ip_blackhole ifconfig epair0b 192.0.2.1/24 up
                jexec v4t-fwd_ip_blackhole ifconfig epair1b 198.51.100.1/24 up
                route add default 192.0.2.1
                jexec v4t-fwd_ip_blackhole /sbin/route add 198.51.100.2 -blackhole -fib 0
                jexec v4t-fwd_ip_blackhole netstat -rn
                jexec v4t-fwd_ip_blackhole netstat -s -p ip
                """);
        assertThat(o.get(7).stdout()).isEqualTo("add net default: gateway 192.0.2.1\n");
        assertThat(o.get(8).exit()).isZero();
        assertThat(o.get(8).stdout()).isEqualTo("add host 198.51.100.2\n");
        assertThat(o.get(9).stdout()).containsPattern("198\\.51\\.100\\.2 +link#\\d+ +UHSB +lo0\n");
        assertThat(o.get(10).stdout()).startsWith("ip:\n").contains("\t0 packets not forwardable\n")
                .contains("\t0 packets forwarded (0 packets fast forwarded)\n");
    }

    @Test
    void givenS44Multipath_whenSamePrefixAddedWithSecondGateway_thenEcmpGroupSpreadsFlows() {
        Lab lab = new Lab(11);
        List<Outcome> o = lab.run("""
                ifconfig epair create
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a vnet.interface=epair1a
                jexec a sysctl net.route.multipath=1
                jexec a ifconfig epair0a up
                jexec a ifconfig epair0a inet 203.0.113.1/30
                jexec a ifconfig epair1a up
                jexec a ifconfig epair1a inet 203.0.113.5/30
                jexec a route add -4 -net 198.51.100.0/24 203.0.113.2
                jexec a route add -4 -net 198.51.100.0/24 203.0.113.6
                jexec a route add -4 -net 198.51.100.0/24 203.0.113.6
                """);
        assertThat(o.get(9).stdout()).isEqualTo("add net 198.51.100.0/24: gateway 203.0.113.6\n");
        assertThat(o.get(9).exit()).isZero();
        assertThat(o.get(10).exit()).isEqualTo(1);
        var vnet = lab.host().prisonByName("a").vnet;
        int via0 = 0;
        int via1 = 0;
        for (int i = 1; i < 255; i++) {
            RouteLookup.Nexthop nh = RouteLookup.lookup(lab.host(), vnet, Ipv4Address.of("198.51.100." + i),
                    Ipv4Address.of("198.51.100." + i).bits());
            if (nh.ifp().name.equals("epair0a")) via0++;
            else via1++;
        }
        assertThat(via0).isGreaterThan(80);
        assertThat(via1).isGreaterThan(80);
        lab.exec("jexec a ifconfig epair0a down");
        RouteLookup.Nexthop nh = RouteLookup.lookup(lab.host(), vnet, Ipv4Address.of("198.51.100.9"), 12345);
        for (int h = 0; h < 50; h++) {
            assertThat(RouteLookup.lookup(lab.host(), vnet, Ipv4Address.of("198.51.100.9"), h).ifp().name)
                    .isEqualTo("epair1a");
        }
        assertThat(nh.gateway4()).isEqualTo(Ipv4Address.of("203.0.113.6"));
    }

    @Test
    void givenLpmRoutes_whenLookup_thenMostSpecificWinsAndLocalAddressesAreLocal() {
        Lab lab = new Lab(12);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                jail -c name=a persist vnet vnet.interface=epair0a vnet.interface=epair1a
                jexec a ifconfig epair0a inet 203.0.113.1/30 up
                jexec a ifconfig epair1a inet 203.0.113.5/30 up
                jexec a route add -4 -net 198.51.100.0/30 203.0.113.2
                jexec a route add -4 -net 198.51.100.0/31 203.0.113.6
                jexec a ifconfig epair0a inet6 2001:db8::1/64
                """);
        var vnet = lab.host().prisonByName("a").vnet;
        assertThat(RouteLookup.lookup(lab.host(), vnet, Ipv4Address.of("198.51.100.0"), 0).ifp().name).isEqualTo("epair1a");
        assertThat(RouteLookup.lookup(lab.host(), vnet, Ipv4Address.of("198.51.100.2"), 0).ifp().name).isEqualTo("epair0a");
        assertThat(RouteLookup.lookup(lab.host(), vnet, Ipv4Address.of("203.0.113.1"), 0).isLocal()).isTrue();
        assertThat(RouteLookup.lookup(lab.host(), vnet, Ipv4Address.of("203.0.113.2"), 0).gateway4()).isNull();
        assertThat(RouteLookup.lookup(lab.host(), vnet, Ipv4Address.of("8.8.8.8"), 0)).isNull();
        assertThat(RouteLookup.lookup(lab.host(), vnet, Ipv6Address.of("2001:db8::5"), 0, 0).ifp().name).isEqualTo("epair0a");
    }

    @Test
    void givenThreeJailsRoutedScript_whenDefaultRoutesAdded_thenPrinted() {
        Lab lab = new Lab(13);
        List<Outcome> o = lab.run("""
                jail -c name=lefty vnet host.hostname=lefty.example.net path=/ persist
                jail -c name=middy vnet host.hostname=middy.example.net path=/ persist
                jail -c name=righty vnet host.hostname=righty.example.net path=/ persist
                ifconfig epair20 create
                ifconfig epair21 create
                ifconfig epair20a vnet lefty
                ifconfig epair20b vnet middy
                ifconfig epair21a vnet middy
                ifconfig epair21b vnet righty
                jexec lefty ifconfig epair20a inet 192.0.2.1/30 up
                jexec middy ifconfig epair20b inet 192.0.2.2/30 up
                jexec middy ifconfig epair21a inet 192.0.2.5/30 up
                jexec righty ifconfig epair21b inet 192.0.2.6/30 up
                jexec lefty route add default 192.0.2.2
                jexec righty route add default 192.0.2.5
                jail -r middy
                """);
        assertThat(o.get(13).stdout()).isEqualTo("add net default: gateway 192.0.2.2\n");
        assertThat(o.get(14).stdout()).isEqualTo("add net default: gateway 192.0.2.5\n");
        // middy's interfaces went home: lefty's default route stays (FreeBSD keeps it), its link is still there
        assertThat(lab.exec("jexec lefty netstat -rn").stdout()).contains("default            192.0.2.2          UGS");
    }

    @Test
    void givenInterfaceMovedAway_whenItLeaves_thenItsStaticRoutesAndNeighboursGo() {
        Lab lab = new Lab(14);
        lab.run("""
                ifconfig epair create
                jail -c name=j persist vnet vnet.interface=epair0a
                jexec j ifconfig epair0a 192.0.2.2/24 up
                jexec j route add default 192.0.2.1
                jexec j arp -s 192.0.2.9 90:10:00:01:02:03
                ifconfig epair0a -vnet j
                """);
        assertThat(lab.exec("jexec j netstat -rn").stdout()).isEqualTo("Routing tables\n");
        assertThat(lab.exec("jexec j arp -an").stdout()).isEmpty();
        assertThat(RouteTables.INSTANCE.peek(lab.host().prisonByName("j").vnet)).isNull();
    }

    @Test
    void givenRoutesAndNeighbours_whenReplayed_thenSameTables() {
        Lab lab = s19Setup();
        lab.run("""
                jexec alcatraz route add 198.51.100.0/24 192.0.2.2
                jexec alcatraz route add 192.0.2.3 192.0.2.2
                jexec alcatraz arp -s 192.0.2.9 90:10:00:01:02:03
                """);
        Lab replay = Lab.replay(1, Lab.DEFAULT_HOSTNAME, lab.events());
        for (String cmd : List.of("jexec alcatraz netstat -rn", "jexec alcatraz arp -an", "netstat -rn")) {
            assertThat(replay.exec(cmd).stdout()).isEqualTo(lab.exec(cmd).stdout());
        }
    }

    @Test
    void givenIdleVnets_whenCreated_thenNoRoutingOrNeighbourSlots() {
        Lab lab = new Lab(15);
        lab.run("jail -c name=j persist vnet\njexec j netstat -rn\njexec j arp -an");
        var vnet = lab.host().prisonByName("j").vnet;
        assertThat(RouteTables.INSTANCE.peek(vnet)).isNull();
        assertThat(NeighborTables.INSTANCE.peek(vnet)).isNull();
    }
}
