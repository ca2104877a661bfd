package org.vnetlab.kernel.sysctl;

import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.Errno;
import org.vnetlab.kernel.api.SysctlCommand;
import org.vnetlab.kernel.api.SysctlCommand.SetSysctl;
import org.vnetlab.kernel.api.SysctlEvent.SysctlSet;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.state.Host;

/** The kernel side of a sysctl(2) write: sys/kern/kern_sysctl.c sysctl_root and the handlers. */
public final class SysctlSyscalls {
    /** MAXHOSTNAMELEN - 1 and HOSTUUIDLEN - 1: the longest strings the handlers take. */
    private static final int MAX_HOSTNAME = 255;
    private static final int MAX_HOSTUUID = 63;
    /** if_ether.c MAX_GARP_RETRANSMITS. */
    private static final int MAX_GARP_RETRANSMITS = 16;

    private SysctlSyscalls() {}

    public static Decision decide(Host host, SysctlCommand c) {
        if (c instanceof SetSysctl s) return set(host, s);
        throw new IllegalArgumentException("unknown sysctl command " + c);
    }

    private static Decision set(Host host, SetSysctl s) {
        Prison caller = host.prison(s.jid());
        if (caller == null) return Decision.reject(Errno.ESRCH);
        Oid oid = SysctlCatalog.lookup(s.oid());
        if (oid == null) return Decision.reject(Errno.ENOENT);
        if (oid.isNode()) return Decision.reject(Errno.EINVAL);
        // sysctl_root: read-only OIDs refuse any new value
        if (!oid.writable()) return Decision.reject(Errno.EPERM);
        // sysctl_root: jailed root has PRIV_SYSCTL_WRITEJAIL only, which CTLFLAG_PRISON OIDs
        // accept, and CTLFLAG_VNET ones when the jail owns its vnet
        if (!caller.isHost() && !oid.prison() && !(oid.vnet() && caller.ownVnet)) {
            return Decision.reject(Errno.EPERM);
        }
        String value = canonical(oid.type(), s.value());
        if (value == null) return Decision.reject(Errno.EINVAL);
        Errno handler = handlerCheck(caller, oid, value);
        if (handler != null) return Decision.reject(handler);
        return Decision.accept(new SysctlSet(s.jid(), oid.name(), value));
    }

    /** What the OID's own handler refuses. */
    private static Errno handlerCheck(Prison caller, Oid oid, String value) {
        switch (oid.name()) {
            case "kern.hostname", "kern.domainname", "kern.hostuuid", "kern.hostid" -> {
                // kern_mib.c sysctl_hostname: a jail needs allow.set_hostname
                if (!caller.isHost() && "false".equals(caller.param("allow.set_hostname"))) return Errno.EPERM;
                int max = oid.name().equals("kern.hostuuid") ? MAX_HOSTUUID : MAX_HOSTNAME;
                if (value.length() > max) return Errno.EINVAL;
            }
            case "kern.securelevel" -> {
                // kern_mib.c sysctl_kern_securelvl: the level may only be raised
                if (Integer.parseInt(value) < Sysctls.securelevel(caller)) return Errno.EPERM;
            }
            case "net.link.ether.inet.garp_rexmit_count" -> {
                // if_ether.c sysctl_garp_rexmit
                int n = Integer.parseInt(value);
                if (n < 0 || n > MAX_GARP_RETRANSMITS) return Errno.EINVAL;
            }
            default -> { }
        }
        return null;
    }

    /** The value in the OID's type, as sysctl(8) would print it back; null if it does not fit. */
    static String canonical(Oid.Type type, String value) {
        try {
            return switch (type) {
                case STRING -> value;
                case INT -> Integer.toString(Integer.parseInt(value));
                case UINT -> {
                    long v = Long.parseLong(value);
                    yield v >= 0 && v <= 0xFFFF_FFFFL ? Long.toString(v) : null;
                }
                case LONG -> Long.toString(Long.parseLong(value));
                case ULONG -> Long.toUnsignedString(Long.parseUnsignedLong(value));
                case NODE -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
