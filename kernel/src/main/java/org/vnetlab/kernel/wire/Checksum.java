package org.vnetlab.kernel.wire;

/**
 * The Internet checksum (RFC 1071) and the pseudo-header sums that IPv4 upper layers (RFC 768,
 * RFC 793) and every IPv6 upper layer (RFC 8200 §8.1) fold into it.
 *
 * <p>Sums are kept as folded, <em>not yet complemented</em> 16-bit values so they can be combined:
 * an emitter writes {@code complement(combine(pseudo, data(...)))} into a zeroed checksum field, a
 * receiver accepts when {@code combine(pseudo, data(...)) == 0xffff} over the whole message,
 * checksum field included (RFC 1071 §1 (4)).
 */
public final class Checksum {

  /** The folded sum of a correct message, checksum field included. */
  public static final int VALID = 0xffff;

  private Checksum() {}

  /** One's-complement sum of {@code length} bytes as big-endian 16-bit words, folded to 16 bits. */
  public static int data(byte[] buffer, int offset, int length) {
    // A long cannot overflow here: 2^31 bytes of 0xffff words would still fit.
    long acc = 0;
    int i = offset;
    int end = offset + length;
    for (; i + 1 < end; i += 2) {
      acc += (buffer[i] & 0xff) << 8 | (buffer[i + 1] & 0xff);
    }
    if (i < end) {
      // An odd trailing byte is padded with a zero byte on the right (RFC 1071 §4.1).
      acc += (buffer[i] & 0xff) << 8;
    }
    return fold(acc);
  }

  /** One's-complement addition of two folded sums. */
  public static int combine(int a, int b) {
    return fold((long) a + b);
  }

  /** The value to store in a checksum field: the complement of the folded sum. */
  public static int complement(int sum) {
    return ~sum & 0xffff;
  }

  /** RFC 1071 checksum of a byte range whose checksum field is zero or already filled. */
  public static int internet(byte[] buffer, int offset, int length) {
    return complement(data(buffer, offset, length));
  }

  /** IPv4 pseudo-header sum: source, destination, zero, protocol, upper-layer length (RFC 768). */
  public static int pseudoHeaderV4(Ipv4Address src, Ipv4Address dst, int protocol, int length) {
    long acc = 0;
    acc += src.bits() >>> 16;
    acc += src.bits() & 0xffff;
    acc += dst.bits() >>> 16;
    acc += dst.bits() & 0xffff;
    acc += protocol & 0xff;
    acc += length & 0xffff;
    return fold(acc);
  }

  /**
   * IPv6 pseudo-header sum: source, destination, 32-bit upper-layer packet length, 24 zero bits,
   * next header (RFC 8200 §8.1). ICMPv6 uses it too, unlike ICMPv4 (RFC 4443 §2.3).
   */
  public static int pseudoHeaderV6(Ipv6Address src, Ipv6Address dst, int nextHeader, int length) {
    long acc = sum64(src.hi()) + sum64(src.lo()) + sum64(dst.hi()) + sum64(dst.lo());
    acc += (length >>> 16) & 0xffff;
    acc += length & 0xffff;
    acc += nextHeader & 0xff;
    return fold(acc);
  }

  private static long sum64(long v) {
    return (v >>> 48) + ((v >>> 32) & 0xffff) + ((v >>> 16) & 0xffff) + (v & 0xffff);
  }

  private static int fold(long acc) {
    while ((acc >>> 16) != 0) {
      acc = (acc & 0xffff) + (acc >>> 16);
    }
    return (int) acc;
  }
}
