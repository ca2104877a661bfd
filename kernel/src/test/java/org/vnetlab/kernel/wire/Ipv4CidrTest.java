package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4CidrTest {

  @Test
  void interfaceAddress_keepsHostBits_networkClearsThem() {
    Ipv4Cidr cidr = Ipv4Cidr.of("192.0.2.10/24");

    assertThat(cidr.address()).isEqualTo(Ipv4Address.of("192.0.2.10"));
    assertThat(cidr.prefixLen()).isEqualTo(24);
    assertThat(cidr.toString()).isEqualTo("192.0.2.10/24");
    assertThat(cidr.network()).isEqualTo(Ipv4Cidr.of("192.0.2.0/24"));
    assertThat(cidr.netmask()).isEqualTo(Ipv4Address.of("255.255.255.0"));
    assertThat(cidr.broadcast()).isEqualTo(Ipv4Address.of("192.0.2.255"));
  }

  @Test
  void contains_addressesAndSubnets() {
    Ipv4Cidr cidr = Ipv4Cidr.of("10.1.0.1/16");

    assertThat(cidr.contains(Ipv4Address.of("10.1.255.255"))).isTrue();
    assertThat(cidr.contains(Ipv4Address.of("10.2.0.0"))).isFalse();
    assertThat(cidr.contains(Ipv4Cidr.of("10.1.2.0/24"))).isTrue();
    assertThat(cidr.contains(Ipv4Cidr.of("10.0.0.0/8"))).isFalse();
    assertThat(Ipv4Cidr.of("0.0.0.0/0").contains(Ipv4Address.BROADCAST)).isTrue();
    assertThat(Ipv4Cidr.of("192.0.2.1/32").contains(Ipv4Address.of("192.0.2.2"))).isFalse();
  }

  @Test
  void broadcast_ofASlash31_isTheLimitedBroadcast() {
    // sys/netinet/in.c: IN_RFC3021_MASK gets INADDR_BROADCAST (RFC 3021 point-to-point links).
    assertThat(Ipv4Cidr.of("192.0.2.0/31").broadcast()).isEqualTo(Ipv4Address.BROADCAST);
    assertThat(Ipv4Cidr.of("192.0.2.7/32").broadcast()).isEqualTo(Ipv4Address.of("192.0.2.7"));
    assertThat(Ipv4Cidr.of("192.0.2.5/30").broadcast()).isEqualTo(Ipv4Address.of("192.0.2.7"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"192.0.2.10", "192.0.2.10/", "192.0.2.10/33", "192.0.2.10/024", "192.0.2/24",
                 "192.0.2.10/2a", "192.0.2.10/-1", "/24"})
  void parse_rejectsMalformedText(String text) {
    assertThat(Ipv4Cidr.parse(text)).isEmpty();
  }
}
