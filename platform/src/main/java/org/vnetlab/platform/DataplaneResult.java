package org.vnetlab.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.vnetlab.kernel.codec.EventCodec;

/**
 * What a data-plane event printed and returned, as a stack-worker computed it by applying the
 * event to the lab's host in log order. The value on {@code vnetlab.results} (key = lab id) and a
 * row of {@code dataplane_results}. A pure function of the lab's events up to {@code sequence}:
 * whichever worker computes it, and however often, it is the same value.
 *
 * @param labId    the lab
 * @param tenant   the lab's tenant
 * @param sequence the data-plane event's sequence in its lab (its "position")
 * @param line     the command line that caused it
 * @param stdout   what the program printed on stdout
 * @param stderr   what it printed on stderr
 * @param exit     its exit status
 * @param time     the event's time, epoch milliseconds
 * @param captures the host's packet captures after the event (file name to pcap bytes, base64),
 *                 in start order; empty when the lab captures nothing
 */
public record DataplaneResult(String labId, String tenant, long sequence, String line, String stdout, String stderr,
                              int exit, long time, Map<String, String> captures) {

    public DataplaneResult {
        Objects.requireNonNull(labId, "labId");
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        line = line == null ? "" : line;
        captures = captures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(captures));
    }

    /**
     * Whether {@code event} is a data-plane program's run whose printed result answers its line:
     * {@code ping}, {@code traceroute}, {@code tcpdump -w}, {@code sleep}; the kernel says which
     * ({@link org.vnetlab.kernel.api.DataplaneEvent#answersLine}).
     */
    public static boolean answersLine(org.vnetlab.kernel.api.Event event) {
        return event instanceof org.vnetlab.kernel.api.DataplaneEvent d && d.answersLine();
    }

    public String toJson() {
        ObjectNode n = EventCodec.mapper().createObjectNode();
        n.put("labId", labId);
        n.put("tenant", tenant);
        n.put("sequence", sequence);
        n.put("line", line);
        n.put("stdout", stdout);
        n.put("stderr", stderr);
        n.put("exit", exit);
        n.put("time", time);
        if (!captures.isEmpty()) {
            ObjectNode c = n.putObject("captures");
            captures.forEach(c::put);
        }
        return n.toString();
    }

    public static DataplaneResult fromJson(String json) {
        JsonNode n;
        try {
            n = EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed data-plane result: " + e.getOriginalMessage(), e);
        }
        Map<String, String> captures = new LinkedHashMap<>();
        n.path("captures").fields().forEachRemaining(f -> captures.put(f.getKey(), f.getValue().asText()));
        return new DataplaneResult(n.path("labId").asText(), n.path("tenant").asText(null), n.path("sequence").asLong(),
                n.path("line").asText(), n.path("stdout").asText(), n.path("stderr").asText(), n.path("exit").asInt(),
                n.path("time").asLong(), captures);
    }
}
