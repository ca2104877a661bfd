package org.vnetlab.kernel.wire;

/**
 * IP protocol / IPv6 next-header numbers (IANA "Assigned Internet Protocol Numbers"; the
 * IPPROTO_* names of netinet/in.h). Plain {@code int}s so unknown values stay representable.
 */
public final class IpProtocol {

  /** IPv6 hop-by-hop options header (RFC 8200 §4.3). */
  public static final int HOPOPTS = 0;
  public static final int ICMP = 1;
  public static final int TCP = 6;
  public static final int UDP = 17;
  /** IPv6 routing header (RFC 8200 §4.4). */
  public static final int ROUTING = 43;
  /** IPv6 fragment header (RFC 8200 §4.5). */
  public static final int FRAGMENT = 44;
  public static final int ICMPV6 = 58;
  /** No next header (RFC 8200 §4.7). */
  public static final int NONE = 59;
  /** IPv6 destination options header (RFC 8200 §4.6). */
  public static final int DSTOPTS = 60;

  private IpProtocol() {}

  /** A short name as {@code netstat} and {@code tcpdump} print it, or the number. */
  public static String name(int protocol) {
    return switch (protocol) {
      case HOPOPTS -> "hopopts";
      case ICMP -> "icmp";
      case TCP -> "tcp";
      case UDP -> "udp";
      case ROUTING -> "routing";
      case FRAGMENT -> "fragment";
      case ICMPV6 -> "icmp6";
      case NONE -> "none";
      case DSTOPTS -> "dstopts";
      default -> Integer.toString(protocol);
    };
  }
}
