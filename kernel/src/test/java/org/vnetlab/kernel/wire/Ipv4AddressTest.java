package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4AddressTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "192.0.2.1", "10.0.0.254", "127.0.0.1"})
  void parse_dottedQuad_printsTheSame(String text) {
    assertThat(Ipv4Address.parse(text).map(Ipv4Address::toString)).contains(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.2.3",
        "256.1.1.1",
        "1.2.3.256",
        "1.2.3.4.5",
        "01.2.3.4",
        "1.2.3.04",
        "1..2.3",
        ".1.2.3",
        "1.2.3.",
        " 1.2.3.4",
        "1.2.3.4 ",
        "a.b.c.d",
        "0x7f.0.0.1",
        "1.2.3.-4",
        "1.2.3.4/24",
        "1000.1.1.1",
        "10.1",
        ""
      })
  void parse_rejectsAnythingButAStrictDottedQuad(String text) {
    // lib/libc/inet/inet_pton.c inet_pton4: four octets, 0..255, no leading zeros, nothing else.
    assertThat(Ipv4Address.parse(text)).isEmpty();
  }

  @Test
  void parse_null_isEmpty_and_of_throwsForLiterals() {
    assertThat(Ipv4Address.parse(null)).isEmpty();
    assertThatThrownBy(() -> Ipv4Address.of("1.2.3")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bits_areTheAddressInNetworkOrder() {
    Ipv4Address a = Ipv4Address.of("192.0.2.1");

    assertThat(a.bits()).isEqualTo(0xc000_0201);
    assertThat(a).isEqualTo(Ipv4Address.of(192, 0, 2, 1));
    assertThat(a.octet(0)).isEqualTo(192);
    byte[] buffer = new byte[6];
    a.write(buffer, 1);
    assertThat(buffer).containsExactly(0, 0xc0, 0, 2, 1, 0);
    assertThat(Ipv4Address.read(buffer, 1)).isEqualTo(a);
  }

  @Test
  void prefixMask_coversZeroToThirtyTwo() {
    assertThat(Ipv4Address.prefixMask(0)).isZero();
    assertThat(Ipv4Address.prefixMask(8)).isEqualTo(0xff00_0000);
    assertThat(Ipv4Address.prefixMask(24)).isEqualTo(0xffff_ff00);
    assertThat(Ipv4Address.prefixMask(32)).isEqualTo(0xffff_ffff);
    assertThat(Ipv4Address.netmask(24).toString()).isEqualTo("255.255.255.0");
    assertThatThrownBy(() -> Ipv4Address.prefixMask(33)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void netmaskPrefixLen_onlyForContiguousMasks() {
    assertThat(Ipv4Address.of("255.255.255.0").netmaskPrefixLen()).hasValue(24);
    assertThat(Ipv4Address.of("0.0.0.0").netmaskPrefixLen()).hasValue(0);
    assertThat(Ipv4Address.of("255.255.255.255").netmaskPrefixLen()).hasValue(32);
    assertThat(Ipv4Address.of("255.0.255.0").netmaskPrefixLen()).isEmpty();
  }

  @Test
  void classification() {
    assertThat(Ipv4Address.UNSPECIFIED.isUnspecified()).isTrue();
    assertThat(Ipv4Address.BROADCAST.isBroadcast()).isTrue();
    assertThat(Ipv4Address.of("224.0.0.251").isMulticast()).isTrue();
    assertThat(Ipv4Address.of("239.255.255.255").isMulticast()).isTrue();
    assertThat(Ipv4Address.of("240.0.0.1").isMulticast()).isFalse();
    assertThat(Ipv4Address.of("127.1.2.3").isLoopback()).isTrue();
    assertThat(Ipv4Address.of("169.254.1.1").isLinkLocal()).isTrue();
    assertThat(Ipv4Address.of("192.0.2.1").isUnicast()).isTrue();
    assertThat(Ipv4Address.BROADCAST.isUnicast()).isFalse();
  }

  @Test
  void multicastMac_isO1005eWithTheLow23Bits() {
    // RFC 1112 §6.4: the high bit of the second octet is dropped.
    assertThat(Ipv4Address.of("224.0.0.251").multicastMac()).isEqualTo(MacAddress.of("01:00:5e:00:00:fb"));
    assertThat(Ipv4Address.of("239.129.2.3").multicastMac()).isEqualTo(MacAddress.of("01:00:5e:01:02:03"));
  }
}
