package org.vnetlab.projections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadOnlyTest {
    @Test
    void givenDisplays_whenClassified_thenReads() {
        for (String line : new String[] {"jls", "jls -n name", "ifconfig", "ifconfig -a", "ifconfig -l", "ifconfig epair0a",
                "ifconfig epair0a inet6", "sysctl net.inet.ip.forwarding", "sysctl -a", "netstat -rn", "netstat -r -f inet",
                "route -n get 192.0.2.1", "route show", "arp -an", "ndp -a", "jexec 2 jexec 1 ifconfig -a", "jls; ifconfig -l"}) {
            assertThat(ReadOnly.script(line)).as(line).isTrue();
        }
    }

    @Test
    void givenChanges_whenClassified_thenNotReads() {
        for (String line : new String[] {"ifconfig epair create", "ifconfig lo0 up", "ifconfig epair0a -alias",
                "sysctl net.inet.ip.forwarding=1", "jail -c persist", "route add default 192.0.2.1", "netstat -s",
                "arp -s 192.0.2.9 00:01:02:03:04:05", "jexec 1 ping -c 1 192.0.2.1", "jls; ifconfig epair create", "",
                "# only a comment", "jexec 1", "'unterminated"}) {
            assertThat(ReadOnly.script(line)).as(line).isFalse();
        }
    }
}
