package org.vnetlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP API from the command line's side. Failures are {@link ClientException}s.
 *
 * <p>Blocking {@link HttpURLConnection}, not java.net.http: the request is written and the answer
 * read on the caller's thread over a kept-alive connection, where java.net.http's synchronous send
 * hands each request between the caller, its selector thread and its executor; on a busy 2-core
 * machine those hops cost milliseconds per call. Bodies are sent with a length (not streamed): in
 * streaming mode HttpURLConnection turns a 401 into an HttpRetryException and loses the answer.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 5 * 60_000;
    private static final int HEALTH_TIMEOUT_MS = 2_000;

    static {
        // HttpURLConnection sends a POST a second time when the first gets no answer; java.net.http
        // never did, and a script must not run twice. Read once, when the JDK's HTTP client loads.
        if (System.getProperty("sun.net.http.retryPost") == null) System.setProperty("sun.net.http.retryPost", "false");
    }

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
            HttpURLConnection c = open("GET", "/health", HEALTH_TIMEOUT_MS, HEALTH_TIMEOUT_MS);
            int status = c.getResponseCode();
            body(c, status); // read to the end: the connection goes back to the keep-alive cache
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode call(String method, String path, JsonNode body) {
        int status;
        String text;
        try {
            HttpURLConnection c = open(method, path, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Accept", "application/json");
            if (body != null) {
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                c.setRequestProperty("Content-Type", "application/json");
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            status = c.getResponseCode();
            text = body(c, status);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) throw new ClientException("vnetlab: interrupted", 130);
            throw new ClientException("vnetlab: cannot reach " + url + " (" + e + "); is `vnetlab dev` running?", 69);
        }
        JsonNode answer;
        try {
            answer = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new ClientException("vnetlab: " + method + " " + path + ": HTTP " + status + " with a body that is not JSON", 69);
        }
        if (status >= 400) {
            String detail = answer.path("detail").asText(answer.path("title").asText("HTTP " + status));
            throw new ClientException("vnetlab: " + detail + " (HTTP " + status + ")", status >= 500 ? 69 : 1);
        }
        return answer;
    }

    private HttpURLConnection open(String method, String path, int connectTimeoutMs, int readTimeoutMs) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(connectTimeoutMs);
        c.setReadTimeout(readTimeoutMs);
        c.setUseCaches(false);
        return c;
    }

    /** The whole answer (the error stream for 4xx/5xx), as UTF-8; closing it keeps the connection alive. */
    private static String body(HttpURLConnection c, int status) throws IOException {
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
