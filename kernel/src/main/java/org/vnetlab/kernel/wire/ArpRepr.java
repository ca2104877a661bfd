package org.vnetlab.kernel.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * An Ethernet/IPv4 ARP request or reply (RFC 826) as a value. Other hardware or protocol types,
 * and other operations (RARP, InARP), do not parse: FreeBSD's in_arpinput() (sys/netinet/if_ether.c)
 * drops them as well.
 */
public record ArpRepr(
    Operation operation,
    MacAddress sourceHardwareAddr,
    Ipv4Address sourceProtocolAddr,
    MacAddress targetHardwareAddr,
    Ipv4Address targetProtocolAddr) {

  /** ar_op. */
  public enum Operation {
    REQUEST(ArpPacket.OP_REQUEST),
    REPLY(ArpPacket.OP_REPLY);

    private final int code;

    Operation(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  public ArpRepr {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(sourceHardwareAddr, "sourceHardwareAddr");
    Objects.requireNonNull(sourceProtocolAddr, "sourceProtocolAddr");
    Objects.requireNonNull(targetHardwareAddr, "targetHardwareAddr");
    Objects.requireNonNull(targetProtocolAddr, "targetProtocolAddr");
  }

  /** Empty unless this is a complete Ethernet/IPv4 request or reply. Trailing padding is ignored. */
  public static Optional<ArpRepr> parse(ArpPacket packet) {
    if (!packet.checkLen()
        || packet.hardwareType() != ArpPacket.HTYPE_ETHERNET
        || packet.protocolType() != EtherType.IPV4
        || packet.hardwareLen() != MacAddress.LEN
        || packet.protocolLen() != Ipv4Address.LEN) {
      return Optional.empty();
    }
    Operation op;
    switch (packet.operation()) {
      case ArpPacket.OP_REQUEST -> op = Operation.REQUEST;
      case ArpPacket.OP_REPLY -> op = Operation.REPLY;
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(
        new ArpRepr(
            op,
            packet.sourceHardwareAddr(),
            packet.sourceProtocolAddr(),
            packet.targetHardwareAddr(),
            packet.targetProtocolAddr()));
  }

  public int bufferLen() {
    return ArpPacket.ETHERNET_IPV4_LEN;
  }

  /** Writes all 28 bytes into a view at least {@link #bufferLen()} long. */
  public void emit(ArpPacket packet) {
    packet.setHardwareType(ArpPacket.HTYPE_ETHERNET);
    packet.setProtocolType(EtherType.IPV4);
    packet.setHardwareLen(MacAddress.LEN);
    packet.setProtocolLen(Ipv4Address.LEN);
    packet.setOperation(operation.code());
    packet.setSourceHardwareAddr(sourceHardwareAddr);
    packet.setSourceProtocolAddr(sourceProtocolAddr);
    packet.setTargetHardwareAddr(targetHardwareAddr);
    packet.setTargetProtocolAddr(targetProtocolAddr);
  }
}
