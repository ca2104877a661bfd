-- What projections/ knows of each lab: how far it has projected the lab's stream (the lab's
-- position, i.e. the sequence of its last applied event) and what its host was booted from.
-- Readers poll "position" to wait for their own writes; it commits with the rows it describes.
CREATE TABLE projected_labs (
    tenant   VARCHAR(64)  NOT NULL,
    lab      VARCHAR(64)  NOT NULL PRIMARY KEY,
    name     VARCHAR(255),
    seed     BIGINT       NOT NULL,
    hostname VARCHAR(255) NOT NULL,
    position BIGINT       NOT NULL,
    deleted  BOOLEAN      NOT NULL DEFAULT FALSE
);

-- A jail's addresses as jls shows them (comma-separated), beside its other parameters.
ALTER TABLE jails ADD COLUMN ip4 TEXT;
ALTER TABLE jails ADD COLUMN ip6 TEXT;
