package org.vnetlab.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the calling thread's CPU priority (Linux nice, per thread), for work that must not
 * compete with the command path when they share a few cores: in {@code vnetlab dev} (or
 * {@code serve --role all}) the projector runs the kernel on every event just as the aggregate and
 * the stack-worker do, and on two cores an equal share for it costs writes and pings their
 * latency, while reads simply wait a little longer. Raising one's own niceness needs no
 * privilege; where it is not possible (not Linux, no {@code renice}) nothing changes.
 */
public final class BackgroundPriority {
    private BackgroundPriority() {}

    /** {@code nice}: 1 (slightly lower) to 19 (lowest). Returns whether it took effect. */
    public static boolean lowerCurrentThread(int nice) {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "PID/task/TID"
            String tid = self.getFileName().toString();
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
