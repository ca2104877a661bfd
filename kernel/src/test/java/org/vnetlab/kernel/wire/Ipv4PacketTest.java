package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnetlab.kernel.wire.TestBytes.hex;

import org.junit.jupiter.api.Test;

class Ipv4PacketTest {

  // RFC 791 §3.1: IHL 5, DSCP 46 (EF) ECN 1, total 24, ident 0x1234, DF, TTL 64, ICMP,
  // checksum a3ec (computed independently), 192.0.2.10 -> 192.0.2.1, then 4 payload bytes.
  static final byte[] PACKET =
      hex(
          """
          45 b9 00 18  12 34 40 00  40 01 a3 ec
          c0 00 02 0a  c0 00 02 01
          aa bb cc dd
          """);

  static final Ipv4Repr REPR =
      new Ipv4Repr(
          Ipv4Address.of("192.0.2.10"),
          Ipv4Address.of("192.0.2.1"),
          IpProtocol.ICMP,
          4,
          64,
          0x1234,
          46,
          1,
          true);

  @Test
  void deconstruct_readsEveryFieldOfTheFixture() {
    Ipv4Packet packet = new Ipv4Packet(PACKET);

    assertThat(packet.checkLen()).isTrue();
    assertThat(packet.version()).isEqualTo(4);
    assertThat(packet.headerLen()).isEqualTo(20);
    assertThat(packet.dscp()).isEqualTo(46);
    assertThat(packet.ecn()).isEqualTo(1);
    assertThat(packet.totalLen()).isEqualTo(24);
    assertThat(packet.ident()).isEqualTo(0x1234);
    assertThat(packet.dontFrag()).isTrue();
    assertThat(packet.moreFrags()).isFalse();
    assertThat(packet.fragOffset()).isZero();
    assertThat(packet.ttl()).isEqualTo(64);
    assertThat(packet.protocol()).isEqualTo(IpProtocol.ICMP);
    assertThat(packet.checksum()).isEqualTo(0xa3ec);
    assertThat(packet.verifyChecksum()).isTrue();
    assertThat(packet.srcAddr()).isEqualTo(Ipv4Address.of("192.0.2.10"));
    assertThat(packet.dstAddr()).isEqualTo(Ipv4Address.of("192.0.2.1"));
    assertThat(packet.payloadOffset()).isEqualTo(20);
    assertThat(packet.payloadLen()).isEqualTo(4);
  }

  @Test
  void construct_settersProduceTheFixture() {
    byte[] bytes = new byte[24];
    Ipv4Packet packet = new Ipv4Packet(bytes);
    packet.setVersion(4);
    packet.setHeaderLen(20);
    packet.setDscp(46);
    packet.setEcn(1);
    packet.setTotalLen(24);
    packet.setIdent(0x1234);
    packet.clearFlags();
    packet.setDontFrag(true);
    packet.setMoreFrags(false);
    packet.setFragOffset(0);
    packet.setTtl(64);
    packet.setProtocol(IpProtocol.ICMP);
    packet.setSrcAddr(Ipv4Address.of("192.0.2.10"));
    packet.setDstAddr(Ipv4Address.of("192.0.2.1"));
    packet.fillChecksum();
    System.arraycopy(hex("aa bb cc dd"), 0, bytes, packet.payloadOffset(), 4);

    assertThat(bytes).isEqualTo(PACKET);
  }

  @Test
  void parse_givesTheRepr() {
    assertThat(Ipv4Repr.parse(new Ipv4Packet(PACKET))).contains(REPR);
  }

  @Test
  void emit_reproducesTheFixture() {
    byte[] bytes = new byte[REPR.bufferLen() + REPR.payloadLen()];
    Ipv4Packet packet = new Ipv4Packet(bytes);
    REPR.emit(packet);
    System.arraycopy(hex("aa bb cc dd"), 0, bytes, packet.payloadOffset(), 4);

    assertThat(bytes).isEqualTo(PACKET);
  }

  @Test
  void givenCorruptedHeader_whenParsing_thenChecksumFailureMakesItEmpty() {
    byte[] bytes = PACKET.clone();
    bytes[8] = 63; // TTL changed without fixing the checksum

    assertThat(new Ipv4Packet(bytes).verifyChecksum()).isFalse();
    assertThat(Ipv4Repr.parse(new Ipv4Packet(bytes))).isEmpty();
  }

  @Test
  void givenCorruptedPayload_whenParsing_thenHeaderChecksumDoesNotCoverIt() {
    byte[] bytes = PACKET.clone();
    bytes[23] = 0;

    assertThat(Ipv4Repr.parse(new Ipv4Packet(bytes))).contains(REPR);
  }

  @Test
  void givenHeaderOptions_whenParsing_thenTheyAreSkipped() {
    // IHL 6: four bytes of options (NOP NOP NOP EOL, RFC 791 §3.1), total 28.
    byte[] bytes =
        hex(
            """
            46 b9 00 1c  12 34 40 00  40 01 00 00
            c0 00 02 0a  c0 00 02 01
            01 01 01 00
            aa bb cc dd
            """);
    Ipv4Packet packet = new Ipv4Packet(bytes);
    packet.fillChecksum();

    assertThat(packet.headerLen()).isEqualTo(24);
    assertThat(packet.payloadOffset()).isEqualTo(24);
    assertThat(Ipv4Repr.parse(packet)).contains(REPR);
  }

  @Test
  void givenFragment_whenParsing_thenEmptyBecauseReassemblyIsNotModelled() {
    byte[] bytes = PACKET.clone();
    Ipv4Packet packet = new Ipv4Packet(bytes);
    packet.setMoreFrags(true);
    packet.fillChecksum();
    assertThat(Ipv4Repr.parse(packet)).isEmpty();

    packet.setMoreFrags(false);
    packet.setFragOffset(1480);
    packet.fillChecksum();
    assertThat(packet.fragOffset()).isEqualTo(1480);
    assertThat(Ipv4Repr.parse(packet)).isEmpty();
  }

  @Test
  void givenWrongVersion_whenParsing_thenEmpty() {
    Ipv4Packet packet = new Ipv4Packet(PACKET.clone());
    packet.setVersion(6);
    packet.fillChecksum();

    assertThat(Ipv4Repr.parse(packet)).isEmpty();
  }

  @Test
  void givenEthernetPadding_whenParsing_thenTotalLengthDecidesThePayload() {
    Ipv4Packet packet = new Ipv4Packet(TestBytes.concat(PACKET, new byte[22]));

    assertThat(packet.payloadLen()).isEqualTo(4);
    assertThat(Ipv4Repr.parse(packet)).contains(REPR);
  }

  @Test
  void givenTruncationOrBadLengths_whenParsing_thenEmpty() {
    for (int len = 0; len < PACKET.length; len++) {
      assertThat(Ipv4Repr.parse(new Ipv4Packet(PACKET, 0, len))).as("length %d", len).isEmpty();
    }
    Ipv4Packet ihlTooSmall = new Ipv4Packet(PACKET.clone());
    ihlTooSmall.setHeaderLen(16);
    assertThat(ihlTooSmall.checkLen()).isFalse();
    Ipv4Packet totalBelowHeader = new Ipv4Packet(PACKET.clone());
    totalBelowHeader.setTotalLen(19);
    assertThat(totalBelowHeader.checkLen()).isFalse();
  }
}
