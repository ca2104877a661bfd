package org.vnetlab.kernel.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * The header of an Ethernet II frame as a value.
 *
 * <p>Any EtherType parses, including values below 0x0600 that 802.3 would read as a length: what
 * to do with them is {@code ether_demux()}'s decision (sys/net/if_ethersubr.c), not the wire's.
 */
public record EthernetRepr(MacAddress srcAddr, MacAddress dstAddr, int ethertype) {

  public EthernetRepr {
    Objects.requireNonNull(srcAddr, "srcAddr");
    Objects.requireNonNull(dstAddr, "dstAddr");
    if (ethertype < 0 || ethertype > 0xffff) {
      throw new IllegalArgumentException("ethertype out of range: " + ethertype);
    }
  }

  /** Empty if the frame is shorter than a header. */
  public static Optional<EthernetRepr> parse(EthernetFrame frame) {
    if (!frame.checkLen()) {
      return Optional.empty();
    }
    return Optional.of(new EthernetRepr(frame.srcAddr(), frame.dstAddr(), frame.ethertype()));
  }

  /** Header bytes only; the payload follows at {@link EthernetFrame#payloadOffset()}. */
  public int bufferLen() {
    return EthernetFrame.HEADER_LEN;
  }

  /** Writes the header into a view at least {@link #bufferLen()} long. */
  public void emit(EthernetFrame frame) {
    frame.setDstAddr(dstAddr);
    frame.setSrcAddr(srcAddr);
    frame.setEthertype(ethertype);
  }
}
