package org.vnetlab.kernel.state;

/** IFF_* interface flags with the names ifconfig prints (sys/net/if.h, sbin/ifconfig IFFBITS). */
public final class IfFlags {
    public static final int UP = 0x1;
    public static final int BROADCAST = 0x2;
    public static final int DEBUG = 0x4;
    public static final int LOOPBACK = 0x8;
    public static final int POINTOPOINT = 0x10;
    public static final int NEEDSEPOCH = 0x20;
    public static final int RUNNING = 0x40;
    public static final int NOARP = 0x80;
    public static final int PROMISC = 0x100;
    public static final int ALLMULTI = 0x200;
    public static final int OACTIVE = 0x400;
    public static final int SIMPLEX = 0x800;
    public static final int LINK0 = 0x1000;
    public static final int LINK1 = 0x2000;
    public static final int LINK2 = 0x4000;
    public static final int MULTICAST = 0x8000;
    public static final int CANTCONFIG = 0x10000;
    public static final int PPROMISC = 0x20000;
    public static final int MONITOR = 0x40000;
    public static final int STATICARP = 0x80000;
    public static final int STICKYARP = 0x100000;
    public static final int DYING = 0x200000;
    public static final int RENAMING = 0x400000;
    public static final int PALLMULTI = 0x800000;
    public static final int LOWER_UP = 0x1000000;

    /** Bit names in bit order, as ifconfig's IFFBITS (14+ netlink output adds LOWER_UP). */
    private static final String[] NAMES = {
        "UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT", "NEEDSEPOCH", "RUNNING", "NOARP",
        "PROMISC", "ALLMULTI", "OACTIVE", "SIMPLEX", "LINK0", "LINK1", "LINK2", "MULTICAST",
        "CANTCONFIG", "PPROMISC", "MONITOR", "STATICARP", "STICKYARP", "DYING", "RENAMING",
        "PALLMULTI", "LOWER_UP"
    };

    private IfFlags() {}

    /** "8843&lt;UP,BROADCAST,...&gt;" as printb() prints it: hex value, then the names. */
    public static String describe(int flags) {
        return Integer.toHexString(flags) + "<" + names(flags, NAMES) + ">";
    }

    /** The comma-separated names of the set bits, in bit order. */
    public static String names(int flags, String[] names) {
        StringBuilder sb = new StringBuilder();
        for (int bit = 0; bit < names.length; bit++) {
            if ((flags & (1 << bit)) != 0 && names[bit] != null) {
                if (sb.length() > 0) sb.append(',');
                sb.append(names[bit]);
            }
        }
        return sb.toString();
    }
}
