package org.vnetlab.kernel.jail;

import java.util.function.Function;
import org.vnetlab.kernel.state.Prison;

/**
 * One jail parameter as the kernel exports it (security.jail.param.*): its name, type, whether
 * it is read-only or create-only, and how to read its value off a prison.
 *
 * @param read the value as jailparam_export(3) renders it: "true"/"false" for booleans,
 *             "new"/"inherit"/"disable" for jailsys, comma-joined lists; null means zero-length
 *             data (an empty list)
 */
public record JailParam(String name, Type type, int flags, Function<Prison, String> read) {

    public enum Type { INT, STRING, BOOL, JAILSYS, LIST }

    /** CTLFLAG_RD: read-only. */
    public static final int RD = 1;
    /** CTLFLAG_RDTUN: can be set only when the jail is created. */
    public static final int CREATE_ONLY = 2;

    public boolean readOnly() {
        return (flags & RD) != 0;
    }

    public boolean createOnly() {
        return (flags & CREATE_ONLY) != 0;
    }

    public boolean isBool() {
        return type == Type.BOOL;
    }
}
