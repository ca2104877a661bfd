package org.vnetlab.kernel.sysctl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.LabTester;
import org.vnetlab.kernel.userland.Outcome;

/** sysctl(8) in jails and vnets: freebsd-scenarios.md D4, S08, S39, S44; semantics §5. */
class SysctlScenariosTest {
    private final Lab lab = new Lab(0, "myhost.example.org");

    private final LabTester t = new LabTester(lab);

    private Outcome ok(String line) {
        return t.ok(line);
    }

    private void expect(String line, int exit, String stdout, String stderr) {
        t.expect(line, exit, stdout, stderr);
    }

    private void twoVnetJails() {
        ok("jail -c name=one persist vnet");
        ok("jail -c name=two persist vnet");
    }

    @Test
    void d4_givenVnetAndNonVnetJails_whenSettingForwarding_thenOnlyTheVnetJailMayWriteIt() {
        ok("jail -c name=j persist vnet");
        ok("jail -c name=nv persist");
        expect("jexec j sysctl net.inet.ip.forwarding=1", 0, "net.inet.ip.forwarding: 0 -> 1\n", "");
        expect("jexec nv sysctl net.inet.ip.forwarding=1", 1, "net.inet.ip.forwarding: 0\n",
                "sysctl: net.inet.ip.forwarding=1: Operation not permitted\n");
        expect("sysctl net.inet.ip.nosuch", 1, "", "sysctl: unknown oid 'net.inet.ip.nosuch'\n");
        expect("jexec j sysctl -n security.jail.vnet", 0, "1\n", "");
        expect("jexec nv sysctl -n security.jail.vnet", 0, "0\n", "");
        expect("sysctl -n security.jail.vnet security.jail.jailed", 0, "0\n0\n", "");
        expect("jexec nv sysctl -n security.jail.jailed", 0, "1\n", "");
    }

    @Test
    void seed_givenTwoVnetJails_whenJailTwoEnablesForwarding_thenHostAndJailOneKeepTheirValues() {
        twoVnetJails();
        expect("jexec 2 sysctl net.inet.ip.forwarding\\=1", 0, "net.inet.ip.forwarding: 0 -> 1\n", "");
        expect("jexec 2 sysctl net.inet6.ip6.forwarding=1", 0, "net.inet6.ip6.forwarding: 0 -> 1\n", "");
        expect("jexec 2 sysctl -n net.inet.ip.forwarding net.inet6.ip6.forwarding", 0, "1\n1\n", "");
        expect("sysctl -n net.inet.ip.forwarding net.inet6.ip6.forwarding", 0, "0\n0\n", "");
        expect("jexec 1 sysctl -n net.inet.ip.forwarding", 0, "0\n", "");
        assertThat(Sysctls.vnetInt(lab.host().prison(2).vnet, "net.inet.ip.forwarding")).isEqualTo(1);
        assertThat(Sysctls.vnetInt(lab.host().vnet0, "net.inet.ip.forwarding")).isZero();
    }

    @Test
    void givenHostChangedAValue_whenANewVnetIsCreated_thenItStartsFromTheCompiledInDefault() {
        expect("sysctl net.inet.ip.ttl=32", 0, "net.inet.ip.ttl: 64 -> 32\n", "");
        ok("jail -c name=fresh persist vnet");
        ok("jail -c name=shared persist");
        expect("jexec fresh sysctl -n net.inet.ip.ttl", 0, "64\n", "");
        expect("jexec shared sysctl -n net.inet.ip.ttl", 0, "32\n", "");
        expect("sysctl net.inet.ip.ttl", 0, "net.inet.ip.ttl: 32\n", "");
    }

    @Test
    void givenVnetJail_whenWritingAGlobalOid_thenEperm() {
        ok("jail -c name=j persist vnet");
        expect("jexec j sysctl kern.ipc.maxsockbuf=4194304", 1, "kern.ipc.maxsockbuf: 2097152\n",
                "sysctl: kern.ipc.maxsockbuf=4194304: Operation not permitted\n");
        expect("sysctl kern.ipc.maxsockbuf=4194304", 0, "kern.ipc.maxsockbuf: 2097152 -> 4194304\n", "");
        expect("jexec j sysctl -n kern.ipc.maxsockbuf", 0, "4194304\n", "");
    }

    @Test
    void s08_givenParentWithEnv_whenReadingSecurityJailEnv_thenEachJailSeesItsOwn() {
        ok("jail -c name=parent children.max=1 persist meta=\"abc\" env=\"cba\"");
        ok("jexec parent jail -c name=child persist");
        expect("jexec parent sysctl -n security.jail.env", 0, "cba\n", "");
        expect("jexec parent.child sysctl -n security.jail.env", 0, "\n", "");
        expect("sysctl security.jail.env", 0, "security.jail.env: \n", "");
        // kern_jailmeta.c has no sysctl for the private "meta"
        expect("jexec parent sysctl security.jail.meta", 1, "", "sysctl: unknown oid 'security.jail.meta'\n");
    }

    @Test
    void givenNestedJails_whenReadingChildrenLimits_thenTheCallersOwnValuesShow() {
        ok("jail -c name=a persist children.max=3");
        ok("jexec a jail -c name=b persist");
        ok("jail -c name=c persist");
        expect("sysctl security.jail.children.max security.jail.children.cur", 0,
                "security.jail.children.max: 999999\nsecurity.jail.children.cur: 3\n", "");
        expect("jexec a sysctl -n security.jail.children.max security.jail.children.cur", 0, "3\n1\n", "");
        expect("jexec a.b sysctl -n security.jail.children.max security.jail.children.cur", 0, "0\n0\n", "");
        expect("jexec a sysctl security.jail.children.max=5", 1, "",
                "sysctl: oid 'security.jail.children.max' is read only\n");
    }

    @Test
    void vnetSubr_givenVimageKernel_whenProbingFeature_thenOne() {
        expect("sysctl -i -n kern.features.vimage", 0, "1\n", "");
        expect("sysctl -i -n kern.features.nosuch", 0, "", "");
        expect("sysctl -q kern.features.nosuch", 1, "", "");
    }

    @Test
    void s44_givenRouteMpath_whenListingWritable_thenOneLineAndJailMayEnableIt() {
        expect("sysctl -iW net.route.multipath", 0, "net.route.multipath: 1\n", "");
        expect("sysctl -iW security.jail.jailed", 0, "", "");
        ok("jail -c name=a persist vnet");
        expect("jexec a sysctl net.route.multipath=1", 0, "net.route.multipath: 1 -> 1\n", "");
        expect("sysctl -W net.route.multipath=0", 1, "",
                "sysctl: Can't set variables when using -T or -W\n"
                        + "usage: sysctl [-bdehiNnoqTtWx] [ -B <bufsize> ] [-f filename] name[=value] ...\n"
                        + "       sysctl [-bdehNnoqTtWx] [ -B <bufsize> ] -a\n");
    }

    @Test
    void givenOutputFlags_whenReading_thenFormatsFollowSysctlC() {
        expect("sysctl -e net.inet.ip.forwarding", 0, "net.inet.ip.forwarding=0\n", "");
        expect("sysctl -N net.inet.ip.forwarding kern.ostype", 0, "net.inet.ip.forwarding\nkern.ostype\n", "");
        expect("sysctl -d net.inet.ip.forwarding", 0,
                "net.inet.ip.forwarding: Enable IP forwarding between interfaces\n", "");
        expect("sysctl -nd net.route.multipath", 0, "Enable route multipath\n", "");
        expect("sysctl -t kern.ostype", 0, "kern.ostype: string\n", "");
        expect("sysctl kern.ostype kern.osrelease kern.osreldate", 0,
                "kern.ostype: FreeBSD\nkern.osrelease: 14.3-RELEASE\nkern.osreldate: 1403000\n", "");
        expect("sysctl net.inet.icmp", 0, """
                net.inet.icmp.maskrepl: 0
                net.inet.icmp.icmplim: 200
                net.inet.icmp.drop_redirect: 0
                net.inet.icmp.bmcastecho: 0
                """, "");
        expect("sysctl -d net.route", 0, "net.route: \nnet.route.multipath: Enable route multipath\n", "");
        expect("sysctl -NT -a", 0, "net.link.bridge.pfil_bridge\nnet.link.bridge.pfil_member\n"
                + "net.link.bridge.inherit_mac\nnet.fibs\n", "");
        expect("sysctl -n net.link.ether.inet.max_age net.link.ether.inet.maxtries net.inet6.ip6.hlim", 0,
                "1200\n5\n64\n", "");
    }

    @Test
    void givenBadWrites_whenSetting_thenSysctlCMessagesAndFailureCount() {
        expect("sysctl net.inet=1", 1, "", "sysctl: oid 'net.inet' isn't a leaf node\n");
        expect("sysctl net.fibs=2", 1, "",
                "sysctl: oid 'net.fibs' is a read only tunable\nsysctl: Tunable values are set in /boot/loader.conf\n");
        expect("sysctl security.jail.jailed=1", 1, "", "sysctl: oid 'security.jail.jailed' is read only\n");
        expect("sysctl net.inet.ip.forwarding=abc", 1, "", "sysctl: invalid integer 'abc'\n");
        expect("sysctl net.inet.ip.forwarding=", 1, "", "sysctl: empty numeric value\n");
        expect("sysctl net.route.multipath=x", 1, "", "sysctl: invalid unsigned integer 'x'\n");
        expect("sysctl net.inet.ip.nosuch1 net.inet.ip.forwarding net.inet.ip.nosuch2", 2,
                "net.inet.ip.forwarding: 0\n",
                "sysctl: unknown oid 'net.inet.ip.nosuch1'\nsysctl: unknown oid 'net.inet.ip.nosuch2'\n");
        expect("sysctl net.link.ether.inet.garp_rexmit_count=17", 1, "net.link.ether.inet.garp_rexmit_count: 0\n",
                "sysctl: net.link.ether.inet.garp_rexmit_count=17: Invalid argument\n");
        expect("sysctl net.inet.ip.ttl=0x20", 0, "net.inet.ip.ttl: 64 -> 32\n", "");
        expect("sysctl net.inet.ip.ttl=010", 0, "net.inet.ip.ttl: 32 -> 8\n", "");
        expect("sysctl", 1, "", "usage: sysctl [-bdehiNnoqTtWx] [ -B <bufsize> ] [-f filename] name[=value] ...\n"
                + "       sysctl [-bdehNnoqTtWx] [ -B <bufsize> ] -a\n");
    }

    @Test
    void givenRejectedWrite_whenRetried_thenStateAndEventLogAreUnchanged() {
        ok("jail -c name=nv persist");
        int events = lab.events().size();
        Outcome o = lab.exec("jexec nv sysctl net.inet.ip.forwarding=1");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.events()).isEmpty();
        assertThat(lab.events()).hasSize(events);
        assertThat(SysctlSubsystem.INSTANCE.peek(lab.host().vnet0)).isNull();
        expect("sysctl -n net.inet.ip.forwarding", 0, "0\n", "");
    }

    @Test
    void givenHostnames_whenSetInJails_thenPerJailAndAllowSetHostnameIsEnforced() {
        ok("jail -c name=a persist host.hostname=a.example");
        ok("jail -c name=b persist allow.set_hostname=0");
        expect("sysctl -n kern.hostname", 0, "myhost.example.org\n", "");
        expect("jexec a sysctl kern.hostname=renamed", 0, "kern.hostname: a.example -> renamed\n", "");
        expect("jls -j a host.hostname", 0, "renamed\n", "");
        expect("sysctl -n kern.hostname", 0, "myhost.example.org\n", "");
        expect("jexec b sysctl kern.hostname=x", 1, "kern.hostname: myhost.example.org\n",
                "sysctl: kern.hostname=x: Operation not permitted\n");
        expect("sysctl kern.securelevel=1", 0, "kern.securelevel: -1 -> 1\n", "");
        expect("sysctl kern.securelevel=0", 1, "kern.securelevel: 1\n",
                "sysctl: kern.securelevel=0: Operation not permitted\n");
    }

    @Test
    void givenIdleVnetJails_whenOnlyReading_thenNoSysctlStateIsAllocated() {
        twoVnetJails();
        ok("jexec one sysctl -a");
        assertThat(SysctlSubsystem.INSTANCE.peek(lab.host().prison(1).vnet)).isNull();
        ok("jexec one sysctl net.inet.ip.forwarding=1");
        assertThat(SysctlSubsystem.INSTANCE.peek(lab.host().prison(1).vnet)).isNotNull();
        ok("jexec one sysctl net.inet.ip.forwarding=0");
        assertThat(SysctlSubsystem.INSTANCE.peek(lab.host().prison(1).vnet)).isNull();
    }

    @Test
    void givenWrites_whenReplayingTheEventLog_thenSysctlAllIsTheSame() {
        twoVnetJails();
        ok("jexec two sysctl net.inet.ip.forwarding=1 net.inet6.ip6.hlim=10");
        ok("sysctl kern.domainname=example.net kern.ipc.maxsockbuf=1000000");
        ok("jexec one sysctl kern.hostname=one.example");
        Lab replayed = Lab.replay(0, "myhost.example.org", lab.events());
        for (String line : new String[] {"sysctl -a", "jexec one sysctl -a", "jexec two sysctl -a"}) {
            assertThat(replayed.exec(line).stdout()).as(line).isEqualTo(lab.exec(line).stdout());
        }
        assertThat(lab.exec("jexec two sysctl -a").stdout()).contains("net.inet6.ip6.hlim: 10\n")
                .contains("kern.domainname: \n").contains("kern.ipc.maxsockbuf: 1000000\n");
    }
}
