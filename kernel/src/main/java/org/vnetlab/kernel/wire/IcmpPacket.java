package org.vnetlab.kernel.wire;

import java.util.Objects;

/**
 * A view of an ICMPv4 message (RFC 792) over a slice of a shared byte array. The slice must be
 * exactly the IP payload: the checksum covers the whole message and nothing else.
 *
 * <p>Bytes 4..8 mean different things per type: identifier and sequence number for echo, unused
 * (or the next-hop MTU of RFC 1191 for "fragmentation needed") for errors.
 */
public final class IcmpPacket {

  // Field offsets (RFC 792; sys/netinet/ip_icmp.h struct icmp).
  private static final int TYPE = 0;
  private static final int CODE = 1;
  private static final int CHECKSUM = 2;
  private static final int ECHO_IDENT = 4;
  private static final int ECHO_SEQNO = 6;
  private static final int UNUSED = 4;
  private static final int NEXT_HOP_MTU = 6;
  private static final int DATA = 8;

  public static final int HEADER_LEN = DATA;

  // Message types handled by IcmpRepr (ICMP_* in ip_icmp.h).
  public static final int TYPE_ECHO_REPLY = 0;
  public static final int TYPE_DST_UNREACHABLE = 3;
  public static final int TYPE_ECHO_REQUEST = 8;
  public static final int TYPE_TIME_EXCEEDED = 11;

  private byte[] buffer;
  private int offset;
  private int length;

  public IcmpPacket(byte[] buffer) {
    this(buffer, 0, buffer.length);
  }

  public IcmpPacket(byte[] buffer, int offset, int length) {
    wrap(buffer, offset, length);
  }

  /** Re-points this view at another slice. */
  public IcmpPacket wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  /** True if the slice holds the 8-byte header every ICMP message has (ICMP_MINLEN). */
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

  /** Zeroes bytes 4..8, the "unused" field of error messages. */
  public void clearUnused() {
    NetworkOrder.put32(buffer, offset + UNUSED, 0);
  }

  /** Next-hop MTU of a "fragmentation needed" message (RFC 1191 §4). */
  public int nextHopMtu() {
    return NetworkOrder.u16(buffer, offset + NEXT_HOP_MTU);
  }

  public void setNextHopMtu(int value) {
    NetworkOrder.put16(buffer, offset + NEXT_HOP_MTU, value);
  }

  /** Absolute index of the data after the 8-byte header: echo data, or the quoted datagram. */
  public int dataOffset() {
    return offset + DATA;
  }

  public int dataLen() {
    return length - DATA;
  }

  /** True if the checksum over the whole slice is correct (RFC 792). */
  public boolean verifyChecksum() {
    return Checksum.data(buffer, offset, length) == Checksum.VALID;
  }

  /** Computes and stores the checksum over the whole slice. */
  public void fillChecksum() {
    fillChecksum(length);
  }

  void fillChecksum(int messageLen) {
    setChecksum(0);
    setChecksum(Checksum.internet(buffer, offset, messageLen));
  }
}
