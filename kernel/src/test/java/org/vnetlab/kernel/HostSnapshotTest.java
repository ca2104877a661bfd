package org.vnetlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.dataplane.Captures;
import org.vnetlab.kernel.dataplane.DataplaneSubsystem;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.userland.Outcome;

/** A restored snapshot goes on exactly like the host it was taken from. */
class HostSnapshotTest {

    /** Two routed segments (a - r - c, c behind a bridge on the host), IPv6 too, a capture running. */
    private static final String SETUP = """
            jail -c name=a vnet persist children.max=3
            jail -c name=b persist ip4.addr=192.0.2.1
            jail -c name=r vnet persist
            jail -c name=c vnet persist
            ifconfig epair create
            ifconfig epair0a vnet a
            ifconfig epair0b vnet r
            jexec a ifconfig epair0a 192.0.2.1/24 up
            jexec a ifconfig epair0a inet6 2001:db8::1/64
            jexec r ifconfig epair0b 192.0.2.254/24 up
            jexec r ifconfig epair0b inet6 2001:db8::fe/64
            jexec r sysctl net.inet.ip.forwarding=1 net.inet6.ip6.forwarding=1
            ifconfig epair create
            ifconfig epair create
            ifconfig epair1a vnet r
            ifconfig epair2a vnet c
            ifconfig bridge create addm epair1b addm epair2b up
            ifconfig epair1b up
            ifconfig epair2b up
            jexec r ifconfig epair1a 198.51.100.1/24 up
            jexec c ifconfig epair2a 198.51.100.2/24 up
            jexec a route add default 192.0.2.254
            jexec c route add default 198.51.100.1
            jexec a tcpdump -i epair0a -w a.pcap
            """;

    private static final List<String> DATAPLANE = List.of(
            "jexec a ping -c 2 198.51.100.2", "jexec c ping -c 1 192.0.2.1", "jexec a traceroute -n 198.51.100.2",
            "jexec a ping -c 1 192.0.2.254", "ping -c 1 127.0.0.1", "jexec r ping6 -c 1 2001:db8::1",
            "jexec a ping -c 1 -t 1 203.0.113.9", "jexec a ping -c 3 -i 0.2 198.51.100.1", "sleep 1", "sleep 30",
            "sleep 1300", "jexec r tcpdump -i epair1a -w r.pcap", "tcpdump -i bridge0 -w br.pcap",
            "jexec a tcpdump -i epair0a -w a.pcap", "jexec c arp -an", "jexec r ndp -an", "jexec a netstat -s -p ip",
            "jexec r netstat -i", "jexec r sysctl net.inet.ip.forwarding=0", "jexec r sysctl net.inet.ip.forwarding=1",
            "ifconfig bridge0 deletem epair2b", "ifconfig bridge0 addm epair2b", "jexec c ifconfig epair2a down",
            "jexec c ifconfig epair2a up", "jail -r c", "jexec a route delete default");

    /** A random line: half KernelProperties' vocabulary (mostly rejected or read-only), half data plane. */
    private static String line(Random rnd) {
        if (rnd.nextBoolean()) return DATAPLANE.get(rnd.nextInt(DATAPLANE.size()));
        StringBuilder sb = new StringBuilder(KernelProperties.TOOLS.get(rnd.nextInt(KernelProperties.TOOLS.size())));
        for (int n = rnd.nextInt(7); n > 0; n--) {
            sb.append(' ').append(KernelProperties.WORDS.get(rnd.nextInt(KernelProperties.WORDS.size())));
        }
        return sb.toString();
    }

    @Test
    void givenRandomSessions_whenSnapshotAtAnyPointAndRestored_thenBothGoOnIdentically() {
        Random rnd = new Random(20261127L); // fixed: a failure names its session and reproduces
        for (int session = 0; session < 200; session++) {
            List<String> lines = new ArrayList<>();
            for (int n = rnd.nextInt(25); n > 0; n--) lines.add(line(rnd));
            int cut = rnd.nextInt(lines.size() + 1);
            String context = "session " + session + " cut at " + cut + " of " + lines;

            Lab original = new Lab(17);
            original.run(SETUP);
            for (String line : lines.subList(0, cut)) original.run(line);
            Lab restored = Lab.resume(HostSnapshot.restore(HostSnapshot.take(original.host())));
            assertSame(restored.host(), original.host(), context);

            for (String line : lines.subList(cut, lines.size())) {
                assertThat(restored.run(line)).as(context + ": " + line).isEqualTo(original.run(line));
            }
            assertSame(restored.host(), original.host(), context);
        }
    }

    @Test
    void givenSeedDemoAndThreeJailsRouted_whenSnapshotAfterAnyLine_thenTheRestIsTheSame() throws IOException {
        for (String name : List.of("seed-demo.sh", "three-jails-routed.sh")) {
            List<String> lines = SeedDemoTest.script(name).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            List<Outcome> expected = new Lab(9).run(String.join("\n", lines));
            for (int cut = 0; cut <= lines.size(); cut++) {
                Lab original = new Lab(9);
                List<Outcome> got = new ArrayList<>(original.run(String.join("\n", lines.subList(0, cut))));
                Lab restored = Lab.resume(HostSnapshot.restore(HostSnapshot.take(original.host())));
                for (String line : lines.subList(cut, lines.size())) {
                    Outcome o = restored.exec(line);
                    assertThat(o).as(name + " after a snapshot at line " + cut).isEqualTo(original.exec(line));
                    got.add(o);
                }
                assertThat(got).as(name + ", snapshot at line " + cut).isEqualTo(expected);
                assertSame(restored.host(), original.host());
            }
        }
    }

    @Test
    void givenSnapshotOfAnotherFormat_whenRestored_thenRefused() {
        byte[] snap = HostSnapshot.take(new Lab(1).host());
        assertThat(HostSnapshot.readable(snap)).isTrue();
        assertThat(HostSnapshot.restore(snap).seed).isEqualTo(1);
        assertThat(HostSnapshot.readable(new byte[] {1, 2, 3})).isFalse();
        assertThatThrownBy(() -> HostSnapshot.restore(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenEveryVnetSubsystem_thenItsSlotIsItsPlaceInSubsystemsOrder() {
        assertThat(Subsystems.ORDER).contains(DataplaneSubsystem.INSTANCE);
        assertThat(Subsystems.ORDER.stream().map(s -> s.name()).distinct()).hasSameSizeAs(Subsystems.ORDER);
    }

    /** A chain of n routers (the bench's dataplane lab), or of n bridges when {@code bridged}. */
    static String chain(int n, boolean bridged) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= n + 1; i++) sb.append("jail -c name=n").append(i).append(" vnet persist\n");
        for (int i = 0; i <= n; i++) {
            int hi = (i >> 6) & 0xff, lo = (i & 63) * 4;
            String a = "10." + hi + "." + lo + ".1", b = "10." + hi + "." + lo + ".2";
            sb.append("ifconfig epair").append(i).append(" create\n");
            sb.append("ifconfig epair").append(i).append("a vnet n").append(i).append('\n');
            sb.append("ifconfig epair").append(i).append("b vnet n").append(i + 1).append('\n');
            if (bridged) {
                sb.append("jexec n").append(i).append(" ifconfig bridge").append(i).append(" create addm epair")
                        .append(i).append("a up\n");
                if (i >= 1) sb.append("jexec n").append(i).append(" ifconfig bridge").append(i)
                        .append(" addm epair").append(i - 1).append("b\n");
                sb.append("jexec n").append(i).append(" ifconfig epair").append(i).append("a up\n");
                sb.append("jexec n").append(i + 1).append(" ifconfig epair").append(i).append("b up\n");
                continue;
            }
            sb.append("jexec n").append(i).append(" ifconfig epair").append(i).append("a ").append(a).append("/30 up\n");
            sb.append("jexec n").append(i + 1).append(" ifconfig epair").append(i).append("b ").append(b).append("/30 up\n");
            if (i >= 1) sb.append("jexec n").append(i).append(" route add -net 10.0.0.0/8 ").append(b).append('\n');
            if (i >= 1) sb.append("jexec n").append(i + 1).append(" route add -net 10.0.0.0/30 ").append(a).append('\n');
        }
        if (!bridged) {
            for (int i = 1; i <= n; i++) sb.append("jexec n").append(i).append(" sysctl net.inet.ip.forwarding=1\n");
            sb.append("jexec n0 route add default 10.0.0.2\n");
        }
        return sb.toString();
    }

    @Test
    void givenThousandJailRoutedLab_whenSnapshotTaken_thenRestoredQuicklyAndPingsTheSame() {
        Lab lab = new Lab(1);
        for (Outcome o : lab.run(chain(998, false))) assertThat(o.exit()).as(o.line()).isZero();
        String ping = "jexec n0 ping -c 2 10.0.200.2"; // 50 routers away (ttl 64)
        assertThat(lab.exec(ping).exit()).isZero();
        byte[] snap = null;
        long take = Long.MAX_VALUE, restore = Long.MAX_VALUE;
        Host back = null;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            snap = HostSnapshot.take(lab.host());
            long t1 = System.nanoTime();
            back = HostSnapshot.restore(snap);
            long t2 = System.nanoTime();
            take = Math.min(take, t1 - t0);
            restore = Math.min(restore, t2 - t1);
        }
        System.out.printf("snapshot of a %d-jail routed lab: %d bytes, take %.1f ms, restore %.1f ms%n",
                lab.host().jailCount(), snap.length, take / 1e6, restore / 1e6);
        Lab restored = Lab.resume(back);
        assertThat(restored.exec(ping)).isEqualTo(lab.exec(ping));
        assertThat(restored.exec("jexec n500 netstat -s -p ip")).isEqualTo(lab.exec("jexec n500 netstat -s -p ip"));
    }

    @Test
    void givenLongChainOfBridges_whenSnapshotTaken_thenNoDeepRecursion() {
        Lab lab = new Lab(2);
        for (Outcome o : lab.run(chain(3000, true))) assertThat(o.exit()).as(o.line()).isZero();
        Host back = HostSnapshot.restore(HostSnapshot.take(lab.host()));
        assertThat(back.allIfnets()).hasSameSizeAs(lab.host().allIfnets());
        assertThat(back.prison(1500).vnet.ifnets().toString()).isEqualTo(lab.host().prison(1500).vnet.ifnets().toString());
    }

    private static void assertSame(Host restored, Host original) {
        assertSame(restored, original, "");
    }

    private static void assertSame(Host restored, Host original, String context) {
        assertThat(HostDump.of(restored)).as(context).isEqualTo(HostDump.of(original));
        assertThat(hex(Captures.files(restored))).as(context).isEqualTo(hex(Captures.files(original)));
        assertThat(restored.now).as(context).isEqualTo(original.now);
        assertThat(restored.lastJid).as(context).isEqualTo(original.lastJid);
        assertThat(restored.nextIfindex()).as(context).isEqualTo(original.nextIfindex());
    }

    private static Map<String, String> hex(Map<String, byte[]> files) {
        Map<String, String> m = new LinkedHashMap<>();
        files.forEach((k, v) -> m.put(k, HexFormat.of().formatHex(v)));
        return m;
    }
}
