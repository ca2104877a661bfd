package org.vnetlab.kernel.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An ICMPv4 message as a value (RFC 792): echo request and reply, destination unreachable and time
 * exceeded; every other well-formed message parses as {@link Other} so the caller can count and
 * drop it, as icmp_input() does (sys/netinet/ip_icmp.c).
 *
 * <p>Byte arrays in these records are owned by the record: {@link #parse} copies them out of the
 * packet, constructors take them as given, and nobody should mutate them afterwards. Records with
 * array components compare them by content here.
 */
public sealed interface IcmpRepr {

  /** Length of the whole message, header included. */
  int bufferLen();

  /**
   * Writes the message, checksum last, into a view at least {@link #bufferLen()} long. The checksum
   * covers exactly {@link #bufferLen()} bytes.
   */
  void emit(IcmpPacket packet);

  /**
   * Empty if the message is shorter than its type requires, fails its checksum, or quotes something
   * that is not an IPv4 header. The view must span exactly the IP payload.
   */
  static Optional<IcmpRepr> parse(IcmpPacket packet) {
    if (!packet.checkLen() || !packet.verifyChecksum()) {
      return Optional.empty();
    }
    int type = packet.msgType();
    int code = packet.msgCode();
    switch (type) {
      case IcmpPacket.TYPE_ECHO_REQUEST, IcmpPacket.TYPE_ECHO_REPLY -> {
        if (code != 0) {
          return Optional.of(new Other(type, code));
        }
        byte[] data = copyData(packet);
        return Optional.of(
            type == IcmpPacket.TYPE_ECHO_REQUEST
                ? new EchoRequest(packet.echoIdent(), packet.echoSeqNo(), data)
                : new EchoReply(packet.echoIdent(), packet.echoSeqNo(), data));
      }
      case IcmpPacket.TYPE_DST_UNREACHABLE -> {
        Optional<UnreachCode> reason = UnreachCode.of(code);
        if (reason.isEmpty()) {
          return Optional.of(new Other(type, code));
        }
        int mtu = packet.nextHopMtu();
        return parseError(packet, (h, d) -> new DstUnreachable(reason.get(), mtu, h, d));
      }
      case IcmpPacket.TYPE_TIME_EXCEEDED -> {
        Optional<TimeExceededCode> reason = TimeExceededCode.of(code);
        if (reason.isEmpty()) {
          return Optional.of(new Other(type, code));
        }
        return parseError(packet, (h, d) -> new TimeExceeded(reason.get(), h, d));
      }
      default -> {
        return Optional.of(new Other(type, code));
      }
    }
  }

  /** Echo request (type 8), what ping(8) sends. */
  record EchoRequest(int ident, int seqNo, byte[] data) implements IcmpRepr {
    public EchoRequest {
      checkEcho(ident, seqNo, data);
    }

    @Override
    public int bufferLen() {
      return IcmpPacket.HEADER_LEN + data.length;
    }

    @Override
    public void emit(IcmpPacket packet) {
      emitEcho(packet, IcmpPacket.TYPE_ECHO_REQUEST, ident, seqNo, data);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof EchoRequest e
          && e.ident == ident
          && e.seqNo == seqNo
          && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ident, seqNo, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
      return "EchoRequest[ident=" + ident + ", seqNo=" + seqNo + ", data=" + hex(data) + "]";
    }
  }

  /** Echo reply (type 0): the request's identifier, sequence number and data sent back. */
  record EchoReply(int ident, int seqNo, byte[] data) implements IcmpRepr {
    public EchoReply {
      checkEcho(ident, seqNo, data);
    }

    @Override
    public int bufferLen() {
      return IcmpPacket.HEADER_LEN + data.length;
    }

    @Override
    public void emit(IcmpPacket packet) {
      emitEcho(packet, IcmpPacket.TYPE_ECHO_REPLY, ident, seqNo, data);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof EchoReply e
          && e.ident == ident
          && e.seqNo == seqNo
          && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ident, seqNo, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
      return "EchoReply[ident=" + ident + ", seqNo=" + seqNo + ", data=" + hex(data) + "]";
    }
  }

  /**
   * Destination unreachable (type 3). Carries the offending datagram's IP header and the first bytes
   * of its payload: eight per RFC 792, which is FreeBSD's default net.inet.icmp.quotelen; more are
   * accepted. Emit writes the header without options.
   *
   * @param nextHopMtu RFC 1191 next-hop MTU for {@link UnreachCode#NEEDFRAG}, otherwise 0
   * @param header the quoted header; its payloadLen is the original datagram's
   * @param data the quoted payload bytes
   */
  record DstUnreachable(UnreachCode code, int nextHopMtu, Ipv4Repr header, byte[] data)
      implements IcmpRepr {
    public DstUnreachable {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(data, "data");
      checkU16("nextHopMtu", nextHopMtu);
    }

    @Override
    public int bufferLen() {
      return IcmpPacket.HEADER_LEN + header.bufferLen() + data.length;
    }

    @Override
    public void emit(IcmpPacket packet) {
      packet.setMsgType(IcmpPacket.TYPE_DST_UNREACHABLE);
      packet.setMsgCode(code.code());
      packet.clearUnused();
      packet.setNextHopMtu(nextHopMtu);
      emitQuoted(packet, header, data);
      packet.fillChecksum(bufferLen());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DstUnreachable d
          && d.code == code
          && d.nextHopMtu == nextHopMtu
          && d.header.equals(header)
          && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(code, nextHopMtu, header, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
      return "DstUnreachable[code=" + code + ", nextHopMtu=" + nextHopMtu + ", header=" + header
          + ", data=" + hex(data) + "]";
    }
  }

  /** Time exceeded (type 11), what traceroute(8) listens for; quotes like {@link DstUnreachable}. */
  record TimeExceeded(TimeExceededCode code, Ipv4Repr header, byte[] data) implements IcmpRepr {
    public TimeExceeded {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(data, "data");
    }

    @Override
    public int bufferLen() {
      return IcmpPacket.HEADER_LEN + header.bufferLen() + data.length;
    }

    @Override
    public void emit(IcmpPacket packet) {
      packet.setMsgType(IcmpPacket.TYPE_TIME_EXCEEDED);
      packet.setMsgCode(code.code());
      packet.clearUnused();
      emitQuoted(packet, header, data);
      packet.fillChecksum(bufferLen());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TimeExceeded t
          && t.code == code
          && t.header.equals(header)
          && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(code, header, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
      return "TimeExceeded[code=" + code + ", header=" + header + ", data=" + hex(data) + "]";
    }
  }

  /**
   * A well-formed message this layer does not interpret (redirect, timestamp, an unknown code...).
   * Emitting it writes a bare 8-byte header with zero in bytes 4..8.
   */
  record Other(int type, int code) implements IcmpRepr {
    public Other {
      checkU8("type", type);
      checkU8("code", code);
    }

    @Override
    public int bufferLen() {
      return IcmpPacket.HEADER_LEN;
    }

    @Override
    public void emit(IcmpPacket packet) {
      packet.setMsgType(type);
      packet.setMsgCode(code);
      packet.clearUnused();
      packet.fillChecksum(bufferLen());
    }
  }

  /** Destination unreachable codes (RFC 792, RFC 1122 §3.2.2.1, RFC 1812 §5.2.7.1). */
  enum UnreachCode {
    /** ICMP_UNREACH_NET. */
    NET(0),
    /** ICMP_UNREACH_HOST. */
    HOST(1),
    /** ICMP_UNREACH_PROTOCOL. */
    PROTOCOL(2),
    /** ICMP_UNREACH_PORT. */
    PORT(3),
    /** ICMP_UNREACH_NEEDFRAG: DF set and the next hop's MTU is too small. */
    NEEDFRAG(4),
    /** ICMP_UNREACH_SRCFAIL. */
    SRCFAIL(5),
    /** ICMP_UNREACH_NET_UNKNOWN. */
    NET_UNKNOWN(6),
    /** ICMP_UNREACH_HOST_UNKNOWN. */
    HOST_UNKNOWN(7),
    /** ICMP_UNREACH_ISOLATED. */
    ISOLATED(8),
    /** ICMP_UNREACH_NET_PROHIB. */
    NET_PROHIB(9),
    /** ICMP_UNREACH_HOST_PROHIB. */
    HOST_PROHIB(10),
    /** ICMP_UNREACH_TOSNET. */
    TOSNET(11),
    /** ICMP_UNREACH_TOSHOST. */
    TOSHOST(12),
    /** ICMP_UNREACH_FILTER_PROHIB: administratively prohibited (a firewall). */
    FILTER_PROHIB(13),
    /** ICMP_UNREACH_HOST_PRECEDENCE. */
    HOST_PRECEDENCE(14),
    /** ICMP_UNREACH_PRECEDENCE_CUTOFF. */
    PRECEDENCE_CUTOFF(15);

    private static final UnreachCode[] BY_CODE = values();

    private final int code;

    UnreachCode(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    public static Optional<UnreachCode> of(int code) {
      // Declared in code order, so the ordinal is the code.
      return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
  }

  /** Time exceeded codes (RFC 792). */
  enum TimeExceededCode {
    /** ICMP_TIMXCEED_INTRANS: TTL reached zero in transit. */
    INTRANS(0),
    /** ICMP_TIMXCEED_REASS: fragment reassembly time exceeded. */
    REASS(1);

    private final int code;

    TimeExceededCode(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    public static Optional<TimeExceededCode> of(int code) {
      return switch (code) {
        case 0 -> Optional.of(INTRANS);
        case 1 -> Optional.of(REASS);
        default -> Optional.empty();
      };
    }
  }

  /** Reads the quoted IP header and payload of an error message and builds the record. */
  private static Optional<IcmpRepr> parseError(
      IcmpPacket packet, BiFunction<Ipv4Repr, byte[], IcmpRepr> make) {
    Ipv4Packet inner = new Ipv4Packet(packet.buffer(), packet.dataOffset(), packet.dataLen());
    Optional<Ipv4Repr> header = Ipv4Repr.parseQuoted(inner);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    int from = inner.payloadOffset();
    int to = packet.dataOffset() + packet.dataLen();
    return Optional.of(make.apply(header.get(), Arrays.copyOfRange(packet.buffer(), from, to)));
  }

  private static void emitQuoted(IcmpPacket packet, Ipv4Repr header, byte[] data) {
    Ipv4Packet inner =
        new Ipv4Packet(packet.buffer(), packet.dataOffset(), header.bufferLen() + data.length);
    header.emit(inner);
    System.arraycopy(data, 0, packet.buffer(), inner.offset() + header.bufferLen(), data.length);
  }

  private static byte[] copyData(IcmpPacket packet) {
    int from = packet.dataOffset();
    return Arrays.copyOfRange(packet.buffer(), from, from + packet.dataLen());
  }

  private static void emitEcho(IcmpPacket packet, int type, int ident, int seqNo, byte[] data) {
    packet.setMsgType(type);
    packet.setMsgCode(0);
    packet.setEchoIdent(ident);
    packet.setEchoSeqNo(seqNo);
    System.arraycopy(data, 0, packet.buffer(), packet.dataOffset(), data.length);
    packet.fillChecksum(IcmpPacket.HEADER_LEN + data.length);
  }

  private static void checkEcho(int ident, int seqNo, byte[] data) {
    checkU16("ident", ident);
    checkU16("seqNo", seqNo);
    Objects.requireNonNull(data, "data");
  }

  private static void checkU8(String name, int value) {
    if (value < 0 || value > 0xff) {
      throw new IllegalArgumentException(name + " out of range 0..255: " + value);
    }
  }

  private static void checkU16(String name, int value) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException(name + " out of range 0..65535: " + value);
    }
  }

  private static String hex(byte[] data) {
    return HexFormat.of().formatHex(data);
  }
}
