package org.vnetlab.kernel.api;

import java.util.Map;

/** jail_set(2) / jail_remove(2). Parameters are as jail(8) passes them (bare booleans as "true"/"false"). */
public sealed interface JailCommand extends Command {

    record CreateJail(int jid, Map<String, String> params) implements JailCommand {}

    /** The jail to modify is named by the {@code jid} or {@code name} parameter. */
    record ModifyJail(int jid, Map<String, String> params) implements JailCommand {}

    record RemoveJail(int jid, int target) implements JailCommand {}
}
