package org.vnetlab.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the API is and who we are: options, then VNETLAB_URL/VNETLAB_TOKEN, then the dev context. */
final class ClientOptions {
    @Option(names = "--url", description = "The API's URL (default: $VNETLAB_URL, else the running `vnetlab dev`).")
    String url;

    @Option(names = "--token", description = "The API token (default: $VNETLAB_TOKEN, else the running `vnetlab dev`'s).")
    String token;

    @Option(names = "--context", description = "The context file `vnetlab dev` wrote (default: $VNETLAB_CONTEXT, else ~/.vnetlab/context.json).")
    Path context;

    ApiClient client() {
        Optional<DevContext> ctx = DevContext.read(context != null ? context : DevContext.defaultFile());
        String u = firstOf(url, Env.URL.get(), ctx.map(DevContext::url).orElse(null));
        String t = firstOf(token, Env.TOKEN.get(), ctx.map(DevContext::token).orElse(null));
        if (u == null) throw new ApiClient.ClientException("vnetlab: no API to talk to: start `vnetlab dev`, or give --url/VNETLAB_URL", 64);
        if (t == null) throw new ApiClient.ClientException("vnetlab: no token: give --token/VNETLAB_TOKEN", 64);
        return new ApiClient(u, t);
    }

    private static String firstOf(String... values) {
        for (String v : values) if (v != null && !v.isEmpty()) return v;
        return null;
    }
}
