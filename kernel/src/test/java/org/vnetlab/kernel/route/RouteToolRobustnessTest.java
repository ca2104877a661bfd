package org.vnetlab.kernel.route;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;

/** Odd command lines end with an exit status, never with an exception. */
class RouteToolRobustnessTest {

    @Test
    void givenOddCommandLines_whenRun_thenNoExceptionEscapes() {
        Lab lab = new Lab(21);
        lab.run("""
                ifconfig epair create
                ifconfig epair0a 192.0.2.2/24 up
                ifconfig epair0a inet6 2001:db8::1/64
                """);
        String[] lines = {"route", "route add", "route add default", "route -x", "route get", "route get default",
            "route -6 get ::", "route -n6 get -net 2001:db8::/64", "route add 10.0.0.0 192.0.2.9", "route add 10.1.2.0/33 192.0.2.9",
            "route add -6 2001:db8:1::/64 fe80::1%epair0a", "route add -6 2001:db8:2::/64 fe80::1%nosuch",
            "route add -6 default 2001:db8::9", "route flush", "route -6 flush", "route flush -inet", "route delete default",
            "route change 10.0.0.0/8 192.0.2.1", "route add 198.51.100.2 -reject", "route add -host 1.2.3.4 -iface epair0a",
            "route add -net 1.2.3.4 192.0.2.7", "route add 1.2.3.0 -netmask 255.255.255.0 192.0.2.7", "route add x y",
            "route -j nosuch get default", "route add -fib 3 default 192.0.2.1", "route monitor",
            "netstat", "netstat -rn", "netstat -rnW", "netstat -r -f inet6", "netstat -f bogus -r", "netstat -p",
            "netstat -s", "netstat -s -p icmp", "netstat -s -p tcp", "netstat -i", "netstat -inW", "netstat -I epair0a -W",
            "netstat -Wf link -I epair0a", "netstat -I nosuch", "netstat -q", "netstat -r --libxo json", "netstat -r --libxo=json",
            "arp", "arp -a", "arp -an", "arp -d", "arp -d -a", "arp -s 192.0.2.3", "arp -s 192.0.2.3 zz", "arp -s x 0:0:0:0:0:0",
            "arp -s 192.0.2.3 0:0:0:0:0:0 temp pub", "arp -an", "arp -S 192.0.2.3 0:0:0:0:0:1", "arp -i nosuch -a", "arp -f x",
            "ndp", "ndp -a", "ndp -an", "ndp -i", "ndp -i nosuch", "ndp -i epair0a bogus", "ndp -i epair0a nud -auto_linklocal",
            "ndp -s 2001:db8::5 90:10:00:01:02:03 proxy", "ndp -an", "ndp -s fe80::5%epair0a 90:10:00:01:02:03", "ndp -an",
            "ndp -d fe80::5%epair0a", "ndp -d 2001:db8::77", "ndp -c", "ndp -n ::1", "ndp -s x y", "ndp -p"};
        for (String line : lines) {
            assertThatCode(() -> lab.run(line)).as(line).doesNotThrowAnyException();
        }
    }
}
