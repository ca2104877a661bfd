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
     * interface's first inet address (ifconfig's clearaddr); inet6 always adds. {@code pltime} and
     * {@code vltime} are inet6 lifetimes in seconds ({@link SetInterfaceAddress#INFINITE} for none).
     */
    record SetInterfaceAddress(int jid, String name, String family, String address, int prefixlen,
                               String destination, boolean alias, int flags, long pltime, long vltime)
            implements IfCommand {
        /** ND6_INFINITE_LIFETIME, ifconfig's default for {@code pltime} and {@code vltime}. */
        public static final long INFINITE = 0xffff_ffffL;

        public SetInterfaceAddress(int jid, String name, String family, String address, int prefixlen,
                                   String destination, boolean alias, int flags) {
            this(jid, name, family, address, prefixlen, destination, alias, flags, INFINITE, INFINITE);
        }
    }

    record RemoveInterfaceAddress(int jid, String name, String family, String address) implements IfCommand {}

    record SetInterfaceFlags(int jid, String name, int set, int clear) implements IfCommand {}

    record SetMtu(int jid, String name, int mtu) implements IfCommand {}

    record RenameInterface(int jid, String name, String newName) implements IfCommand {}

    record SetDescription(int jid, String name, String description) implements IfCommand {}

    record SetNd6Flags(int jid, String name, int set, int clear) implements IfCommand {}

    /** SIOCSIFLLADDR ({@code ifconfig IF ether MAC}): {@code mac} as typed (link_addr(3) form). */
    record SetLinkAddress(int jid, String name, String mac) implements IfCommand {}

    record AddBridgeMember(int jid, String bridge, String member) implements IfCommand {}

    record RemoveBridgeMember(int jid, String bridge, String member) implements IfCommand {}

    record AddBridgeStatic(int jid, String bridge, String member, String mac, int vlan) implements IfCommand {}

    record DeleteBridgeAddress(int jid, String bridge, String mac, int vlan) implements IfCommand {}

    record FlushBridge(int jid, String bridge, boolean all) implements IfCommand {}
}
