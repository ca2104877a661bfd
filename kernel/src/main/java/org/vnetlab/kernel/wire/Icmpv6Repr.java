package org.vnetlab.kernel.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An ICMPv6 message as a value: echo request and reply, destination unreachable and time exceeded
 * (RFC 4443), neighbour solicitation and advertisement (RFC 4861). Every other well-formed message
 * (router solicitation and advertisement, redirect, packet too big, MLD...) parses as {@link Other}
 * so the caller can count and ignore it.
 *
 * <p>The checksum covers the IPv6 pseudo-header, so {@link #parse} and {@link #emit} take the
 * source and destination addresses of the enclosing IPv6 header.
 *
 * <p>Byte arrays in these records are owned by the record: {@link #parse} copies them out of the
 * packet, constructors take them as given, and nobody should mutate them afterwards. Records with
 * array components compare them by content here.
 */
public sealed interface Icmpv6Repr {

  /** Length of the whole message, header and options included. */
  int bufferLen();

  /**
   * Writes the message, checksum last, into a view at least {@link #bufferLen()} long. The checksum
   * covers exactly {@link #bufferLen()} bytes and the pseudo-header of {@code src} and {@code dst}.
   */
  void emit(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet);

  /**
   * Empty if the message is shorter than its type requires, fails its checksum, quotes something
   * that is not an IPv6 header, or is an NS/NA that RFC 4861 §7.1 says to discard on its own
   * evidence (non-zero code, malformed options). Checks that need the IP header (hop limit 255) or
   * state belong to nd6, not here. The view must span exactly the upper-layer payload.
   */
  static Optional<Icmpv6Repr> parse(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet) {
    if (!packet.checkLen() || !packet.verifyChecksum(src, dst)) {
      return Optional.empty();
    }
    int type = packet.msgType();
    int code = packet.msgCode();
    switch (type) {
      case Icmpv6Packet.TYPE_ECHO_REQUEST, Icmpv6Packet.TYPE_ECHO_REPLY -> {
        if (code != 0) {
          return Optional.of(new Other(type, code));
        }
        int from = packet.dataOffset();
        byte[] data = Arrays.copyOfRange(packet.buffer(), from, from + packet.dataLen());
        return Optional.of(
            type == Icmpv6Packet.TYPE_ECHO_REQUEST
                ? new EchoRequest(packet.echoIdent(), packet.echoSeqNo(), data)
                : new EchoReply(packet.echoIdent(), packet.echoSeqNo(), data));
      }
      case Icmpv6Packet.TYPE_DST_UNREACHABLE -> {
        Optional<UnreachCode> reason = UnreachCode.of(code);
        if (reason.isEmpty()) {
          return Optional.of(new Other(type, code));
        }
        return parseError(packet, (h, d) -> new DstUnreachable(reason.get(), h, d));
      }
      case Icmpv6Packet.TYPE_TIME_EXCEEDED -> {
        Optional<TimeExceededCode> reason = TimeExceededCode.of(code);
        if (reason.isEmpty()) {
          return Optional.of(new Other(type, code));
        }
        return parseError(packet, (h, d) -> new TimeExceeded(reason.get(), h, d));
      }
      case Icmpv6Packet.TYPE_NEIGHBOR_SOLICIT, Icmpv6Packet.TYPE_NEIGHBOR_ADVERT -> {
        if (code != 0 || packet.length() < Icmpv6Packet.NEIGHBOR_MSG_LEN) {
          return Optional.empty();
        }
        boolean solicit = type == Icmpv6Packet.TYPE_NEIGHBOR_SOLICIT;
        long lladdr =
            NdiscOption.findLinkLayerAddr(
                packet.buffer(),
                packet.ndiscOptionsOffset(),
                packet.offset() + packet.length(),
                solicit
                    ? NdiscOption.TYPE_SOURCE_LINK_LAYER_ADDR
                    : NdiscOption.TYPE_TARGET_LINK_LAYER_ADDR);
        if (lladdr == NdiscOption.MALFORMED) {
          return Optional.empty();
        }
        Optional<MacAddress> mac =
            lladdr == NdiscOption.ABSENT ? Optional.empty() : Optional.of(new MacAddress(lladdr));
        return Optional.of(
            solicit
                ? new NeighborSolicit(packet.targetAddr(), mac)
                : new NeighborAdvert(
                    packet.routerFlag(),
                    packet.solicitedFlag(),
                    packet.overrideFlag(),
                    packet.targetAddr(),
                    mac));
      }
      default -> {
        return Optional.of(new Other(type, code));
      }
    }
  }

  /** Echo request (type 128), what ping6(8) / ping -6 sends. */
  record EchoRequest(int ident, int seqNo, byte[] data) implements Icmpv6Repr {
    public EchoRequest {
      checkEcho(ident, seqNo, data);
    }

    @Override
    public int bufferLen() {
      return Icmpv6Packet.HEADER_LEN + data.length;
    }

    @Override
    public void emit(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet) {
      emitEcho(src, dst, packet, Icmpv6Packet.TYPE_ECHO_REQUEST, ident, seqNo, data);
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

  /** Echo reply (type 129): the request's identifier, sequence number and data sent back. */
  record EchoReply(int ident, int seqNo, byte[] data) implements Icmpv6Repr {
    public EchoReply {
      checkEcho(ident, seqNo, data);
    }

    @Override
    public int bufferLen() {
      return Icmpv6Packet.HEADER_LEN + data.length;
    }

    @Override
    public void emit(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet) {
      emitEcho(src, dst, packet, Icmpv6Packet.TYPE_ECHO_REPLY, ident, seqNo, data);
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
   * Destination unreachable (type 1). Carries the invoking packet's IPv6 header and as much of its
   * payload as the sender quoted (RFC 4443 §3.1: up to the 1280-byte minimum MTU).
   *
   * @param header the quoted header; its payloadLen is the original packet's
   * @param data the quoted payload bytes
   */
  record DstUnreachable(UnreachCode code, Ipv6Repr header, byte[] data) implements Icmpv6Repr {
    public DstUnreachable {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(data, "data");
    }

    @Override
    public int bufferLen() {
      return Icmpv6Packet.HEADER_LEN + header.bufferLen() + data.length;
    }

    @Override
    public void emit(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet) {
      emitError(src, dst, packet, Icmpv6Packet.TYPE_DST_UNREACHABLE, code.code(), header, data);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DstUnreachable d
          && d.code == code
          && d.header.equals(header)
          && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(code, header, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
      return "DstUnreachable[code=" + code + ", header=" + header + ", data=" + hex(data) + "]";
    }
  }

  /** Time exceeded (type 3); quotes like {@link DstUnreachable}. */
  record TimeExceeded(TimeExceededCode code, Ipv6Repr header, byte[] data) implements Icmpv6Repr {
    public TimeExceeded {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(data, "data");
    }

    @Override
    public int bufferLen() {
      return Icmpv6Packet.HEADER_LEN + header.bufferLen() + data.length;
    }

    @Override
    public void emit(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet) {
      emitError(src, dst, packet, Icmpv6Packet.TYPE_TIME_EXCEEDED, code.code(), header, data);
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
   * Neighbour solicitation (type 135, RFC 4861 §4.3). Without a source link-layer address when sent
   * from :: for duplicate address detection (RFC 4862 §5.4.2).
   */
  record NeighborSolicit(Ipv6Address targetAddr, Optional<MacAddress> sourceLinkLayerAddr)
      implements Icmpv6Repr {
    public NeighborSolicit {
      Objects.requireNonNull(targetAddr, "targetAddr");
      Objects.requireNonNull(sourceLinkLayerAddr, "sourceLinkLayerAddr");
    }

    @Override
    public int bufferLen() {
      return Icmpv6Packet.NEIGHBOR_MSG_LEN
          + (sourceLinkLayerAddr.isPresent() ? NdiscOption.LINK_LAYER_ADDR_OPTION_LEN : 0);
    }

    @Override
    public void emit(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet) {
      packet.setMsgType(Icmpv6Packet.TYPE_NEIGHBOR_SOLICIT);
      packet.setMsgCode(0);
      packet.clearReserved();
      packet.setTargetAddr(targetAddr);
      emitLinkLayerAddr(packet, NdiscOption.TYPE_SOURCE_LINK_LAYER_ADDR, sourceLinkLayerAddr);
      packet.fillChecksum(src, dst, bufferLen());
    }
  }

  /**
   * Neighbour advertisement (type 136, RFC 4861 §4.4).
   *
   * @param router the sender is a router (R)
   * @param solicited sent in response to an NS (S)
   * @param override should replace an existing cache entry (O)
   */
  record NeighborAdvert(
      boolean router,
      boolean solicited,
      boolean override,
      Ipv6Address targetAddr,
      Optional<MacAddress> targetLinkLayerAddr)
      implements Icmpv6Repr {
    public NeighborAdvert {
      Objects.requireNonNull(targetAddr, "targetAddr");
      Objects.requireNonNull(targetLinkLayerAddr, "targetLinkLayerAddr");
    }

    @Override
    public int bufferLen() {
      return Icmpv6Packet.NEIGHBOR_MSG_LEN
          + (targetLinkLayerAddr.isPresent() ? NdiscOption.LINK_LAYER_ADDR_OPTION_LEN : 0);
    }

    @Override
    public void emit(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet) {
      packet.setMsgType(Icmpv6Packet.TYPE_NEIGHBOR_ADVERT);
      packet.setMsgCode(0);
      packet.clearReserved();
      packet.setRouterFlag(router);
      packet.setSolicitedFlag(solicited);
      packet.setOverrideFlag(override);
      packet.setTargetAddr(targetAddr);
      emitLinkLayerAddr(packet, NdiscOption.TYPE_TARGET_LINK_LAYER_ADDR, targetLinkLayerAddr);
      packet.fillChecksum(src, dst, bufferLen());
    }
  }

  /**
   * A well-formed message this layer does not interpret. Emitting it writes a bare 8-byte header
   * with zero in bytes 4..8.
   */
  record Other(int type, int code) implements Icmpv6Repr {
    public Other {
      if (type < 0 || type > 0xff || code < 0 || code > 0xff) {
        throw new IllegalArgumentException("type and code are 0..255: " + type + ", " + code);
      }
    }

    @Override
    public int bufferLen() {
      return Icmpv6Packet.HEADER_LEN;
    }

    @Override
    public void emit(Ipv6Address src, Ipv6Address dst, Icmpv6Packet packet) {
      packet.setMsgType(type);
      packet.setMsgCode(code);
      packet.clearReserved();
      packet.fillChecksum(src, dst, bufferLen());
    }
  }

  /** Destination unreachable codes (RFC 4443 §3.1; ICMP6_DST_UNREACH_* in icmp6.h). */
  enum UnreachCode {
    /** No route to destination. */
    NOROUTE(0),
    /** Communication administratively prohibited. */
    ADMIN(1),
    /** Beyond the scope of the source address. */
    BEYONDSCOPE(2),
    /** Address unreachable: neighbour discovery failed. */
    ADDR(3),
    /** Port unreachable. */
    NOPORT(4),
    /** Source address failed ingress/egress policy. */
    POLICY(5),
    /** Reject route to destination. */
    REJROUTE(6);

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

  /** Time exceeded codes (RFC 4443 §3.3; ICMP6_TIME_EXCEED_* in icmp6.h). */
  enum TimeExceededCode {
    /** Hop limit exceeded in transit. */
    TRANSIT(0),
    /** Fragment reassembly time exceeded. */
    REASSEMBLY(1);

    private final int code;

    TimeExceededCode(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    public static Optional<TimeExceededCode> of(int code) {
      return switch (code) {
        case 0 -> Optional.of(TRANSIT);
        case 1 -> Optional.of(REASSEMBLY);
        default -> Optional.empty();
      };
    }
  }

  /** Reads the quoted IPv6 header and payload of an error message and builds the record. */
  private static Optional<Icmpv6Repr> parseError(
      Icmpv6Packet packet, BiFunction<Ipv6Repr, byte[], Icmpv6Repr> make) {
    Ipv6Packet inner = new Ipv6Packet(packet.buffer(), packet.dataOffset(), packet.dataLen());
    Optional<Ipv6Repr> header = Ipv6Repr.parseQuoted(inner);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    int from = inner.payloadOffset();
    int to = packet.dataOffset() + packet.dataLen();
    return Optional.of(make.apply(header.get(), Arrays.copyOfRange(packet.buffer(), from, to)));
  }

  private static void emitError(
      Ipv6Address src,
      Ipv6Address dst,
      Icmpv6Packet packet,
      int type,
      int code,
      Ipv6Repr header,
      byte[] data) {
    packet.setMsgType(type);
    packet.setMsgCode(code);
    packet.clearReserved();
    int len = header.bufferLen() + data.length;
    Ipv6Packet inner = new Ipv6Packet(packet.buffer(), packet.dataOffset(), len);
    header.emit(inner);
    System.arraycopy(data, 0, packet.buffer(), inner.payloadOffset(), data.length);
    packet.fillChecksum(src, dst, Icmpv6Packet.HEADER_LEN + len);
  }

  private static void emitEcho(
      Ipv6Address src,
      Ipv6Address dst,
      Icmpv6Packet packet,
      int type,
      int ident,
      int seqNo,
      byte[] data) {
    packet.setMsgType(type);
    packet.setMsgCode(0);
    packet.setEchoIdent(ident);
    packet.setEchoSeqNo(seqNo);
    System.arraycopy(data, 0, packet.buffer(), packet.dataOffset(), data.length);
    packet.fillChecksum(src, dst, Icmpv6Packet.HEADER_LEN + data.length);
  }

  private static void emitLinkLayerAddr(Icmpv6Packet packet, int type, Optional<MacAddress> addr) {
    if (addr.isPresent()) {
      new NdiscOption(packet.buffer(), packet.ndiscOptionsOffset(), NdiscOption.LINK_LAYER_ADDR_OPTION_LEN)
          .emitLinkLayerAddr(type, addr.get());
    }
  }

  private static void checkEcho(int ident, int seqNo, byte[] data) {
    if (ident < 0 || ident > 0xffff || seqNo < 0 || seqNo > 0xffff) {
      throw new IllegalArgumentException("ident and seqNo are 0..65535: " + ident + ", " + seqNo);
    }
    Objects.requireNonNull(data, "data");
  }

  private static String hex(byte[] data) {
    return HexFormat.of().formatHex(data);
  }
}
