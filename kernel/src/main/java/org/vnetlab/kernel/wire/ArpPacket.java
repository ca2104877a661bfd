package org.vnetlab.kernel.wire;

import java.util.Objects;

/**
 * A view of an ARP packet (RFC 826) over a slice of a shared byte array.
 *
 * <p>The address fields sit at offsets that depend on the hardware and protocol lengths carried in
 * the packet, so the table below is computed from {@link #hardwareLen()} and {@link
 * #protocolLen()}. The typed address accessors read a MAC and an IPv4 address at those offsets and
 * are only meaningful for Ethernet/IPv4, which is all {@link ArpRepr} accepts.
 */
public final class ArpPacket {

  // Fixed part (RFC 826 "Packet format"; sys/net/if_arp.h struct arphdr).
  private static final int HTYPE = 0;
  private static final int PTYPE = 2;
  private static final int HLEN = 4;
  private static final int PLEN = 5;
  private static final int OPER = 6;
  private static final int SHA = 8;

  /** ar_hrd for Ethernet, ARPHRD_ETHER. */
  public static final int HTYPE_ETHERNET = 1;
  /** ar_op values, ARPOP_REQUEST and ARPOP_REPLY. */
  public static final int OP_REQUEST = 1;
  public static final int OP_REPLY = 2;

  /** Length of an Ethernet/IPv4 ARP packet: 8 + 2 * (6 + 4). */
  public static final int ETHERNET_IPV4_LEN = 28;

  private byte[] buffer;
  private int offset;
  private int length;

  public ArpPacket(byte[] buffer) {
    this(buffer, 0, buffer.length);
  }

  public ArpPacket(byte[] buffer, int offset, int length) {
    wrap(buffer, offset, length);
  }

  /** Re-points this view at another slice. */
  public ArpPacket wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  /** True if the slice holds the fixed part and all four addresses it announces. */
  public boolean checkLen() {
    return length >= SHA && length >= SHA + 2 * (hardwareLen() + protocolLen());
  }

  public byte[] buffer() {
    return buffer;
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  public int hardwareType() {
    return NetworkOrder.u16(buffer, offset + HTYPE);
  }

  public void setHardwareType(int value) {
    NetworkOrder.put16(buffer, offset + HTYPE, value);
  }

  public int protocolType() {
    return NetworkOrder.u16(buffer, offset + PTYPE);
  }

  public void setProtocolType(int value) {
    NetworkOrder.put16(buffer, offset + PTYPE, value);
  }

  public int hardwareLen() {
    return NetworkOrder.u8(buffer, offset + HLEN);
  }

  public void setHardwareLen(int value) {
    NetworkOrder.put8(buffer, offset + HLEN, value);
  }

  public int protocolLen() {
    return NetworkOrder.u8(buffer, offset + PLEN);
  }

  public void setProtocolLen(int value) {
    NetworkOrder.put8(buffer, offset + PLEN, value);
  }

  public int operation() {
    return NetworkOrder.u16(buffer, offset + OPER);
  }

  public void setOperation(int value) {
    NetworkOrder.put16(buffer, offset + OPER, value);
  }

  private int spa() {
    return offset + SHA + hardwareLen();
  }

  private int tha() {
    return spa() + protocolLen();
  }

  private int tpa() {
    return tha() + hardwareLen();
  }

  public MacAddress sourceHardwareAddr() {
    return MacAddress.read(buffer, offset + SHA);
  }

  public void setSourceHardwareAddr(MacAddress addr) {
    addr.write(buffer, offset + SHA);
  }

  public Ipv4Address sourceProtocolAddr() {
    return Ipv4Address.read(buffer, spa());
  }

  public void setSourceProtocolAddr(Ipv4Address addr) {
    addr.write(buffer, spa());
  }

  public MacAddress targetHardwareAddr() {
    return MacAddress.read(buffer, tha());
  }

  public void setTargetHardwareAddr(MacAddress addr) {
    addr.write(buffer, tha());
  }

  public Ipv4Address targetProtocolAddr() {
    return Ipv4Address.read(buffer, tpa());
  }

  public void setTargetProtocolAddr(Ipv4Address addr) {
    addr.write(buffer, tpa());
  }
}
