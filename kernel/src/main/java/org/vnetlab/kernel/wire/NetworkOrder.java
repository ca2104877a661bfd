package org.vnetlab.kernel.wire;

/**
 * Big-endian ("network byte order", RFC 791 Appendix B) field access on a byte array.
 *
 * <p>Plain shifts rather than {@code ByteBuffer}: no wrapper object per packet, and the JIT turns
 * these into single loads. Bounds are the array's; views check their own length first.
 */
final class NetworkOrder {

  private NetworkOrder() {}

  static int u8(byte[] b, int i) {
    return b[i] & 0xff;
  }

  static int u16(byte[] b, int i) {
    return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
  }

  static int i32(byte[] b, int i) {
    return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
  }

  static long u48(byte[] b, int i) {
    return (long) u16(b, i) << 32 | (i32(b, i + 2) & 0xffff_ffffL);
  }

  static long i64(byte[] b, int i) {
    return (long) i32(b, i) << 32 | (i32(b, i + 4) & 0xffff_ffffL);
  }

  static void put8(byte[] b, int i, int v) {
    b[i] = (byte) v;
  }

  static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  static void put32(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }

  static void put48(byte[] b, int i, long v) {
    put16(b, i, (int) (v >>> 32));
    put32(b, i + 2, (int) v);
  }

  static void put64(byte[] b, int i, long v) {
    put32(b, i, (int) (v >>> 32));
    put32(b, i + 4, (int) v);
  }
}
