package org.vnetlab.kernel.api;

public sealed interface SysctlCommand extends Command {

    /** {@code value} is the text after '=', not yet converted to the OID's type. */
    record SetSysctl(int jid, String oid, String value) implements SysctlCommand {}
}
