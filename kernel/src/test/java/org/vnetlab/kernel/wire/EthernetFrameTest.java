package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnetlab.kernel.wire.TestBytes.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EthernetFrameTest {

  // RFC 894: destination, source, EtherType (ARP), then four payload bytes.
  static final byte[] FRAME =
      hex(
          """
          ff ff ff ff ff ff
          02 00 00 00 00 0a
          08 06
          aa bb cc dd
          """);

  static final EthernetRepr REPR =
      new EthernetRepr(MacAddress.of("02:00:00:00:00:0a"), MacAddress.BROADCAST, EtherType.ARP);

  @Test
  void deconstruct_readsEveryFieldOfTheFixture() {
    EthernetFrame frame = new EthernetFrame(FRAME);

    assertThat(frame.checkLen()).isTrue();
    assertThat(frame.dstAddr()).isEqualTo(MacAddress.BROADCAST);
    assertThat(frame.srcAddr()).isEqualTo(MacAddress.of("02:00:00:00:00:0a"));
    assertThat(frame.ethertype()).isEqualTo(EtherType.ARP);
    assertThat(frame.payloadOffset()).isEqualTo(14);
    assertThat(frame.payloadLen()).isEqualTo(4);
  }

  @Test
  void construct_settersProduceTheFixture() {
    byte[] bytes = new byte[FRAME.length];
    EthernetFrame frame = new EthernetFrame(bytes);
    frame.setDstAddr(MacAddress.BROADCAST);
    frame.setSrcAddr(MacAddress.of("02:00:00:00:00:0a"));
    frame.setEthertype(EtherType.ARP);
    System.arraycopy(hex("aa bb cc dd"), 0, bytes, frame.payloadOffset(), 4);

    assertThat(bytes).isEqualTo(FRAME);
  }

  @Test
  void parse_givesTheRepr() {
    assertThat(EthernetRepr.parse(new EthernetFrame(FRAME))).contains(REPR);
  }

  @Test
  void emit_reproducesTheFixtureHeader() {
    byte[] bytes = Arrays.copyOf(FRAME, FRAME.length);
    Arrays.fill(bytes, 0, 14, (byte) 0);
    REPR.emit(new EthernetFrame(bytes));

    assertThat(REPR.bufferLen()).isEqualTo(14);
    assertThat(bytes).isEqualTo(FRAME);
  }

  @Test
  void givenFrameShorterThanHeader_whenParsing_thenEmpty() {
    assertThat(EthernetRepr.parse(new EthernetFrame(FRAME, 0, 13))).isEmpty();
    assertThat(EthernetRepr.parse(new EthernetFrame(new byte[0]))).isEmpty();
  }

  @Test
  void givenOneReusedView_whenWrappedAtAnOffset_thenItReadsThatSlice() {
    byte[] shared = TestBytes.at(100, FRAME);
    EthernetFrame view = new EthernetFrame(new byte[14]);

    view.wrap(shared, 100, FRAME.length);

    assertThat(EthernetRepr.parse(view)).contains(REPR);
    assertThat(view.payloadOffset()).isEqualTo(114);
  }
}
