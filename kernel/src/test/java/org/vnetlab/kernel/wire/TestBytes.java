package org.vnetlab.kernel.wire;

import java.util.HexFormat;

/** Fixture helpers: hex with any whitespace, and copies placed at an offset in a larger buffer. */
final class TestBytes {

  private TestBytes() {}

  static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
  }

  /** {@code bytes} placed at {@code offset} in a buffer that ends exactly where they end. */
  static byte[] at(int offset, byte[] bytes) {
    byte[] buffer = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, buffer, offset, bytes.length);
    return buffer;
  }

  static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int pos = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }
}
