package org.vnetlab.kernel.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * Builds a classic libpcap capture file in memory, for opening a simulated link in Wireshark or
 * {@code tcpdump -r}. No I/O: the caller decides where {@link #toByteArray()} goes.
 *
 * <p>Format (draft-ietf-opsawg-pcap §4, §5): a 24-byte file header with magic 0xa1b2c3d4
 * (microsecond timestamps), version 2.4, snaplen 262144 and link type 1 (LINKTYPE_ETHERNET), then
 * per frame a 16-byte record header (seconds, microseconds, captured length, original length) and
 * the bytes. Readers detect byte order from the magic; we always write little-endian, as tcpdump on
 * amd64 does, so a given capture is the same bytes on every machine.
 */
public final class PcapWriter implements java.io.Serializable {
  private static final long serialVersionUID = 1L;


  public static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
  public static final int LINKTYPE_ETHERNET = 1;
  /** tcpdump's default snapshot length (MAXIMUM_SNAPLEN). */
  public static final int SNAPLEN = 262144;

  private static final int FILE_HEADER_LEN = 24;
  private static final int RECORD_HEADER_LEN = 16;

  private byte[] bytes = new byte[4096];
  private int size;
  private int frames;

  public PcapWriter() {
    putLe32(MAGIC_MICROSECONDS);
    putLe16(2); // version major
    putLe16(4); // version minor
    putLe32(0); // thiszone: timestamps are UTC
    putLe32(0); // sigfigs
    putLe32(SNAPLEN);
    putLe32(LINKTYPE_ETHERNET);
  }

  /**
   * Appends one Ethernet frame seen at {@code timestampMicros} (microseconds since the epoch of the
   * simulation clock). Frames longer than the snaplen are cut, keeping the original length.
   */
  public PcapWriter record(long timestampMicros, byte[] frame, int offset, int length) {
    if (timestampMicros < 0) {
      throw new IllegalArgumentException("timestamp before the epoch: " + timestampMicros);
    }
    Objects.checkFromIndexSize(offset, length, frame.length);
    int captured = Math.min(length, SNAPLEN);
    ensure(RECORD_HEADER_LEN + captured);
    putLe32((int) (timestampMicros / 1_000_000)); // unsigned 32-bit seconds, good until 2106
    putLe32((int) (timestampMicros % 1_000_000));
    putLe32(captured);
    putLe32(length);
    System.arraycopy(frame, offset, bytes, size, captured);
    size += captured;
    frames++;
    return this;
  }

  /** Appends a whole array as one frame. */
  public PcapWriter record(long timestampMicros, byte[] frame) {
    return record(timestampMicros, frame, 0, frame.length);
  }

  /** Frames recorded so far. */
  public int frameCount() {
    return frames;
  }

  /** Bytes written so far, file header included. */
  public int size() {
    return size;
  }

  /** A copy of the file as built so far; recording may continue afterwards. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  private void putLe16(int v) {
    ensure(2);
    bytes[size++] = (byte) v;
    bytes[size++] = (byte) (v >>> 8);
  }

  private void putLe32(int v) {
    ensure(4);
    bytes[size++] = (byte) v;
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 24);
  }
}
