package org.vnetlab.kernel.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * An IPv6 fixed header as a value (RFC 8200 §3). There is no header checksum in IPv6; upper layers
 * cover the addresses through the pseudo-header instead ({@link Checksum#pseudoHeaderV6}).
 *
 * @param nextHeader what follows, see {@link IpProtocol}
 * @param trafficClass 0..255
 * @param flowLabel 0..0xfffff
 */
public record Ipv6Repr(
    Ipv6Address srcAddr,
    Ipv6Address dstAddr,
    int nextHeader,
    int payloadLen,
    int hopLimit,
    int trafficClass,
    int flowLabel) {

  public Ipv6Repr {
    Objects.requireNonNull(srcAddr, "srcAddr");
    Objects.requireNonNull(dstAddr, "dstAddr");
    checkRange("nextHeader", nextHeader, 0xff);
    checkRange("payloadLen", payloadLen, 0xffff);
    checkRange("hopLimit", hopLimit, 0xff);
    checkRange("trafficClass", trafficClass, 0xff);
    checkRange("flowLabel", flowLabel, 0xf_ffff);
  }

  /** The common case: traffic class 0, no flow label. */
  public static Ipv6Repr of(
      Ipv6Address srcAddr, Ipv6Address dstAddr, int nextHeader, int payloadLen, int hopLimit) {
    return new Ipv6Repr(srcAddr, dstAddr, nextHeader, payloadLen, hopLimit, 0, 0);
  }

  /** Empty unless the slice holds a version-6 header and the whole payload it announces. */
  public static Optional<Ipv6Repr> parse(Ipv6Packet packet) {
    if (!packet.checkLen() || packet.version() != 6) {
      return Optional.empty();
    }
    return Optional.of(fromHeader(packet));
  }

  /**
   * Reads the header quoted inside an ICMPv6 error (RFC 4443 §3): only the fixed header has to be
   * present; its payload length still describes the original packet.
   */
  static Optional<Ipv6Repr> parseQuoted(Ipv6Packet packet) {
    if (packet.length() < Ipv6Packet.HEADER_LEN || packet.version() != 6) {
      return Optional.empty();
    }
    return Optional.of(fromHeader(packet));
  }

  private static Ipv6Repr fromHeader(Ipv6Packet packet) {
    return new Ipv6Repr(
        packet.srcAddr(),
        packet.dstAddr(),
        packet.nextHeader(),
        packet.payloadLen(),
        packet.hopLimit(),
        packet.trafficClass(),
        packet.flowLabel());
  }

  /** Header bytes only; the payload follows at {@link Ipv6Packet#payloadOffset()}. */
  public int bufferLen() {
    return Ipv6Packet.HEADER_LEN;
  }

  /** Writes the 40-byte fixed header into a view at least {@link #bufferLen()} long. */
  public void emit(Ipv6Packet packet) {
    packet.setVersion(6);
    packet.setTrafficClass(trafficClass);
    packet.setFlowLabel(flowLabel);
    packet.setPayloadLen(payloadLen);
    packet.setNextHeader(nextHeader);
    packet.setHopLimit(hopLimit);
    packet.setSrcAddr(srcAddr);
    packet.setDstAddr(dstAddr);
  }

  private static void checkRange(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " out of range 0.." + max + ": " + value);
    }
  }
}
