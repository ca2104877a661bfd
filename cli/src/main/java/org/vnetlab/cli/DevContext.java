package org.vnetlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code vnetlab dev} tells clients its URL and token: a small JSON file. It also names the
 * embedded database ({@code jdbcUrl}, {@code jdbcUser}; no password), for {@code vnetlab bench api}'s
 * JDBC ceiling; it listens on localhost only.
 */
record DevContext(String url, String token, String dataDir, String jdbcUrl, String jdbcUser) {
    private static final ObjectMapper JSON = new ObjectMapper();

    DevContext(String url, String token, String dataDir) {
        this(url, token, dataDir, null, null);
    }

    /** The context clients read by default: VNETLAB_CONTEXT, else VNETLAB_HOME/context.json. */
    static Path defaultFile() {
        String explicit = Env.CONTEXT.get();
        return explicit.isEmpty() ? Env.home().resolve("context.json") : Path.of(explicit);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.createObjectNode().put("url", url).put("token", token).put("dataDir", dataDir)
                .put("jdbcUrl", jdbcUrl).put("jdbcUser", jdbcUser).toPrettyString() + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Optional<DevContext> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return Optional.of(new DevContext(n.path("url").asText(null), n.path("token").asText(null), n.path("dataDir").asText(null),
                    n.path("jdbcUrl").asText(null), n.path("jdbcUser").asText(null)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
