package org.vnetlab.kernel.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;

/** The kernel keeps an LLE_IFADDR entry per own address; arp -a and ndp -a list it as permanent. */
class OwnNeighborEntriesTest {

    @Test
    void givenAddressOnEpair_whenArpAn_thenOwnAddressIsPermanent() {
        Lab lab = new Lab(4);
        lab.run("""
                jail -c name=a persist vnet
                ifconfig epair create
                ifconfig epair0a vnet a
                jexec a ifconfig epair0a inet 198.51.100.1/24
                """);
        String mac = lab.exec("jexec a ifconfig epair0a ether").stdout().replaceAll("(?s).*ether ([0-9a-f:]{17}).*", "$1");
        assertThat(lab.exec("jexec a arp -an").stdout())
                .isEqualTo("? (198.51.100.1) at " + mac + " on epair0a permanent [ethernet]\n");
        assertThat(lab.exec("jexec a arp -n 198.51.100.1").stdout())
                .isEqualTo("? (198.51.100.1) at " + mac + " on epair0a permanent [ethernet]\n");
        assertThat(lab.exec("jexec a ifconfig epair0a inet6 2001:db8::1/64").exit()).isZero();
        assertThat(lab.exec("jexec a ndp -an").stdout()).contains("2001:db8::1 ").contains(mac + " epair0a permanent R");
    }
}
