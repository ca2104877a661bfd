package org.vnetlab.kernel.sysctl;

/**
 * One leaf of the simulated sysctl tree, as sys/sys/sysctl.h describes it: its type, its
 * CTLFLAG_* access bits, the compiled-in default and the description {@code sysctl -d} prints.
 * Interior nodes are not listed; every proper prefix of a leaf's name is one.
 */
public record Oid(String name, Type type, int flags, String defaultValue, String description) {

    /** CTLTYPE_*, with the words sysctl(8)'s ctl_typename[] uses for -t and "invalid ..." errors. */
    public enum Type {
        NODE("node"), INT("integer"), UINT("unsigned integer"), LONG("long integer"),
        ULONG("unsigned long"), STRING("string");

        public final String typename;

        Type(String typename) {
            this.typename = typename;
        }

        public boolean numeric() {
            return this != NODE && this != STRING;
        }
    }

    public static final int RD = 0x1;
    public static final int WR = 0x2;
    public static final int RW = RD | WR;
    /** CTLFLAG_TUN: also set from loader.conf. */
    public static final int TUN = 0x4;
    /** CTLFLAG_VNET: one instance per vnet. */
    public static final int VNET = 0x8;
    /** CTLFLAG_PRISON: per jail, writable by jailed root. */
    public static final int PRISON = 0x10;
    public static final int RDTUN = RD | TUN;
    public static final int RWTUN = RW | TUN;

    public boolean writable() {
        return (flags & WR) != 0;
    }

    public boolean tunable() {
        return (flags & TUN) != 0;
    }

    public boolean vnet() {
        return (flags & VNET) != 0;
    }

    public boolean prison() {
        return (flags & PRISON) != 0;
    }

    public boolean isNode() {
        return type == Type.NODE;
    }
}
