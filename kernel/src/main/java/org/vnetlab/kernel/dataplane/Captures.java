package org.vnetlab.kernel.dataplane;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vnetlab.kernel.state.Host;
import org.vnetlab.kernel.wire.PcapWriter;

/** The host's packet captures as pcap files: what `sim` writes out and the API will serve. */
public final class Captures {
    private Captures() {}

    /** File name (as given to tcpdump -w) to the pcap bytes captured so far, in start order. */
    public static Map<String, byte[]> files(Host host) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, PcapWriter> e : host.captures.entrySet()) files.put(e.getKey(), e.getValue().toByteArray());
        return files;
    }

    /** Frames delivered by the data plane since the host booted (a benchmark figure, not state). */
    public static long framesDelivered(Host host) {
        return host.dataplane instanceof Engine e ? e.framesDelivered : 0;
    }
}
