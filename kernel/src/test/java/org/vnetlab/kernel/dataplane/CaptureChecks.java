package org.vnetlab.kernel.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.vnetlab.kernel.HostDump;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

/** The two checks every data-plane scenario family makes: determinism and clean tshark decoding. */
final class CaptureChecks {
    private static final Path TSHARK = Path.of("/usr/bin/tshark");

    private CaptureChecks() {}

    /**
     * Runs {@code script} twice with {@code seed} and replays the first run's events: outputs,
     * the capture {@code file}, the observable host and the clock must all be identical.
     */
    static byte[] assertDeterministic(long seed, String script, String file) {
        Lab one = new Lab(seed);
        List<Outcome> a = one.run(script);
        Lab two = new Lab(seed);
        assertThat(two.run(script)).isEqualTo(a);
        byte[] pcap = Captures.files(one.host()).get(file);
        assertThat(Captures.files(two.host()).get(file)).isEqualTo(pcap);
        Lab replayed = Lab.replay(seed, Lab.DEFAULT_HOSTNAME, one.events());
        assertThat(Captures.files(replayed.host()).get(file)).isEqualTo(pcap);
        assertThat(HostDump.of(replayed.host())).isEqualTo(HostDump.of(one.host()));
        assertThat(replayed.host().now).isEqualTo(one.host().now);
        return pcap;
    }

    /**
     * Decodes {@code pcap} with tshark (skipped where tshark is not installed) with checksum
     * validation on: it must contain {@code protocols} and no malformed or bad-checksum packet.
     */
    static void assertTsharkDecodesCleanly(byte[] pcap, List<String> options, String... protocols) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(TSHARK), "tshark is not installed");
        Path file = Files.createTempFile("vnetlab", ".pcap");
        try {
            Files.write(file, pcap);
            List<String> command = new java.util.ArrayList<>(List.of(TSHARK.toString(), "-r", file.toString(), "-V"));
            for (String o : options) {
                command.add("-o");
                command.add(o);
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(text).isZero();
            assertThat(text).contains(protocols);
            assertThat(text).doesNotContain("Malformed", "Bad checksum", "[Expert Info (Error", "incorrect");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
