package org.vnetlab.kernel.net;

import java.util.List;
import org.vnetlab.kernel.userland.Proc;
import org.vnetlab.kernel.userland.Tool;

/** ifconfig(8). STUB: owner fills in. */
public final class IfconfigTool implements Tool {
    @Override
    public int main(Proc proc, List<String> argv) {
        return proc.errx(78, "ifconfig", "not implemented yet");
    }
}
