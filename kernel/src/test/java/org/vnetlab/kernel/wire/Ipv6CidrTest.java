package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6CidrTest {

  @Test
  void interfaceAddress_keepsTheInterfaceId_networkClearsIt() {
    Ipv6Cidr cidr = Ipv6Cidr.of("2001:db8::1/64");

    assertThat(cidr.address()).isEqualTo(Ipv6Address.of("2001:db8::1"));
    assertThat(cidr.toString()).isEqualTo("2001:db8::1/64");
    assertThat(cidr.network()).isEqualTo(Ipv6Cidr.of("2001:db8::/64"));
    assertThat(cidr.netmask()).isEqualTo(Ipv6Address.mask(64));
  }

  @Test
  void contains_addressesAndSubnets() {
    Ipv6Cidr cidr = Ipv6Cidr.of("2001:db8::1/64");

    assertThat(cidr.contains(Ipv6Address.of("2001:db8::ffff:1"))).isTrue();
    assertThat(cidr.contains(Ipv6Address.of("2001:db8:0:1::1"))).isFalse();
    assertThat(cidr.contains(Ipv6Cidr.of("2001:db8::/96"))).isTrue();
    assertThat(cidr.contains(Ipv6Cidr.of("2001:db8::/32"))).isFalse();
    assertThat(Ipv6Cidr.of("fe80::/10").contains(Ipv6Address.of("febf::1"))).isTrue();
    assertThat(Ipv6Cidr.of("::/0").contains(Ipv6Address.of("ff02::1"))).isTrue();
    assertThat(Ipv6Cidr.of("::1/128").contains(Ipv6Address.of("::2"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "2001:db8::1/", "2001:db8::1/129", "2001:db8::1/064",
                          "2001:db8:::1/64", "/64", "2001:db8::1/6 4"})
  void parse_rejectsMalformedText(String text) {
    assertThat(Ipv6Cidr.parse(text)).isEmpty();
  }
}
