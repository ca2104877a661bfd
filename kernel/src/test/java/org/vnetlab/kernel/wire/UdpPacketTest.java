package org.vnetlab.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** smoltcp-style byte fixtures for {@link UdpPacket} (a traceroute probe from 192.168.1.1 to 192.168.1.2). */
class UdpPacketTest {
    private static final Ipv4Address SRC = Ipv4Address.of("192.168.1.1");
    private static final Ipv4Address DST = Ipv4Address.of("192.168.1.2");
    /** src port 48896, dst port 53, length 12, checksum 0x124d, payload aa 00 00 ff (smoltcp's fixture). */
    private static final byte[] BYTES = {(byte) 0xbf, 0x00, 0x00, 0x35, 0x00, 0x0c, 0x12, 0x4d,
        (byte) 0xaa, 0x00, 0x00, (byte) 0xff};

    @Test
    void givenFixture_whenDecoded_thenFieldsRead() {
        UdpPacket p = new UdpPacket(BYTES.clone(), 0, BYTES.length);
        assertThat(p.srcPort()).isEqualTo(48896);
        assertThat(p.dstPort()).isEqualTo(53);
        assertThat(p.datagramLen()).isEqualTo(12);
        assertThat(p.checksum()).isEqualTo(0x124d);
        assertThat(p.payloadOffset()).isEqualTo(8);
    }

    @Test
    void givenFields_whenEncoded_thenFixtureBytes() {
        byte[] b = new byte[12];
        UdpPacket p = new UdpPacket(b, 0, b.length);
        p.setSrcPort(48896);
        p.setDstPort(53);
        p.setDatagramLen(12);
        b[8] = (byte) 0xaa;
        b[11] = (byte) 0xff;
        p.fillChecksum(SRC, DST);
        assertThat(b).isEqualTo(BYTES);
    }

    @Test
    void givenFixture_whenParsed_thenLengthAndChecksumValid_andCorruptionDetected() {
        UdpPacket p = new UdpPacket(BYTES.clone(), 0, BYTES.length);
        assertThat(p.checkLen()).isTrue();
        assertThat(p.verifyChecksum(SRC, DST)).isTrue();
        byte[] bad = BYTES.clone();
        bad[9] = 1;
        assertThat(new UdpPacket(bad, 0, bad.length).verifyChecksum(SRC, DST)).isFalse();
        assertThat(new UdpPacket(BYTES.clone(), 0, 7).checkLen()).isFalse();
    }

    @Test
    void givenIpv6Addresses_whenEmitted_thenChecksumNeverZeroAndCoversPseudoHeader() {
        byte[] b = new byte[12];
        UdpPacket p = new UdpPacket(b, 0, b.length);
        p.setSrcPort(0x8000);
        p.setDstPort(33435);
        p.setDatagramLen(12);
        b[8] = 1;
        b[9] = 1;
        Ipv6Address s = Ipv6Address.of("2001:db8::1");
        Ipv6Address d = Ipv6Address.of("2001:db8::2");
        p.fillChecksum(s, d);
        assertThat(p.checksum()).isNotZero();
        int sum = Checksum.combine(Checksum.pseudoHeaderV6(s, d, IpProtocol.UDP, 12), Checksum.data(b, 0, 12));
        assertThat(sum).isEqualTo(Checksum.VALID);
    }
}
