-- Read models built by projections/ from vnetlab.events. Every row carries its tenant and lab;
-- "vnet" is the jid of the jail that owns the vnet (0 = the host), as in the published language.
-- "position" is the lab's event sequence number (the aggregate's) of the event a row reflects.
CREATE TABLE jails (
    tenant     VARCHAR(64)  NOT NULL,
    lab        VARCHAR(64)  NOT NULL,
    jid        INTEGER      NOT NULL,
    name       VARCHAR(255) NOT NULL,
    parent     INTEGER      NOT NULL DEFAULT 0,
    path       TEXT,
    hostname   VARCHAR(255),
    vnet       BOOLEAN      NOT NULL,
    params     JSONB        NOT NULL DEFAULT '{}'::jsonb,
    position   BIGINT       NOT NULL,
    PRIMARY KEY (lab, jid)
);

CREATE TABLE interfaces (
    tenant   VARCHAR(64) NOT NULL,
    lab      VARCHAR(64) NOT NULL,
    vnet     INTEGER     NOT NULL,
    name     VARCHAR(64) NOT NULL,
    ifindex  INTEGER     NOT NULL,
    kind     VARCHAR(32) NOT NULL,
    home_vnet INTEGER    NOT NULL DEFAULT 0,
    flags    JSONB       NOT NULL DEFAULT '[]'::jsonb,
    mtu      INTEGER,
    ether    VARCHAR(17),
    details  JSONB       NOT NULL DEFAULT '{}'::jsonb,
    position BIGINT      NOT NULL,
    PRIMARY KEY (lab, vnet, name)
);

CREATE TABLE addresses (
    tenant    VARCHAR(64) NOT NULL,
    lab       VARCHAR(64) NOT NULL,
    vnet      INTEGER     NOT NULL,
    interface VARCHAR(64) NOT NULL,
    family    VARCHAR(8)  NOT NULL,
    address   VARCHAR(64) NOT NULL,
    prefixlen INTEGER     NOT NULL,
    broadcast VARCHAR(64),
    position  BIGINT      NOT NULL,
    PRIMARY KEY (lab, vnet, interface, address)
);

CREATE TABLE routes (
    tenant      VARCHAR(64) NOT NULL,
    lab         VARCHAR(64) NOT NULL,
    vnet        INTEGER     NOT NULL,
    family      VARCHAR(8)  NOT NULL,
    destination VARCHAR(64) NOT NULL,
    gateway     VARCHAR(64),
    interface   VARCHAR(64),
    flags       VARCHAR(16) NOT NULL DEFAULT '',
    position    BIGINT      NOT NULL,
    PRIMARY KEY (lab, vnet, family, destination)
);

CREATE TABLE sysctls (
    tenant   VARCHAR(64)  NOT NULL,
    lab      VARCHAR(64)  NOT NULL,
    vnet     INTEGER      NOT NULL,
    name     VARCHAR(255) NOT NULL,
    value    TEXT         NOT NULL,
    position BIGINT       NOT NULL,
    PRIMARY KEY (lab, vnet, name)
);

-- One row per event: who changed what, when, with which command line.
CREATE TABLE history (
    tenant     VARCHAR(64)  NOT NULL,
    lab        VARCHAR(64)  NOT NULL,
    position   BIGINT       NOT NULL,
    event_id   VARCHAR(64)  NOT NULL UNIQUE,
    time       TIMESTAMPTZ  NOT NULL,
    actor      VARCHAR(255),
    line       TEXT,
    event_type VARCHAR(64)  NOT NULL,
    event      JSONB        NOT NULL,
    PRIMARY KEY (lab, position)
);
CREATE INDEX history_tenant_time ON history (tenant, time);

-- Kafka offsets a consumer group commits in the same transaction as its rows.
CREATE TABLE consumer_offsets (
    consumer_group VARCHAR(255) NOT NULL,
    topic          VARCHAR(255) NOT NULL,
    partition      INTEGER      NOT NULL,
    "offset"       BIGINT       NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition)
);

-- What the data plane answered (ping, traceroute, ...), recorded with the history.
CREATE TABLE dataplane_results (
    tenant   VARCHAR(64) NOT NULL,
    lab      VARCHAR(64) NOT NULL,
    position BIGINT      NOT NULL,
    line     TEXT        NOT NULL,
    stdout   TEXT        NOT NULL,
    stderr   TEXT        NOT NULL,
    exit     INTEGER     NOT NULL,
    time     TIMESTAMPTZ,
    PRIMARY KEY (lab, position)
);
