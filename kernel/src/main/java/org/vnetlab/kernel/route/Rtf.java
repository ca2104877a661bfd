package org.vnetlab.kernel.route;

/** RTF_* route flags (sys/net/route.h) and the letters netstat prints for them (usr.bin/netstat/route.c bits[]). */
public final class Rtf {
    public static final int UP = 0x1;
    public static final int GATEWAY = 0x2;
    public static final int HOST = 0x4;
    public static final int REJECT = 0x8;
    public static final int DYNAMIC = 0x10;
    public static final int MODIFIED = 0x20;
    public static final int DONE = 0x40;
    public static final int XRESOLVE = 0x200;
    public static final int LLINFO = 0x400;
    public static final int STATIC = 0x800;
    public static final int BLACKHOLE = 0x1000;
    public static final int PROTO2 = 0x4000;
    public static final int PROTO1 = 0x8000;
    public static final int PROTO3 = 0x40000;
    public static final int PINNED = 0x100000;
    public static final int LOCAL = 0x200000;
    public static final int BROADCAST = 0x400000;

    private static final int[] MASKS = {UP, GATEWAY, HOST, REJECT, DYNAMIC, MODIFIED, DONE, XRESOLVE, STATIC,
        PROTO1, PROTO2, PROTO3, BLACKHOLE, BROADCAST};
    private static final char[] LETTERS = {'U', 'G', 'H', 'R', 'D', 'M', 'd', 'X', 'S', '1', '2', '3', 'B', 'b'};
    private static final String[] PRETTY = {"up", "gateway", "host", "reject", "dynamic", "modified", "done",
        "xresolve", "static", "proto1", "proto2", "proto3", "blackhole", "broadcast"};

    /** route.c routeflags[], for printb() in route get, in bit order. */
    private static final String[] BIT_NAMES = new String[32];

    static {
        String spec = "1UP 2GATEWAY 3HOST 4REJECT 5DYNAMIC 6MODIFIED 7DONE 10XRESOLVE 11LLINFO 12STATIC 13BLACKHOLE "
                + "15PROTO2 16PROTO1 17PRCLONING 18WASCLONED 19PROTO3 21PINNED 22LOCAL 23BROADCAST 24MULTICAST 29STICKY";
        for (String s : spec.split(" ")) {
            int i = 0;
            while (Character.isDigit(s.charAt(i))) i++;
            BIT_NAMES[Integer.parseInt(s.substring(0, i)) - 1] = s.substring(i);
        }
    }

    private Rtf() {}

    /** netstat's flag letters (fmt_flags). */
    public static String letters(int flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < MASKS.length; i++) if ((flags & MASKS[i]) != 0) sb.append(LETTERS[i]);
        return sb.toString();
    }

    /** netstat's flags_pretty list (libxo output only). */
    public static java.util.List<String> pretty(int flags) {
        java.util.List<String> list = new java.util.ArrayList<>();
        for (int i = 0; i < MASKS.length; i++) if ((flags & MASKS[i]) != 0) list.add(PRETTY[i]);
        return list;
    }

    /** route get's "&lt;UP,GATEWAY,DONE,STATIC&gt;" (printb with routeflags). */
    public static String printb(int flags) {
        StringBuilder sb = new StringBuilder();
        for (int bit = 0; bit < 32; bit++) {
            if ((flags & (1 << bit)) != 0 && BIT_NAMES[bit] != null) {
                sb.append(sb.length() == 0 ? '<' : ',').append(BIT_NAMES[bit]);
            }
        }
        return sb.length() == 0 ? "" : sb.append('>').toString();
    }
}
