package org.vnetlab.kernel.state;

/**
 * One address on an interface (struct ifaddr / in_ifaddr / in6_ifaddr). {@code family} is
 * "inet" or "inet6"; {@code address} is canonical text (inet_ntop form, link-local without
 * scope); {@code destination} is the point-to-point peer or null. Only {@code flags} (IN6_IFF_*)
 * and the inet6 lifetimes can change in place.
 */
public final class IfAddr implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** IN6_IFF_* (sys/netinet6/in6_var.h). */
    public static final int IN6_IFF_ANYCAST = 0x01;
    public static final int IN6_IFF_TENTATIVE = 0x02;
    public static final int IN6_IFF_DUPLICATED = 0x04;
    public static final int IN6_IFF_DETACHED = 0x08;
    public static final int IN6_IFF_DEPRECATED = 0x10;
    public static final int IN6_IFF_NODAD = 0x20;
    public static final int IN6_IFF_AUTOCONF = 0x40;
    public static final int IN6_IFF_TEMPORARY = 0x80;
    public static final int IN6_IFF_PREFER_SOURCE = 0x100;

    public final String family;
    public final String address;
    public final int prefixlen;
    public final String destination;
    int flags;
    /**
     * in6_addrlifetime's ia6t_preferred / ia6t_expire: the uptime second (Host.now / 1e9) at which
     * the address becomes deprecated / invalid; {@link #INFINITE} when it never does. inet6 only.
     */
    public long preferredUntil = INFINITE;
    public long validUntil = INFINITE;
    public static final long INFINITE = Long.MAX_VALUE;

    public IfAddr(String family, String address, int prefixlen, String destination, int flags) {
        this.family = family;
        this.address = address;
        this.prefixlen = prefixlen;
        this.destination = destination;
        this.flags = flags;
    }

    public boolean isInet() {
        return "inet".equals(family);
    }

    public boolean isInet6() {
        return "inet6".equals(family);
    }

    public int flags() {
        return flags;
    }

    public void setFlags(int flags) {
        this.flags = flags;
    }
}
