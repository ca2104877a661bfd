package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vnetlab.kernel.wire.TestBytes.hex;

import org.junit.jupiter.api.Test;

class ChecksumTest {

  @Test
  void rfc1071Example_sumsToDdf2AndChecksumIs220d() {
    // RFC 1071 §3 "Numerical Examples": 0001 f203 f4f5 f6f7 sums to ddf2.
    byte[] data = hex("00 01 f2 03 f4 f5 f6 f7");

    assertThat(Checksum.data(data, 0, data.length)).isEqualTo(0xddf2);
    assertThat(Checksum.internet(data, 0, data.length)).isEqualTo(0x220d);
  }

  @Test
  void oddLength_padsTheLastByteOnTheRight() {
    assertThat(Checksum.data(hex("01"), 0, 1)).isEqualTo(0x0100);
    assertThat(Checksum.data(hex("00 01 f2"), 0, 3)).isEqualTo(0xf201);
  }

  @Test
  void rangeAtOffset_ignoresBytesOutsideIt() {
    byte[] data = hex("ff ff 00 01 f2 03 f4 f5 f6 f7 ff");

    assertThat(Checksum.data(data, 2, 8)).isEqualTo(0xddf2);
  }

  @Test
  void messageWithItsChecksumFilledIn_sumsToAllOnes() {
    byte[] data = hex("00 01 f2 03 f4 f5 f6 f7 00 00");
    int ck = Checksum.internet(data, 0, data.length);
    data[8] = (byte) (ck >>> 8);
    data[9] = (byte) ck;

    assertThat(Checksum.data(data, 0, data.length)).isEqualTo(Checksum.VALID);
  }

  @Test
  void combine_wrapsTheCarryAround() {
    assertThat(Checksum.combine(0xffff, 0x0001)).isEqualTo(0x0001);
    assertThat(Checksum.combine(0x8000, 0x8000)).isEqualTo(0x0001);
    assertThat(Checksum.complement(0xddf2)).isEqualTo(0x220d);
  }

  @Test
  void pseudoHeaderV4_sumsAddressesProtocolAndLength() {
    // 192.0.2.10 -> 192.0.2.1, UDP, 20 bytes; expected value computed independently.
    int sum =
        Checksum.pseudoHeaderV4(
            Ipv4Address.of("192.0.2.10"), Ipv4Address.of("192.0.2.1"), IpProtocol.UDP, 20);

    assertThat(sum).isEqualTo(0x8431);
  }

  @Test
  void pseudoHeaderV6_sumsAddresses32BitLengthAndNextHeader() {
    // RFC 8200 §8.1 layout; a length above 0xffff exercises the upper half of the 32-bit field.
    int sum =
        Checksum.pseudoHeaderV6(
            Ipv6Address.of("2001:db8::1"), Ipv6Address.of("2001:db8::2"), IpProtocol.ICMPV6, 0x12345);

    assertThat(sum).isEqualTo(0x7ef5);
  }
}
