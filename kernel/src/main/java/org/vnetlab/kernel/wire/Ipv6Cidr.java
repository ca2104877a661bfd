package org.vnetlab.kernel.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * An IPv6 address with a prefix length, as configured on an interface ({@code inet6
 * 2001:db8::1/64}): the address keeps its interface identifier; {@link #network()} clears it.
 */
public record Ipv6Cidr(Ipv6Address address, int prefixLen) {

  public Ipv6Cidr {
    Objects.requireNonNull(address, "address");
    if (prefixLen < 0 || prefixLen > 128) {
      throw new IllegalArgumentException("IPv6 prefix length out of range: " + prefixLen);
    }
  }

  /** {@code address/n} with any {@link Ipv6Address#parse} form and n in 0..128. */
  public static Optional<Ipv6Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    int len = parsePrefixLen(text, slash + 1, 128);
    if (len < 0) {
      return Optional.empty();
    }
    return Ipv6Address.parse(text.substring(0, slash)).map(a -> new Ipv6Cidr(a, len));
  }

  /** Like {@link #parse} for literals the caller knows are valid; throws otherwise. */
  public static Ipv6Cidr of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv6 CIDR: " + text));
  }

  /**
   * A decimal prefix length from {@code text[from..]}: digits only, no leading zero, at most {@code
   * max}; -1 otherwise. Shared with {@link Ipv4Cidr}.
   */
  static int parsePrefixLen(String text, int from, int max) {
    int len = text.length();
    if (from >= len || len - from > 3 || (text.charAt(from) == '0' && len - from > 1)) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < len; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= max ? value : -1;
  }

  public Ipv6Address netmask() {
    return Ipv6Address.mask(prefixLen);
  }

  /** The same prefix with the interface identifier cleared, i.e. the route this address implies. */
  public Ipv6Cidr network() {
    return new Ipv6Cidr(address.and(netmask()), prefixLen);
  }

  /** True if {@code other} has this prefix's network bits. */
  public boolean contains(Ipv6Address other) {
    Ipv6Address mask = netmask();
    return other.and(mask).equals(address.and(mask));
  }

  /** True if every address of {@code other} is inside this prefix. */
  public boolean contains(Ipv6Cidr other) {
    return other.prefixLen >= prefixLen && contains(other.address);
  }

  @Override
  public String toString() {
    return address + "/" + prefixLen;
  }
}
