package org.vnetlab.kernel.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 address with a prefix length, as configured on an interface ({@code inet 192.0.2.10/24}):
 * the address keeps its host bits; {@link #network()} clears them.
 */
public record Ipv4Cidr(Ipv4Address address, int prefixLen) {

  public Ipv4Cidr {
    Objects.requireNonNull(address, "address");
    if (prefixLen < 0 || prefixLen > 32) {
      throw new IllegalArgumentException("IPv4 prefix length out of range: " + prefixLen);
    }
  }

  /** {@code a.b.c.d/n} with a strict dotted quad and n in 0..32 without leading zeros. */
  public static Optional<Ipv4Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    int len = Ipv6Cidr.parsePrefixLen(text, slash + 1, 32);
    if (len < 0) {
      return Optional.empty();
    }
    return Ipv4Address.parse(text.substring(0, slash)).map(a -> new Ipv4Cidr(a, len));
  }

  /** Like {@link #parse} for literals the caller knows are valid; throws otherwise. */
  public static Ipv4Cidr of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR: " + text));
  }

  public Ipv4Address netmask() {
    return Ipv4Address.netmask(prefixLen);
  }

  /** The same prefix with host bits cleared, i.e. the route this address implies. */
  public Ipv4Cidr network() {
    return new Ipv4Cidr(new Ipv4Address(address.bits() & Ipv4Address.prefixMask(prefixLen)), prefixLen);
  }

  /**
   * The subnet broadcast address, computed as FreeBSD's in_ifinit() does (sys/netinet/in.c): the
   * network with all host bits set, except on a /31 (IN_RFC3021_MASK) where there is no subnet
   * broadcast and the limited broadcast 255.255.255.255 is used.
   */
  public Ipv4Address broadcast() {
    if (prefixLen == 31) {
      return Ipv4Address.BROADCAST;
    }
    return new Ipv4Address(address.bits() | ~Ipv4Address.prefixMask(prefixLen));
  }

  /** True if {@code other} has this prefix's network bits. */
  public boolean contains(Ipv4Address other) {
    int mask = Ipv4Address.prefixMask(prefixLen);
    return (other.bits() & mask) == (address.bits() & mask);
  }

  /** True if every address of {@code other} is inside this prefix. */
  public boolean contains(Ipv4Cidr other) {
    return other.prefixLen >= prefixLen && contains(other.address);
  }

  @Override
  public String toString() {
    return address + "/" + prefixLen;
  }
}
