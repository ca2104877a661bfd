package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnetlab.kernel.wire.TestBytes.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcapWriterTest {

  // Classic pcap file header, little-endian: magic a1b2c3d4 (microseconds), version 2.4,
  // thiszone 0, sigfigs 0, snaplen 262144, linktype 1 (Ethernet).
  static final byte[] FILE_HEADER =
      hex("d4 c3 b2 a1  02 00 04 00  00 00 00 00  00 00 00 00  00 00 04 00  01 00 00 00");

  @Test
  void newCapture_isJustTheFileHeader() {
    PcapWriter pcap = new PcapWriter();

    assertThat(pcap.toByteArray()).isEqualTo(FILE_HEADER);
    assertThat(pcap.size()).isEqualTo(24);
    assertThat(pcap.frameCount()).isZero();
  }

  @Test
  void record_writesSecondsMicrosecondsLengthsAndBytes() {
    byte[] frame = EthernetFrameTest.FRAME;
    PcapWriter pcap = new PcapWriter();

    pcap.record(1_500_000_123L, frame);

    byte[] expected =
        TestBytes.concat(
            FILE_HEADER,
            hex("dc 05 00 00  7b 00 00 00  12 00 00 00  12 00 00 00"), // 1500 s, 123 us, 18, 18
            frame);
    assertThat(pcap.toByteArray()).isEqualTo(expected);
    assertThat(pcap.frameCount()).isEqualTo(1);
  }

  @Test
  void record_sliceOfASharedBuffer() {
    byte[] shared = TestBytes.at(7, EthernetFrameTest.FRAME);
    PcapWriter pcap = new PcapWriter();

    pcap.record(0, shared, 7, EthernetFrameTest.FRAME.length);

    byte[] bytes = pcap.toByteArray();
    assertThat(Arrays.copyOfRange(bytes, 40, bytes.length)).isEqualTo(EthernetFrameTest.FRAME);
  }

  @Test
  void givenFrameLongerThanSnaplen_whenRecorded_thenCutButOriginalLengthKept() {
    PcapWriter pcap = new PcapWriter();

    pcap.record(0, new byte[PcapWriter.SNAPLEN + 10]);

    byte[] bytes = pcap.toByteArray();
    assertThat(Arrays.copyOfRange(bytes, 32, 40)).isEqualTo(hex("00 00 04 00  0a 00 04 00"));
    assertThat(bytes).hasSize(24 + 16 + PcapWriter.SNAPLEN);
  }

  @Test
  void manyFrames_growTheBufferAndKeepOrder() {
    PcapWriter pcap = new PcapWriter();
    for (int i = 0; i < 1000; i++) {
      pcap.record(i, EthernetFrameTest.FRAME);
    }

    byte[] bytes = pcap.toByteArray();
    assertThat(bytes).hasSize(24 + 1000 * (16 + 18));
    int last = 24 + 999 * 34;
    assertThat(Arrays.copyOfRange(bytes, last, last + 8)).isEqualTo(hex("00 00 00 00  e7 03 00 00"));
  }
}
