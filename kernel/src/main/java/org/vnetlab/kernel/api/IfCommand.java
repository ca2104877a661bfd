package org.vnetlab.kernel.api;

/** Interface ioctls (SIOCIFCREATE2, SIOCSIFVNET, SIOCAIFADDR, SIOCSIFFLAGS, BRDGADD, ...). */
public sealed interface IfCommand extends Command {

    /** {@code name} is a cloner name ("epair", "bridge", "lo") or a name with a unit ("epair5"). */
    record CreateInterface(int jid, String name) implements IfCommand {}

    record DestroyInterface(int jid, String name) implements IfCommand {}

    /** SIOCSIFVNET: move {@code name} from the caller's vnet into jail {@code target}'s vnet. */
    record MoveInterfaceToVnet(int jid, String name, int target) implements IfCommand {}

    /** SIOCSIFRVNET: take {@code name} back from jail {@code target} into the caller's vnet. */
    record ReclaimInterfaceFromVnet(int jid, String name, int target) implements IfCommand {}

    /**
     * SIOCAIFADDR / SIOCAIFADDR_IN6. Without {@code alias} an inet address replaces the
     * interface's first inet address (ifconfig's clearaddr); inet6 always adds.
     */
    record SetInterfaceAddress(int jid, String name, String family, String address, int prefixlen,
                               String destination, boolean alias, int flags) implements IfCommand {}

    record RemoveInterfaceAddress(int jid, String name, String family, String address) implements IfCommand {}

    record SetInterfaceFlags(int jid, String name, int set, int clear) implements IfCommand {}

    record SetMtu(int jid, String name, int mtu) implements IfCommand {}

    record RenameInterface(int jid, String name, String newName) implements IfCommand {}

    record SetDescription(int jid, String name, String description) implements IfCommand {}

    record SetNd6Flags(int jid, String name, int set, int clear) implements IfCommand {}

    record AddBridgeMember(int jid, String bridge, String member) implements IfCommand {}

    record RemoveBridgeMember(int jid, String bridge, String member) implements IfCommand {}

    record AddBridgeStatic(int jid, String bridge, String member, String mac, int vlan) implements IfCommand {}

    record DeleteBridgeAddress(int jid, String bridge, String mac, int vlan) implements IfCommand {}

    record FlushBridge(int jid, String bridge, boolean all) implements IfCommand {}
}
