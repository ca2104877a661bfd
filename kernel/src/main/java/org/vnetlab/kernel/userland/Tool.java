package org.vnetlab.kernel.userland;

import java.util.List;

/**
 * A FreeBSD userland program. It parses {@code argv} like the real one (argv[0] is the
 * program's name), asks the kernel through {@link Proc#syscall}, writes to the process's
 * stdout/stderr and returns the exit status.
 */
@FunctionalInterface
public interface Tool {
    int main(Proc proc, List<String> argv);
}
