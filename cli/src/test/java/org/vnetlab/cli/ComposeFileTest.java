package org.vnetlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** compose.yaml names only what the code reads, and its references resolve. */
class ComposeFileTest {
    static final JsonNode compose = read();

    static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(new File("../compose.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void givenCompose_whenParsed_thenTheServicesAreTheDeploymentsRoles() {
        List<String> services = new ArrayList<>();
        compose.get("services").fieldNames().forEachRemaining(services::add);
        assertThat(services).containsExactlyInAnyOrder("postgres", "kafka", "commands", "projections", "stack-worker");
        Set<String> roles = new java.util.HashSet<>();
        for (Role r : Role.values()) roles.add(r.label());
        compose.get("services").fields().forEachRemaining(e -> {
            JsonNode command = e.getValue().get("command");
            if (command == null) return;
            assertThat(command.get(0).asText()).isEqualTo("serve");
            assertThat(command.get(1).asText()).isEqualTo("--role");
            assertThat(roles).as(e.getKey()).contains(command.get(2).asText());
            assertThat(e.getValue().get("image").asText()).isEqualTo("vnetlab:dev");
        });
        assertThat(compose.at("/services/stack-worker/deploy/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void givenCompose_whenVariablesAndPortsChecked_thenEachIsReadByTheCodeAndResolves() {
        Map<String, String> ports = Map.of("postgres", "5432", "kafka", "9092");
        compose.get("services").fields().forEachRemaining(e -> {
            JsonNode env = e.getValue().get("environment");
            if (env == null) return;
            Map<String, String> vars = new HashMap<>();
            env.fields().forEachRemaining(v -> vars.put(v.getKey(), v.getValue().asText()));
            vars.keySet().stream().filter(k -> k.startsWith("VNETLAB_"))
                    .forEach(k -> assertThat(Env.names()).as(e.getKey() + " " + k).contains(k));
            for (String dep : fieldNames(e.getValue().get("depends_on"))) assertThat(compose.get("services").has(dep)).as(dep).isTrue();
            String db = vars.get(Env.DATABASE_URL.variable);
            if (db != null) {
                Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(db);
                assertThat(m.matches()).as(db).isTrue();
                assertThat(ports.get(m.group(1))).isEqualTo(m.group(2));
                assertThat(m.group(3)).isEqualTo(compose.at("/services/postgres/environment/POSTGRES_DB").asText());
                assertThat(vars.get(Env.DATABASE_USER.variable)).isEqualTo(compose.at("/services/postgres/environment/POSTGRES_USER").asText());
            }
            String kafka = vars.get(Env.KAFKA_BOOTSTRAP.variable);
            if (kafka != null) {
                String[] hp = kafka.split(":");
                assertThat(ports.get(hp[0])).as(kafka).isEqualTo(hp[1]);
                assertThat(compose.at("/services/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText()).contains(kafka);
            }
            JsonNode published = e.getValue().get("ports");
            if (published != null) {
                for (JsonNode p : published) {
                    String container = p.asText().substring(p.asText().lastIndexOf(':') + 1);
                    assertThat(vars.getOrDefault(Env.HTTP_PORT.variable, Env.HTTP_PORT.defaultValue)).as(e.getKey()).isEqualTo(container);
                }
            }
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node == null) return names;
        if (node.isArray()) node.forEach(n -> names.add(n.asText()));
        else node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
