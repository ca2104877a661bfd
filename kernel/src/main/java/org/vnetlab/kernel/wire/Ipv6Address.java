package org.vnetlab.kernel.wire;

import java.util.Arrays;
import java.util.Optional;

/**
 * A 128-bit IPv6 address held in two {@code long}s (first octet in the high byte of {@link #hi}),
 * so it is a plain value that compares, hashes and masks without an array.
 *
 * <p>Text in both directions matches FreeBSD's libc (lib/libc/inet/inet_pton.c and inet_ntop.c),
 * which is what ifconfig(8), netstat(1) and ndp(8) print:
 *
 * <ul>
 *   <li>{@link #parse} takes every RFC 4291 §2.2 form: full, "::"-compressed, and with a trailing
 *       dotted quad ("::ffff:192.0.2.1", "64:ff9b::192.0.2.1"); hex groups of at most four
 *       digits; "::" for at least one group; no zone ("%em0"), which inet_pton(3) rejects too.
 *   <li>{@link #toString} is inet_ntop6: lowercase, no leading zeros, the first longest run of two
 *       or more zero groups as "::" (the RFC 5952 §4.2 rule), and a dotted quad for IPv4-mapped
 *       ({@code ::ffff:a.b.c.d}) and IPv4-compatible ({@code ::a.b.c.d}) addresses. The latter,
 *       older than RFC 5952, only applies when group 6 is non-zero: {@code ::1.2.3.4} prints so,
 *       {@code ::2} stays {@code ::2} (the "best.len == 7" clause in inet_ntop6 is unreachable).
 * </ul>
 *
 * @param hi the first eight octets
 * @param lo the last eight octets
 */
public record Ipv6Address(long hi, long lo) implements java.io.Serializable {

  public static final int LEN = 16;

  /** ::, the unspecified address (RFC 4291 §2.5.2). */
  public static final Ipv6Address UNSPECIFIED = new Ipv6Address(0, 0);
  /** ::1 (RFC 4291 §2.5.3). */
  public static final Ipv6Address LOOPBACK = new Ipv6Address(0, 1);
  /** ff02::1, all nodes on the link (RFC 4291 §2.7.1). */
  public static final Ipv6Address LINK_LOCAL_ALL_NODES = new Ipv6Address(0xff02_0000_0000_0000L, 1);
  /** ff02::2, all routers on the link (RFC 4291 §2.7.1). */
  public static final Ipv6Address LINK_LOCAL_ALL_ROUTERS = new Ipv6Address(0xff02_0000_0000_0000L, 2);

  private static final int GROUPS = 8;

  /** Eight 16-bit groups, most significant first. */
  public static Ipv6Address of(int... groups) {
    if (groups.length != GROUPS) {
      throw new IllegalArgumentException("an IPv6 address has 8 groups, got " + groups.length);
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 4; i++) {
      hi = hi << 16 | (groups[i] & 0xffff);
      lo = lo << 16 | (groups[i + 4] & 0xffff);
    }
    return new Ipv6Address(hi, lo);
  }

  /** Reads sixteen octets at {@code offset}. */
  public static Ipv6Address read(byte[] buffer, int offset) {
    return new Ipv6Address(NetworkOrder.i64(buffer, offset), NetworkOrder.i64(buffer, offset + 8));
  }

  /** Writes sixteen octets at {@code offset}. */
  public void write(byte[] buffer, int offset) {
    NetworkOrder.put64(buffer, offset, hi);
    NetworkOrder.put64(buffer, offset + 8, lo);
  }

  /** The IPv4-mapped address ::ffff:a.b.c.d (RFC 4291 §2.5.5.2). */
  public static Ipv6Address ipv4Mapped(Ipv4Address v4) {
    return new Ipv6Address(0, 0xffff_0000_0000L | (v4.bits() & 0xffff_ffffL));
  }

  /** Group {@code i} (0..7), as printed between colons. */
  public int group(int i) {
    if (i < 0 || i >= GROUPS) {
      throw new IndexOutOfBoundsException(i);
    }
    long half = i < 4 ? hi : lo;
    return (int) (half >>> (16 * (3 - (i & 3)))) & 0xffff;
  }

  /** Any textual form of RFC 4291 §2.2, as inet_pton(AF_INET6) accepts it; anything else is empty. */
  public static Optional<Ipv6Address> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    int[] words = new int[GROUPS];
    int n = 0; // groups written
    int gap = -1; // index in words where "::" stands
    int len = text.length();
    int i = 0;
    if (text.charAt(0) == ':') {
      // A leading colon must be the first half of "::"; start at the second one.
      if (len < 2 || text.charAt(1) != ':') {
        return Optional.empty();
      }
      i = 1;
    }
    int token = i; // start of the current group, where a dotted quad would begin
    int value = 0;
    int digits = 0;
    boolean dottedQuad = false;
    while (i < len) {
      char c = text.charAt(i++);
      int d = Character.digit(c, 16);
      if (d >= 0 && c < 0x80) {
        if (++digits > 4) {
          return Optional.empty();
        }
        value = value << 4 | d;
      } else if (c == ':') {
        token = i;
        if (digits == 0) {
          if (gap >= 0) {
            return Optional.empty(); // a second "::", or ":::"
          }
          gap = n;
          continue;
        }
        if (i == len || n == GROUPS) {
          return Optional.empty(); // trailing single colon, or a ninth group
        }
        words[n++] = value;
        value = 0;
        digits = 0;
      } else if (c == '.' && n + 2 <= GROUPS) {
        long v4 = Ipv4Address.parseDottedQuad(text, token, len);
        if (v4 < 0) {
          return Optional.empty();
        }
        words[n++] = (int) (v4 >>> 16);
        words[n++] = (int) (v4 & 0xffff);
        dottedQuad = true;
        break;
      } else {
        return Optional.empty();
      }
    }
    if (!dottedQuad && digits > 0) {
      if (n == GROUPS) {
        return Optional.empty();
      }
      words[n++] = value;
    }
    if (gap >= 0) {
      if (n == GROUPS) {
        return Optional.empty(); // "::" must stand for at least one group
      }
      int tail = n - gap;
      System.arraycopy(words, gap, words, GROUPS - tail, tail);
      Arrays.fill(words, gap, GROUPS - tail, 0);
    } else if (n != GROUPS) {
      return Optional.empty();
    }
    return Optional.of(of(words));
  }

  /** Like {@link #parse} for literals the caller knows are valid; throws otherwise. */
  public static Ipv6Address of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv6 address: " + text));
  }

  /** The mask with {@code prefixLen} leading one bits. */
  public static Ipv6Address mask(int prefixLen) {
    if (prefixLen < 0 || prefixLen > 128) {
      throw new IllegalArgumentException("IPv6 prefix length out of range: " + prefixLen);
    }
    long hi = prefixLen == 0 ? 0 : prefixLen >= 64 ? -1L : -1L << (64 - prefixLen);
    long lo = prefixLen <= 64 ? 0 : prefixLen == 128 ? -1L : -1L << (128 - prefixLen);
    return new Ipv6Address(hi, lo);
  }

  /** Bitwise and, for applying a {@link #mask}. */
  public Ipv6Address and(Ipv6Address other) {
    return new Ipv6Address(hi & other.hi, lo & other.lo);
  }

  public boolean isUnspecified() {
    return hi == 0 && lo == 0;
  }

  public boolean isLoopback() {
    return hi == 0 && lo == 1;
  }

  /** ff00::/8 (RFC 4291 §2.7). */
  public boolean isMulticast() {
    return (hi >>> 56) == 0xff;
  }

  /** fe80::/10 (RFC 4291 §2.5.6). */
  public boolean isLinkLocal() {
    return (hi & 0xffc0_0000_0000_0000L) == 0xfe80_0000_0000_0000L;
  }

  /** ::ffff:0:0/96 (RFC 4291 §2.5.5.2). */
  public boolean isIpv4Mapped() {
    return hi == 0 && (lo >>> 32) == 0xffff;
  }

  /** Not unspecified and not multicast. */
  public boolean isUnicast() {
    return !isUnspecified() && !isMulticast();
  }

  /** ff02::1:ffXX:XXXX with the low 24 bits of this address (RFC 4291 §2.7.1), where NS goes. */
  public Ipv6Address solicitedNodeMulticast() {
    return new Ipv6Address(0xff02_0000_0000_0000L, 0x0000_0001_ff00_0000L | (lo & 0xff_ffff));
  }

  /** The Ethernet group address for a multicast address: 33:33 plus the low 32 bits (RFC 2464 §7). */
  public MacAddress multicastMac() {
    return new MacAddress(0x3333_0000_0000L | (lo & 0xffff_ffffL));
  }

  /**
   * fe80::/64 with the modified EUI-64 interface identifier of a MAC (RFC 4291 Appendix A, RFC 2464
   * §4): ff:fe in the middle and the universal/local bit inverted. This is how FreeBSD forms an
   * Ethernet interface's link-local address (sys/netinet6/in6_ifattach.c in6_get_hw_ifid()).
   */
  public static Ipv6Address linkLocalEui64(MacAddress mac) {
    long upper = (mac.bits() >>> 24) ^ 0x02_0000L;
    long lo = upper << 40 | 0xfffeL << 24 | (mac.bits() & 0xff_ffffL);
    return new Ipv6Address(0xfe80_0000_0000_0000L, lo);
  }

  /** inet_ntop6 text, see the class comment. */
  @Override
  public String toString() {
    int[] words = new int[GROUPS];
    for (int i = 0; i < GROUPS; i++) {
      words[i] = group(i);
    }
    // The first longest run of zero groups, if it is at least two long.
    int bestBase = -1;
    int bestLen = 0;
    int curBase = -1;
    for (int i = 0; i <= GROUPS; i++) {
      if (i < GROUPS && words[i] == 0) {
        if (curBase < 0) {
          curBase = i;
        }
      } else if (curBase >= 0) {
        int curLen = i - curBase;
        if (curLen > bestLen) {
          bestBase = curBase;
          bestLen = curLen;
        }
        curBase = -1;
      }
    }
    if (bestLen < 2) {
      bestBase = -1;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < GROUPS; i++) {
      if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) {
          sb.append(':');
        }
        continue;
      }
      if (i != 0) {
        sb.append(':');
      }
      boolean embeddedIpv4 =
          i == 6
              && bestBase == 0
              && (bestLen == 6
                  || (bestLen == 7 && words[7] != 0x0001)
                  || (bestLen == 5 && words[5] == 0xffff));
      if (embeddedIpv4) {
        sb.append(new Ipv4Address((int) lo));
        return sb.toString();
      }
      sb.append(Integer.toHexString(words[i]));
    }
    if (bestBase >= 0 && bestBase + bestLen == GROUPS) {
      sb.append(':');
    }
    return sb.toString();
  }
}
