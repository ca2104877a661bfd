package org.vnetlab.commands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/** Tenants and their API tokens; only a token's SHA-256 is stored. */
public final class Tenants {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DataSource dataSource;

    public Tenants(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the tenant unless it exists. */
    public void ensureTenant(String id, String name) {
        sql("INSERT INTO tenants (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", id, name);
    }

    /** A new random token for {@code tenant}; the caller shows it once, the database keeps its hash. */
    public String issueToken(String tenant, String actor) {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = "vnl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        registerToken(tenant, actor, token);
        return token;
    }

    /** Registers a token chosen elsewhere (e.g. {@code vnetlab dev}'s persisted default). */
    public void registerToken(String tenant, String actor, String token) {
        sql("INSERT INTO api_tokens (token_sha256, tenant, actor) VALUES (?, ?, ?) ON CONFLICT (token_sha256) DO NOTHING",
                sha256(token), tenant, actor);
    }

    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) return Optional.empty();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT tenant, actor FROM api_tokens WHERE token_sha256 = ? AND NOT revoked")) {
            ps.setString(1, sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Principal(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check a token", e);
        }
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
