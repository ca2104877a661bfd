package org.vnetlab.kernel.sysctl;

import java.util.List;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/** sysctl(8). STUB: owner fills in. */
public final class SysctlTool implements Tool {
    @Override
    public int main(Proc proc, List<String> argv) {
        return proc.errx(78, "sysctl", "not implemented yet");
    }
}
