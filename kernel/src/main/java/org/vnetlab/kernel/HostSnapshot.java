package org.vnetlab.kernel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.vnetlab.kernel.state.Host;

/**
 * An exact copy of a {@link Host} as bytes: everything evolve reads or writes (prisons, vnets and
 * their slots, interfaces in attach order, the ifindex space, addresses, bridge tables, routes,
 * neighbour entries with their timers, sysctls, counters, V_ip_id, captures, the clock, the seed).
 * A restored host continues exactly like the original: same outcomes, events and pcap bytes.
 *
 * <p>Why Java serialization of the object graph: it copies every field, including the ones added
 * next month, without a second description of the state to keep in step; the caches that are not
 * state (the data-plane engine, compiled route tables, the per-run stack caches) are transient and
 * rebuilt on first use. Three guards make it safe to keep in a database: the classes that may
 * appear are listed here ({@link #take} refuses others, {@link #restore} filters the stream to
 * them), {@link #FORMAT} changes whenever a listed class's serialized fields change (a snapshot
 * of another format is refused, so its owner replays events instead), and slots are numbered by
 * {@code Subsystems.ORDER}, not by class-loading order. Deflated in memory; no I/O.
 */
public final class HostSnapshot {
    private static final int MAGIC = 0x564e4c48; // "VNLH"
    /** Bump when evolve's meaning of the same fields changes (the field layout is fingerprinted). */
    private static final int VERSION = 1;

    /** The kernel classes a host is made of; the fingerprint and the restore filter use them. */
    private static final List<String> KERNEL_CLASSES = List.of(
            "org.vnetlab.kernel.state.Host",
            "org.vnetlab.kernel.state.Prison",
            "org.vnetlab.kernel.state.Vnet",
            "org.vnetlab.kernel.state.Ifnet",
            "org.vnetlab.kernel.state.IfAddr",
            "org.vnetlab.kernel.net.IfnetSubsystem$Cloners",
            "org.vnetlab.kernel.net.BridgeSoftc",
            "org.vnetlab.kernel.net.BridgeSoftc$Member",
            "org.vnetlab.kernel.net.BridgeSoftc$RtEntry",
            "org.vnetlab.kernel.route.Addr",
            "org.vnetlab.kernel.route.RouteTables$Table",
            "org.vnetlab.kernel.route.RouteTables$Key",
            "org.vnetlab.kernel.route.RouteTables$StaticNexthop",
            "org.vnetlab.kernel.route.NeighborTables$Table",
            "org.vnetlab.kernel.route.NeighborTables$Entry",
            "org.vnetlab.kernel.route.NetCounters$Counters",
            "org.vnetlab.kernel.route.NetCounters$IpStat",
            "org.vnetlab.kernel.route.NetCounters$IcmpStat",
            "org.vnetlab.kernel.route.NetCounters$ArpStat",
            "org.vnetlab.kernel.route.NetCounters$IfStat",
            "org.vnetlab.kernel.dataplane.Stack",
            "org.vnetlab.kernel.dataplane.Engine$InFlight",
            "org.vnetlab.kernel.wire.Ipv4Address",
            "org.vnetlab.kernel.wire.Ipv6Address",
            "org.vnetlab.kernel.wire.MacAddress",
            "org.vnetlab.kernel.wire.PcapWriter");

    /** The JDK classes the state uses (collections, boxed values), and objects that readResolve makes. */
    private static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Number",
            "java.util.ArrayList", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.BitSet", "java.util.CollSer", "java.util.Map$Entry", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12",
            // what Engine$InFlight.readResolve returns (the filter sees replacements too)
            "org.vnetlab.kernel.dataplane.Engine");

    private static final Set<String> ALLOWED;

    /**
     * The snapshot format: {@link #VERSION} and a fingerprint of every listed class's serialized
     * fields (names and types). A snapshot restores only under the same format.
     */
    public static final String FORMAT;

    static {
        Subsystems.ORDER.size(); // slots are numbered before any host exists
        CRC32 crc = new CRC32();
        for (String name : KERNEL_CLASSES) {
            ObjectStreamClass desc = ObjectStreamClass.lookup(load(name));
            if (desc == null) throw new IllegalStateException(name + " is not Serializable");
            StringBuilder sb = new StringBuilder(name);
            for (ObjectStreamField f : desc.getFields()) sb.append(' ').append(f.getName()).append(':').append(f.getTypeString() != null ? f.getTypeString() : String.valueOf(f.getTypeCode()));
            crc.update(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        FORMAT = VERSION + "." + Long.toHexString(crc.getValue());
        ALLOWED = new java.util.HashSet<>(KERNEL_CLASSES);
        ALLOWED.addAll(JDK_CLASSES);
    }

    private HostSnapshot() {}

    /** The host as bytes (deflated Java serialization, with a header naming {@link #FORMAT}). */
    public static byte[] take(Host host) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes, deflater, 1 << 16);
             ObjectOutputStream out = new CheckedOutput(z)) {
            out.writeInt(MAGIC);
            out.writeUTF(FORMAT);
            out.writeObject(host);
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot of the host failed", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * The host {@link #take} saw. Throws {@link IllegalArgumentException} for bytes that are not a
     * snapshot of this format (the caller then rebuilds the host from events).
     */
    public static Host restore(byte[] snapshot) {
        Inflater inflater = new Inflater();
        try (InputStream z = new InflaterInputStream(new ByteArrayInputStream(snapshot), inflater, 1 << 16);
             ObjectInputStream in = new ObjectInputStream(z)) {
            in.setObjectInputFilter(HostSnapshot::filter);
            if (in.readInt() != MAGIC) throw new IllegalArgumentException("not a host snapshot");
            String format = in.readUTF();
            if (!format.equals(FORMAT)) {
                throw new IllegalArgumentException("host snapshot format " + format + ", this kernel reads " + FORMAT);
            }
            return (Host) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("unreadable host snapshot: " + e, e);
        } finally {
            inflater.end();
        }
    }

    /** Whether {@code snapshot} was taken by a kernel with this {@link #FORMAT} (reads the header only). */
    public static boolean readable(byte[] snapshot) {
        try (ObjectInputStream in = new ObjectInputStream(new InflaterInputStream(new ByteArrayInputStream(snapshot)))) {
            in.setObjectInputFilter(info -> ObjectInputFilter.Status.REJECTED);
            return in.readInt() == MAGIC && in.readUTF().equals(FORMAT);
        } catch (IOException e) {
            return false;
        }
    }

    private static ObjectInputFilter.Status filter(ObjectInputFilter.FilterInfo info) {
        Class<?> c = info.serialClass();
        if (c == null) return ObjectInputFilter.Status.UNDECIDED;
        while (c.isArray()) c = c.getComponentType();
        return c.isPrimitive() || allowed(c) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private static boolean allowed(Class<?> c) {
        return ALLOWED.contains(c.getName()) || c == Object.class;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, true, HostSnapshot.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses, while writing, any class the restore filter would refuse: a new state class must be listed. */
    private static final class CheckedOutput extends ObjectOutputStream {
        CheckedOutput(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> c) throws IOException {
            Class<?> base = c;
            while (base.isArray()) base = base.getComponentType();
            if (!base.isPrimitive() && !allowed(base)) {
                throw new InvalidClassException(c.getName(), "not listed in HostSnapshot's classes");
            }
        }
    }
}
