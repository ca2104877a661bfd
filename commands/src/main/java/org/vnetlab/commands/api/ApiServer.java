package org.vnetlab.commands.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnetlab.commands.CommandService;
import org.vnetlab.commands.LabInfo;
import org.vnetlab.commands.LabNotFoundException;
import org.vnetlab.commands.LineResult;
import org.vnetlab.commands.Principal;
import org.vnetlab.commands.ServiceUnavailableException;
import org.vnetlab.commands.Tenants;
import org.vnetlab.platform.EventEnvelope;

/**
 * The public HTTP API (Javalin). Routes are registered in {@link #routes} as method references;
 * every handler reads the request, calls the {@link CommandService} once and writes the answer
 * with an explicit status. Errors are RFC 9457 problem documents; bad input is never a 500.
 */
public final class ApiServer implements AutoCloseable {
    private static final String NDJSON = "application/x-ndjson";

    public static final long MAX_BODY_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final String PRINCIPAL = "principal";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The read models served as {@code GET /v1/labs/{lab}/VIEW}. */
    public static final List<String> VIEWS = List.of("jails", "interfaces", "addresses", "routes", "sysctls");

    private final CommandService service;
    private final Tenants tenants;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Javalin app;

    private ApiServer(CommandService service, Tenants tenants) {
        this.service = service;
        this.tenants = tenants;
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            routes(config.routes);
        });
    }

    /** Starts the API on {@code port} (0 = any free port). */
    public static ApiServer start(int port, CommandService service, Tenants tenants) {
        ApiServer server = new ApiServer(service, tenants);
        server.app.start("0.0.0.0", port);
        return server;
    }

    public int port() {
        return app.port();
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    private void routes(io.javalin.config.RoutesConfig r) {
        r.before(this::timeRequest);
        r.before("/v1/*", this::authenticate);
        r.get("/health", this::health);
        r.get("/metrics", this::metrics);
        r.get("/openapi.json", this::openapi);
        r.post("/v1/labs", this::createLab);
        r.get("/v1/labs", this::listLabs);
        r.get("/v1/labs/{lab}", this::getLab);
        r.delete("/v1/labs/{lab}", this::deleteLab);
        r.post("/v1/labs/{lab}/exec", this::exec);
        r.post("/v1/labs/{lab}/scripts", this::runScript);
        r.get("/v1/labs/{lab}/events", this::events);
        for (String view : VIEWS) r.get("/v1/labs/{lab}/" + view, ctx -> view(ctx, view));
        r.after(this::recordRequest);
        r.exception(Problem.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage()));
        r.exception(LabNotFoundException.class, (e, ctx) -> problem(ctx, 404, "Not Found", e.getMessage()));
        r.exception(ServiceUnavailableException.class, (e, ctx) -> problem(ctx, e.timedOut() ? 504 : 503,
                e.timedOut() ? "Gateway Timeout" : "Service Unavailable", e.getMessage()));
        r.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), e.getMessage(), e.getMessage()));
        r.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "Internal Server Error", "unexpected failure");
        });
        r.error(404, ctx -> {
            if (!isProblem(ctx)) problem(ctx, 404, "Not Found", "no route " + ctx.method() + " " + ctx.path());
        });
    }

    // ---- cross-cutting ----

    private void timeRequest(Context ctx) {
        ctx.attribute("started", System.nanoTime());
    }

    private void recordRequest(Context ctx) {
        Long started = ctx.attribute("started");
        if (started == null) return;
        String route = ctx.endpoint() != null ? ctx.endpoint().path : "unmatched";
        Timer.builder("http_server_requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(metrics)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw Problem.unauthorized("a bearer token is required");
        }
        Principal who = tenants.authenticate(header.substring(7).trim())
                .orElseThrow(() -> Problem.unauthorized("the token is not valid"));
        ctx.attribute(PRINCIPAL, who);
    }

    private static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    // ---- handlers ----

    private void health(Context ctx) {
        json(ctx, 200, JSON.createObjectNode().put("status", "UP"));
    }

    private void metrics(Context ctx) {
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void openapi(Context ctx) {
        try (InputStream in = ApiServer.class.getResourceAsStream("/openapi.json")) {
            ctx.status(200).contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createLab(Context ctx) {
        JsonNode body = body(ctx);
        String name = text(body, "name", true);
        JsonNode seed = body.get("seed");
        if (seed != null && !seed.isNull() && !seed.canConvertToLong()) throw Problem.badRequest("\"seed\" must be an integer");
        LabInfo lab = service.createLab(principal(ctx), name, seed == null || seed.isNull() ? null : seed.asLong());
        ctx.header("Location", "/v1/labs/" + lab.id());
        json(ctx, 201, labJson(lab));
    }

    private void listLabs(Context ctx) {
        ArrayNode labs = JSON.createArrayNode();
        for (LabInfo lab : service.labs(principal(ctx).tenant())) labs.add(labJson(lab));
        json(ctx, 200, JSON.createObjectNode().set("labs", labs));
    }

    private void getLab(Context ctx) {
        String id = ctx.pathParam("lab");
        LabInfo lab = service.lab(principal(ctx).tenant(), id).orElseThrow(() -> new LabNotFoundException(id));
        json(ctx, 200, labJson(lab));
    }

    private void deleteLab(Context ctx) {
        long position = service.deleteLab(principal(ctx), ctx.pathParam("lab"));
        json(ctx, 200, JSON.createObjectNode().put("deleted", true).put("position", position));
    }

    private void exec(Context ctx) {
        String line = text(body(ctx), "line", true);
        LineResult r = service.exec(principal(ctx), ctx.pathParam("lab"), line);
        ctx.status(200).contentType("application/json").result(resultBytes(r, false));
    }

    private void runScript(Context ctx) {
        String script = text(body(ctx), "script", true);
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains(NDJSON)) {
            streamScript(ctx, script);
            return;
        }
        List<LineResult> results = service.runScript(principal(ctx), ctx.pathParam("lab"), script);
        long position = results.isEmpty() ? -1 : results.get(results.size() - 1).position();
        // Written as it goes, not as a tree: a 7,000-line script's answer is a megabyte.
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(64 + results.size() * 160);
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(body)) {
            g.writeStartObject();
            g.writeNumberField("position", position);
            g.writeArrayFieldStart("results");
            for (LineResult r : results) writeResult(g, r, true);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(200).contentType("application/json").result(body.toByteArray());
    }

    /**
     * With {@code Accept: application/x-ndjson}, one JSON object per line as soon as it is
     * answered. A failure after the first line can no longer change the status: it ends the
     * stream with a line {@code {"error": ...}}.
     */
    private void streamScript(Context ctx, String script) {
        Principal who = principal(ctx);
        String lab = ctx.pathParam("lab");
        java.io.OutputStream out;
        boolean[] started = {false};
        try {
            out = ctx.res().getOutputStream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            service.runScript(who, lab, script, r -> {
                if (!started[0]) {
                    ctx.status(200);
                    ctx.res().setContentType(NDJSON);
                    started[0] = true;
                }
                writeLine(out, resultBytes(r, true));
            });
            if (!started[0]) {
                ctx.status(200);
                ctx.res().setContentType(NDJSON);
            }
        } catch (RuntimeException e) {
            if (!started[0]) throw e; // nothing sent yet: the usual problem document
            try {
                writeLine(out, JSON.writeValueAsBytes(JSON.createObjectNode().put("error", e.getMessage() == null ? e.toString() : e.getMessage())));
            } catch (JsonProcessingException never) {
                throw new UncheckedIOException(never);
            }
        }
    }

    private static void writeLine(java.io.OutputStream out, byte[] json) {
        try {
            out.write(json);
            out.write('\n');
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void events(Context ctx) {
        long from = queryLong(ctx, "from", 0);
        int limit = (int) Math.min(queryLong(ctx, "limit", 10_000), 10_000);
        ArrayNode events = JSON.createArrayNode();
        for (EventEnvelope e : service.events(principal(ctx).tenant(), ctx.pathParam("lab"), from, limit)) events.add(e.toTree());
        json(ctx, 200, JSON.createObjectNode().set("events", events));
    }

    private void view(Context ctx, String view) {
        String lab = ctx.pathParam("lab");
        List<java.util.Map<String, Object>> rows = service.view(principal(ctx), lab, view);
        json(ctx, 200, JSON.createObjectNode().set(view, JSON.valueToTree(rows)));
    }

    // ---- reading and writing ----

    private static JsonNode body(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) throw Problem.tooLarge(MAX_BODY_BYTES);
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY_BYTES) throw Problem.tooLarge(MAX_BODY_BYTES);
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) throw Problem.badRequest("the body must be a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problem.badRequest("unreadable body");
        }
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) throw Problem.badRequest("\"" + field + "\" is required");
            return null;
        }
        if (!v.isTextual()) throw Problem.badRequest("\"" + field + "\" must be a string");
        return v.asText();
    }

    private static long queryLong(Context ctx, String name, long dflt) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw Problem.badRequest("\"" + name + "\" must not be negative");
            return n;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("\"" + name + "\" must be an integer");
        }
    }

    private static ObjectNode labJson(LabInfo lab) {
        return JSON.createObjectNode()
                .put("id", lab.id())
                .put("name", lab.name())
                .put("seed", lab.seed())
                .put("createdAt", lab.createdAt().toString())
                .put("deleted", lab.deleted());
    }

    /** One line's answer as the API gives it: {line, stdout, stderr, exit, position} ({@code exec} leaves out the line). */
    private static void writeResult(com.fasterxml.jackson.core.JsonGenerator g, LineResult r, boolean withLine) throws IOException {
        g.writeStartObject();
        if (withLine) g.writeStringField("line", r.line());
        g.writeStringField("stdout", r.stdout());
        g.writeStringField("stderr", r.stderr());
        g.writeNumberField("exit", r.exit());
        g.writeNumberField("position", r.position());
        g.writeEndObject();
    }

    private static byte[] resultBytes(LineResult r, boolean withLine) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(160);
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(body)) {
            writeResult(g, r, withLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toByteArray();
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    private static boolean isProblem(Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith("application/problem+json");
    }

    private static void problem(Context ctx, int status, String title, String detail) {
        ObjectNode p = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.path());
        ctx.status(status).contentType("application/problem+json").result(p.toString());
    }

    @Override
    public void close() {
        app.stop();
    }
}
