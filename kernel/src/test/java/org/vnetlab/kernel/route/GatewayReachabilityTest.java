package org.vnetlab.kernel.route;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.LabTester;

/** route.c ifa_ifwithroute(): a gateway reachable only through the default route is refused. */
class GatewayReachabilityTest {

    @Test
    void givenDefaultRoute_whenGatewayIsOnlyBehindIt_thenNetworkIsUnreachable() {
        LabTester t = new LabTester(new Lab(0));
        t.lab.run("""
                jail -c name=j persist vnet
                ifconfig epair create
                ifconfig epair0b vnet j
                jexec j ifconfig epair0b 192.0.2.1/24 up
                """);
        t.expect("jexec j route add default 192.0.2.2", 0, "add net default: gateway 192.0.2.2\n", "");
        var o = t.lab.exec("jexec j route add 10.0.0.0/8 198.51.100.1");
        org.assertj.core.api.Assertions.assertThat(o.exit()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(o.stdout())
                .isEqualTo("add net 10.0.0.0/8: gateway 198.51.100.1 fib 0: Network is unreachable\n");
        t.expect("jexec j route add 10.0.0.0/8 192.0.2.3", 0, "add net 10.0.0.0/8: gateway 192.0.2.3\n", "");
    }
}
