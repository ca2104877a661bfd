package org.vnetlab.kernel.jail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.LabTester;
import org.vnetlab.kernel.userland.Outcome;

/** FreeBSD's jail/jls/jexec regression scenarios (freebsd-scenarios.md S01-S10, D1, D6). */
class JailScenariosTest {
    private final Lab lab = new Lab(0, "myhost.example.org");

    private final LabTester t = new LabTester(lab);

    private Outcome ok(String line) {
        return t.ok(line);
    }

    private void expect(String line, int exit, String stdout, String stderr) {
        t.expect(line, exit, stdout, stderr);
    }

    @Test
    void s01_givenCommandLineForm_whenCreatingRemovingAndRestarting_thenNothingIsPrintedAndJidsAreMonotonic() {
        expect("jail -c name=basejail persist ip4.addr=192.0.1.1", 0, "", "");
        expect("jls", 0, """
                   JID  IP Address      Hostname                      Path
                     1  192.0.1.1       myhost.example.org            /
                """, "");
        ok("jls -v");
        ok("jls -n");
        expect("jail -r basejail", 0, "", "");
        ok("jail -c name=basejail persist ip4.addr=192.0.1.1");
        expect("jls -j basejail jid", 0, "2\n", "");
        expect("jail -r 2", 0, "", "");
        expect("jail -cm name=basejail persist ip4.addr=192.0.1.1", 0, "", "");
        expect("jls -j basejail jid", 0, "3\n", "");
        expect("jail -rc name=basejail persist ip4.addr=192.0.1.1", 0, "", "");
        expect("jls -j basejail jid", 0, "4\n", "");
        expect("jail -r basejail", 0, "", "");
        expect("jls", 0, "   JID  IP Address      Hostname                      Path\n", "");
    }

    @Test
    void s03_givenChildrenMaxOne_whenNesting_thenSecondChildExceedsLimitAndNochildJailIsRefused() {
        ok("jail -c name=basejail persist ip4.addr=192.0.1.1 children.max=1");
        expect("jexec basejail jail -c name=nestedjail persist ip4.addr=192.0.1.1", 0, "", "");
        expect("jexec basejail jail -c name=secondnestedjail persist ip4.addr=192.0.1.1", 1, "",
                "jail: prison limit exceeded\n");
        expect("jexec basejail jls", 0, """
                   JID  IP Address      Hostname                      Path
                     2  192.0.1.1       myhost.example.org            /
                """, "");
        expect("jexec basejail jls name", 0, "nestedjail\n", "");
        ok("jexec basejail jls -v");
        ok("jexec basejail jls -n");
        ok("jail -c name=basejail_nochild persist ip4.addr=192.0.1.1");
        expect("jexec basejail_nochild jail -c name=nestedjail persist ip4.addr=192.0.1.1", 1, "",
                "jail: jail_set: Operation not permitted\n");
        expect("jls -N name", 0, "basejail\nbasejail.nestedjail\nbasejail_nochild\n", "");
        expect("jail -r nestedjail", 1, "", "jail: \"nestedjail\" not found\n");
        expect("jail -r basejail", 0, "", "");
        expect("jls name", 0, "basejail_nochild\n", "");
        expect("jail -r basejail_nochild", 0, "", "");
    }

    @Test
    void s03_givenChildAddressOutsideParent_whenCreating_thenOperationNotPermitted() {
        ok("jail -c name=p persist ip4.addr=192.0.1.1 children.max=2");
        expect("jexec p jail -c name=c persist ip4.addr=192.0.1.2", 1, "", "jail: jail_set: Operation not permitted\n");
    }

    @Test
    void s08_givenParentWithMetaAndEnv_whenChildCreated_thenNotInheritedAndReachableByDottedName() {
        expect("jls -j parent", 1, "", "jls: jail \"parent\" not found\n");
        expect("jail -c name=parent children.max=1 persist meta=\"abc\" env=\"cba\"", 0, "", "");
        ok("jexec parent jail -c name=child persist");
        expect("jls -j parent meta", 0, "abc\n", "");
        expect("jls -j parent.child meta", 0, "\"\"\n", "");
        expect("jexec parent jls -j child name", 0, "child\n", "");
        expect("jail -r parent.child", 0, "", "");
        expect("jail -r parent", 0, "", "");
    }

    @Test
    void s09_givenMetaAndEnv_whenModifiedAndReset_thenJlsPrintsThemAndJson() {
        expect("jls -jj", 1, "", "jls: jail \"j\" not found\n");
        expect("jail -c name=j persist meta=\"a b c\" env=\"C B A\"", 0, "", "");
        expect("jls -jj meta", 0, "a b c\n", "");
        expect("jls -jj env", 0, "C B A\n", "");
        expect("jls -q -jj meta", 0, "\"a b c\"\n", "");
        expect("jail -m name=j meta=\"t1=A t2=B\" env=\"CAB2\"", 0, "", "");
        expect("jls -jj meta", 0, "t1=A t2=B\n", "");
        expect("jail -m name=j meta= env=", 0, "", "");
        expect("jls -jj meta", 0, "\"\"\n", "");
        ok("jail -m name=j meta=\"a b c\"");
        expect("jls -jj --libxo json name meta", 0,
                "{\"__version\": \"2\", \"jail-information\": {\"jail\": [{\"name\":\"j\",\"meta\":\"a b c\"}]}}\n", "");
    }

    @Test
    void s10_givenDashI_whenCreatingVnetJailWithColonName_thenOnlyTheJidIsPrinted() {
        expect("jail -i -c name=pytest:TestPing:test_ping persist vnet", 0, "1\n", "");
        expect("jls -j pytest:TestPing:test_ping vnet", 0, "new\n", "");
    }

    @Test
    void d1_givenRemovedJail_whenCreatingAnother_thenJidIsNotReused() {
        ok("jail -c name=a persist");
        ok("jail -c name=b persist");
        ok("jail -r a");
        ok("jail -c name=c persist");
        expect("jls jid name", 0, "2 b\n3 c\n", "");
        ok("jail -c name=7 persist");
        expect("jls -j 7 jid", 0, "7\n", "");
        expect("jail -c name=x jid=7 persist", 1, "", "jail: \"7\" already exists\n");
        expect("jail -c name=b persist", 1, "", "jail: \"b\" already exists\n");
        ok("jail -c name=d persist");
        expect("jls -j d jid", 0, "4\n", "");
    }

    @Test
    void d6_givenUnknownJailOrCommand_whenJexec_thenFreeBsdErrors() {
        ok("jail -c name=j persist vnet");
        expect("jexec nosuch true", 1, "", "jexec: jail \"nosuch\" not found\n");
        expect("jexec 999 true", 1, "", "jexec: jail 999 not found\n");
        expect("jexec j nosuchcmd", 1, "", "jexec: execvp: nosuchcmd: No such file or directory\n");
        expect("jexec j true", 0, "", "");
        expect("jexec j false", 1, "", "");
    }

    @Test
    void givenKernelRules_whenCreatingBadJails_thenKernelMessages() {
        expect("jail -c name=v vnet persist ip4.addr=192.0.2.1", 1, "",
                "jail: vnet jails cannot have IP address restrictions\n");
        expect("jail -c name=np", 1, "", "jail: new jail must persist or attach\n");
        expect("jail -c name=12a.b persist", 1, "", "jail: jail \"12a\" not found\n");
        expect("jail -c name=x foo=bar persist", 1, "", "jail: unknown parameter: foo\n");
        expect("jail -c name=x children.max=abc persist", 1, "", "jail: children.max: non-integer value \"abc\"\n");
        expect("jail -c name=x jid=5 name=6 persist", 1, "", "jail: name cannot be numeric (unless it is the jid)\n");
        expect("jail -m name=nosuch persist", 1, "", "jail: \"nosuch\" not found\n");
        ok("jail -c name=v vnet persist");
        expect("jail -m name=v novnet", 1, "", "jail: vnet cannot be changed after creation\n");
        expect("jls name", 0, "v\n", "");
    }

    @Test
    void givenNoAction_whenJail_thenUsage() {
        Outcome o = lab.exec("jail");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.stderr()).startsWith("usage: jail [-dhilqv]");
    }

    @Test
    void givenNestedJails_whenParentRemoved_thenDescendantsGoAndCountsDrop() {
        ok("jail -c name=a persist children.max=5");
        ok("jail -c name=a.b persist children.max=2");
        ok("jail -c name=a.b.c persist");
        expect("jls -j a children.cur", 0, "2\n", "");
        expect("jexec a jls name parent", 0, "b 0\nb.c 2\n", "");
        ok("jail -r a.b");
        expect("jls -j a children.cur", 0, "0\n", "");
        expect("jls name", 0, "a\n", "");
    }

    @Test
    void givenNopersistModify_whenJailHasNoProcesses_thenItDies() {
        ok("jail -c name=a persist");
        ok("jail -m name=a nopersist");
        expect("jls", 0, "   JID  IP Address      Hostname                      Path\n", "");
    }

    @Test
    void givenJlsDashN_whenListingByName_thenNameColumns() {
        ok("jail -c name=basejail persist ip4.addr=192.0.1.1");
        expect("jls -N", 0, " JID             IP Address      Hostname                      Path\n"
                + " basejail        192.0.1.1       myhost.example.org            /\n", "");
        expect("jls -h jid name", 0, "jid name\n1 basejail\n", "");
        expect("jls -c -j basejail", 0, "", "");
        expect("jls -c -j nosuch", 1, "", "");
    }

    @Test
    void givenMissingVnetInterface_whenCreating_thenIfconfigFailsAndTheJailIsRemoved() {
        ok("ifconfig epair create");
        expect("jail -c name=k persist vnet vnet.interface=epair0a vnet.interface=epair7a", 1, "",
                "ifconfig: interface epair7a does not exist\njail: /sbin/ifconfig epair7a vnet k: failed\n");
        expect("jls name", 0, "", "");
        // epair0a went into k's vnet and came home when k was removed: re-attached at the tail
        expect("ifconfig -l", 0, "lo0 epair0b epair0a\n", "");
        expect("jail -c name=k persist vnet vnet.interface=epair0a vnet.interface=epair0a", 1, "",
                "ifconfig: interface epair0a does not exist\njail: /sbin/ifconfig epair0a vnet k: failed\n");
        expect("jls name", 0, "", "");
    }
}
