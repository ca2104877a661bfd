package org.vnetlab.kernel.wire;

import java.util.Objects;

/**
 * A view of an ICMPv6 message (RFC 4443 §2.1), including the neighbour discovery messages of RFC
 * 4861 §4.3/§4.4, over a slice of a shared byte array. The slice must be exactly the upper-layer
 * payload: the checksum covers the whole message plus the IPv6 pseudo-header (RFC 4443 §2.3).
 */
public final class Icmpv6Packet {

  // Field offsets (RFC 4443 §2.1, §4; RFC 4861 §4.3, §4.4; sys/netinet/icmp6.h).
  private static final int TYPE = 0;
  private static final int CODE = 1;
  private static final int CHECKSUM = 2;
  private static final int ECHO_IDENT = 4;
  private static final int ECHO_SEQNO = 6;
  private static final int RESERVED = 4; // errors and NS: 32 unused bits; NA: flags then 29 bits
  private static final int NA_FLAGS = 4;
  private static final int DATA = 8; // echo data or the invoking packet of an error
  private static final int TARGET = 8; // NS/NA target address
  private static final int NDISC_OPTIONS = 24;

  public static final int HEADER_LEN = DATA;
  /** Length of an NS or NA without options. */
  public static final int NEIGHBOR_MSG_LEN = NDISC_OPTIONS;

  // Neighbour advertisement flag bits in byte 4 (RFC 4861 §4.4; ND_NA_FLAG_*).
  private static final int FLAG_ROUTER = 0x80;
  private static final int FLAG_SOLICITED = 0x40;
  private static final int FLAG_OVERRIDE = 0x20;

  // Message types (ICMP6_* and ND_* in icmp6.h).
  public static final int TYPE_DST_UNREACHABLE = 1;
  public static final int TYPE_PACKET_TOO_BIG = 2;
  public static final int TYPE_TIME_EXCEEDED = 3;
  public static final int TYPE_PARAM_PROBLEM = 4;
  public static final int TYPE_ECHO_REQUEST = 128;
  public static final int TYPE_ECHO_REPLY = 129;
  public static final int TYPE_ROUTER_SOLICIT = 133;
  public static final int TYPE_ROUTER_ADVERT = 134;
  public static final int TYPE_NEIGHBOR_SOLICIT = 135;
  public static final int TYPE_NEIGHBOR_ADVERT = 136;
  public static final int TYPE_REDIRECT = 137;

  private byte[] buffer;
  private int offset;
  private int length;

  public Icmpv6Packet(byte[] buffer) {
    this(buffer, 0, buffer.length);
  }

  public Icmpv6Packet(byte[] buffer, int offset, int length) {
    wrap(buffer, offset, length);
  }

  /** Re-points this view at another slice. */
  public Icmpv6Packet wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  /** True if the slice holds the 8-byte header; NS/NA need {@link #NEIGHBOR_MSG_LEN}. */
  public boolean checkLen() {
    return length >= HEADER_LEN;
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

  public int msgType() {
    return NetworkOrder.u8(buffer, offset + TYPE);
  }

  public void setMsgType(int value) {
    NetworkOrder.put8(buffer, offset + TYPE, value);
  }

  public int msgCode() {
    return NetworkOrder.u8(buffer, offset + CODE);
  }

  public void setMsgCode(int value) {
    NetworkOrder.put8(buffer, offset + CODE, value);
  }

  public int checksum() {
    return NetworkOrder.u16(buffer, offset + CHECKSUM);
  }

  public void setChecksum(int value) {
    NetworkOrder.put16(buffer, offset + CHECKSUM, value);
  }

  public int echoIdent() {
    return NetworkOrder.u16(buffer, offset + ECHO_IDENT);
  }

  public void setEchoIdent(int value) {
    NetworkOrder.put16(buffer, offset + ECHO_IDENT, value);
  }

  public int echoSeqNo() {
    return NetworkOrder.u16(buffer, offset + ECHO_SEQNO);
  }

  public void setEchoSeqNo(int value) {
    NetworkOrder.put16(buffer, offset + ECHO_SEQNO, value);
  }

  /** Zeroes bytes 4..8: the unused field of errors and NS, the flags and reserved bits of NA. */
  public void clearReserved() {
    NetworkOrder.put32(buffer, offset + RESERVED, 0);
  }

  public boolean routerFlag() {
    return (NetworkOrder.u8(buffer, offset + NA_FLAGS) & FLAG_ROUTER) != 0;
  }

  public void setRouterFlag(boolean value) {
    setNaFlag(FLAG_ROUTER, value);
  }

  public boolean solicitedFlag() {
    return (NetworkOrder.u8(buffer, offset + NA_FLAGS) & FLAG_SOLICITED) != 0;
  }

  public void setSolicitedFlag(boolean value) {
    setNaFlag(FLAG_SOLICITED, value);
  }

  public boolean overrideFlag() {
    return (NetworkOrder.u8(buffer, offset + NA_FLAGS) & FLAG_OVERRIDE) != 0;
  }

  public void setOverrideFlag(boolean value) {
    setNaFlag(FLAG_OVERRIDE, value);
  }

  private void setNaFlag(int flag, boolean value) {
    int b = NetworkOrder.u8(buffer, offset + NA_FLAGS);
    NetworkOrder.put8(buffer, offset + NA_FLAGS, value ? b | flag : b & ~flag);
  }

  /** Target address of an NS or NA. */
  public Ipv6Address targetAddr() {
    return Ipv6Address.read(buffer, offset + TARGET);
  }

  public void setTargetAddr(Ipv6Address addr) {
    addr.write(buffer, offset + TARGET);
  }

  /** Absolute index of the data after the 8-byte header: echo data, or the invoking packet. */
  public int dataOffset() {
    return offset + DATA;
  }

  public int dataLen() {
    return length - DATA;
  }

  /** Absolute index of the options after an NS or NA body, see {@link NdiscOption}. */
  public int ndiscOptionsOffset() {
    return offset + NDISC_OPTIONS;
  }

  public int ndiscOptionsLen() {
    return length - NDISC_OPTIONS;
  }

  /** True if the checksum over the pseudo-header and the whole slice is correct. */
  public boolean verifyChecksum(Ipv6Address src, Ipv6Address dst) {
    int pseudo = Checksum.pseudoHeaderV6(src, dst, IpProtocol.ICMPV6, length);
    return Checksum.combine(pseudo, Checksum.data(buffer, offset, length)) == Checksum.VALID;
  }

  /** Computes and stores the checksum over the pseudo-header and the whole slice. */
  public void fillChecksum(Ipv6Address src, Ipv6Address dst) {
    fillChecksum(src, dst, length);
  }

  void fillChecksum(Ipv6Address src, Ipv6Address dst, int messageLen) {
    setChecksum(0);
    int pseudo = Checksum.pseudoHeaderV6(src, dst, IpProtocol.ICMPV6, messageLen);
    setChecksum(Checksum.complement(Checksum.combine(pseudo, Checksum.data(buffer, offset, messageLen))));
  }
}
