package org.vnetlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The HTTP API from the command line's side (java.net.http). Failures are {@link ClientException}s. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: the API speaks nothing else over cleartext, and the default (h2c upgrade) costs every call. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String token;

    /** What the API answered for one line. */
    record Result(String line, String stdout, String stderr, int exit, long position) {}

    /** A request that failed: the message to print and the exit status to leave with. */
    static final class ClientException extends RuntimeException {
        final int exit;

        ClientException(String message, int exit) {
            super(message);
            this.exit = exit;
        }
    }

    ApiClient(String url, String token) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
    }

    JsonNode createLab(String name, Long seed) {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        if (seed != null) body.put("seed", seed);
        return call("POST", "/v1/labs", body);
    }

    List<JsonNode> labs() {
        List<JsonNode> out = new ArrayList<>();
        call("GET", "/v1/labs", null).path("labs").forEach(out::add);
        return out;
    }

    void deleteLab(String labId) {
        call("DELETE", "/v1/labs/" + labId, null);
    }

    /** A lab by id, or by name when exactly one lab has it. */
    String resolveLab(String idOrName) {
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode lab : labs()) {
            if (lab.path("id").asText().equals(idOrName)) return idOrName;
            if (lab.path("name").asText().equals(idOrName)) matches.add(lab);
        }
        if (matches.size() == 1) return matches.get(0).path("id").asText();
        if (matches.isEmpty()) throw new ClientException("vnetlab: no lab " + idOrName, 1);
        throw new ClientException("vnetlab: " + matches.size() + " labs are named " + idOrName + "; use the id", 1);
    }

    Result exec(String labId, String line) {
        JsonNode r = call("POST", "/v1/labs/" + labId + "/exec", JSON.createObjectNode().put("line", line));
        return new Result(line, r.path("stdout").asText(), r.path("stderr").asText(), r.path("exit").asInt(), r.path("position").asLong());
    }

    List<Result> script(String labId, String script) {
        JsonNode r = call("POST", "/v1/labs/" + labId + "/scripts", JSON.createObjectNode().put("script", script));
        List<Result> out = new ArrayList<>();
        for (JsonNode n : r.path("results")) {
            out.add(new Result(n.path("line").asText(), n.path("stdout").asText(), n.path("stderr").asText(), n.path("exit").asInt(),
                    n.path("position").asLong()));
        }
        return out;
    }

    boolean healthy() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) b.header("Content-Type", "application/json");
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ClientException("vnetlab: cannot reach " + url + " (" + e + "); is `vnetlab dev` running?", 69);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("vnetlab: interrupted", 130);
        }
        JsonNode answer;
        try {
            answer = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new ClientException("vnetlab: " + method + " " + path + ": HTTP " + r.statusCode() + " with a body that is not JSON", 69);
        }
        if (r.statusCode() >= 400) {
            String detail = answer.path("detail").asText(answer.path("title").asText("HTTP " + r.statusCode()));
            throw new ClientException("vnetlab: " + detail + " (HTTP " + r.statusCode() + ")", r.statusCode() >= 500 ? 69 : 1);
        }
        return answer;
    }
}
