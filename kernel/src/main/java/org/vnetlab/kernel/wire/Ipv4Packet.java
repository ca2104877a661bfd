package org.vnetlab.kernel.wire;

import java.util.Objects;

/**
 * A view of an IPv4 datagram (RFC 791 §3.1) over a slice of a shared byte array.
 *
 * <p>The slice may be longer than the datagram (Ethernet pads short frames to 60 bytes); {@link
 * #totalLen()} says where the datagram ends and {@link #payloadLen()} follows it, not the slice.
 */
public final class Ipv4Packet {

  // Field offsets (RFC 791 §3.1; sys/netinet/ip.h struct ip).
  private static final int VER_IHL = 0;
  private static final int DSCP_ECN = 1;
  private static final int TOTAL_LEN = 2;
  private static final int IDENT = 4;
  private static final int FLG_OFF = 6;
  private static final int TTL = 8;
  private static final int PROTOCOL = 9;
  private static final int CHECKSUM = 10;
  private static final int SRC_ADDR = 12;
  private static final int DST_ADDR = 16;

  /** Length of a header without options (IHL 5). */
  public static final int HEADER_LEN = 20;

  // Flag bits in the FLG_OFF word (RFC 791: reserved, DF, MF; then the offset in 8-byte units).
  private static final int FLAG_DF = 0x4000;
  private static final int FLAG_MF = 0x2000;
  private static final int OFFSET_MASK = 0x1fff;

  private byte[] buffer;
  private int offset;
  private int length;

  public Ipv4Packet(byte[] buffer) {
    this(buffer, 0, buffer.length);
  }

  public Ipv4Packet(byte[] buffer, int offset, int length) {
    wrap(buffer, offset, length);
  }

  /** Re-points this view at another slice. */
  public Ipv4Packet wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  /**
   * True if the slice holds a fixed header, the header length is at least 20 and within the total
   * length, and the total length is within the slice (ip_input()'s ip_badhlen/ip_badlen/ip_tooshort
   * checks, sys/netinet/ip_input.c).
   */
  public boolean checkLen() {
    if (length < HEADER_LEN) {
      return false;
    }
    int headerLen = headerLen();
    int totalLen = totalLen();
    return headerLen >= HEADER_LEN && headerLen <= totalLen && totalLen <= length;
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
    return NetworkOrder.u8(buffer, offset + VER_IHL) >>> 4;
  }

  public void setVersion(int version) {
    int b = NetworkOrder.u8(buffer, offset + VER_IHL);
    NetworkOrder.put8(buffer, offset + VER_IHL, (version & 0xf) << 4 | (b & 0x0f));
  }

  /** Header length in bytes (IHL times four). */
  public int headerLen() {
    return (NetworkOrder.u8(buffer, offset + VER_IHL) & 0x0f) * 4;
  }

  /** Sets IHL from a length in bytes, which must be a multiple of four. */
  public void setHeaderLen(int bytes) {
    int b = NetworkOrder.u8(buffer, offset + VER_IHL);
    NetworkOrder.put8(buffer, offset + VER_IHL, (b & 0xf0) | ((bytes / 4) & 0x0f));
  }

  /** Differentiated services code point, the upper six bits of the old TOS byte (RFC 2474). */
  public int dscp() {
    return NetworkOrder.u8(buffer, offset + DSCP_ECN) >>> 2;
  }

  public void setDscp(int dscp) {
    int b = NetworkOrder.u8(buffer, offset + DSCP_ECN);
    NetworkOrder.put8(buffer, offset + DSCP_ECN, (dscp & 0x3f) << 2 | (b & 0x03));
  }

  /** Explicit congestion notification, the lower two bits (RFC 3168). */
  public int ecn() {
    return NetworkOrder.u8(buffer, offset + DSCP_ECN) & 0x03;
  }

  public void setEcn(int ecn) {
    int b = NetworkOrder.u8(buffer, offset + DSCP_ECN);
    NetworkOrder.put8(buffer, offset + DSCP_ECN, (b & 0xfc) | (ecn & 0x03));
  }

  public int totalLen() {
    return NetworkOrder.u16(buffer, offset + TOTAL_LEN);
  }

  public void setTotalLen(int value) {
    NetworkOrder.put16(buffer, offset + TOTAL_LEN, value);
  }

  public int ident() {
    return NetworkOrder.u16(buffer, offset + IDENT);
  }

  public void setIdent(int value) {
    NetworkOrder.put16(buffer, offset + IDENT, value);
  }

  public boolean dontFrag() {
    return (NetworkOrder.u16(buffer, offset + FLG_OFF) & FLAG_DF) != 0;
  }

  public void setDontFrag(boolean value) {
    setFlag(FLAG_DF, value);
  }

  public boolean moreFrags() {
    return (NetworkOrder.u16(buffer, offset + FLG_OFF) & FLAG_MF) != 0;
  }

  public void setMoreFrags(boolean value) {
    setFlag(FLAG_MF, value);
  }

  /** Fragment offset in bytes (the field counts 8-byte units). */
  public int fragOffset() {
    return (NetworkOrder.u16(buffer, offset + FLG_OFF) & OFFSET_MASK) * 8;
  }

  /** Sets the fragment offset from bytes, which must be a multiple of eight. */
  public void setFragOffset(int bytes) {
    int w = NetworkOrder.u16(buffer, offset + FLG_OFF);
    NetworkOrder.put16(buffer, offset + FLG_OFF, (w & ~OFFSET_MASK) | ((bytes / 8) & OFFSET_MASK));
  }

  /** Clears the flags and fragment offset (reserved bit included). */
  public void clearFlags() {
    NetworkOrder.put16(buffer, offset + FLG_OFF, 0);
  }

  private void setFlag(int flag, boolean value) {
    int w = NetworkOrder.u16(buffer, offset + FLG_OFF);
    NetworkOrder.put16(buffer, offset + FLG_OFF, value ? w | flag : w & ~flag);
  }

  public int ttl() {
    return NetworkOrder.u8(buffer, offset + TTL);
  }

  public void setTtl(int value) {
    NetworkOrder.put8(buffer, offset + TTL, value);
  }

  /** The upper-layer protocol, see {@link IpProtocol}. */
  public int protocol() {
    return NetworkOrder.u8(buffer, offset + PROTOCOL);
  }

  public void setProtocol(int value) {
    NetworkOrder.put8(buffer, offset + PROTOCOL, value);
  }

  public int checksum() {
    return NetworkOrder.u16(buffer, offset + CHECKSUM);
  }

  public void setChecksum(int value) {
    NetworkOrder.put16(buffer, offset + CHECKSUM, value);
  }

  public Ipv4Address srcAddr() {
    return Ipv4Address.read(buffer, offset + SRC_ADDR);
  }

  public void setSrcAddr(Ipv4Address addr) {
    addr.write(buffer, offset + SRC_ADDR);
  }

  public Ipv4Address dstAddr() {
    return Ipv4Address.read(buffer, offset + DST_ADDR);
  }

  public void setDstAddr(Ipv4Address addr) {
    addr.write(buffer, offset + DST_ADDR);
  }

  /** True if the header checksum (header only, options included; RFC 791 §3.1) is correct. */
  public boolean verifyChecksum() {
    return Checksum.data(buffer, offset, headerLen()) == Checksum.VALID;
  }

  /** Computes and stores the header checksum; call after every other header field is set. */
  public void fillChecksum() {
    setChecksum(0);
    setChecksum(Checksum.internet(buffer, offset, headerLen()));
  }

  /** Absolute index of the payload in {@link #buffer()}: after the header and its options. */
  public int payloadOffset() {
    return offset + headerLen();
  }

  /** Payload length according to the total length field, not the slice. */
  public int payloadLen() {
    return totalLen() - headerLen();
  }
}
