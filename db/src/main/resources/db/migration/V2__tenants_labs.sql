-- Tenants, their API tokens (only the SHA-256 of a token is stored, hex), and the labs' catalog.
-- The event store is the truth for a lab's contents; this table answers "which labs exist".
CREATE TABLE tenants (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE api_tokens (
    token_sha256 CHAR(64)     NOT NULL PRIMARY KEY,
    tenant       VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    actor        VARCHAR(255) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked      BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX api_tokens_tenant ON api_tokens (tenant);

CREATE TABLE labs (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant     VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    name       VARCHAR(255) NOT NULL,
    seed       BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    deleted    BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX labs_tenant ON labs (tenant, created_at);
