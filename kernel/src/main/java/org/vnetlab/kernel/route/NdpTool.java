package org.vnetlab.kernel.route;

import java.util.List;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/** ndp(8). STUB: owner fills in. */
public final class NdpTool implements Tool {
    @Override
    public int main(Proc proc, List<String> argv) {
        return proc.errx(78, "ndp", "not implemented yet");
    }
}
