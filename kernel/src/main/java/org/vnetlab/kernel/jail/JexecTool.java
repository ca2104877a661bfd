package org.vnetlab.kernel.jail;

import java.util.List;
import org.vnetlab.kernel.state.Prison;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Programs;
import org.vnetlab.kernel.userland.Tool;

/** jexec(8) (usr.sbin/jexec/jexec.c): run a command inside a jail, nesting allowed. */
public final class JexecTool implements Tool {
    private static final String PROG = "jexec";
    private static final String USAGE = "usage: jexec [-l] [-d working-directory] [-u username | -U username] jail [command ...]\n";

    @Override
    public int main(Proc p, List<String> argv) {
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) break;
            for (int k = 1; k < a.length(); k++) {
                char o = a.charAt(k);
                if (o == 'l') continue;
                if (o == 'u' || o == 'U' || o == 'd') {
                    if (k + 1 == a.length() && ++i >= argv.size()) return usage(p);
                    break;
                }
                p.warnx(PROG, "illegal option -- " + o);
                return usage(p);
            }
        }
        if (i >= argv.size()) return usage(p);
        String name = argv.get(i);
        Prison jail = p.host.lookup(p.prison, name);
        if (jail == null) {
            return p.errx(1, PROG, org.vnetlab.kernel.state.Host.isNumber(name)
                    ? "jail " + name + " not found" : "jail \"" + name + "\" not found");
        }
        List<String> command = argv.subList(i + 1, argv.size());
        if (command.isEmpty()) return 0; // an interactive shell: nothing to read here, it exits at once
        Integer status = Programs.exec(p.attach(jail), command);
        if (status == null) return p.errx(1, PROG, "execvp: " + command.get(0) + ": No such file or directory");
        return status;
    }

    private static int usage(Proc p) {
        p.err.append(USAGE);
        return 1;
    }
}
