package org.vnetlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimCommandTest {

    private record Run(int exit, String out, String err) {}

    private static Run sim(String... args) {
        SimCommand sim = new SimCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        sim.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        sim.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(sim).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenScript_whenSim_thenShellOutputAndLastExitStatus(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "jail -c name=a persist\njls name\njexec nosuch true\n");
        Run run = sim(script.toString());
        assertThat(run.out()).isEqualTo("a\n");
        assertThat(run.err()).isEqualTo("jexec: jail \"nosuch\" not found\n");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void givenJson_whenSim_thenOneObjectPerCommand(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "# comment\njail -i -c name=a persist\nfoo\n");
        Run run = sim("--json", script.toString());
        assertThat(run.out()).isEqualTo(
                "{\"line\":\"jail -i -c name=a persist\",\"stdout\":\"1\\n\",\"stderr\":\"\",\"exit\":0}\n"
                + "{\"line\":\"foo\",\"stdout\":\"\",\"stderr\":\"sh: foo: not found\\n\",\"exit\":127}\n");
    }

    @Test
    void givenSeedDemo_whenSimWithSameSeedTwice_thenSameBytes() {
        Run a = sim("--json", "--seed", "3", "../examples/seed-demo.sh");
        Run b = sim("--json", "--seed", "3", "../examples/seed-demo.sh");
        assertThat(a.out()).isEqualTo(b.out()).contains("\"stdout\":\"epair20a\\n\"");
    }

    @Test
    void givenMissingFile_whenSim_thenNoInput() {
        Run run = sim("/nonexistent/script.sh");
        assertThat(run.exit()).isEqualTo(66);
        assertThat(run.err()).contains("No such file or directory");
    }
}
