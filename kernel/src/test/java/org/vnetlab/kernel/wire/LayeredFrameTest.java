package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a data plane is meant to use this package: one buffer per frame, one reusable view per
 * layer, each layer's view wrapped at the previous layer's payload offset. No slice copies.
 */
class LayeredFrameTest {

  private static final MacAddress MAC_A = MacAddress.of("02:00:00:00:00:0a");
  private static final MacAddress MAC_B = MacAddress.of("02:00:00:00:00:0b");

  private final EthernetFrame ether = new EthernetFrame(new byte[0]);
  private final Ipv4Packet ipv4 = new Ipv4Packet(new byte[0]);
  private final IcmpPacket icmp = new IcmpPacket(new byte[0]);
  private final Ipv6Packet ipv6 = new Ipv6Packet(new byte[0]);
  private final Icmpv6Packet icmpv6 = new Icmpv6Packet(new byte[0]);

  @Test
  void givenEchoRequestEmittedLayerByLayer_whenParsedWithReusedViews_thenEveryLayerComesBack() {
    IcmpRepr echo = IcmpPacketTest.ECHO_REPR;
    Ipv4Repr ip =
        Ipv4Repr.of(
            Ipv4Address.of("192.0.2.10"),
            Ipv4Address.of("192.0.2.1"),
            IpProtocol.ICMP,
            echo.bufferLen(),
            64);
    EthernetRepr eth = new EthernetRepr(MAC_A, MAC_B, EtherType.IPV4);
    int headroom = 32;
    int frameLen = eth.bufferLen() + ip.bufferLen() + echo.bufferLen();
    byte[] buffer = new byte[headroom + frameLen + 16];

    eth.emit(ether.wrap(buffer, headroom, frameLen));
    ip.emit(ipv4.wrap(buffer, ether.payloadOffset(), ether.payloadLen()));
    echo.emit(icmp.wrap(buffer, ipv4.payloadOffset(), ipv4.payloadLen()));

    ether.wrap(buffer, headroom, frameLen);
    assertThat(EthernetRepr.parse(ether)).contains(eth);
    ipv4.wrap(buffer, ether.payloadOffset(), ether.payloadLen());
    assertThat(Ipv4Repr.parse(ipv4)).contains(ip);
    icmp.wrap(buffer, ipv4.payloadOffset(), ipv4.payloadLen());
    assertThat(IcmpRepr.parse(icmp)).contains(echo);
    assertThat(Arrays.copyOfRange(buffer, icmp.offset(), icmp.offset() + icmp.length()))
        .isEqualTo(IcmpPacketTest.ECHO_REQUEST);
  }

  @Test
  void givenNeighborSolicitToSolicitedNodeGroup_whenParsed_thenAddressesAndMacsLineUp() {
    Ipv6Address src = Icmpv6PacketTest.A;
    Ipv6Address target = Icmpv6PacketTest.B;
    Ipv6Address group = target.solicitedNodeMulticast();
    Icmpv6Repr ns = new Icmpv6Repr.NeighborSolicit(target, Optional.of(MAC_A));
    Ipv6Repr ip = Ipv6Repr.of(src, group, IpProtocol.ICMPV6, ns.bufferLen(), 255);
    EthernetRepr eth = new EthernetRepr(MAC_A, group.multicastMac(), EtherType.IPV6);
    byte[] buffer = new byte[eth.bufferLen() + ip.bufferLen() + ns.bufferLen()];

    eth.emit(ether.wrap(buffer, 0, buffer.length));
    ip.emit(ipv6.wrap(buffer, ether.payloadOffset(), ether.payloadLen()));
    ns.emit(src, group, icmpv6.wrap(buffer, ipv6.payloadOffset(), ipv6.payloadLen()));

    assertThat(ether.dstAddr()).isEqualTo(MacAddress.of("33:33:ff:00:00:02"));
    assertThat(EthernetRepr.parse(ether)).contains(eth);
    assertThat(Ipv6Repr.parse(ipv6)).contains(ip);
    assertThat(Icmpv6Repr.parse(ipv6.srcAddr(), ipv6.dstAddr(), icmpv6)).contains(ns);
    assertThat(Arrays.copyOfRange(buffer, icmpv6.offset(), buffer.length))
        .isEqualTo(Icmpv6PacketTest.NEIGHBOR_SOLICIT);
  }
}
