package org.vnetlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.vnetlab.kernel.userland.Outcome;

/**
 * Properties over random command lines: nothing throws, a rejected command changes nothing, and
 * replaying the events of any session rebuilds an equal host.
 */
class KernelProperties {
    static final List<String> TOOLS = List.of("jail", "jls", "jexec", "ifconfig", "sysctl", "route",
            "netstat", "arp", "ndp", "ping", "echo", "nosuch", "jexec a", "jexec 1", "jexec b", "jexec a.b");
    static final List<String> WORDS = List.of("-c", "-m", "-r", "-rc", "-cm", "-i", "-q", "-v", "-n", "-N",
            "-s", "-h", "-j", "-a", "-l", "-d", "-e", "-4", "-6", "name=a", "name=b", "name=a.b", "name=7", "jid=3",
            "vnet", "novnet", "persist", "nopersist", "children.max=2", "host.hostname=x", "ip4.addr=192.0.2.1",
            "vnet.interface=epair0a", "meta=m", "a", "b", "1", "2", "0", "*", "epair", "epair0a", "epair0b",
            "epair1a", "bridge", "bridge0", "lo", "lo0", "lo1", "create", "destroy", "up", "down", "inet", "inet6",
            "alias", "-alias", "delete", "192.0.2.1/24", "192.0.2.2", "10.0.0.1", "2001:db8::1/64", "fe80::1",
            "addm", "deletem", "mtu", "1500", "9000", "name", "vnet", "-vnet", "net.inet.ip.forwarding=1",
            "net.inet.ip.forwarding", "kern.hostname=z", "net.inet6.ip6.forwarding=1", "security.jail.jailed",
            "add", "delete", "change", "get", "default", "-net", "-host", "-iface", "-blackhole",
            "198.51.100.0/24", "-s", "90:10:00:01:02:03", "static", "addr", "--libxo", "json", "-rn", "true");

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> tool = Arbitraries.of(TOOLS);
        Arbitrary<List<String>> args = Arbitraries.of(WORDS).list().ofMaxSize(6);
        Arbitrary<String> wellFormed = Combinators.combine(tool, args).as((t, a) -> t + " " + String.join(" ", a));
        Arbitrary<String> garbage = Arbitraries.strings().withChars("abcj -=.:/,0129\"'\\;#&|epairvnt")
                .ofMaxLength(30);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, wellFormed),
                net.jqwik.api.Tuple.of(2, garbage),
                net.jqwik.api.Tuple.of(2, wellFormed.map(KernelProperties::mutate)));
    }

    private static String mutate(String s) {
        if (s.length() < 3) return s + "\"";
        int at = Math.abs(s.hashCode()) % (s.length() - 1);
        return s.substring(0, at) + "=" + s.substring(at + 1);
    }

    /** A fixed opening so that random lines meet jails, interfaces and addresses to act on. */
    private static final String SETUP = """
            jail -c name=a vnet persist children.max=3
            jail -c name=b persist ip4.addr=192.0.2.1
            ifconfig epair create
            ifconfig epair0a vnet a
            jexec a ifconfig epair0a 192.0.2.1/24 up
            """;

    @Property(tries = 150)
    void givenRandomLines_whenRun_thenNothingThrowsAndRejectionsChangeNothing(
            @ForAll @Size(max = 8) List<@From("lines") String> lines) {
        Lab lab = new Lab(42);
        lab.run(SETUP);
        for (String line : lines) {
            String before = HostDump.of(lab.host());
            List<Outcome> outcomes = lab.run(line);
            for (Outcome o : outcomes) {
                assertThat(o.exit()).as(line).isBetween(0, 255);
                assertThat(o.stderr()).as("no internal error for " + line).doesNotContain("internal error");
                // A failure says why, except where FreeBSD's -q keeps it quiet (sysctl -q, jail -q, jls -c).
                boolean quiet = o.line().contains("-q") || o.line().contains("-c") || o.line().startsWith("false")
                        || o.line().contains(" false");
                if (o.exit() != 0 && !quiet) {
                    assertThat(o.stderr() + o.stdout()).as("a failure says why: " + line).isNotEmpty();
                }
            }
            if (outcomes.stream().allMatch(o -> o.events().isEmpty())) {
                assertThat(HostDump.of(lab.host())).as("state after event-less " + line).isEqualTo(before);
            }
        }
        Lab replayed = Lab.replay(42, Lab.DEFAULT_HOSTNAME, lab.events());
        assertThat(HostDump.of(replayed.host())).isEqualTo(HostDump.of(lab.host()));
    }

    @Property(tries = 40)
    void givenAnyCommandSequence_whenReplayed_thenEqualState(@ForAll @Size(max = 20) List<@From("lines") String> lines) {
        Lab lab = new Lab(7);
        lab.run(SETUP);
        for (String line : lines) lab.run(line);
        Lab replayed = Lab.replay(7, Lab.DEFAULT_HOSTNAME, lab.events());
        assertThat(HostDump.of(replayed.host())).isEqualTo(HostDump.of(lab.host()));
    }
}
