package org.vnetlab.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnetlab.commands.api.ApiServer;
import org.vnetlab.kernel.Lab;
import org.vnetlab.kernel.userland.Outcome;

class ApiServerTest {
    static WriteSideFixture f;
    static ApiServer api;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        f = new WriteSideFixture();
        api = ApiServer.start(0, f.service, f.tenants);
    }

    @AfterAll
    static void stop() {
        api.close();
        f.close();
    }

    static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, f.token);
    }

    static String createLab(long seed) throws Exception {
        HttpResponse<String> r = call("POST", "/v1/labs", "{\"name\":\"t\",\"seed\":" + seed + "}");
        assertThat(r.statusCode()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asText();
    }

    static void assertProblem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
    }

    @Test
    void givenSeedScript_whenPostedAsScript_thenResultsEqualTheKernelLab() throws Exception {
        String lab = createLab(42);
        String script = WriteSideFixture.seedScript();
        HttpResponse<String> r = call("POST", "/v1/labs/" + lab + "/scripts", json.createObjectNode().put("script", script).toString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(r.body()).get("results");
        List<Outcome> expected = new Lab(42).run(script);
        assertThat(results.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(results.get(i).get("stdout").asText()).isEqualTo(expected.get(i).stdout());
            assertThat(results.get(i).get("stderr").asText()).isEqualTo(expected.get(i).stderr());
            assertThat(results.get(i).get("exit").asInt()).isEqualTo(expected.get(i).exit());
        }
        HttpResponse<String> events = call("GET", "/v1/labs/" + lab + "/events", null);
        assertThat(events.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(events.body()).get("events");
        assertThat(list.get(0).get("event").get("type").asText()).isEqualTo("LabCreated");
        assertThat(list.size()).isEqualTo(1 + expected.stream().mapToInt(o -> o.events().size()).sum());
    }

    @Test
    void givenNdjsonAccept_whenScriptPosted_thenOneJsonLinePerCommandStreamed() throws Exception {
        String lab = createLab(42);
        String script = WriteSideFixture.seedScript();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/labs/" + lab + "/scripts"))
                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("script", script).toString()))
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson")
                .header("Authorization", "Bearer " + f.token).build();
        HttpResponse<java.util.stream.Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<String> lines = r.body().toList();
        List<Outcome> expected = new Lab(42).run(script);
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode line = json.readTree(lines.get(i));
            assertThat(line.get("line").asText()).isEqualTo(expected.get(i).line());
            assertThat(line.get("stdout").asText()).isEqualTo(expected.get(i).stdout());
            assertThat(line.get("exit").asInt()).isEqualTo(expected.get(i).exit());
        }
        HttpRequest unknown = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/labs/nosuch/scripts"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"script\":\"jls\"}"))
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson")
                .header("Authorization", "Bearer " + f.token).build();
        assertProblem(http.send(unknown, HttpResponse.BodyHandlers.ofString()), 404);
    }

    @Test
    void givenLab_whenExecWriteThenRead_thenReadSeesTheWriteAndPositionAdvances() throws Exception {
        String lab = createLab(1);
        HttpResponse<String> w = call("POST", "/v1/labs/" + lab + "/exec", "{\"line\":\"jail -c vnet persist name=a path=/\"}");
        assertThat(w.statusCode()).isEqualTo(200);
        assertThat(json.readTree(w.body()).get("position").asLong()).isPositive();
        HttpResponse<String> r = call("POST", "/v1/labs/" + lab + "/exec", "{\"line\":\"jls -n name\"}");
        assertThat(json.readTree(r.body()).get("stdout").asText()).contains("name=a");
        assertThat(call("GET", "/v1/labs/" + lab, null).statusCode()).isEqualTo(200);
        assertThat(json.readTree(call("GET", "/v1/labs", null).body()).get("labs").toString()).contains(lab);
    }

    @Test
    void givenKernelRejectedLine_whenExec_thenOkWithFreeBsdStderrAndExit() throws Exception {
        String lab = createLab(1);
        HttpResponse<String> r = call("POST", "/v1/labs/" + lab + "/exec", "{\"line\":\"ifconfig nosuch0 up\"}");
        Outcome expected = new Lab(1).exec("ifconfig nosuch0 up");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = json.readTree(r.body());
        assertThat(b.get("stderr").asText()).isEqualTo(expected.stderr());
        assertThat(b.get("exit").asInt()).isEqualTo(expected.exit()).isNotZero();
        assertThat(b.get("position").asLong()).isZero();
    }

    @Test
    void givenBadRequests_whenCalled_thenProblemDocumentsNever500() throws Exception {
        String lab = createLab(1);
        assertProblem(call("POST", "/v1/labs/" + lab + "/exec", "{\"line\": "), 400);
        assertProblem(call("POST", "/v1/labs/" + lab + "/exec", "[1]"), 400);
        assertProblem(call("POST", "/v1/labs/" + lab + "/exec", "{\"line\": 5}"), 400);
        assertProblem(call("POST", "/v1/labs", "{}"), 400);
        assertProblem(call("POST", "/v1/labs/nope/exec", "{\"line\":\"jls\"}"), 404);
        assertProblem(call("GET", "/v1/labs/nope", null), 404);
        assertProblem(call("GET", "/v1/labs/nope/events", null), 404);
        assertProblem(call("GET", "/v1/labs", null, null), 401);
        assertProblem(call("GET", "/v1/labs", null, "wrong"), 401);
        assertProblem(call("POST", "/v1/labs/" + lab + "/scripts",
                "{\"script\":\"" + "x".repeat((int) ApiServer.MAX_BODY_BYTES + 10) + "\"}"), 413);
        assertProblem(call("GET", "/v1/nothing-here", null), 404);
        assertProblem(call("GET", "/v1/labs/" + lab + "/events?from=x", null), 400);
    }

    @Test
    void givenServer_whenHealthMetricsOpenapi_thenServedWithoutToken() throws Exception {
        assertThat(call("GET", "/health", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> m = call("GET", "/metrics", null, null);
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.body()).contains("http_server_requests");
        HttpResponse<String> o = call("GET", "/openapi.json", null, null);
        assertThat(json.readTree(o.body()).get("paths").has("/v1/labs/{lab}/exec")).isTrue();
    }
}
