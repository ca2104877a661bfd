package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnetlab.kernel.wire.TestBytes.hex;

import org.junit.jupiter.api.Test;

class ArpPacketTest {

  // RFC 826: who-has 192.0.2.1 tell 192.0.2.10 (02:00:00:00:00:0a), Ethernet/IPv4.
  static final byte[] PACKET =
      hex(
          """
          00 01  08 00  06  04  00 01
          02 00 00 00 00 0a  c0 00 02 0a
          00 00 00 00 00 00  c0 00 02 01
          """);

  static final ArpRepr REPR =
      new ArpRepr(
          ArpRepr.Operation.REQUEST,
          MacAddress.of("02:00:00:00:00:0a"),
          Ipv4Address.of("192.0.2.10"),
          MacAddress.ZERO,
          Ipv4Address.of("192.0.2.1"));

  @Test
  void deconstruct_readsEveryFieldOfTheFixture() {
    ArpPacket packet = new ArpPacket(PACKET);

    assertThat(packet.checkLen()).isTrue();
    assertThat(packet.hardwareType()).isEqualTo(ArpPacket.HTYPE_ETHERNET);
    assertThat(packet.protocolType()).isEqualTo(EtherType.IPV4);
    assertThat(packet.hardwareLen()).isEqualTo(6);
    assertThat(packet.protocolLen()).isEqualTo(4);
    assertThat(packet.operation()).isEqualTo(ArpPacket.OP_REQUEST);
    assertThat(packet.sourceHardwareAddr()).isEqualTo(MacAddress.of("02:00:00:00:00:0a"));
    assertThat(packet.sourceProtocolAddr()).isEqualTo(Ipv4Address.of("192.0.2.10"));
    assertThat(packet.targetHardwareAddr()).isEqualTo(MacAddress.ZERO);
    assertThat(packet.targetProtocolAddr()).isEqualTo(Ipv4Address.of("192.0.2.1"));
  }

  @Test
  void construct_settersProduceTheFixture() {
    byte[] bytes = new byte[28];
    ArpPacket packet = new ArpPacket(bytes);
    packet.setHardwareType(1);
    packet.setProtocolType(0x0800);
    packet.setHardwareLen(6);
    packet.setProtocolLen(4);
    packet.setOperation(1);
    packet.setSourceHardwareAddr(MacAddress.of("02:00:00:00:00:0a"));
    packet.setSourceProtocolAddr(Ipv4Address.of("192.0.2.10"));
    packet.setTargetHardwareAddr(MacAddress.ZERO);
    packet.setTargetProtocolAddr(Ipv4Address.of("192.0.2.1"));

    assertThat(bytes).isEqualTo(PACKET);
  }

  @Test
  void parse_givesTheRepr() {
    assertThat(ArpRepr.parse(new ArpPacket(PACKET))).contains(REPR);
  }

  @Test
  void emit_reproducesTheFixture() {
    byte[] bytes = new byte[REPR.bufferLen()];
    REPR.emit(new ArpPacket(bytes));

    assertThat(bytes).isEqualTo(PACKET);
  }

  @Test
  void givenEthernetPadding_whenParsing_thenTrailingBytesAreIgnored() {
    byte[] padded = TestBytes.concat(PACKET, new byte[18]); // 14 + 46 = 60-byte minimum frame

    assertThat(ArpRepr.parse(new ArpPacket(padded))).contains(REPR);
  }

  @Test
  void givenReply_whenParsing_thenOperationIsReply() {
    byte[] bytes = PACKET.clone();
    bytes[7] = 2;

    assertThat(ArpRepr.parse(new ArpPacket(bytes)).orElseThrow().operation())
        .isEqualTo(ArpRepr.Operation.REPLY);
  }

  @Test
  void givenOtherHardwareProtocolOrOperation_whenParsing_thenEmpty() {
    assertThat(ArpRepr.parse(new ArpPacket(withByte(1, 6)))).isEmpty(); // htype 6 (IEEE 802)
    assertThat(ArpRepr.parse(new ArpPacket(withByte(2, 0x86)))).isEmpty(); // ptype 0x8600
    assertThat(ArpRepr.parse(new ArpPacket(withByte(4, 8)))).isEmpty(); // hlen 8
    assertThat(ArpRepr.parse(new ArpPacket(withByte(5, 16)))).isEmpty(); // plen 16
    assertThat(ArpRepr.parse(new ArpPacket(withByte(7, 3)))).isEmpty(); // RARP request
  }

  @Test
  void givenTruncatedPacket_whenParsing_thenEmpty() {
    for (int len = 0; len < 28; len++) {
      assertThat(ArpRepr.parse(new ArpPacket(PACKET, 0, len))).as("length %d", len).isEmpty();
    }
  }

  private static byte[] withByte(int index, int value) {
    byte[] bytes = PACKET.clone();
    bytes[index] = (byte) value;
    return bytes;
  }
}
