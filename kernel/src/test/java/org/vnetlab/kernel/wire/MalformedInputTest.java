package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frames come from other (simulated) hosts, so no byte sequence may make a parser throw. Each
 * fixture is truncated at every length and mutated thousands of times with a fixed seed; half of
 * the mutations get their checksum repaired so the structural checks behind it are reached too.
 * Whatever still parses must re-emit to bytes that parse to the same value.
 */
class MalformedInputTest {

  /** Views sit at this offset in a buffer that ends where they end: reading past them throws. */
  private static final int OFFSET = 5;

  private static final Ipv6Address SRC = Ipv6Address.of("fe80::1");
  private static final Ipv6Address DST = Ipv6Address.of("fe80::2");

  interface Parser {
    Optional<?> parse(byte[] buffer, int offset, int length);
  }

  interface Fixer {
    void fix(byte[] buffer, int offset, int length);
  }

  /**
   * @param minLen every truncation shorter than this must be empty
   * @param emit writes a parsed value into fresh bytes
   */
  record Case(
      String name,
      byte[] fixture,
      int minLen,
      Parser parser,
      Fixer fixer,
      Function<Object, byte[]> emit) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    Parser icmpv6 = (b, o, l) -> Icmpv6Repr.parse(SRC, DST, new Icmpv6Packet(b, o, l));
    Fixer icmpv6Fix = (b, o, l) -> {
      if (l >= 4) {
        new Icmpv6Packet(b, o, l).fillChecksum(SRC, DST);
      }
    };
    Function<Object, byte[]> icmpv6Emit = r -> {
      Icmpv6Repr repr = (Icmpv6Repr) r;
      byte[] out = new byte[repr.bufferLen()];
      repr.emit(SRC, DST, new Icmpv6Packet(out));
      return out;
    };
    Parser icmp = (b, o, l) -> IcmpRepr.parse(new IcmpPacket(b, o, l));
    Fixer icmpFix = (b, o, l) -> {
      if (l >= 4) {
        new IcmpPacket(b, o, l).fillChecksum();
      }
    };
    Function<Object, byte[]> icmpEmit = r -> {
      IcmpRepr repr = (IcmpRepr) r;
      byte[] out = new byte[repr.bufferLen()];
      repr.emit(new IcmpPacket(out));
      return out;
    };
    return Stream.of(
        new Case(
            "ethernet",
            EthernetFrameTest.FRAME,
            EthernetFrame.HEADER_LEN,
            (b, o, l) -> EthernetRepr.parse(new EthernetFrame(b, o, l)),
            (b, o, l) -> {},
            r -> {
              byte[] out = new byte[EthernetFrame.HEADER_LEN];
              ((EthernetRepr) r).emit(new EthernetFrame(out));
              return out;
            }),
        new Case(
            "arp",
            ArpPacketTest.PACKET,
            ArpPacket.ETHERNET_IPV4_LEN,
            (b, o, l) -> ArpRepr.parse(new ArpPacket(b, o, l)),
            (b, o, l) -> {},
            r -> {
              byte[] out = new byte[ArpPacket.ETHERNET_IPV4_LEN];
              ((ArpRepr) r).emit(new ArpPacket(out));
              return out;
            }),
        new Case(
            "ipv4",
            Ipv4PacketTest.PACKET,
            Ipv4PacketTest.PACKET.length,
            (b, o, l) -> Ipv4Repr.parse(new Ipv4Packet(b, o, l)),
            (b, o, l) -> {
              Ipv4Packet p = new Ipv4Packet(b, o, l);
              if (l >= Ipv4Packet.HEADER_LEN && p.headerLen() <= l) {
                p.fillChecksum();
              }
            },
            r -> {
              Ipv4Repr repr = (Ipv4Repr) r;
              byte[] out = new byte[repr.bufferLen() + repr.payloadLen()];
              repr.emit(new Ipv4Packet(out));
              return out;
            }),
        whole("icmp echo", IcmpPacketTest.ECHO_REQUEST, icmp, icmpFix, icmpEmit),
        whole("icmp unreachable", IcmpPacketTest.PORT_UNREACHABLE, icmp, icmpFix, icmpEmit),
        new Case(
            "ipv6",
            Ipv6PacketTest.PACKET,
            Ipv6PacketTest.PACKET.length,
            (b, o, l) -> Ipv6Repr.parse(new Ipv6Packet(b, o, l)),
            (b, o, l) -> {},
            r -> {
              Ipv6Repr repr = (Ipv6Repr) r;
              byte[] out = new byte[repr.bufferLen() + repr.payloadLen()];
              repr.emit(new Ipv6Packet(out));
              return out;
            }),
        // The ICMPv6 fixtures are re-checksummed for SRC/DST so one pseudo-header serves all.
        whole("icmpv6 echo", resum(Icmpv6PacketTest.ECHO_REQUEST), icmpv6, icmpv6Fix, icmpv6Emit),
        whole("icmpv6 ns", resum(Icmpv6PacketTest.NEIGHBOR_SOLICIT), icmpv6, icmpv6Fix, icmpv6Emit),
        whole("icmpv6 na", resum(Icmpv6PacketTest.NEIGHBOR_ADVERT), icmpv6, icmpv6Fix, icmpv6Emit),
        whole(
            "icmpv6 unreachable",
            resum(Icmpv6PacketTest.PORT_UNREACHABLE),
            icmpv6,
            icmpv6Fix,
            icmpv6Emit));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givenFixture_whenParsed_thenItIsAccepted(Case c) {
    byte[] buffer = TestBytes.at(OFFSET, c.fixture);

    assertThat(c.parser.parse(buffer, OFFSET, c.fixture.length)).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givenEveryTruncation_whenParsed_thenNothingThrowsAndShortOnesAreEmpty(Case c) {
    for (int len = 0; len <= c.fixture.length; len++) {
      byte[] buffer = TestBytes.at(OFFSET, Arrays.copyOf(c.fixture, len));
      int l = len;
      assertThatCode(() -> c.parser.parse(buffer, OFFSET, l))
          .as("length %d", len)
          .doesNotThrowAnyException();
      if (len < c.minLen) {
        assertThat(c.parser.parse(buffer, OFFSET, len)).as("length %d", len).isEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givenRandomByteFlips_whenParsed_thenNothingThrowsAndWhatParsesRoundTrips(Case c) {
    Random random = new Random(0x5eed ^ c.name.hashCode());
    int parsed = 0;
    for (int i = 0; i < 4000; i++) {
      byte[] bytes = TestBytes.at(OFFSET, c.fixture);
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        bytes[OFFSET + random.nextInt(c.fixture.length)] = (byte) random.nextInt(256);
      }
      if (random.nextBoolean()) {
        c.fixer.fix(bytes, OFFSET, c.fixture.length);
      }
      Optional<?> result = parseOrFail(c, bytes, OFFSET, c.fixture.length, i);
      if (result.isPresent()) {
        parsed++;
        byte[] again = c.emit.apply(result.get());
        assertThat(c.parser.parse(again, 0, again.length)).as("iteration %d", i).isEqualTo(result);
      }
    }
    // The repaired half must reach past the checksum, or the test proves little.
    assertThat(parsed).isGreaterThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givenRandomGarbage_whenParsed_thenNothingThrows(Case c) {
    Random random = new Random(0x6a7b ^ c.name.hashCode());
    for (int i = 0; i < 2000; i++) {
      int len = random.nextInt(96);
      byte[] bytes = new byte[OFFSET + len];
      random.nextBytes(bytes);
      if (len > 0) {
        bytes[OFFSET] = c.fixture[0]; // keep the version/type byte sometimes meaningful
      }
      if (random.nextBoolean()) {
        c.fixer.fix(bytes, OFFSET, len);
      }
      parseOrFail(c, bytes, OFFSET, len, i);
    }
  }

  private static Optional<?> parseOrFail(Case c, byte[] bytes, int offset, int length, int iteration) {
    try {
      return c.parser.parse(bytes, offset, length);
    } catch (RuntimeException e) {
      String input = HexFormat.of().formatHex(bytes, offset, offset + length);
      throw new AssertionError(c.name + " threw on iteration " + iteration + " for " + input, e);
    }
  }

  /** A case whose every truncation must be empty (checksummed or length-announcing formats). */
  private static Case whole(
      String name, byte[] fixture, Parser parser, Fixer fixer, Function<Object, byte[]> emit) {
    return new Case(name, fixture, fixture.length, parser, fixer, emit);
  }

  private static byte[] resum(byte[] fixture) {
    byte[] copy = fixture.clone();
    new Icmpv6Packet(copy).fillChecksum(SRC, DST);
    return copy;
  }
}
