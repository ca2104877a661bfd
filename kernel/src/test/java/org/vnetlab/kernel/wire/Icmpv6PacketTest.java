package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnetlab.kernel.wire.TestBytes.hex;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class Icmpv6PacketTest {

  static final Ipv6Address A = Ipv6Address.of("fe80::1");
  static final Ipv6Address B = Ipv6Address.of("fe80::2");
  static final MacAddress MAC_A = MacAddress.of("02:00:00:00:00:0a");
  static final MacAddress MAC_B = MacAddress.of("02:00:00:00:00:0b");

  // RFC 4443 §4.1 echo request fe80::1 -> fe80::2: ident 0x1234, seq 1, "abcd".
  // Checksums in this file include the RFC 8200 §8.1 pseudo-header and were computed independently.
  static final byte[] ECHO_REQUEST = hex("80 00 ab b8  12 34 00 01  61 62 63 64");

  static final Icmpv6Repr ECHO_REPR = new Icmpv6Repr.EchoRequest(0x1234, 1, hex("61 62 63 64"));

  // RFC 4861 §4.3 NS fe80::1 -> ff02::1:ff00:2 for target fe80::2, source link-layer option.
  static final Ipv6Address SOLICITED_NODE_B = Ipv6Address.of("ff02::1:ff00:2");
  static final byte[] NEIGHBOR_SOLICIT =
      hex(
          """
          87 00 7a 8e  00 00 00 00
          fe 80 00 00 00 00 00 00  00 00 00 00 00 00 00 02
          01 01  02 00 00 00 00 0a
          """);

  static final Icmpv6Repr NS_REPR = new Icmpv6Repr.NeighborSolicit(B, Optional.of(MAC_A));

  // RFC 4861 §4.4 NA fe80::2 -> fe80::1: solicited and override, target link-layer option.
  static final byte[] NEIGHBOR_ADVERT =
      hex(
          """
          88 00 18 11  60 00 00 00
          fe 80 00 00 00 00 00 00  00 00 00 00 00 00 00 02
          02 01  02 00 00 00 00 0b
          """);

  static final Icmpv6Repr NA_REPR =
      new Icmpv6Repr.NeighborAdvert(false, true, true, B, Optional.of(MAC_B));

  // RFC 4443 §3.1 port unreachable fe80::2 -> fe80::1 quoting a UDP packet fe80::1 -> fe80::2
  // whose payload was 16 bytes: its 40-byte header and the first 8 payload bytes.
  static final byte[] PORT_UNREACHABLE =
      hex(
          """
          01 04 ac 84  00 00 00 00
          60 00 00 00  00 10 11 40
          fe 80 00 00 00 00 00 00  00 00 00 00 00 00 00 01
          fe 80 00 00 00 00 00 00  00 00 00 00 00 00 00 02
          d4 31 00 35  00 10 12 34
          """);

  static final Icmpv6Repr PORT_UNREACHABLE_REPR =
      new Icmpv6Repr.DstUnreachable(
          Icmpv6Repr.UnreachCode.NOPORT,
          Ipv6Repr.of(A, B, IpProtocol.UDP, 16, 64),
          hex("d4 31 00 35 00 10 12 34"));

  @Test
  void deconstruct_readsEveryFieldOfTheFixture() {
    Icmpv6Packet packet = new Icmpv6Packet(ECHO_REQUEST);

    assertThat(packet.checkLen()).isTrue();
    assertThat(packet.msgType()).isEqualTo(Icmpv6Packet.TYPE_ECHO_REQUEST);
    assertThat(packet.msgCode()).isZero();
    assertThat(packet.checksum()).isEqualTo(0xabb8);
    assertThat(packet.verifyChecksum(A, B)).isTrue();
    assertThat(packet.echoIdent()).isEqualTo(0x1234);
    assertThat(packet.echoSeqNo()).isEqualTo(1);
    assertThat(packet.dataOffset()).isEqualTo(8);
    assertThat(packet.dataLen()).isEqualTo(4);
  }

  @Test
  void construct_settersProduceTheFixture() {
    byte[] bytes = new byte[12];
    Icmpv6Packet packet = new Icmpv6Packet(bytes);
    packet.setMsgType(Icmpv6Packet.TYPE_ECHO_REQUEST);
    packet.setMsgCode(0);
    packet.setEchoIdent(0x1234);
    packet.setEchoSeqNo(1);
    System.arraycopy(hex("61 62 63 64"), 0, bytes, packet.dataOffset(), 4);
    packet.fillChecksum(A, B);

    assertThat(bytes).isEqualTo(ECHO_REQUEST);
  }

  @Test
  void parse_givesTheRepr() {
    assertThat(Icmpv6Repr.parse(A, B, new Icmpv6Packet(ECHO_REQUEST))).contains(ECHO_REPR);
  }

  @Test
  void emit_reproducesTheFixture() {
    byte[] bytes = new byte[ECHO_REPR.bufferLen()];
    ECHO_REPR.emit(A, B, new Icmpv6Packet(bytes));

    assertThat(bytes).isEqualTo(ECHO_REQUEST);
  }

  @Test
  void givenOtherPseudoHeaderAddresses_whenParsing_thenChecksumFails() {
    // Unlike ICMPv4, the ICMPv6 checksum covers the IP addresses (RFC 4443 §2.3). Swapping source
    // and destination cannot be detected: one's-complement addition is commutative.
    assertThat(Icmpv6Repr.parse(A, Ipv6Address.of("fe80::3"), new Icmpv6Packet(ECHO_REQUEST))).isEmpty();
    assertThat(Icmpv6Repr.parse(Ipv6Address.of("fe80::3"), B, new Icmpv6Packet(ECHO_REQUEST))).isEmpty();
    assertThat(Icmpv6Repr.parse(B, A, new Icmpv6Packet(ECHO_REQUEST))).isPresent();
  }

  @Test
  void echoReply_roundTrips() {
    Icmpv6Repr reply = new Icmpv6Repr.EchoReply(0x1234, 1, hex("61 62 63 64"));
    byte[] bytes = new byte[reply.bufferLen()];
    reply.emit(B, A, new Icmpv6Packet(bytes));

    assertThat(bytes[0]).isEqualTo((byte) 129);
    assertThat(Icmpv6Repr.parse(B, A, new Icmpv6Packet(bytes))).contains(reply);
  }

  @Test
  void neighborSolicit_deconstruct() {
    Icmpv6Packet packet = new Icmpv6Packet(NEIGHBOR_SOLICIT);
    NdiscOption option =
        new NdiscOption(NEIGHBOR_SOLICIT, packet.ndiscOptionsOffset(), packet.ndiscOptionsLen());

    assertThat(packet.msgType()).isEqualTo(Icmpv6Packet.TYPE_NEIGHBOR_SOLICIT);
    assertThat(packet.targetAddr()).isEqualTo(B);
    assertThat(packet.verifyChecksum(A, SOLICITED_NODE_B)).isTrue();
    assertThat(option.checkLen()).isTrue();
    assertThat(option.optionType()).isEqualTo(NdiscOption.TYPE_SOURCE_LINK_LAYER_ADDR);
    assertThat(option.optionLen()).isEqualTo(8);
    assertThat(option.linkLayerAddr()).isEqualTo(MAC_A);
  }

  @Test
  void neighborSolicit_construct() {
    byte[] bytes = new byte[32];
    Icmpv6Packet packet = new Icmpv6Packet(bytes);
    packet.setMsgType(Icmpv6Packet.TYPE_NEIGHBOR_SOLICIT);
    packet.setMsgCode(0);
    packet.clearReserved();
    packet.setTargetAddr(B);
    NdiscOption option = new NdiscOption(bytes, packet.ndiscOptionsOffset(), 8);
    option.setOptionType(NdiscOption.TYPE_SOURCE_LINK_LAYER_ADDR);
    option.setOptionLen(8);
    option.setLinkLayerAddr(MAC_A);
    packet.fillChecksum(A, SOLICITED_NODE_B);

    assertThat(bytes).isEqualTo(NEIGHBOR_SOLICIT);
  }

  @Test
  void neighborSolicit_parse() {
    assertThat(Icmpv6Repr.parse(A, SOLICITED_NODE_B, new Icmpv6Packet(NEIGHBOR_SOLICIT)))
        .contains(NS_REPR);
  }

  @Test
  void neighborSolicit_emit() {
    byte[] bytes = new byte[NS_REPR.bufferLen()];
    NS_REPR.emit(A, SOLICITED_NODE_B, new Icmpv6Packet(bytes));

    assertThat(bytes).isEqualTo(NEIGHBOR_SOLICIT);
  }

  @Test
  void neighborAdvert_deconstruct() {
    Icmpv6Packet packet = new Icmpv6Packet(NEIGHBOR_ADVERT);

    assertThat(packet.msgType()).isEqualTo(Icmpv6Packet.TYPE_NEIGHBOR_ADVERT);
    assertThat(packet.routerFlag()).isFalse();
    assertThat(packet.solicitedFlag()).isTrue();
    assertThat(packet.overrideFlag()).isTrue();
    assertThat(packet.targetAddr()).isEqualTo(B);
    assertThat(packet.verifyChecksum(B, A)).isTrue();
  }

  @Test
  void neighborAdvert_construct() {
    byte[] bytes = new byte[32];
    Icmpv6Packet packet = new Icmpv6Packet(bytes);
    packet.setMsgType(Icmpv6Packet.TYPE_NEIGHBOR_ADVERT);
    packet.clearReserved();
    packet.setRouterFlag(false);
    packet.setSolicitedFlag(true);
    packet.setOverrideFlag(true);
    packet.setTargetAddr(B);
    NdiscOption option = new NdiscOption(bytes, packet.ndiscOptionsOffset(), 8);
    option.setOptionType(NdiscOption.TYPE_TARGET_LINK_LAYER_ADDR);
    option.setOptionLen(8);
    option.setLinkLayerAddr(MAC_B);
    packet.fillChecksum(B, A);

    assertThat(bytes).isEqualTo(NEIGHBOR_ADVERT);
  }

  @Test
  void neighborAdvert_parse() {
    assertThat(Icmpv6Repr.parse(B, A, new Icmpv6Packet(NEIGHBOR_ADVERT))).contains(NA_REPR);
  }

  @Test
  void neighborAdvert_emit() {
    byte[] bytes = new byte[NA_REPR.bufferLen()];
    NA_REPR.emit(B, A, new Icmpv6Packet(bytes));

    assertThat(bytes).isEqualTo(NEIGHBOR_ADVERT);
  }

  @Test
  void givenDadSolicitFromUnspecified_whenRoundTripped_thenNoLinkLayerOption() {
    Icmpv6Repr dad = new Icmpv6Repr.NeighborSolicit(B, Optional.empty());
    byte[] bytes = new byte[dad.bufferLen()];
    dad.emit(Ipv6Address.UNSPECIFIED, SOLICITED_NODE_B, new Icmpv6Packet(bytes));

    assertThat(bytes).hasSize(24);
    assertThat(Icmpv6Repr.parse(Ipv6Address.UNSPECIFIED, SOLICITED_NODE_B, new Icmpv6Packet(bytes)))
        .contains(dad);
  }

  @Test
  void givenRouterFlagAndUnknownOptions_whenParsingAdvert_thenUnknownOptionsAreSkipped() {
    // A nonce option (type 14, RFC 3971) before the target link-layer address option.
    byte[] bytes =
        hex(
            """
            88 00 00 00  e0 00 00 00
            fe 80 00 00 00 00 00 00  00 00 00 00 00 00 00 02
            0e 01  01 02 03 04 05 06
            02 01  02 00 00 00 00 0b
            """);
    new Icmpv6Packet(bytes).fillChecksum(B, A);

    assertThat(Icmpv6Repr.parse(B, A, new Icmpv6Packet(bytes)))
        .contains(new Icmpv6Repr.NeighborAdvert(true, true, true, B, Optional.of(MAC_B)));
  }

  @Test
  void givenZeroLengthOrOversizedOption_whenParsing_thenEmpty() {
    // RFC 4861 §4.6: an option with length 0 invalidates the packet.
    byte[] zeroLength = NEIGHBOR_SOLICIT.clone();
    zeroLength[25] = 0;
    new Icmpv6Packet(zeroLength).fillChecksum(A, SOLICITED_NODE_B);
    byte[] overruns = NEIGHBOR_SOLICIT.clone();
    overruns[25] = 2;
    new Icmpv6Packet(overruns).fillChecksum(A, SOLICITED_NODE_B);

    assertThat(Icmpv6Repr.parse(A, SOLICITED_NODE_B, new Icmpv6Packet(zeroLength))).isEmpty();
    assertThat(Icmpv6Repr.parse(A, SOLICITED_NODE_B, new Icmpv6Packet(overruns))).isEmpty();
  }

  @Test
  void givenNonZeroCodeOrShortBody_whenParsingNeighborMessage_thenEmpty() {
    byte[] code1 = NEIGHBOR_SOLICIT.clone();
    code1[1] = 1;
    new Icmpv6Packet(code1).fillChecksum(A, SOLICITED_NODE_B);
    byte[] shortBody = java.util.Arrays.copyOf(NEIGHBOR_SOLICIT, 20);
    new Icmpv6Packet(shortBody).fillChecksum(A, SOLICITED_NODE_B);

    assertThat(Icmpv6Repr.parse(A, SOLICITED_NODE_B, new Icmpv6Packet(code1))).isEmpty();
    assertThat(Icmpv6Repr.parse(A, SOLICITED_NODE_B, new Icmpv6Packet(shortBody))).isEmpty();
  }

  @Test
  void destinationUnreachable_parsesTheQuotedHeaderAndData() {
    assertThat(Icmpv6Repr.parse(B, A, new Icmpv6Packet(PORT_UNREACHABLE))).contains(PORT_UNREACHABLE_REPR);
  }

  @Test
  void destinationUnreachable_emitReproducesTheFixture() {
    byte[] bytes = new byte[PORT_UNREACHABLE_REPR.bufferLen()];
    PORT_UNREACHABLE_REPR.emit(B, A, new Icmpv6Packet(bytes));

    assertThat(bytes).isEqualTo(PORT_UNREACHABLE);
  }

  @Test
  void timeExceeded_roundTrips() {
    Icmpv6Repr repr =
        new Icmpv6Repr.TimeExceeded(
            Icmpv6Repr.TimeExceededCode.TRANSIT,
            Ipv6Repr.of(Ipv6Address.of("2001:db8::1"), Ipv6Address.of("2001:db8:1::1"), IpProtocol.UDP, 40, 1),
            hex("82 9a 82 9b 00 28 00 00"));
    Ipv6Address router = Ipv6Address.of("2001:db8::fe");
    byte[] bytes = new byte[repr.bufferLen()];
    repr.emit(router, Ipv6Address.of("2001:db8::1"), new Icmpv6Packet(bytes));

    assertThat(bytes[0]).isEqualTo((byte) 3);
    assertThat(Icmpv6Repr.parse(router, Ipv6Address.of("2001:db8::1"), new Icmpv6Packet(bytes)))
        .contains(repr);
  }

  @Test
  void givenRouterAdvertRedirectOrPacketTooBig_whenParsing_thenOther() {
    for (int type : new int[] {133, 134, 137, 2, 4, 143}) {
      Icmpv6Repr other = new Icmpv6Repr.Other(type, 0);
      byte[] bytes = new byte[16];
      bytes[0] = (byte) type;
      new Icmpv6Packet(bytes).fillChecksum(A, B);

      assertThat(Icmpv6Repr.parse(A, B, new Icmpv6Packet(bytes))).as("type %d", type).contains(other);
    }
  }

  @Test
  void givenUnknownUnreachableCode_whenParsing_thenOther() {
    Icmpv6Repr other = new Icmpv6Repr.Other(1, 9);
    byte[] bytes = new byte[other.bufferLen()];
    other.emit(A, B, new Icmpv6Packet(bytes));

    assertThat(Icmpv6Repr.parse(A, B, new Icmpv6Packet(bytes))).contains(other);
  }
}
