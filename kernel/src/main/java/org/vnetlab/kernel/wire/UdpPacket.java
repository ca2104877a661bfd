package org.vnetlab.kernel.wire;

import java.util.Objects;

/**
 * A UDP datagram as a view over bytes (RFC 768): what traceroute(8) sends as probes. Field
 * offsets live here only.
 */
public final class UdpPacket {
  private static final int SRC_PORT = 0;
  private static final int DST_PORT = 2;
  private static final int LENGTH = 4;
  private static final int CHECKSUM = 6;
  public static final int HEADER_LEN = 8;

  private byte[] buffer;
  private int offset;
  private int length;

  public UdpPacket(byte[] buffer, int offset, int length) {
    wrap(buffer, offset, length);
  }

  public UdpPacket wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  public boolean checkLen() {
    return length >= HEADER_LEN && datagramLen() >= HEADER_LEN && datagramLen() <= length;
  }

  public int srcPort() {
    return u16(SRC_PORT);
  }

  public void setSrcPort(int v) {
    put16(SRC_PORT, v);
  }

  public int dstPort() {
    return u16(DST_PORT);
  }

  public void setDstPort(int v) {
    put16(DST_PORT, v);
  }

  public int datagramLen() {
    return u16(LENGTH);
  }

  public void setDatagramLen(int v) {
    put16(LENGTH, v);
  }

  /** Writes the checksum over the pseudo-header and the whole datagram (0 is sent as 0xffff). */
  public void fillChecksum(Ipv4Address src, Ipv4Address dst) {
    put16(CHECKSUM, 0);
    int len = datagramLen();
    int sum = Checksum.combine(Checksum.pseudoHeaderV4(src, dst, IpProtocol.UDP, len),
        Checksum.data(buffer, offset, len));
    int c = Checksum.complement(sum);
    put16(CHECKSUM, c == 0 ? 0xffff : c);
  }

  /** The same over the IPv6 pseudo-header (RFC 8200 §8.1): a zero checksum is never sent. */
  public void fillChecksum(Ipv6Address src, Ipv6Address dst) {
    put16(CHECKSUM, 0);
    int len = datagramLen();
    int sum = Checksum.combine(Checksum.pseudoHeaderV6(src, dst, IpProtocol.UDP, len),
        Checksum.data(buffer, offset, len));
    int c = Checksum.complement(sum);
    put16(CHECKSUM, c == 0 ? 0xffff : c);
  }

  public int checksum() {
    return u16(CHECKSUM);
  }

  /** True if the checksum over the IPv4 pseudo-header and the datagram is correct (0 = none sent). */
  public boolean verifyChecksum(Ipv4Address src, Ipv4Address dst) {
    if (checksum() == 0) {
      return true;
    }
    int len = datagramLen();
    return Checksum.combine(Checksum.pseudoHeaderV4(src, dst, IpProtocol.UDP, len),
        Checksum.data(buffer, offset, len)) == Checksum.VALID;
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

  /** Absolute index of the payload. */
  public int payloadOffset() {
    return offset + HEADER_LEN;
  }

  private int u16(int at) {
    return ((buffer[offset + at] & 0xff) << 8) | (buffer[offset + at + 1] & 0xff);
  }

  private void put16(int at, int v) {
    buffer[offset + at] = (byte) (v >>> 8);
    buffer[offset + at + 1] = (byte) v;
  }
}
