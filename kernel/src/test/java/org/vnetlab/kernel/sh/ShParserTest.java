package org.vnetlab.kernel.sh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

class ShParserTest {

    private static List<List<String>> words(String script) throws ShSyntaxError {
        return ShParser.parse(script).stream().map(ShCommand::words).toList();
    }

    @Test
    void givenBackslashEscapedEquals_whenParsed_thenBackslashIsRemoved() throws Exception {
        assertThat(words("jexec 2 sysctl net.inet.ip.forwarding\\=1"))
                .containsExactly(List.of("jexec", "2", "sysctl", "net.inet.ip.forwarding=1"));
    }

    @Test
    void givenQuotesCommentsAndSeparators_whenParsed_thenShWords() throws Exception {
        String script = """
                # a comment
                jail -c name=j persist meta="a b c" env='x "y"'   # trailing comment

                echo one; echo two && echo three || echo four
                echo con\\
                tinued "multi
                line" \\
                  last
                """;
        assertThat(words(script)).containsExactly(
                List.of("jail", "-c", "name=j", "persist", "meta=a b c", "env=x \"y\""),
                List.of("echo", "one"), List.of("echo", "two"), List.of("echo", "three"), List.of("echo", "four"),
                List.of("echo", "continued", "multi\nline", "last"));
        assertThat(ShParser.parse("echo a;echo b").get(1).source()).isEqualTo("echo b");
        assertThat(words("echo \"a\\\"b\\\\c\\$d\\e\"")).containsExactly(List.of("echo", "a\"b\\c$d\\e"));
        assertThat(words("echo a#b #c")).containsExactly(List.of("echo", "a#b"));
    }

    @Test
    void givenUnsupportedOrBrokenSyntax_whenParsed_thenSyntaxError() {
        assertThatThrownBy(() -> ShParser.parse("echo 'open")).hasMessage("Syntax error: Unterminated quoted string");
        assertThatThrownBy(() -> ShParser.parse("ifconfig | grep x")).hasMessageContaining("pipelines");
        assertThatThrownBy(() -> ShParser.parse("; echo")).hasMessageContaining("unexpected");
        assertThatThrownBy(() -> ShParser.parse("echo a &&")).hasMessageContaining("end of file unexpected");
        assertThatThrownBy(() -> ShParser.parse("& echo")).hasMessageContaining("unexpected");
    }

    @Test
    void givenBackgroundJob_whenRun_thenItRunsAtOnceAndTheShellGoesOnWithStatusZero() throws Exception {
        List<ShCommand> parsed = ShParser.parse("false & echo next\ntrue");
        assertThat(parsed).extracting(ShCommand::background).containsExactly(true, false, false);
        List<Outcome> outcomes = new Lab(0).run("false & true && echo chained\nfalse &\necho end");
        assertThat(outcomes).extracting(Outcome::line).containsExactly("false", "true", "echo chained", "false", "echo end");
        assertThat(outcomes.get(0).exit()).isEqualTo(1);
    }

    @Test
    void givenScript_whenRun_thenOneOutcomePerCommandAndUnknownCommandIs127() {
        List<Outcome> outcomes = new Lab(0).run("echo hi\nnosuch arg\nfalse || echo fallback\ntrue && echo chained");
        assertThat(outcomes).extracting(Outcome::line)
                .containsExactly("echo hi", "nosuch arg", "false", "echo fallback", "true", "echo chained");
        assertThat(outcomes.get(1).stderr()).isEqualTo("sh: nosuch: not found\n");
        assertThat(outcomes.get(1).exit()).isEqualTo(127);
        Outcome bad = new Lab(0).run("echo ok\necho 'broken").get(0);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).isEqualTo("sh: Syntax error: Unterminated quoted string\n");
    }
}
