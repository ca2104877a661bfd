package org.vnetlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

/** ifconfig, epair, bridge and lo0 against the FreeBSD regression scenarios (freebsd-scenarios.md). */
class IfconfigScenariosTest {

    private static Outcome ok(Lab lab, String line) {
        Outcome o = lab.exec(line);
        assertThat(o.exit()).as(line + ": " + o.stderr()).isZero();
        assertThat(o.stderr()).as(line).isEmpty();
        return o;
    }

    private static Outcome fails(Lab lab, String line, String stderr) {
        Outcome o = lab.exec(line);
        assertThat(o.exit()).as(line).isEqualTo(1);
        assertThat(o.stderr()).as(line).isEqualTo(stderr);
        return o;
    }

    private static String mtu(Lab lab, String ifname) {
        String first = lab.exec("ifconfig " + ifname).stdout().lines().findFirst().orElseThrow();
        return first.split(" ")[5];
    }

    @Test
    void givenFreshHost_whenCloning_thenNamesArePrintedAsIfcloneDoes() {
        Lab lab = new Lab(1);
        assertThat(ok(lab, "ifconfig epair create").stdout()).isEqualTo("epair0a\n");
        assertThat(ok(lab, "ifconfig bridge create").stdout()).isEqualTo("bridge0\n");
        assertThat(ok(lab, "ifconfig bridge1 create").stdout()).isEmpty();
        assertThat(ok(lab, "ifconfig lo create").stdout()).isEqualTo("lo1\n");
        assertThat(ok(lab, "ifconfig epair20 create").stdout()).isEqualTo("epair20a\n");
        assertThat(ok(lab, "ifconfig epair create").stdout()).isEqualTo("epair1a\n");
        fails(lab, "ifconfig epair20 create", "ifconfig: interface epair20 already exists\n");
        fails(lab, "ifconfig bridge0 create", "ifconfig: interface bridge0 already exists\n");
        fails(lab, "ifconfig foo0 create", "ifconfig: SIOCIFCREATE2 (foo0): Invalid argument\n");
        assertThat(ok(lab, "ifconfig -l").stdout())
                .isEqualTo("lo0 epair0a epair0b bridge0 bridge1 lo1 epair20a epair20b epair1a epair1b\n");
    }

    @Test
    void givenFreshEpair_whenShown_thenFreeBsd14Format() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        String a = ok(lab, "ifconfig epair0a").stdout();
        assertThat(a).matches("""
                epair0a: flags=1008842<BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500
                \toptions=8<VLAN_MTU>
                \tether 02:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}:0a
                \tgroups: epair
                \tmedia: Ethernet 10Gbase-T \\(10Gbase-T <full-duplex>\\)
                \tstatus: active
                \tnd6 options=29<PERFORMNUD,IFDISABLED,AUTO_LINKLOCAL>
                """);
        String macA = a.lines().filter(l -> l.startsWith("\tether ")).findFirst().orElseThrow().substring(7);
        String b = ok(lab, "ifconfig epair0b ether").stdout();
        assertThat(b).contains("\tether " + macA.substring(0, 15) + "0b\n");
    }

    @Test
    void givenEpair_whenAddressesSet_thenInetLinesAndImplicitUp() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        ok(lab, "ifconfig epair0a inet 192.0.2.1/24");
        ok(lab, "ifconfig epair0a alias 192.0.2.2/32");
        ok(lab, "ifconfig epair0a inet6 2001:db8::1/64");
        String out = ok(lab, "ifconfig epair0a").stdout();
        String mac = out.lines().filter(l -> l.startsWith("\tether ")).findFirst().orElseThrow().substring(7);
        String[] o = mac.split(":");
        String ll = String.format("fe80::%x:%sff:fe%s:%s", Integer.parseInt(o[0], 16) ^ 2, o[1] + o[2].replaceAll("", ""),
                o[3], o[4] + o[5]);
        assertThat(out).startsWith("epair0a: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500\n");
        assertThat(out).contains("""
                \tinet 192.0.2.1 netmask 0xffffff00 broadcast 192.0.2.255
                \tinet 192.0.2.2 netmask 0xffffffff broadcast 192.0.2.2
                \tinet6 fe80:""");
        assertThat(out).contains("%epair0a prefixlen 64 scopeid 0x2\n\tinet6 2001:db8::1 prefixlen 64\n");
        assertThat(out).endsWith("\tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>\n");
        // a plain inet replaces the primary address
        ok(lab, "ifconfig epair0a 198.51.100.1/24");
        assertThat(ok(lab, "ifconfig epair0a inet").stdout()).contains(
                "\tinet 192.0.2.2 netmask 0xffffffff broadcast 192.0.2.2\n\tinet 198.51.100.1 netmask 0xffffff00 broadcast 198.51.100.255\n")
                .doesNotContain("192.0.2.1 ");
        fails(lab, "ifconfig epair0a alias 192.0.2.2/32", "ifconfig: ioctl (SIOCAIFADDR): File exists\n");
        ok(lab, "ifconfig epair0a 192.0.2.2 -alias");
        fails(lab, "ifconfig epair0a foo", "ifconfig: foo: bad value\n");
        fails(lab, "ifconfig epair0a inet6 2001:db8::1 netmask 255.0.0.0",
                "ifconfig: netmask: invalid option for inet6\n");
    }

    @Test
    void givenAddressWithoutMask_whenSet_thenClassfulMaskAndWarning() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        Outcome o = lab.exec("ifconfig epair0a 10.1.2.3");
        assertThat(o.exit()).isZero();
        assertThat(o.stderr()).isEqualTo("ifconfig: WARNING: setting interface address without mask is deprecated,\n"
                + "default mask may not be correct.\n");
        assertThat(lab.exec("ifconfig epair0a inet").stdout()).contains("\tinet 10.1.2.3 netmask 0xff000000 broadcast 10.255.255.255\n");
    }

    @Test
    void givenHost_whenShowingLo0_thenConfiguredLikeRc() {
        Lab lab = new Lab(1);
        assertThat(ok(lab, "ifconfig lo0").stdout()).isEqualTo("""
                lo0: flags=1008049<UP,LOOPBACK,RUNNING,MULTICAST,LOWER_UP> metric 0 mtu 16384
                \toptions=680003<RXCSUM,TXCSUM,LINKSTATE,RXCSUM_IPV6,TXCSUM_IPV6>
                \tinet 127.0.0.1 netmask 0xff000000
                \tinet6 ::1 prefixlen 128
                \tinet6 fe80::1%lo0 prefixlen 64 scopeid 0x1
                \tgroups: lo
                \tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>
                """);
        fails(lab, "ifconfig lo0 destroy", "ifconfig: SIOCIFDESTROY: Invalid argument\n");
    }

    @Test
    void givenFreshVnetJail_whenShowingLo0_thenDownWithoutAddresses_D7() {
        Lab lab = new Lab(1);
        ok(lab, "jail -c name=j persist vnet");
        assertThat(ok(lab, "jexec j ifconfig lo0").stdout()).isEqualTo("""
                lo0: flags=8008<LOOPBACK,MULTICAST> metric 0 mtu 16384
                \toptions=680003<RXCSUM,TXCSUM,LINKSTATE,RXCSUM_IPV6,TXCSUM_IPV6>
                \tgroups: lo
                \tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>
                """);
        ok(lab, "jexec j ifconfig lo0 inet 127.0.0.1/8");
        ok(lab, "jexec j ifconfig lo0 up");
        assertThat(ok(lab, "jexec j ifconfig lo0").stdout()).startsWith(
                "lo0: flags=1008049<UP,LOOPBACK,RUNNING,MULTICAST,LOWER_UP> metric 0 mtu 16384\n")
                .contains("\tinet 127.0.0.1 netmask 0xff000000\n\tinet6 ::1 prefixlen 128\n\tinet6 fe80::1%lo0 prefixlen 64 scopeid 0x");
    }

    @Test
    void givenVnetInterfaceList_whenJailCreated_thenBothEndsMoveAndComeBack_S02() {
        Lab lab = new Lab(1);
        assertThat(ok(lab, "ifconfig epair create").stdout()).isEqualTo("epair0a\n");
        ok(lab, "jail -c name=basejail vnet persist vnet.interface=epair0a,epair0b");
        ok(lab, "jexec basejail ifconfig epair0a");
        ok(lab, "jexec basejail ifconfig epair0b");
        fails(lab, "ifconfig epair0a", "ifconfig: interface epair0a does not exist\n");
        ok(lab, "jail -r basejail");
        ok(lab, "ifconfig epair0a destroy");
        fails(lab, "ifconfig epair0b destroy", "ifconfig: interface epair0b does not exist\n");
    }

    @Test
    void givenAtfPythonSetup_whenListing_thenLo0AndMovedEpair_S10() {
        Lab lab = new Lab(1);
        List<Outcome> out = lab.run("""
                ifconfig epair create
                jail -i -c name=pytest:TestPing:test_ping persist vnet vnet.interface=epair0a
                jexec pytest:TestPing:test_ping /sbin/ifconfig lo0 inet 127.0.0.1/8
                jexec pytest:TestPing:test_ping /sbin/ifconfig lo0 up
                jexec pytest:TestPing:test_ping /sbin/ifconfig -l
                """);
        assertThat(out.get(0).stdout()).isEqualTo("epair0a\n");
        assertThat(out.get(2).stdout() + out.get(2).stderr() + out.get(3).stdout() + out.get(3).stderr()).isEmpty();
        // 14.x ifconfig sorts by ifindex, and the jail's lo0 was made after the host's epair0a
        assertThat(out.get(4).stdout()).isEqualTo("lo0 epair0a\n");
    }

    @Test
    void givenBridgeWithMember_whenDestroyed_thenSucceeds_S11() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig bridge create");
        ok(lab, "ifconfig epair create");
        ok(lab, "ifconfig bridge0 192.0.2.1/24 up");
        ok(lab, "ifconfig epair0a up");
        ok(lab, "ifconfig bridge0 addm epair0a");
        assertThat(ok(lab, "ifconfig bridge0").stdout()).contains("""
                \tmember: epair0a flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>
                \t        ifmaxaddr 0 port 3 priority 128 path cost 2000
                \tgroups: bridge
                \tnd6 options=9<PERFORMNUD,IFDISABLED>
                """).startsWith("bridge0: flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> metric 0 mtu 1500\n\toptions=0\n\tether 58:9c:fc:");
        fails(lab, "ifconfig bridge0 addm epair0a", "ifconfig: BRDGADD epair0a: File exists\n");
        fails(lab, "ifconfig bridge0 addm epair9a", "ifconfig: BRDGADD epair9a: No such file or directory\n");
        ok(lab, "ifconfig bridge0 destroy");
        fails(lab, "ifconfig bridge0 destroy", "ifconfig: interface bridge0 does not exist\n");
        ok(lab, "ifconfig epair0a destroy");
        fails(lab, "ifconfig epair0b destroy", "ifconfig: interface epair0b does not exist\n");
    }

    @Test
    void givenBridgeInVnetJail_whenStaticEntries_thenAddrTable_S12() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        ok(lab, "ifconfig bridge create");
        ok(lab, "jail -c name=one persist vnet vnet.interface=bridge0 vnet.interface=epair0a");
        ok(lab, "ifconfig epair0b up");
        ok(lab, "jexec one ifconfig bridge0 up");
        ok(lab, "jexec one ifconfig epair0a up");
        ok(lab, "jexec one ifconfig bridge0 addm epair0a");
        assertThat(lab.exec("jexec one ifconfig bridge0 static epair0b 00:01:02:03:04:05").exit()).isEqualTo(1);
        fails(lab, "jexec one ifconfig bridge0 static epair0a 00:01:02:03:04",
                "ifconfig: invalid address: 00:01:02:03:04\n");
        ok(lab, "jexec one ifconfig bridge0 static epair0a 00:01:02:03:04:05");
        assertThat(ok(lab, "jexec one ifconfig bridge0 addr").stdout())
                .isEqualTo("00:01:02:03:04:05 Vlan0 epair0a 0 flags=1<STATIC>\n");
        fails(lab, "jexec one ifconfig bridge0 deladdr 00:01:02:03:04", "ifconfig: invalid address: 00:01:02:03:04\n");
        fails(lab, "jexec one ifconfig bridge0 deladdr 00:01:02:03:04:06",
                "ifconfig: BRDGDADDR: No such file or directory\n");
        ok(lab, "jexec one ifconfig bridge0 deladdr 00:01:02:03:04:05");
        assertThat(ok(lab, "jexec one ifconfig bridge0 addr").stdout()).isEmpty();
        ok(lab, "jexec one ifconfig bridge0 destroy");
        ok(lab, "jexec one ifconfig epair0a destroy");
        fails(lab, "ifconfig epair0b", "ifconfig: interface epair0b does not exist\n");
        ok(lab, "jail -r one");
    }

    @Test
    void givenBridge_when256Members_then256MemberLines_S14() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig bridge create");
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 256; i++) script.append("ifconfig epair create\nifconfig bridge0 addm epair").append(i).append("a\n");
        for (Outcome o : lab.run(script.toString())) assertThat(o.exit()).as(o.line() + o.stderr()).isZero();
        String out = ok(lab, "ifconfig bridge0").stdout();
        assertThat(out.lines().filter(l -> l.contains("member:")).count()).isEqualTo(256);
        assertThat(out).contains("\tmember: epair255a flags=").contains("\tmember: epair0a flags=");
        assertThat(out.indexOf("member: epair255a")).isLessThan(out.indexOf("member: epair0a "));
    }

    @Test
    void givenBridgeMembers_whenMtuChanged_thenMembersFollow_S15() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        ok(lab, "ifconfig bridge create");
        ok(lab, "ifconfig bridge0 addm epair0a");
        ok(lab, "ifconfig bridge0 mtu 2000");
        assertThat(mtu(lab, "bridge0")).isEqualTo("2000");
        assertThat(mtu(lab, "epair0a")).isEqualTo("2000");
        fails(lab, "ifconfig epair0a mtu 1900", "ifconfig: ioctl SIOCSIFMTU (set mtu): Operation not supported\n");
        fails(lab, "ifconfig bridge0 mtu 70000", "ifconfig: ioctl SIOCSIFMTU (set mtu): Invalid argument\n");
        assertThat(mtu(lab, "epair0a")).isEqualTo("2000");
        ok(lab, "ifconfig epair create");
        assertThat(mtu(lab, "epair1a")).isEqualTo("1500");
        ok(lab, "ifconfig bridge0 addm epair1a");
        assertThat(mtu(lab, "epair1a")).isEqualTo("2000");
        assertThat(mtu(lab, "bridge0")).isEqualTo("2000");
    }

    @Test
    void givenJailCreatedInterfaces_whenJailRemoved_thenNumberedFromZeroAndDestroyed_S16() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        ok(lab, "jail -c name=one persist vnet");
        assertThat(ok(lab, "jexec one ifconfig bridge create").stdout()).isEqualTo("bridge0\n");
        assertThat(ok(lab, "jexec one ifconfig epair create").stdout()).isEqualTo("epair0a\n");
        ok(lab, "jexec one ifconfig epair0a 192.0.2.1/32");
        assertThat(ok(lab, "jexec one ifconfig epair create").stdout()).isEqualTo("epair1a\n");
        ok(lab, "jexec one ifconfig epair2 create");
        ok(lab, "jexec one ifconfig epair2a inet6 -ifdisabled auto_linklocal up");
        assertThat(ok(lab, "jexec one ifconfig epair2a inet6").stdout()).contains("\tinet6 fe80::").contains("%epair2a prefixlen 64 scopeid 0x");
        ok(lab, "jail -r one");
        assertThat(ok(lab, "ifconfig -l").stdout()).isEqualTo("lo0 epair0a epair0b\n");
        // the freed ifindexes are handed out again
        assertThat(ok(lab, "ifconfig bridge create").stdout()).isEqualTo("bridge0\n");
        assertThat(ok(lab, "ifconfig -l").stdout()).isEqualTo("lo0 epair0a epair0b bridge0\n");
    }

    @Test
    void givenInet6Host128_whenSameAddressAsSlash127Alias_thenFails_S18() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        assertThat(ok(lab, "ifconfig epair0a inet6 2001:db8::1/128").stdout()).isEmpty();
        assertThat(lab.exec("ifconfig epair0a inet6 2001:db8::1/127 alias").exit()).isEqualTo(1);
    }

    @Test
    void givenBorrowedInterfaces_whenJailRemoved_thenTheyComeHomeDownWithoutAddresses_D2() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        ok(lab, "jail -c name=j persist vnet vnet.interface=epair0b");
        ok(lab, "jexec j ifconfig epair0b 192.0.2.2/24 up");
        assertThat(ok(lab, "jexec j ifconfig bridge create").stdout()).isEqualTo("bridge0\n");
        assertThat(ok(lab, "jail -r j").stdout()).isEmpty();
        String out = ok(lab, "ifconfig epair0b").stdout();
        assertThat(out).startsWith("epair0b: flags=1008842<BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP>")
                .doesNotContain("inet ")
                .contains("\tnd6 options=29<PERFORMNUD,IFDISABLED,AUTO_LINKLOCAL>\n");
        assertThat(ok(lab, "ifconfig -l").stdout()).isEqualTo("lo0 epair0a epair0b\n");
    }

    @Test
    void givenVnetMoves_whenErrors_thenFreeBsdTexts() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        ok(lab, "jail -c name=v persist vnet");
        ok(lab, "jail -c name=nv persist");
        fails(lab, "ifconfig epair0a vnet foo", "ifconfig: jail \"foo\" not found\n");
        fails(lab, "ifconfig epair0a vnet nv", "ifconfig: SIOCSIFVNET: File exists\n");
        fails(lab, "ifconfig epair9a vnet v", "ifconfig: interface epair9a does not exist\n");
        ok(lab, "ifconfig epair0a vnet v");
        fails(lab, "jexec nv ifconfig epair0b up", "ifconfig: up: permission denied\n");
        ok(lab, "ifconfig epair0a -vnet v");
        ok(lab, "ifconfig epair0a");
        fails(lab, "ifconfig epair0a -vnet v", "ifconfig: SIOCSIFRVNET(1, epair0a): Device not configured\n");
        ok(lab, "ifconfig epair0b vnet v");
        ok(lab, "ifconfig -j v epair0b inet 192.0.2.1/24");
        assertThat(ok(lab, "jexec v ifconfig epair0b inet").stdout()).contains("\tinet 192.0.2.1 netmask 0xffffff00 broadcast 192.0.2.255\n");
        fails(lab, "ifconfig -j nosuch -l", "ifconfig: jail \"nosuch\" not found\n");
    }

    @Test
    void givenRenameAndDescription_whenShown_thenNewNameAndDescriptionLine() {
        Lab lab = new Lab(1);
        ok(lab, "ifconfig epair create");
        assertThat(ok(lab, "ifconfig epair0a name lan0").stdout()).isEqualTo("lan0\n");
        ok(lab, "ifconfig lan0 description \"uplink port\"");
        assertThat(ok(lab, "ifconfig lan0").stdout()).contains("metric 0 mtu 1500\n\tdescription: uplink port\n\toptions=8<VLAN_MTU>\n");
        ok(lab, "ifconfig lan0 -description");
        assertThat(ok(lab, "ifconfig lan0").stdout()).doesNotContain("description");
        fails(lab, "ifconfig lan0 name epair0b", "ifconfig: ioctl SIOCSIFNAME (set name): File exists\n");
        ok(lab, "ifconfig lan0 promisc pcp 3 metric 0");
        assertThat(ok(lab, "ifconfig lan0").stdout()).startsWith("lan0: flags=1028942<BROADCAST,RUNNING,PROMISC,SIMPLEX,MULTICAST,PPROMISC,LOWER_UP>");
        // units stay with the pair after a rename
        assertThat(ok(lab, "ifconfig epair create").stdout()).isEqualTo("epair1a\n");
    }

    @Test
    void givenSeedDemo_whenRun_thenIfconfigLinesAreSilent() {
        Lab lab = new Lab(7);
        List<Outcome> out = lab.run("""
                jail -c vnet host.hostname=lefty.example.net path=/ persist
                jail -c vnet host.hostname=middy.example.net path=/ persist
                jail -c vnet host.hostname=righty.example.net path=/ persist
                ifconfig epair20 create
                ifconfig epair20a vnet 1
                jexec 1 ifconfig lo0 127.0.0.1/8
                jexec 1 ifconfig epair20a inet 192.0.2.1/30 up
                ifconfig epair20b vnet 2
                jexec 2 ifconfig lo0 127.0.0.1/8
                jexec 2 ifconfig epair20b inet 192.0.2.2/30 up
                """);
        for (Outcome o : out) {
            assertThat(o.exit()).as(o.line() + o.stderr()).isZero();
            assertThat(o.stderr()).as(o.line()).isEmpty();
            assertThat(o.stdout()).as(o.line()).isEqualTo(o.line().equals("ifconfig epair20 create") ? "epair20a\n" : "");
        }
        assertThat(lab.exec("jexec 2 ifconfig epair20b inet").stdout())
                .contains("\tinet 192.0.2.2 netmask 0xfffffffc broadcast 192.0.2.3\n");
    }

    @Test
    void givenLab_whenReplayedFromEvents_thenSameIfconfigEverywhere() {
        Lab lab = new Lab(11);
        lab.run("""
                ifconfig epair create
                ifconfig epair create
                ifconfig bridge create
                jail -c name=a persist vnet vnet.interface=epair0a
                jail -c name=b persist vnet vnet.interface=epair1b
                jexec a ifconfig lo0 127.0.0.1/8
                jexec a ifconfig epair0a inet 192.0.2.1/24 up
                jexec a ifconfig epair0a inet6 2001:db8::1/64
                jexec b ifconfig bridge create
                jexec b ifconfig bridge0 addm epair1b up
                ifconfig bridge0 addm epair0b addm epair1a
                ifconfig epair0b inet6 -ifdisabled up
                jexec a ifconfig lo create
                jail -r b
                """);
        Lab replayed = Lab.replay(11, Lab.DEFAULT_HOSTNAME, lab.events());
        for (String line : List.of("ifconfig -a", "jexec a ifconfig -a", "ifconfig bridge0 addr", "jexec a ifconfig -l")) {
            assertThat(replayed.exec(line).stdout()).as(line).isEqualTo(lab.exec(line).stdout());
        }
        assertThat(lab.exec("jexec a ifconfig -l").stdout()).isEqualTo("lo0 epair0a lo1\n");
    }
}
