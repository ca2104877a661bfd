package org.vnetlab.kernel.wire;

import java.util.Optional;

/**
 * A 48-bit IEEE 802 MAC address, held in the low 48 bits of a {@code long} so it is a plain value
 * with no array behind it.
 *
 * <p>Text form is FreeBSD's {@code ether_ntoa(3)}: lowercase, two hex digits, colons ({@code
 * 02:00:00:00:00:0a}). Parsing also takes the short form {@code ether_aton(3)} accepts and some
 * FreeBSD tools print ({@code 0:0:0:0:0:0}).
 *
 * @param bits the address, first octet in bits 47..40
 */
public record MacAddress(long bits) implements java.io.Serializable {

  public static final int LEN = 6;

  private static final long MASK = 0xffff_ffff_ffffL;

  /** ff:ff:ff:ff:ff:ff. */
  public static final MacAddress BROADCAST = new MacAddress(MASK);

  /** 00:00:00:00:00:00, the "unknown" target hardware address of an ARP request (RFC 826). */
  public static final MacAddress ZERO = new MacAddress(0);

  public MacAddress {
    if ((bits & ~MASK) != 0) {
      throw new IllegalArgumentException("MAC address wider than 48 bits: " + Long.toHexString(bits));
    }
  }

  public static MacAddress of(int o0, int o1, int o2, int o3, int o4, int o5) {
    return new MacAddress(
        (long) (o0 & 0xff) << 40
            | (long) (o1 & 0xff) << 32
            | (long) (o2 & 0xff) << 24
            | (long) (o3 & 0xff) << 16
            | (long) (o4 & 0xff) << 8
            | (long) (o5 & 0xff));
  }

  /** Reads six octets at {@code offset}. */
  public static MacAddress read(byte[] buffer, int offset) {
    return new MacAddress(NetworkOrder.u48(buffer, offset));
  }

  /** Writes six octets at {@code offset}. */
  public void write(byte[] buffer, int offset) {
    NetworkOrder.put48(buffer, offset, bits);
  }

  /** Octet {@code i}, 0 being the first on the wire. */
  public int octet(int i) {
    if (i < 0 || i >= LEN) {
      throw new IndexOutOfBoundsException(i);
    }
    return (int) (bits >>> (8 * (LEN - 1 - i))) & 0xff;
  }

  /** Six colon-separated groups of one or two hex digits; anything else is empty. */
  public static Optional<MacAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    long acc = 0;
    int groups = 0;
    int digits = 0;
    int octet = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ':';
      if (c == ':') {
        if (digits == 0 || ++groups > LEN) {
          return Optional.empty();
        }
        acc = acc << 8 | octet;
        digits = 0;
        octet = 0;
      } else {
        int d = c < 0x80 ? Character.digit(c, 16) : -1;
        if (d < 0 || ++digits > 2) {
          return Optional.empty();
        }
        octet = octet << 4 | d;
      }
    }
    return groups == LEN ? Optional.of(new MacAddress(acc)) : Optional.empty();
  }

  /** Like {@link #parse} for literals the caller knows are valid; throws otherwise. */
  public static MacAddress of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not a MAC address: " + text));
  }

  public boolean isBroadcast() {
    return bits == MASK;
  }

  /** Group bit, the least significant bit of the first octet (IEEE 802-2014 §8.2). */
  public boolean isMulticast() {
    return (bits & (1L << 40)) != 0;
  }

  /** Neither broadcast nor multicast (broadcast is a multicast address anyway). */
  public boolean isUnicast() {
    return !isMulticast();
  }

  /** Locally administered bit, which FreeBSD sets on generated epair/bridge addresses. */
  public boolean isLocal() {
    return (bits & (1L << 41)) != 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(17);
    for (int i = 0; i < LEN; i++) {
      if (i > 0) {
        sb.append(':');
      }
      int o = octet(i);
      sb.append(Character.forDigit(o >>> 4, 16)).append(Character.forDigit(o & 0xf, 16));
    }
    return sb.toString();
  }
}
