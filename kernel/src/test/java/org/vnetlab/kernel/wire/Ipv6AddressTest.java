package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6AddressTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    "::, ::",
    "::1, ::1",
    "0:0:0:0:0:0:0:1, ::1",
    "fe80::1, fe80::1",
    "FE80:0000:0000:0000:0000:0000:0000:0001, fe80::1",
    // The first of two equally long zero runs is compressed (RFC 5952 §4.2.3).
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    // A single zero group is never compressed (RFC 5952 §4.2.2).
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
    "1::2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
    // The longest run wins even when it comes later.
    "1:0:0:1:0:0:0:1, 1:0:0:1::1",
    "2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1",
    "2001:db8::, 2001:db8::",
    "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
    "ff02::1:ff00:2, ff02::1:ff00:2",
    "1:0:0:0:0:0:0:0, 1::",
    // IPv4-mapped and IPv4-compatible addresses print a dotted quad (inet_ntop.c inet_ntop6).
    "::ffff:1.2.3.4, ::ffff:1.2.3.4",
    "::ffff:0102:0304, ::ffff:1.2.3.4",
    "::1.2.3.4, ::1.2.3.4",
    "::0.1.0.0, ::0.1.0.0",
    // inet_ntop6's "best.len == 7" clause is unreachable (group 6 lies inside the run), so a
    // zero group 6 keeps hex.
    "::2, ::2",
    "::0.0.0.2, ::2",
    "::0.0.0.1, ::1",
    "::1:0:0, ::1:0:0",
    // Only those two: NAT64 and ::ffff:0:a.b.c.d are printed in hex.
    "64:ff9b::1.2.3.4, 64:ff9b::102:304",
    "::ffff:0:1.2.3.4, ::ffff:0:102:304",
    "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
  })
  void toString_isFreeBsdInetNtop(String input, String canonical) {
    assertThat(Ipv6Address.of(input).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":",
        ":::",
        "1:::2",
        "1::2::3",
        ":1::",
        "::1:",
        "1:",
        ":1",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8",
        "12345::",
        "g::",
        "::1.2.3",
        "::256.1.1.1",
        "::01.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3.4:5",
        "::1.2.3.4.5",
        "fe80::1%em0",
        " ::1",
        "::1 ",
        "[::1]",
        "2001:db8::/32"
      })
  void parse_rejectsWhatInetPtonRejects(String text) {
    assertThat(Ipv6Address.parse(text)).isEmpty();
  }

  @Test
  void parse_null_isEmpty() {
    assertThat(Ipv6Address.parse(null)).isEmpty();
  }

  @Test
  void parse_fillsGroupsInOrder() {
    Ipv6Address a = Ipv6Address.of("2001:db8::1:0:0:1");

    assertThat(a).isEqualTo(Ipv6Address.of(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1));
    assertThat(a.hi()).isEqualTo(0x2001_0db8_0000_0000L);
    assertThat(a.lo()).isEqualTo(0x0001_0000_0000_0001L);
    assertThat(a.group(1)).isEqualTo(0xdb8);
    assertThat(Ipv6Address.of("::ffff:192.0.2.1")).isEqualTo(Ipv6Address.ipv4Mapped(Ipv4Address.of("192.0.2.1")));
  }

  @Test
  void randomAddresses_surviveTextRoundTrip() {
    Random random = new Random(5952);
    for (int i = 0; i < 5000; i++) {
      int[] groups = new int[8];
      for (int g = 0; g < 8; g++) {
        // Mostly zeros, to exercise run selection and the embedded IPv4 rules.
        groups[g] = random.nextInt(3) == 0 ? random.nextInt(0x10000) : random.nextInt(8) == 0 ? 0xffff : 0;
      }
      Ipv6Address a = Ipv6Address.of(groups);

      assertThat(Ipv6Address.parse(a.toString())).as(a.toString()).contains(a);
    }
  }

  @Test
  void readAndWrite_atAnOffset() {
    byte[] buffer = new byte[20];
    Ipv6Address a = Ipv6Address.of("fe80::2");
    a.write(buffer, 2);

    assertThat(buffer[2]).isEqualTo((byte) 0xfe);
    assertThat(buffer[3]).isEqualTo((byte) 0x80);
    assertThat(buffer[17]).isEqualTo((byte) 2);
    assertThat(Ipv6Address.read(buffer, 2)).isEqualTo(a);
  }

  @Test
  void classification() {
    assertThat(Ipv6Address.UNSPECIFIED.isUnspecified()).isTrue();
    assertThat(Ipv6Address.LOOPBACK.isLoopback()).isTrue();
    assertThat(Ipv6Address.of("fe80::1").isLinkLocal()).isTrue();
    assertThat(Ipv6Address.of("febf::1").isLinkLocal()).isTrue();
    assertThat(Ipv6Address.of("fec0::1").isLinkLocal()).isFalse();
    assertThat(Ipv6Address.LINK_LOCAL_ALL_NODES.isMulticast()).isTrue();
    assertThat(Ipv6Address.LINK_LOCAL_ALL_NODES.toString()).isEqualTo("ff02::1");
    assertThat(Ipv6Address.LINK_LOCAL_ALL_ROUTERS.toString()).isEqualTo("ff02::2");
    assertThat(Ipv6Address.of("2001:db8::1").isUnicast()).isTrue();
    assertThat(Ipv6Address.of("::ffff:1.2.3.4").isIpv4Mapped()).isTrue();
  }

  @Test
  void solicitedNodeMulticast_keepsTheLow24Bits() {
    // RFC 4291 §2.7.1: ff02::1:ff00:0/104.
    assertThat(Ipv6Address.of("fe80::2:3:4567:89ab").solicitedNodeMulticast())
        .isEqualTo(Ipv6Address.of("ff02::1:ff67:89ab"));
    assertThat(Ipv6Address.of("2001:db8::2").solicitedNodeMulticast().toString())
        .isEqualTo("ff02::1:ff00:2");
  }

  @Test
  void multicastMac_is3333WithTheLow32Bits() {
    // RFC 2464 §7.
    assertThat(Ipv6Address.of("ff02::1:ff67:89ab").multicastMac()).isEqualTo(MacAddress.of("33:33:ff:67:89:ab"));
    assertThat(Ipv6Address.LINK_LOCAL_ALL_NODES.multicastMac()).isEqualTo(MacAddress.of("33:33:00:00:00:01"));
  }

  @Test
  void linkLocalEui64_insertsFffeAndFlipsTheUniversalLocalBit() {
    // RFC 4291 Appendix A; what FreeBSD assigns to an epair with this MAC.
    assertThat(Ipv6Address.linkLocalEui64(MacAddress.of("02:5a:3c:1c:dc:0a")).toString())
        .isEqualTo("fe80::5a:3cff:fe1c:dc0a");
    assertThat(Ipv6Address.linkLocalEui64(MacAddress.of("00:1b:21:0a:0b:0c")).toString())
        .isEqualTo("fe80::21b:21ff:fe0a:b0c");
  }

  @Test
  void mask_andAnd() {
    assertThat(Ipv6Address.mask(0)).isEqualTo(Ipv6Address.UNSPECIFIED);
    assertThat(Ipv6Address.mask(64).toString()).isEqualTo("ffff:ffff:ffff:ffff::");
    assertThat(Ipv6Address.mask(72).toString()).isEqualTo("ffff:ffff:ffff:ffff:ff00::");
    assertThat(Ipv6Address.mask(10).toString()).isEqualTo("ffc0::");
    assertThat(Ipv6Address.mask(128).toString()).isEqualTo("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    assertThat(Ipv6Address.of("fe80::1:2").and(Ipv6Address.mask(64))).isEqualTo(Ipv6Address.of("fe80::"));
  }
}
