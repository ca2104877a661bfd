package org.vnetlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.LabTester;

/**
 * ifconfig ether/lladdr/link (SIOCSIFLLADDR) with its announcements, inet6 address lifetimes,
 * bridge static entries on a vlan, and ifconfig's Perror() texts.
 */
class LinkAddressAndLifetimeTest {
    private static final String PREFIX = "2001:db8:ffff:1000::";
    private static final String MAC = "90:10:00:01:02:03";

    /** ndp.sh ndp_if_up(): up, IPv6 enabled, no DAD to wait for. */
    private static void ndpIfUp(LabTester t, String ifname, String jail) {
        String j = jail == null ? "" : "jexec " + jail + " ";
        t.ok(j + "ifconfig " + ifname + " up");
        t.ok(j + "ifconfig " + ifname + " inet6 -ifdisabled");
    }

    @Test
    void givenNeighbourEntry_whenPeerChangesItsMac_thenGrandUpdatesItAfterTheLinkLocalsTurn() {
        // tests/sys/netinet6/ndp.sh:ndp_grand_linklayer_event
        LabTester t = new LabTester(new Lab(7));
        t.ok("ifconfig epair create");
        t.ok("jail -c name=j1 persist vnet vnet.interface=epair0a");
        t.ok("jail -c name=j2 persist vnet vnet.interface=epair0b");
        ndpIfUp(t, "epair0a", "j1");
        ndpIfUp(t, "epair0b", "j2");
        t.ok("ifconfig -j j1 epair0a inet6 " + PREFIX + "1 no_dad");
        t.ok("ifconfig -j j2 epair0b inet6 " + PREFIX + "2 no_dad");
        assertThat(t.lab.exec("jexec j2 ndp -n " + PREFIX + "1").exit()).isEqualTo(1);
        t.ok("jexec j2 ping -c1 -t1 " + PREFIX + "1");
        t.ok("jexec j2 ndp -n " + PREFIX + "1");

        t.ok("ifconfig -j j1 epair0a ether " + MAC);

        assertThat(t.lab.exec("jexec j2 ndp -n " + PREFIX + "1").stdout()).doesNotContain(MAC);
        t.ok("sleep 1.1");
        assertThat(t.ok("jexec j2 ndp -n " + PREFIX + "1").stdout()).containsPattern(PREFIX + "1.*" + MAC);
    }

    @Test
    void givenEpair_whenEtherIsSet_thenShownAndLinkLocalKept() {
        LabTester t = new LabTester(new Lab(3));
        t.ok("ifconfig epair create");
        ndpIfUp(t, "epair0a", null);
        String before = t.ok("ifconfig epair0a inet6").stdout();
        t.ok("ifconfig epair0a ether " + MAC);
        t.expect("ifconfig epair0a ether", 0, """
                epair0a: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500
                \toptions=8<VLAN_MTU>
                \tether 90:10:00:01:02:03
                """, "");
        assertThat(t.ok("ifconfig epair0a inet6").stdout()).isEqualTo(before);
        t.ok("ifconfig epair0b lladdr 02:00:00:00:00:0b");
        t.ok("ifconfig bridge create");
        t.ok("ifconfig bridge0 link 02:00:00:00:00:0c");
        assertThat(t.ok("ifconfig bridge0").stdout()).contains("\tether 02:00:00:00:00:0c\n");
    }

    @Test
    void givenLoopbackOrBadMac_whenEtherIsSet_thenSiocaifaddrError() {
        LabTester t = new LabTester(new Lab(3));
        t.ok("ifconfig epair create");
        t.expect("ifconfig lo0 ether " + MAC, 1, "", "ifconfig: ioctl (SIOCAIFADDR): Invalid argument\n");
        t.ok("jail -c name=nv persist");
        t.expect("jexec nv ifconfig epair0a ether " + MAC, 1, "",
                "ifconfig: ioctl (SIOCAIFADDR): permission denied\n");
    }

    @Test
    void givenIpv4Neighbour_whenPeerChangesItsMac_thenGratuitousArpUpdatesIt() {
        LabTester t = new LabTester(new Lab(5));
        t.ok("ifconfig epair create");
        t.ok("jail -c name=one persist vnet vnet.interface=epair0b");
        t.ok("ifconfig epair0a 192.0.2.1/24 up");
        t.ok("jexec one ifconfig epair0b 192.0.2.2/24 up");
        t.ok("ping -c1 192.0.2.2");
        t.ok("jexec one ifconfig epair0b ether " + MAC);
        assertThat(t.ok("arp -n 192.0.2.2").stdout()).contains(MAC);
    }

    @Test
    void givenInet6WithLifetimes_whenTimePasses_thenCountsDownDeprecatesAndExpires() {
        // ndp.sh:ndp_prefix_lifetime's expectations, with the lifetimes set by ifconfig
        LabTester t = new LabTester(new Lab(2));
        t.ok("ifconfig epair create");
        t.ok("ifconfig epair0a up");
        t.ok("ifconfig epair0a inet6 " + PREFIX + "1/64 pltime 5 vltime 10");
        assertThat(t.ok("ifconfig epair0a").stdout())
                .contains("\tinet6 " + PREFIX + "1 prefixlen 64 pltime 5 vltime 10\n");
        t.ok("sleep 6");
        assertThat(t.ok("ifconfig -L epair0a").stdout())
                .contains("\tinet6 " + PREFIX + "1 prefixlen 64 deprecated pltime 0 vltime 4\n");
        t.ok("sleep 6");
        assertThat(t.ok("ifconfig epair0a").stdout()).doesNotContain(PREFIX);
        assertThat(t.ok("netstat -rn -f inet6").stdout()).doesNotContain(PREFIX);
    }

    @Test
    void givenAddress_whenAddedAgainWithLongerLifetimes_thenRefreshed() {
        LabTester t = new LabTester(new Lab(2));
        t.ok("ifconfig epair create");
        t.ok("ifconfig epair0a inet6 " + PREFIX + "1/64 pltime 5 vltime 10");
        t.ok("ifconfig epair0a inet6 " + PREFIX + "1/64 pltime 10 vltime 20");
        assertThat(t.ok("ifconfig epair0a inet6").stdout()).contains("prefixlen 64 pltime 10 vltime 20\n");
        t.expect("ifconfig epair0a inet6 " + PREFIX + "2/64 pltime 20 vltime 10", 1, "",
                "ifconfig: ioctl (SIOCAIFADDR): Invalid argument\n");
        t.expect("ifconfig epair0a inet6 " + PREFIX + "2/64 pltime x", 1, "", "ifconfig: invalid pltime\n");
        t.expect("ifconfig epair0a inet 192.0.2.1/24 vltime 3", 1, "", "ifconfig: vltime not allowed for the AF\n");
    }

    @Test
    void givenInet6_whenDeletingAMissingAddress_thenInetIoctlNames() {
        LabTester t = new LabTester(new Lab(2));
        t.ok("ifconfig epair create");
        t.expect("ifconfig epair0a inet6 2001:db8::9 -alias", 1, "",
                "ifconfig: ioctl (SIOCDIFADDR): Can't assign requested address\n");
        t.ok("jail -c name=nv persist");
        t.expect("jexec nv ifconfig lo0 up", 1, "", "ifconfig: up: permission denied\n");
        t.expect("jexec nv ifconfig lo0 inet6 2001:db8::1", 1, "", "ifconfig: ioctl (SIOCAIFADDR): permission denied\n");
    }

    @Test
    void givenBridgeMember_whenStaticOnAVlan_thenListedAndDeletedOnlyOnThatVlan() {
        // tests/sys/net/if_bridge_test.sh:vstatic
        LabTester t = new LabTester(new Lab(1));
        t.ok("ifconfig epair create");
        t.ok("ifconfig bridge create");
        t.ok("jail -c name=one persist vnet vnet.interface=bridge0 vnet.interface=epair0a");
        t.ok("ifconfig epair0b up");
        t.ok("jexec one ifconfig bridge0 up");
        t.ok("jexec one ifconfig epair0a up");
        t.ok("jexec one ifconfig bridge0 addm epair0a");
        t.expect("jexec one ifconfig bridge0 static epair0b 00:01:02:03:04:05 vlan 10", 1, "",
                "ifconfig: BRDGSADDR: No such file or directory\n");
        t.expect("jexec one ifconfig bridge0 static epair0a 00:01:02:03:04 vlan 10", 1, "",
                "ifconfig: invalid address: 00:01:02:03:04\n");
        t.expect("jexec one ifconfig bridge0 static epair0a 00:01:02:03:04:05 vlan 5000", 1, "",
                "ifconfig: invalid vlan id: 5000\n");
        t.expect("jexec one ifconfig bridge0 static epair0a 00:01:02:03:04:05 vlan 0", 1, "",
                "ifconfig: invalid vlan id: 0\n");
        t.expect("jexec one ifconfig bridge0 static epair0a", 1, "",
                "ifconfig: usage: static <interface> <address> [vlan <id>]\n");
        t.ok("jexec one ifconfig bridge0 static epair0a 00:01:02:03:04:05 vlan 10");
        t.expect("jexec one ifconfig bridge0 addr", 0, "00:01:02:03:04:05 Vlan10 epair0a 0 flags=1<STATIC>\n", "");
        t.expect("jexec one ifconfig bridge0 deladdr 00:01:02:03:04 vlan 10", 1, "",
                "ifconfig: invalid address: 00:01:02:03:04\n");
        t.expect("jexec one ifconfig bridge0 deladdr 00:01:02:03:04:06 vlan 10", 1, "",
                "ifconfig: BRDGDADDR: No such file or directory\n");
        t.expect("jexec one ifconfig bridge0 deladdr 00:01:02:03:04:05 vlan 20", 1, "",
                "ifconfig: BRDGDADDR: No such file or directory\n");
        t.expect("jexec one ifconfig bridge0 deladdr 00:01:02:03:04:05", 1, "",
                "ifconfig: BRDGDADDR: No such file or directory\n");
        t.ok("jexec one ifconfig bridge0 deladdr 00:01:02:03:04:05 vlan 10");
        t.expect("jexec one ifconfig bridge0 addr", 0, "", "");
    }
}
