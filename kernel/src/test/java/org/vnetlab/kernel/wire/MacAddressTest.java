package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

  @Test
  void parse_longForm_printsTheSame() {
    MacAddress mac = MacAddress.of("02:00:00:00:00:0a");

    assertThat(mac).isEqualTo(MacAddress.of(0x02, 0, 0, 0, 0, 0x0a));
    assertThat(mac.toString()).isEqualTo("02:00:00:00:00:0a");
  }

  @Test
  void parse_freebsdShortForm_printsTwoDigitLowercase() {
    assertThat(MacAddress.of("0:0:0:0:0:0")).isEqualTo(MacAddress.ZERO);
    assertThat(MacAddress.of("0:0:0:0:0:0").toString()).isEqualTo("00:00:00:00:00:00");
    assertThat(MacAddress.of("2:5A:3c:1C:dc:A").toString()).isEqualTo("02:5a:3c:1c:dc:0a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "02:00:00:00:00",
        "02:00:00:00:00:0a:0b",
        "002:00:00:00:00:0a",
        "02-00-00-00-00-0a",
        "02:00:00:00:00:",
        ":02:00:00:00:00:0a",
        "02::00:00:00:0a",
        "g2:00:00:00:00:0a",
        " 02:00:00:00:00:0a"
      })
  void parse_rejectsAnythingButSixColonSeparatedHexOctets(String text) {
    assertThat(MacAddress.parse(text)).isEmpty();
  }

  @Test
  void parse_null_isEmpty() {
    assertThat(MacAddress.parse(null)).isEmpty();
  }

  @Test
  void broadcast_isMulticastAndNotUnicast() {
    assertThat(MacAddress.BROADCAST.toString()).isEqualTo("ff:ff:ff:ff:ff:ff");
    assertThat(MacAddress.BROADCAST.isBroadcast()).isTrue();
    assertThat(MacAddress.BROADCAST.isMulticast()).isTrue();
    assertThat(MacAddress.BROADCAST.isUnicast()).isFalse();
  }

  @Test
  void groupBit_decidesMulticast_localBitDecidesLocal() {
    MacAddress mdns = MacAddress.of("01:00:5e:00:00:fb");
    MacAddress epair = MacAddress.of("02:5a:3c:1c:dc:0a");

    assertThat(mdns.isMulticast()).isTrue();
    assertThat(mdns.isBroadcast()).isFalse();
    assertThat(epair.isUnicast()).isTrue();
    assertThat(epair.isLocal()).isTrue();
    assertThat(MacAddress.of("00:1b:21:00:00:01").isLocal()).isFalse();
  }

  @Test
  void readAndWrite_atAnOffset() {
    byte[] buffer = new byte[10];
    MacAddress.of("02:00:00:00:00:0a").write(buffer, 3);

    assertThat(buffer).containsExactly(0, 0, 0, 2, 0, 0, 0, 0, 10, 0);
    assertThat(MacAddress.read(buffer, 3)).isEqualTo(MacAddress.of("02:00:00:00:00:0a"));
    assertThat(MacAddress.of("02:00:00:00:00:0a").octet(5)).isEqualTo(0x0a);
  }
}
