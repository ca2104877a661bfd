package org.vnetlab.kernel.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 header as a value (RFC 791).
 *
 * <p>Options (IHL &gt; 5) are tolerated on parse and skipped; {@link #emit} always writes a
 * 20-byte header, as FreeBSD does for everything it originates without IP_OPTIONS.
 *
 * <p>Fragments do not parse: reassembly (sys/netinet/ip_reass.c) is not modelled, so a datagram
 * with MF set or a non-zero offset is reported as not understood rather than misread as whole. The
 * view still exposes the fragment fields for a layer that wants to count or reassemble them.
 *
 * @param dscp differentiated services code point, 0..63 (RFC 2474)
 * @param ecn explicit congestion notification, 0..3 (RFC 3168)
 */
public record Ipv4Repr(
    Ipv4Address srcAddr,
    Ipv4Address dstAddr,
    int protocol,
    int payloadLen,
    int ttl,
    int ident,
    int dscp,
    int ecn,
    boolean dontFrag) {

  public Ipv4Repr {
    Objects.requireNonNull(srcAddr, "srcAddr");
    Objects.requireNonNull(dstAddr, "dstAddr");
    checkRange("protocol", protocol, 0xff);
    checkRange("payloadLen", payloadLen, 0xffff - Ipv4Packet.HEADER_LEN);
    checkRange("ttl", ttl, 0xff);
    checkRange("ident", ident, 0xffff);
    checkRange("dscp", dscp, 0x3f);
    checkRange("ecn", ecn, 0x03);
  }

  /** The common case: best-effort, ident 0, fragmentation allowed. */
  public static Ipv4Repr of(
      Ipv4Address srcAddr, Ipv4Address dstAddr, int protocol, int payloadLen, int ttl) {
    return new Ipv4Repr(srcAddr, dstAddr, protocol, payloadLen, ttl, 0, 0, 0, false);
  }

  /**
   * Empty unless the slice holds a whole version-4 datagram with a correct header checksum that is
   * not a fragment.
   */
  public static Optional<Ipv4Repr> parse(Ipv4Packet packet) {
    if (!packet.checkLen() || packet.version() != 4 || !packet.verifyChecksum()) {
      return Optional.empty();
    }
    if (packet.moreFrags() || packet.fragOffset() != 0) {
      return Optional.empty();
    }
    return Optional.of(fromHeader(packet));
  }

  /**
   * Reads the header quoted inside an ICMP error (RFC 792): only the header (options included) has
   * to be present, its total length still describes the original datagram, and neither its checksum
   * nor its fragment fields are judged, since they belong to a packet that already failed.
   */
  static Optional<Ipv4Repr> parseQuoted(Ipv4Packet packet) {
    if (packet.length() < Ipv4Packet.HEADER_LEN || packet.version() != 4) {
      return Optional.empty();
    }
    int headerLen = packet.headerLen();
    if (headerLen < Ipv4Packet.HEADER_LEN
        || headerLen > packet.length()
        || packet.totalLen() < headerLen) {
      return Optional.empty();
    }
    return Optional.of(fromHeader(packet));
  }

  private static Ipv4Repr fromHeader(Ipv4Packet packet) {
    return new Ipv4Repr(
        packet.srcAddr(),
        packet.dstAddr(),
        packet.protocol(),
        packet.payloadLen(),
        packet.ttl(),
        packet.ident(),
        packet.dscp(),
        packet.ecn(),
        packet.dontFrag());
  }

  /** Header bytes only; the payload follows at {@link Ipv4Packet#payloadOffset()}. */
  public int bufferLen() {
    return Ipv4Packet.HEADER_LEN;
  }

  /** Writes a 20-byte header, checksum last, into a view at least {@link #bufferLen()} long. */
  public void emit(Ipv4Packet packet) {
    packet.setVersion(4);
    packet.setHeaderLen(Ipv4Packet.HEADER_LEN);
    packet.setDscp(dscp);
    packet.setEcn(ecn);
    packet.setTotalLen(Ipv4Packet.HEADER_LEN + payloadLen);
    packet.setIdent(ident);
    packet.clearFlags();
    packet.setDontFrag(dontFrag);
    packet.setTtl(ttl);
    packet.setProtocol(protocol);
    packet.setSrcAddr(srcAddr);
    packet.setDstAddr(dstAddr);
    packet.fillChecksum();
  }

  private static void checkRange(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " out of range 0.." + max + ": " + value);
    }
  }
}
