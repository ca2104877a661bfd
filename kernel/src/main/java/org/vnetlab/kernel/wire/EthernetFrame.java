package org.vnetlab.kernel.wire;

import java.util.Objects;

/**
 * A view of an Ethernet II frame (RFC 894 layout: destination, source, EtherType, payload) over a
 * slice of a shared byte array. No preamble, no FCS: like FreeBSD's {@code struct ether_header},
 * the frame starts at the destination address.
 *
 * <p>Getters and setters are unchecked; call {@link #checkLen()} on frames from the wire.
 */
public final class EthernetFrame {

  // Field offsets (RFC 894; sys/net/ethernet.h struct ether_header).
  private static final int DESTINATION = 0;
  private static final int SOURCE = 6;
  private static final int ETHERTYPE = 12;
  private static final int PAYLOAD = 14;

  public static final int HEADER_LEN = PAYLOAD;

  private byte[] buffer;
  private int offset;
  private int length;

  public EthernetFrame(byte[] buffer) {
    this(buffer, 0, buffer.length);
  }

  public EthernetFrame(byte[] buffer, int offset, int length) {
    wrap(buffer, offset, length);
  }

  /** Re-points this view at another slice, so one view can be reused for many frames. */
  public EthernetFrame wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  /** True if the slice holds at least a header. */
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

  public MacAddress dstAddr() {
    return MacAddress.read(buffer, offset + DESTINATION);
  }

  public void setDstAddr(MacAddress addr) {
    addr.write(buffer, offset + DESTINATION);
  }

  public MacAddress srcAddr() {
    return MacAddress.read(buffer, offset + SOURCE);
  }

  public void setSrcAddr(MacAddress addr) {
    addr.write(buffer, offset + SOURCE);
  }

  public int ethertype() {
    return NetworkOrder.u16(buffer, offset + ETHERTYPE);
  }

  public void setEthertype(int ethertype) {
    NetworkOrder.put16(buffer, offset + ETHERTYPE, ethertype);
  }

  /** Absolute index of the payload in {@link #buffer()}, for wrapping the next layer's view. */
  public int payloadOffset() {
    return offset + PAYLOAD;
  }

  /** Everything after the header, including any padding up to the 60-byte minimum. */
  public int payloadLen() {
    return length - PAYLOAD;
  }
}
