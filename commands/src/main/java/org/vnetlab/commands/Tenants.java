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

/**
 * Tenants and their API tokens; only a token's SHA-256 is stored. A token found valid is trusted
 * for {@link #TRUST} without asking the database again (every API request authenticates; a
 * revoked token stops working within that time); unknown tokens are always looked up.
 */
public final class Tenants {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final long TRUST = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
    private final DataSource dataSource;
    private final java.util.concurrent.ConcurrentHashMap<String, Trusted> trusted = new java.util.concurrent.ConcurrentHashMap<>();

    private record Trusted(Principal principal, long until) {}

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
        String hash = sha256(token);
        long now = System.nanoTime();
        Trusted t = trusted.get(hash);
        if (t != null && now - t.until() < 0) return Optional.of(t.principal());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT tenant, actor FROM api_tokens WHERE token_sha256 = ? AND NOT revoked")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    trusted.remove(hash);
                    return Optional.empty();
                }
                Principal p = new Principal(rs.getString(1), rs.getString(2));
                if (trusted.size() > 10_000) trusted.clear();
                trusted.put(hash, new Trusted(p, now + TRUST));
                return Optional.of(p);
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
