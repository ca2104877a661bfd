package org.vnetlab.kernel.wire;

/**
 * The EtherType values this simulator speaks (IEEE 802 numbers, see also sys/net/ethernet.h).
 * Plain {@code int}s rather than an enum so an unknown type stays representable and costs nothing.
 */
public final class EtherType {

  public static final int IPV4 = 0x0800;
  public static final int ARP = 0x0806;
  /** IEEE 802.1Q tag; the frame layer does not strip tags, it only names them. */
  public static final int VLAN = 0x8100;
  public static final int IPV6 = 0x86dd;

  private EtherType() {}

  /** A short name for logs and pcap-like dumps, or the hex value. */
  public static String name(int ethertype) {
    return switch (ethertype) {
      case IPV4 -> "IPv4";
      case ARP -> "ARP";
      case VLAN -> "802.1Q";
      case IPV6 -> "IPv6";
      default -> String.format("0x%04x", ethertype);
    };
  }
}
