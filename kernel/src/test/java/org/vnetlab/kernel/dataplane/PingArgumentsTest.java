package org.vnetlab.kernel.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.LabTester;

/** sbin/ping/main.c: the family pass before ping.c/ping6.c parse their options. */
class PingArgumentsTest {
    private final LabTester t = new LabTester(new Lab(0));

    @Test
    void givenBothFamilies_whenPing_thenMainRefusesWithStatusOne() {
        t.expect("ping -4 -6 localhost", 1, "", "ping: -4 and -6 cannot be used simultaneously\n");
        t.expect("ping6 -4 localhost", 1, "", "ping: -4 and -6 cannot be used simultaneously\n");
    }

    @Test
    void givenFamilyAndLiteralOfTheOther_whenPing_thenMainSaysWhichWasRequested() {
        t.expect("ping -6 -c1 192.0.2.1", 1, "", "ping: IPv6 requested but IPv4 target address provided\n");
        t.expect("ping6 -c1 192.0.2.1", 1, "", "ping: IPv6 requested but IPv4 target address provided\n");
        t.expect("ping -4 -c1 2001:db8::1", 1, "", "ping: IPv4 requested but IPv6 target address provided\n");
    }

    @Test
    void givenOptionArgumentsThatLookLikeFamilies_whenPing_thenTheyAreArguments() {
        assertThat(t.lab.exec("ping -4 -c1 -s56 -t1 localhost").exit()).isZero();
        assertThat(t.lab.exec("ping -c 6 -t1 127.0.0.1").exit()).isZero();
    }

    @Test
    void givenNoHost_whenPing_thenUsageAndStatusOne() {
        var o = t.lab.exec("ping -c 1");
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.stderr()).startsWith("usage:\n\tping [-4AaDdfHnoQqRrv] [-C pcp] [-c count] [-G sweepmaxsize]\n");
        assertThat(t.lab.exec("ping -X 127.0.0.1").exit()).isEqualTo(1);
    }
}
