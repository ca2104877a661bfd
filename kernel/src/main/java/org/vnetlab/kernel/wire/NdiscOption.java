package org.vnetlab.kernel.wire;

import java.util.Objects;

/**
 * A view of one neighbour discovery option (RFC 4861 §4.6): type, length in units of 8 octets,
 * then data. Only the link-layer address options matter to this simulator; the others are skipped
 * by length, as RFC 4861 requires of unrecognised options.
 */
public final class NdiscOption {

  // Field offsets (RFC 4861 §4.6, §4.6.1; sys/netinet/icmp6.h struct nd_opt_hdr).
  private static final int TYPE = 0;
  private static final int LENGTH = 1;
  private static final int LINK_LAYER_ADDR = 2;

  /** ND_OPT_SOURCE_LINKADDR. */
  public static final int TYPE_SOURCE_LINK_LAYER_ADDR = 1;
  /** ND_OPT_TARGET_LINKADDR. */
  public static final int TYPE_TARGET_LINK_LAYER_ADDR = 2;

  /** Length of a link-layer address option for Ethernet: 2 + 6 bytes, one unit. */
  public static final int LINK_LAYER_ADDR_OPTION_LEN = 8;

  /** Results of {@link #findLinkLayerAddr} that are not an address. */
  static final long ABSENT = -1;
  static final long MALFORMED = -2;

  private byte[] buffer;
  private int offset;
  private int length;

  public NdiscOption(byte[] buffer, int offset, int length) {
    wrap(buffer, offset, length);
  }

  /** Re-points this view at another slice. */
  public NdiscOption wrap(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    return this;
  }

  /**
   * True if the slice holds the type and length bytes, the length is not zero (a zero-length option
   * makes the whole packet invalid, RFC 4861 §4.6) and the option fits.
   */
  public boolean checkLen() {
    return length >= 2 && optionLen() != 0 && optionLen() <= length;
  }

  public int optionType() {
    return NetworkOrder.u8(buffer, offset + TYPE);
  }

  public void setOptionType(int value) {
    NetworkOrder.put8(buffer, offset + TYPE, value);
  }

  /** The option's length in bytes (the field counts 8-byte units). */
  public int optionLen() {
    return NetworkOrder.u8(buffer, offset + LENGTH) * 8;
  }

  /** Sets the length from bytes, which must be a multiple of eight. */
  public void setOptionLen(int bytes) {
    NetworkOrder.put8(buffer, offset + LENGTH, bytes / 8);
  }

  public MacAddress linkLayerAddr() {
    return MacAddress.read(buffer, offset + LINK_LAYER_ADDR);
  }

  public void setLinkLayerAddr(MacAddress addr) {
    addr.write(buffer, offset + LINK_LAYER_ADDR);
  }

  /** Writes a whole Ethernet link-layer address option of the given type. */
  void emitLinkLayerAddr(int type, MacAddress addr) {
    setOptionType(type);
    setOptionLen(LINK_LAYER_ADDR_OPTION_LEN);
    setLinkLayerAddr(addr);
  }

  /**
   * Walks the options in {@code buffer[from, to)} and returns the bits of the first link-layer
   * address option of {@code type}, {@link #ABSENT}, or {@link #MALFORMED} if any option is
   * truncated or zero-length, or the wanted one is not Ethernet-sized (nd6_ns_input() drops such
   * packets, sys/netinet6/nd6_nbr.c). Later duplicates are ignored, as nd6_options() does.
   */
  static long findLinkLayerAddr(byte[] buffer, int from, int to, int type) {
    NdiscOption option = new NdiscOption(buffer, from, to - from);
    long found = ABSENT;
    int pos = from;
    while (pos < to) {
      option.wrap(buffer, pos, to - pos);
      if (!option.checkLen()) {
        return MALFORMED;
      }
      if (option.optionType() == type && found == ABSENT) {
        if (option.optionLen() != LINK_LAYER_ADDR_OPTION_LEN) {
          return MALFORMED;
        }
        found = option.linkLayerAddr().bits();
      }
      pos += option.optionLen();
    }
    return found;
  }
}
