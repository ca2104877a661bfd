package org.vnetlab.kernel.sysctl;

import java.math.BigInteger;
import java.util.List;
import org.vnetlab.kernel.api.Decision;
import org.vnetlab.kernel.api.SysctlCommand.SetSysctl;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/**
 * sysctl(8), after sbin/sysctl/sysctl.c: main() counts failures into the exit status, parse()
 * reads or writes one {@code name[=value]}, show_var() prints one OID, sysctl_all() a subtree.
 */
public final class SysctlTool implements Tool {
    private static final String PROG = "sysctl";
    private static final String OPTSTRING = "AabB:def:hiNnoqtTwWxX";
    private static final int EX_NOINPUT = 66;

    @Override
    public int main(Proc proc, List<String> argv) {
        Run run = new Run(proc);
        try {
            return run.main(argv);
        } catch (Exit e) {
            return e.status;
        }
    }

    /** exit(3) from deep inside parse(), as usage() and errx() do. */
    private static final class Exit extends RuntimeException {
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private static final class Run {
        final Proc proc;
        boolean aflag, bflag, dflag, eflag, iflag, Nflag, nflag, qflag, tflag, Tflag, Wflag;

        Run(Proc proc) {
            this.proc = proc;
        }

        int main(List<String> argv) {
            int optind = 1;
            String conffile = null;
            // getopt(3)
            while (optind < argv.size()) {
                String arg = argv.get(optind);
                if (arg.equals("--")) {
                    optind++;
                    break;
                }
                if (arg.length() < 2 || arg.charAt(0) != '-') break;
                optind++;
                for (int k = 1; k < arg.length(); k++) {
                    char ch = arg.charAt(k);
                    int at = OPTSTRING.indexOf(ch);
                    if (ch == ':' || at < 0) {
                        proc.warnx(PROG, "illegal option -- " + ch);
                        usage();
                    }
                    if (at + 1 < OPTSTRING.length() && OPTSTRING.charAt(at + 1) == ':') {
                        String optarg;
                        if (k + 1 < arg.length()) {
                            optarg = arg.substring(k + 1);
                        } else if (optind < argv.size()) {
                            optarg = argv.get(optind++);
                        } else {
                            proc.warnx(PROG, "option requires an argument -- " + ch);
                            usage();
                            return 1;
                        }
                        if (ch == 'f') conffile = optarg;
                        break;
                    }
                    switch (ch) {
                        case 'A', 'X', 'a' -> aflag = true;
                        case 'b' -> bflag = true;
                        case 'd' -> dflag = true;
                        case 'e' -> eflag = true;
                        case 'i' -> iflag = true;
                        case 'N' -> Nflag = true;
                        case 'n' -> nflag = true;
                        case 'q' -> qflag = true;
                        case 't' -> tflag = true;
                        case 'T' -> Tflag = true;
                        case 'W' -> Wflag = true;
                        default -> { } // -h (no grouping in the C locale), -o, -x (opaques), -w
                    }
                }
            }
            List<String> args = argv.subList(optind, argv.size());
            if (Nflag && nflag) usage();
            if (aflag && args.isEmpty()) return sysctlAll(null);
            if (args.isEmpty() && conffile == null) usage();
            int warncount = 0;
            if (conffile != null) {
                // parsefile(): there are no files to read in the simulator
                proc.warnx(PROG, conffile + ": No such file or directory");
                throw new Exit(EX_NOINPUT);
            }
            for (String a : args) warncount += parse(a);
            return warncount;
        }

        void usage() {
            proc.errln("usage: sysctl [-bdehiNnoqTtWx] [ -B <bufsize> ] [-f filename] name[=value] ...");
            proc.errln("       sysctl [-bdehNnoqTtWx] [ -B <bufsize> ] -a");
            throw new Exit(1);
        }

        int parse(String string) {
            String name = string;
            String newval = null;
            int sep = indexOfAny(string, "=:");
            if (sep >= 0) {
                if (Tflag || Wflag) {
                    proc.warnx(PROG, "Can't set variables when using -T or -W");
                    usage();
                }
                name = string.substring(0, sep);
                newval = stripQuotes(string.substring(sep + 1).stripLeading());
            }
            name = name.stripTrailing();
            Oid oid = SysctlCatalog.lookup(name);
            if (oid == null) {
                if (iflag) return 0;
                if (!qflag) proc.warnx(PROG, "unknown oid '" + name + "'");
                return 1;
            }
            if (newval == null || dflag) {
                if (oid.isNode()) {
                    if (dflag && showVar(oid, nflag) && !bflag) proc.out.append('\n');
                    sysctlAll(oid);
                } else if (showVar(oid, nflag) && !bflag) {
                    proc.out.append('\n');
                }
                return 0;
            }
            if (oid.isNode()) {
                proc.warnx(PROG, "oid '" + name + "' isn't a leaf node");
                return 1;
            }
            if (!oid.writable()) {
                if (oid.tunable()) {
                    proc.warnx(PROG, "oid '" + name + "' is a read only tunable");
                    proc.warnx(PROG, "Tunable values are set in /boot/loader.conf");
                } else {
                    proc.warnx(PROG, "oid '" + name + "' is read only");
                }
                return 1;
            }
            String value = newval;
            if (oid.type().numeric()) {
                if (newval.isEmpty()) {
                    proc.warnx(PROG, "empty numeric value");
                    return 1;
                }
                // several numbers make an array; the simulated OIDs are scalars and keep the first
                value = null;
                for (String token : newval.split("[ ,]")) {
                    if (token.isEmpty()) continue;
                    String parsed = parseNumeric(oid.type(), token);
                    if (parsed == null) {
                        proc.warnx(PROG, "invalid " + oid.type().typename + " '" + token + "'");
                        return 1;
                    }
                    if (value == null) value = parsed;
                }
            }
            boolean printed = showVar(oid, nflag);
            if (value != null) {
                Decision d = proc.syscall(new SetSysctl(proc.jid(), oid.name(), value));
                if (d instanceof Decision.Rejected r) {
                    if (printed && !bflag) proc.out.append('\n');
                    switch (r.errno()) {
                        case EOPNOTSUPP -> proc.warnx(PROG, string + ": value is not available");
                        case ENOMEM -> proc.warnx(PROG, string + ": type is unknown to this program");
                        default -> proc.warnx(PROG, string + ": " + r.text());
                    }
                    return 1;
                }
            }
            if (!bflag) proc.out.append(" -> ");
            if (showVar(oid, true) && !bflag) proc.out.append('\n');
            return 0;
        }

        /** sysctl_all(): every leaf below {@code node} (everything when null). */
        int sysctlAll(Oid node) {
            for (Oid o : node == null ? SysctlCatalog.leaves() : SysctlCatalog.subtree(node)) {
                if (showVar(o, nflag) && !bflag) proc.out.append('\n');
            }
            return 0;
        }

        /** show_var(): true when something was printed (its "return 0"). */
        boolean showVar(Oid oid, boolean noName) {
            if (Wflag && !oid.writable()) return false;
            if (Tflag && !oid.tunable()) return false;
            StringBuilder out = proc.out;
            if (Nflag) {
                out.append(oid.name());
                return true;
            }
            String sep = eflag ? "=" : ": ";
            if (tflag || dflag) {
                if (!noName) out.append(oid.name()).append(sep);
                if (tflag) out.append(oid.type().typename);
                if (dflag) {
                    if (tflag) out.append(sep);
                    out.append(oid.description());
                }
                return true;
            }
            if (oid.isNode()) return false;
            String value = Sysctls.value(proc.host, proc.prison, oid.name());
            if (bflag) {
                appendRaw(oid.type(), value);
                return true;
            }
            if (!noName) out.append(oid.name()).append(sep);
            out.append(value);
            return true;
        }

        /** -b: the value's bytes as the kernel hands them out (little-endian, strings NUL-terminated). */
        private void appendRaw(Oid.Type type, String value) {
            int size = switch (type) {
                case INT, UINT -> 4;
                case LONG, ULONG -> 8;
                default -> 0;
            };
            if (size == 0) {
                proc.out.append(value).append('\0');
                return;
            }
            long v = type == Oid.Type.ULONG ? Long.parseUnsignedLong(value) : Long.parseLong(value);
            for (int i = 0; i < size; i++) proc.out.append((char) ((v >>> (8 * i)) & 0xff));
        }
    }

    /** parse_numeric(): strtol/strtoul with base 0, then the cast to the OID's C type. */
    static String parseNumeric(Oid.Type type, String s) {
        BigInteger v = strto(s, type == Oid.Type.INT || type == Oid.Type.LONG);
        if (v == null) return null;
        return switch (type) {
            case INT -> Integer.toString(v.intValue());
            case UINT -> Integer.toUnsignedString(v.intValue());
            case LONG -> Long.toString(v.longValue());
            case ULONG -> Long.toUnsignedString(v.longValue());
            default -> null;
        };
    }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** strtol(3) (signed) or strtoul(3): null when nothing parses, text is left over or ERANGE. */
    static BigInteger strto(String s, boolean signed) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int radix = 10;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < n && s.charAt(i) == '0') {
            radix = 8;
        }
        int start = i;
        while (i < n && s.charAt(i) < 128 && Character.digit(s.charAt(i), radix) >= 0) i++;
        if (i == start || i != n) return null;
        BigInteger v = new BigInteger(s.substring(start, i), radix);
        if (signed) {
            if (negative) v = v.negate();
            if (v.bitLength() > 63) return null;
            return v;
        }
        if (v.bitLength() > 64) return null;
        return negative && v.signum() != 0 ? TWO_64.subtract(v) : v;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /** "Strip a pair of \" or ' if any." */
    private static String stripQuotes(String v) {
        if (!v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            char q = v.charAt(0);
            if (v.length() > 1 && v.charAt(v.length() - 1) == q) v = v.substring(0, v.length() - 1);
            else if (v.length() == 1) v = "";
            return v.isEmpty() ? v : v.substring(1);
        }
        return v;
    }
}
