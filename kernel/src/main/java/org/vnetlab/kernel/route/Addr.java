package org.vnetlab.kernel.route;

import java.util.Optional;
import org.vnetlab.kernel.wire.Ipv4Address;
import org.vnetlab.kernel.wire.Ipv6Address;

/**
 * An inet or inet6 address as two longs, the form the tables compare and mask. IPv4 lives in the
 * low 32 bits of {@code lo}. A link-local IPv6 address carries its zone as {@code scope} (an
 * ifindex, 0 = none), as the kernel embeds it (KAME) so that fe80::/64 on two links are distinct keys.
 */
record Addr(boolean inet6, long hi, long lo, int scope) implements Comparable<Addr>, java.io.Serializable {

    static Addr v4(Ipv4Address a) {
        return new Addr(false, 0, a.bits() & 0xffffffffL, 0);
    }

    static Addr v6(Ipv6Address a, int scope) {
        return new Addr(true, a.hi(), a.lo(), a.isLinkLocal() ? scope : 0);
    }

    /** Parses canonical or user text of {@code family}; "%IF" scopes are resolved by the caller. */
    static Optional<Addr> parse(String family, String text) {
        if ("inet".equals(family)) return Ipv4Address.parse(text).map(Addr::v4);
        return Ipv6Address.parse(text).map(a -> v6(a, 0));
    }

    int maxlen() {
        return inet6 ? 128 : 32;
    }

    String family() {
        return inet6 ? "inet6" : "inet";
    }

    Addr masked(int len) {
        if (!inet6) {
            long m = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
            return new Addr(false, 0, lo & m, 0);
        }
        Ipv6Address m = Ipv6Address.mask(len);
        return new Addr(true, hi & m.hi(), lo & m.lo(), scope);
    }

    boolean matches(Addr prefix, int len) {
        if (inet6 != prefix.inet6) return false;
        if (inet6 && prefix.scope != 0 && prefix.scope != scope) return false;
        if (!inet6) {
            long m = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
            return (lo & m) == prefix.lo;
        }
        Ipv6Address m = Ipv6Address.mask(len);
        return (hi & m.hi()) == prefix.hi && (lo & m.lo()) == prefix.lo;
    }

    boolean isZero() {
        return hi == 0 && lo == 0;
    }

    boolean isLinkLocal() {
        return inet6 && (hi & 0xffc0_0000_0000_0000L) == 0xfe80_0000_0000_0000L;
    }

    /** inet_ntop text, without scope. */
    String text() {
        return inet6 ? new Ipv6Address(hi, lo).toString() : new Ipv4Address((int) lo).toString();
    }

    Ipv4Address toIpv4() {
        return new Ipv4Address((int) lo);
    }

    Ipv6Address toIpv6() {
        return new Ipv6Address(hi, lo);
    }

    @Override
    public int compareTo(Addr o) {
        // Radix order: the kernel embeds a link-local zone in bytes 2-3 of the key.
        long h1 = isLinkLocal() ? hi | ((long) (scope & 0xffff) << 32) : hi;
        long h2 = o.isLinkLocal() ? o.hi | ((long) (o.scope & 0xffff) << 32) : o.hi;
        int c = Long.compareUnsigned(h1, h2);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }
}
