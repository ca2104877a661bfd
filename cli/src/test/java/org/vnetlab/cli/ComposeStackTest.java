package org.vnetlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** compose.yaml brought up for real where Docker exists; skipped cleanly where it does not. */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackTest {
    @Container
    static final ComposeContainer stack = new ComposeContainer(new File("../compose.yaml"))
            .withBuild(true)
            .withExposedService("commands", 8080, Wait.forHttp("/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)));

    @Test
    void givenCompose_whenUp_thenTheApiAnswersWithTheBootstrapToken() {
        String url = "http://" + stack.getServiceHost("commands", 8080) + ":" + stack.getServicePort("commands", 8080);
        ApiClient client = new ApiClient(url, "change-me");
        String lab = client.createLab("compose", 0L).path("id").asText();
        client.exec(lab, "jail -c vnet persist name=a");
        assertThat(client.exec(lab, "jls -n name").stdout()).isEqualTo("name=a\n");
    }
}
