package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnetlab.kernel.wire.TestBytes.hex;

import org.junit.jupiter.api.Test;

class IcmpPacketTest {

  // RFC 792 echo request: ident 0x1234, seq 1, data "abcd"; checksum computed independently.
  static final byte[] ECHO_REQUEST = hex("08 00 21 04  12 34 00 01  61 62 63 64");

  static final IcmpRepr ECHO_REPR = new IcmpRepr.EchoRequest(0x1234, 1, hex("61 62 63 64"));

  // RFC 792 port unreachable quoting a UDP datagram 192.0.2.1:54321 -> 192.0.2.10:53 that was
  // 36 bytes long: its 20-byte header (checksum 4af0) and the first 8 payload bytes.
  static final byte[] PORT_UNREACHABLE =
      hex(
          """
          03 03 16 52  00 00 00 00
          45 00 00 24  ab cd 00 00  40 11 4a f0  c0 00 02 01  c0 00 02 0a
          d4 31 00 35  00 10 12 34
          """);

  static final IcmpRepr PORT_UNREACHABLE_REPR =
      new IcmpRepr.DstUnreachable(
          IcmpRepr.UnreachCode.PORT,
          0,
          new Ipv4Repr(
              Ipv4Address.of("192.0.2.1"),
              Ipv4Address.of("192.0.2.10"),
              IpProtocol.UDP,
              16,
              64,
              0xabcd,
              0,
              0,
              false),
          hex("d4 31 00 35 00 10 12 34"));

  @Test
  void deconstruct_readsEveryFieldOfTheFixture() {
    IcmpPacket packet = new IcmpPacket(ECHO_REQUEST);

    assertThat(packet.checkLen()).isTrue();
    assertThat(packet.msgType()).isEqualTo(IcmpPacket.TYPE_ECHO_REQUEST);
    assertThat(packet.msgCode()).isZero();
    assertThat(packet.checksum()).isEqualTo(0x2104);
    assertThat(packet.verifyChecksum()).isTrue();
    assertThat(packet.echoIdent()).isEqualTo(0x1234);
    assertThat(packet.echoSeqNo()).isEqualTo(1);
    assertThat(packet.dataOffset()).isEqualTo(8);
    assertThat(packet.dataLen()).isEqualTo(4);
  }

  @Test
  void construct_settersProduceTheFixture() {
    byte[] bytes = new byte[12];
    IcmpPacket packet = new IcmpPacket(bytes);
    packet.setMsgType(IcmpPacket.TYPE_ECHO_REQUEST);
    packet.setMsgCode(0);
    packet.setEchoIdent(0x1234);
    packet.setEchoSeqNo(1);
    System.arraycopy(hex("61 62 63 64"), 0, bytes, packet.dataOffset(), 4);
    packet.fillChecksum();

    assertThat(bytes).isEqualTo(ECHO_REQUEST);
  }

  @Test
  void parse_givesTheRepr() {
    assertThat(IcmpRepr.parse(new IcmpPacket(ECHO_REQUEST))).contains(ECHO_REPR);
  }

  @Test
  void emit_reproducesTheFixture() {
    byte[] bytes = new byte[ECHO_REPR.bufferLen()];
    ECHO_REPR.emit(new IcmpPacket(bytes));

    assertThat(bytes).isEqualTo(ECHO_REQUEST);
  }

  @Test
  void echoReply_roundTrips() {
    IcmpRepr reply = new IcmpRepr.EchoReply(0x1234, 1, hex("61 62 63 64"));
    byte[] bytes = new byte[reply.bufferLen()];
    reply.emit(new IcmpPacket(bytes));

    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(IcmpRepr.parse(new IcmpPacket(bytes))).contains(reply);
  }

  @Test
  void destinationUnreachable_parsesTheQuotedHeaderAndData() {
    assertThat(IcmpRepr.parse(new IcmpPacket(PORT_UNREACHABLE))).contains(PORT_UNREACHABLE_REPR);
  }

  @Test
  void destinationUnreachable_emitReproducesTheFixture() {
    byte[] bytes = new byte[PORT_UNREACHABLE_REPR.bufferLen()];
    PORT_UNREACHABLE_REPR.emit(new IcmpPacket(bytes));

    assertThat(bytes).isEqualTo(PORT_UNREACHABLE);
  }

  @Test
  void fragmentationNeeded_carriesTheNextHopMtu() {
    IcmpRepr.DstUnreachable needFrag =
        new IcmpRepr.DstUnreachable(
            IcmpRepr.UnreachCode.NEEDFRAG,
            1400,
            ((IcmpRepr.DstUnreachable) PORT_UNREACHABLE_REPR).header(),
            hex("d4 31 00 35 00 10 12 34"));
    byte[] bytes = new byte[needFrag.bufferLen()];
    needFrag.emit(new IcmpPacket(bytes));

    assertThat(new IcmpPacket(bytes).nextHopMtu()).isEqualTo(1400);
    assertThat(bytes[1]).isEqualTo((byte) 4);
    assertThat(IcmpRepr.parse(new IcmpPacket(bytes))).contains(needFrag);
  }

  @Test
  void timeExceeded_roundTrips() {
    IcmpRepr.TimeExceeded repr =
        new IcmpRepr.TimeExceeded(
            IcmpRepr.TimeExceededCode.INTRANS,
            Ipv4Repr.of(Ipv4Address.of("192.0.2.10"), Ipv4Address.of("198.51.100.1"), IpProtocol.UDP, 32, 1),
            hex("82 9a 82 9b 00 20 00 00"));
    byte[] bytes = new byte[repr.bufferLen()];
    repr.emit(new IcmpPacket(bytes));

    assertThat(bytes[0]).isEqualTo((byte) 11);
    assertThat(repr.bufferLen()).isEqualTo(36);
    assertThat(IcmpRepr.parse(new IcmpPacket(bytes))).contains(repr);
  }

  @Test
  void givenQuotedHeaderWithOptions_whenParsing_thenOptionsAreSkipped() {
    byte[] bytes =
        hex(
            """
            03 03 00 00  00 00 00 00
            46 00 00 28  ab cd 00 00  40 11 00 00  c0 00 02 01  c0 00 02 0a
            01 01 01 00
            d4 31 00 35  00 10 12 34
            """);
    new IcmpPacket(bytes).fillChecksum();

    IcmpRepr.DstUnreachable repr =
        (IcmpRepr.DstUnreachable) IcmpRepr.parse(new IcmpPacket(bytes)).orElseThrow();

    assertThat(repr.header().payloadLen()).isEqualTo(16);
    assertThat(repr.data()).isEqualTo(hex("d4 31 00 35 00 10 12 34"));
  }

  @Test
  void givenUninterpretedTypeOrCode_whenParsing_thenOther() {
    assertThat(IcmpRepr.parse(new IcmpPacket(message("05 01 00 00  c0 00 02 01"))))
        .contains(new IcmpRepr.Other(5, 1)); // redirect for host
    assertThat(IcmpRepr.parse(new IcmpPacket(message("08 01 00 00  12 34 00 01"))))
        .contains(new IcmpRepr.Other(8, 1)); // echo with a code RFC 792 does not define
    assertThat(IcmpRepr.parse(new IcmpPacket(message("03 10 00 00  00 00 00 00"))))
        .contains(new IcmpRepr.Other(3, 16));
  }

  @Test
  void givenBadChecksumOrShortMessage_whenParsing_thenEmpty() {
    byte[] bytes = ECHO_REQUEST.clone();
    bytes[11] ^= 1;

    assertThat(IcmpRepr.parse(new IcmpPacket(bytes))).isEmpty();
    assertThat(IcmpRepr.parse(new IcmpPacket(ECHO_REQUEST, 0, 7))).isEmpty();
  }

  @Test
  void givenErrorQuotingLessThanAnIpHeader_whenParsing_thenEmpty() {
    byte[] bytes = message("03 01 00 00  00 00 00 00  45 00 00 14  00 00 00 00");

    assertThat(IcmpRepr.parse(new IcmpPacket(bytes))).isEmpty();
  }

  @Test
  void echoReprs_compareDataByContent() {
    assertThat(new IcmpRepr.EchoRequest(1, 2, hex("00 01")))
        .isEqualTo(new IcmpRepr.EchoRequest(1, 2, hex("00 01")))
        .hasSameHashCodeAs(new IcmpRepr.EchoRequest(1, 2, hex("00 01")))
        .isNotEqualTo(new IcmpRepr.EchoReply(1, 2, hex("00 01")));
    assertThat(new IcmpRepr.EchoRequest(1, 2, hex("00 01")).toString()).contains("data=0001");
  }

  /** The given bytes with a correct checksum filled in. */
  private static byte[] message(String hex) {
    byte[] bytes = hex(hex);
    new IcmpPacket(bytes).fillChecksum();
    return bytes;
  }
}
