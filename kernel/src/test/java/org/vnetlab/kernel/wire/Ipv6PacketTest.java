package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnetlab.kernel.wire.TestBytes.hex;

import org.junit.jupiter.api.Test;

class Ipv6PacketTest {

  // RFC 8200 §3: version 6, traffic class 0xb8, flow label 0x12345, payload 12, UDP, hop limit 64,
  // fe80::1 -> ff02::1, then 12 payload bytes.
  static final byte[] PACKET =
      hex(
          """
          6b 81 23 45  00 0c  11  40
          fe 80 00 00 00 00 00 00  00 00 00 00 00 00 00 01
          ff 02 00 00 00 00 00 00  00 00 00 00 00 00 00 01
          00 01 02 03 04 05 06 07 08 09 0a 0b
          """);

  static final Ipv6Repr REPR =
      new Ipv6Repr(
          Ipv6Address.of("fe80::1"),
          Ipv6Address.LINK_LOCAL_ALL_NODES,
          IpProtocol.UDP,
          12,
          64,
          0xb8,
          0x12345);

  @Test
  void deconstruct_readsEveryFieldOfTheFixture() {
    Ipv6Packet packet = new Ipv6Packet(PACKET);

    assertThat(packet.checkLen()).isTrue();
    assertThat(packet.version()).isEqualTo(6);
    assertThat(packet.trafficClass()).isEqualTo(0xb8);
    assertThat(packet.flowLabel()).isEqualTo(0x12345);
    assertThat(packet.payloadLen()).isEqualTo(12);
    assertThat(packet.nextHeader()).isEqualTo(IpProtocol.UDP);
    assertThat(packet.hopLimit()).isEqualTo(64);
    assertThat(packet.srcAddr()).isEqualTo(Ipv6Address.of("fe80::1"));
    assertThat(packet.dstAddr()).isEqualTo(Ipv6Address.of("ff02::1"));
    assertThat(packet.payloadOffset()).isEqualTo(40);
  }

  @Test
  void construct_settersProduceTheFixture() {
    byte[] bytes = new byte[52];
    Ipv6Packet packet = new Ipv6Packet(bytes);
    packet.setVersion(6);
    packet.setTrafficClass(0xb8);
    packet.setFlowLabel(0x12345);
    packet.setPayloadLen(12);
    packet.setNextHeader(IpProtocol.UDP);
    packet.setHopLimit(64);
    packet.setSrcAddr(Ipv6Address.of("fe80::1"));
    packet.setDstAddr(Ipv6Address.of("ff02::1"));
    System.arraycopy(hex("00 01 02 03 04 05 06 07 08 09 0a 0b"), 0, bytes, packet.payloadOffset(), 12);

    assertThat(bytes).isEqualTo(PACKET);
  }

  @Test
  void parse_givesTheRepr() {
    assertThat(Ipv6Repr.parse(new Ipv6Packet(PACKET))).contains(REPR);
  }

  @Test
  void emit_reproducesTheFixture() {
    byte[] bytes = PACKET.clone();
    java.util.Arrays.fill(bytes, 0, 40, (byte) 0);
    REPR.emit(new Ipv6Packet(bytes));

    assertThat(REPR.bufferLen()).isEqualTo(40);
    assertThat(bytes).isEqualTo(PACKET);
  }

  @Test
  void settingOneField_leavesItsNeighboursInTheFirstWordAlone() {
    Ipv6Packet packet = new Ipv6Packet(PACKET.clone());
    packet.setTrafficClass(0);

    assertThat(packet.version()).isEqualTo(6);
    assertThat(packet.flowLabel()).isEqualTo(0x12345);
    packet.setFlowLabel(0xfffff);
    assertThat(packet.trafficClass()).isZero();
    assertThat(packet.version()).isEqualTo(6);
  }

  @Test
  void givenTruncatedPayload_whenParsing_thenEmpty() {
    for (int len = 0; len < PACKET.length; len++) {
      assertThat(Ipv6Repr.parse(new Ipv6Packet(PACKET, 0, len))).as("length %d", len).isEmpty();
    }
  }

  @Test
  void givenWrongVersion_whenParsing_thenEmpty() {
    Ipv6Packet packet = new Ipv6Packet(PACKET.clone());
    packet.setVersion(4);

    assertThat(Ipv6Repr.parse(packet)).isEmpty();
  }

  @Test
  void givenEthernetPadding_whenParsing_thenPayloadLengthDecides() {
    assertThat(Ipv6Repr.parse(new Ipv6Packet(TestBytes.concat(PACKET, new byte[8])))).contains(REPR);
  }
}
