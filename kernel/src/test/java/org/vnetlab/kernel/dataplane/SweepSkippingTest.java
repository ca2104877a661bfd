package org.vnetlab.kernel.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

/**
 * The engine skips the timer sweep of a vnet until its earliest deadline (Vnet.timersDue). That
 * must be exact: 40 vnet jails, most of them idle with ARP/NDP entries, while in a few others an
 * ARP entry expires (max_age 30), an NDP entry goes STALE, DELAY, PROBE and back to REACHABLE,
 * an address is deprecated then purged (pltime/vltime), bridge entries age out, and a day later
 * everything stale is collected. The expected text is what the engine printed before it skipped
 * anything (every vnet swept at every event).
 */
class SweepSkippingTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = SweepSkippingTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void givenManyIdleVnets_whenTimersFireInAFew_thenOutputIsThatOfSweepingEveryVnet() throws IOException {
        Lab lab = new Lab(0);
        List<Outcome> outcomes = lab.run(resource("idle-vnets-timers.sh"));
        StringBuilder out = new StringBuilder();
        for (Outcome o : outcomes) {
            assertThat(o.exit()).as(o.line()).isZero();
            out.append(o.stdout());
        }
        assertThat(out.toString()).isEqualTo(resource("idle-vnets-timers.expected"));
    }
}
