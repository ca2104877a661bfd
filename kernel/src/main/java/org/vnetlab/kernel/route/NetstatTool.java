package org.vnetlab.kernel.route;

import java.util.List;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/** netstat(8). STUB: owner fills in. */
public final class NetstatTool implements Tool {
    @Override
    public int main(Proc proc, List<String> argv) {
        return proc.errx(78, "netstat", "not implemented yet");
    }
}
