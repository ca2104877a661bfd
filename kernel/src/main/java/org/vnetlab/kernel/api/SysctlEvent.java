package org.vnetlab.kernel.api;

/** sysctl writes. */
public sealed interface SysctlEvent extends Event {

    /**
     * {@code sysctl oid=value} run in jail {@code jid} (0 = host). Whether the value lands in that
     * jail's vnet (CTLFLAG_VNET), in the jail itself (CTLFLAG_PRISON) or host-wide is a property
     * of the OID, resolved by evolve the same way decide resolved it.
     */
    record SysctlSet(int jid, String oid, String value) implements SysctlEvent {}
}
