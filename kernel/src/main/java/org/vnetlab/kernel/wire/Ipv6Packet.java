package org.vnetlab.kernel.wire;

import java.util.Objects;

/**
 * A view of an IPv6 packet's fixed header (RFC 8200 §3) over a slice of a shared byte array.
 * Extension headers are not walked here: {@link #nextHeader()} names whatever follows.
 *
 * <p>The slice may be longer than the packet (Ethernet padding); {@link #payloadLen()} says where
 * it ends.
 */
public final class Ipv6Packet {

  // Field offsets (RFC 8200 §3; sys/netinet/ip6.h struct ip6_hdr).
  private static final int VER_TC_FLOW = 0;
  private static final int PAYLOAD_LEN = 4;
  private static final int NEXT_HEADER = 6;
  private static final int HOP_LIMIT = 7;
  private static final int SRC_ADDR = 8;
  private static final int DST_ADDR = 24;
  private static final int PAYLOAD = 40;

  public static final int HEADER_LEN = PAYLOAD;

  private byte[] buffer;
  private int offset;
  private int length;

  public Ipv6Packet(byte[] buffer) {
    this(buffer, 0, buffer.length);
  }

  public Ipv6Packet(byte[] buffer, int offset, int length) {
    wrap(buffer, offset, length);
  }

  /** Re-points this view at another slice. */
  public Ipv6Packet wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  /**
   * True if the slice holds the fixed header and the payload length it announces. Jumbograms
   * (payload length 0 plus a hop-by-hop option, RFC 2675) are not supported and read as empty.
   */
  public boolean checkLen() {
    return length >= HEADER_LEN && length - HEADER_LEN >= payloadLen();
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

  public int version() {
    return NetworkOrder.u8(buffer, offset + VER_TC_FLOW) >>> 4;
  }

  public void setVersion(int version) {
    int w = NetworkOrder.i32(buffer, offset + VER_TC_FLOW);
    NetworkOrder.put32(buffer, offset + VER_TC_FLOW, (version & 0xf) << 28 | (w & 0x0fff_ffff));
  }

  /** Traffic class: DSCP in the upper six bits, ECN in the lower two (RFC 8200 §7). */
  public int trafficClass() {
    return (NetworkOrder.i32(buffer, offset + VER_TC_FLOW) >>> 20) & 0xff;
  }

  public void setTrafficClass(int value) {
    int w = NetworkOrder.i32(buffer, offset + VER_TC_FLOW);
    NetworkOrder.put32(buffer, offset + VER_TC_FLOW, (w & 0xf00f_ffff) | (value & 0xff) << 20);
  }

  /** The 20-bit flow label (RFC 6437). */
  public int flowLabel() {
    return NetworkOrder.i32(buffer, offset + VER_TC_FLOW) & 0xf_ffff;
  }

  public void setFlowLabel(int value) {
    int w = NetworkOrder.i32(buffer, offset + VER_TC_FLOW);
    NetworkOrder.put32(buffer, offset + VER_TC_FLOW, (w & 0xfff0_0000) | (value & 0xf_ffff));
  }

  /** Length of everything after the fixed header, extension headers included. */
  public int payloadLen() {
    return NetworkOrder.u16(buffer, offset + PAYLOAD_LEN);
  }

  public void setPayloadLen(int value) {
    NetworkOrder.put16(buffer, offset + PAYLOAD_LEN, value);
  }

  /** What follows the fixed header, see {@link IpProtocol}. */
  public int nextHeader() {
    return NetworkOrder.u8(buffer, offset + NEXT_HEADER);
  }

  public void setNextHeader(int value) {
    NetworkOrder.put8(buffer, offset + NEXT_HEADER, value);
  }

  public int hopLimit() {
    return NetworkOrder.u8(buffer, offset + HOP_LIMIT);
  }

  public void setHopLimit(int value) {
    NetworkOrder.put8(buffer, offset + HOP_LIMIT, value);
  }

  public Ipv6Address srcAddr() {
    return Ipv6Address.read(buffer, offset + SRC_ADDR);
  }

  public void setSrcAddr(Ipv6Address addr) {
    addr.write(buffer, offset + SRC_ADDR);
  }

  public Ipv6Address dstAddr() {
    return Ipv6Address.read(buffer, offset + DST_ADDR);
  }

  public void setDstAddr(Ipv6Address addr) {
    addr.write(buffer, offset + DST_ADDR);
  }

  /** Absolute index of the payload in {@link #buffer()}. */
  public int payloadOffset() {
    return offset + PAYLOAD;
  }
}
