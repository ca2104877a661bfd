package org.vnetlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.vnetlab.kernel.userland.Outcome;

/** A lab driven line by line with FreeBSD-style expectations: stdout, stderr and exit status. */
public final class LabTester {
    public final Lab lab;

    public LabTester(Lab lab) {
        this.lab = lab;
    }

    /** The line must succeed silently on stderr; returns its outcome for further checks. */
    public Outcome ok(String line) {
        Outcome o = lab.exec(line);
        assertThat(o.stderr()).as("stderr of " + line).isEmpty();
        assertThat(o.exit()).as("exit of " + line).isZero();
        return o;
    }

    public void expect(String line, int exit, String stdout, String stderr) {
        Outcome o = lab.exec(line);
        assertThat(o.stdout()).as("stdout of " + line).isEqualTo(stdout);
        assertThat(o.stderr()).as("stderr of " + line).isEqualTo(stderr);
        assertThat(o.exit()).as("exit of " + line).isEqualTo(exit);
    }
}
