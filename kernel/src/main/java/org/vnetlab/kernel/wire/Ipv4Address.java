package org.vnetlab.kernel.wire;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An IPv4 address held in an {@code int} (first octet in the high byte), so it is a plain value
 * that compares, hashes and masks without an array.
 *
 * <p>Text parsing is as strict as FreeBSD's {@code inet_pton(AF_INET)} (lib/libc/inet/inet_pton.c
 * inet_pton4): exactly four decimal octets, each 0..255, no leading zeros, nothing else. The
 * historical shorthands {@code inet_aton(3)} still takes ("10.1", "0x7f.1") are rejected.
 *
 * @param bits the address in network order, as an unsigned 32-bit value
 */
public record Ipv4Address(int bits) implements java.io.Serializable {

  public static final int LEN = 4;

  /** 0.0.0.0, INADDR_ANY. */
  public static final Ipv4Address UNSPECIFIED = new Ipv4Address(0);
  /** 255.255.255.255, INADDR_BROADCAST (the limited broadcast, RFC 919). */
  public static final Ipv4Address BROADCAST = new Ipv4Address(0xffff_ffff);
  /** 127.0.0.1, INADDR_LOOPBACK. */
  public static final Ipv4Address LOOPBACK = new Ipv4Address(0x7f00_0001);

  public static Ipv4Address of(int a, int b, int c, int d) {
    return new Ipv4Address((a & 0xff) << 24 | (b & 0xff) << 16 | (c & 0xff) << 8 | (d & 0xff));
  }

  /** Reads four octets at {@code offset}. */
  public static Ipv4Address read(byte[] buffer, int offset) {
    return new Ipv4Address(NetworkOrder.i32(buffer, offset));
  }

  /** Writes four octets at {@code offset}. */
  public void write(byte[] buffer, int offset) {
    NetworkOrder.put32(buffer, offset, bits);
  }

  /** Strict dotted quad, see the class comment; anything else is empty. */
  public static Optional<Ipv4Address> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    long v = parseDottedQuad(text, 0, text.length());
    return v < 0 ? Optional.empty() : Optional.of(new Ipv4Address((int) v));
  }

  /** Like {@link #parse} for literals the caller knows are valid; throws otherwise. */
  public static Ipv4Address of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + text));
  }

  /**
   * Parses {@code text[from, to)} as a strict dotted quad; returns the unsigned value, or -1. Shared
   * with {@link Ipv6Address} for embedded IPv4 ("::ffff:192.0.2.1"), as inet_pton6 reuses
   * inet_pton4.
   */
  static long parseDottedQuad(CharSequence text, int from, int to) {
    long acc = 0;
    int octets = 0;
    int value = -1; // -1: no digit seen in this octet yet
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (value == 0) {
          return -1; // leading zero
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return -1;
        }
      } else if (c == '.' && value >= 0 && octets < 3) {
        acc = acc << 8 | value;
        octets++;
        value = -1;
      } else {
        return -1;
      }
    }
    if (octets != 3 || value < 0) {
      return -1;
    }
    return acc << 8 | value;
  }

  /** The netmask {@code prefixLen} leading one bits wide, as an int (0 for /0). */
  public static int prefixMask(int prefixLen) {
    if (prefixLen < 0 || prefixLen > 32) {
      throw new IllegalArgumentException("IPv4 prefix length out of range: " + prefixLen);
    }
    return prefixLen == 0 ? 0 : -1 << (32 - prefixLen);
  }

  /** The netmask for {@code prefixLen} as an address (what {@code ifconfig} prints as netmask). */
  public static Ipv4Address netmask(int prefixLen) {
    return new Ipv4Address(prefixMask(prefixLen));
  }

  /** If this address is a contiguous netmask, its prefix length (255.255.255.0 gives 24). */
  public OptionalInt netmaskPrefixLen() {
    int ones = Integer.bitCount(bits);
    return prefixMask(ones) == bits ? OptionalInt.of(ones) : OptionalInt.empty();
  }

  /** Octet {@code i}, 0 being the first on the wire. */
  public int octet(int i) {
    if (i < 0 || i >= LEN) {
      throw new IndexOutOfBoundsException(i);
    }
    return (bits >>> (8 * (LEN - 1 - i))) & 0xff;
  }

  public boolean isUnspecified() {
    return bits == 0;
  }

  public boolean isBroadcast() {
    return bits == 0xffff_ffff;
  }

  /** 224.0.0.0/4 (RFC 5771), IN_MULTICAST in netinet/in.h. */
  public boolean isMulticast() {
    return (bits & 0xf000_0000) == 0xe000_0000;
  }

  /** 127.0.0.0/8, IN_LOOPBACK. */
  public boolean isLoopback() {
    return (bits >>> 24) == 127;
  }

  /** 169.254.0.0/16 (RFC 3927), IN_LINKLOCAL. */
  public boolean isLinkLocal() {
    return (bits >>> 16) == 0xa9fe;
  }

  /** Not unspecified, not limited broadcast, not multicast. */
  public boolean isUnicast() {
    return !isUnspecified() && !isBroadcast() && !isMulticast();
  }

  /** The Ethernet group address for a multicast address: 01:00:5e plus the low 23 bits (RFC 1112 §6.4). */
  public MacAddress multicastMac() {
    return new MacAddress(0x0100_5e00_0000L | (bits & 0x7f_ffff));
  }

  @Override
  public String toString() {
    return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
  }
}
