package org.vnetlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.userland.Outcome;

/** The seed's own script (examples/seed-demo.sh, verbatim) against seed-demo.expected. */
class SeedDemoTest {

    static String script(String name) throws IOException {
        return Files.readString(Path.of("..", "examples", name));
    }

    @Test
    void givenSeedDemo_whenRun_thenConfigurationLinesGiveFreeBsdTexts() throws IOException {
        Lab lab = new Lab(0);
        List<Outcome> outcomes = lab.run(script("seed-demo.sh"));
        assertThat(outcomes).hasSize(13);
        for (Outcome o : outcomes) {
            if (o.line().startsWith("jexec 2 ping")) {
                assertThat(o.exit()).isZero();
                assertThat(o.stderr()).isEmpty();
                assertThat(o.stdout()).matches("""
                        PING 192.0.2.1 \\(192.0.2.1\\): 56 data bytes
                        64 bytes from 192.0.2.1: icmp_seq=0 ttl=64 time=\\d+\\.\\d{3} ms
                        64 bytes from 192.0.2.1: icmp_seq=1 ttl=64 time=\\d+\\.\\d{3} ms
                        64 bytes from 192.0.2.1: icmp_seq=2 ttl=64 time=\\d+\\.\\d{3} ms

                        --- 192.0.2.1 ping statistics ---
                        3 packets transmitted, 3 packets received, 0.0% packet loss
                        round-trip min/avg/max/stddev = \\d+\\.\\d{3}/\\d+\\.\\d{3}/\\d+\\.\\d{3}/\\d+\\.\\d{3} ms
                        """);
                continue;
            }
            assertThat(o.exit()).as(o.line()).isZero();
            assertThat(o.stderr()).as(o.line()).isEmpty();
            String expected = switch (o.line()) {
                case "jexec 2 sysctl net.inet.ip.forwarding\\=1" -> "net.inet.ip.forwarding: 0 -> 1\n";
                case "jexec 2 sysctl net.inet6.ip6.forwarding\\=1" -> "net.inet6.ip6.forwarding: 0 -> 1\n";
                case "ifconfig epair20 create" -> "epair20a\n";
                default -> "";
            };
            assertThat(o.stdout()).as(o.line()).isEqualTo(expected);
        }
        assertThat(lab.exec("jls").stdout()).isEqualTo("""
                   JID  IP Address      Hostname                      Path
                     1                  lefty.example.net             /
                     2                  middy.example.net             /
                     3                  righty.example.net            /
                """);
    }

    @Test
    void givenSeedDemo_whenReplayedFromEvents_thenSameObservableHost() throws IOException {
        Lab lab = new Lab(5);
        lab.run(script("seed-demo.sh"));
        Lab replayed = Lab.replay(5, Lab.DEFAULT_HOSTNAME, lab.events());
        assertThat(HostDump.of(replayed.host())).isEqualTo(HostDump.of(lab.host()));
    }

    @Test
    void givenSameSeed_whenRunTwice_thenIdenticalOutputs() throws IOException {
        List<Outcome> a = new Lab(9).run(script("seed-demo.sh") + "\nifconfig -a\njexec 1 ifconfig -a");
        List<Outcome> b = new Lab(9).run(script("seed-demo.sh") + "\nifconfig -a\njexec 1 ifconfig -a");
        assertThat(a).isEqualTo(b);
    }
}
