-- airlock audit store, schema version 1 (PostgreSQL).
-- The audit log: metadata only (kinds, counts, keyed fingerprints), hash-chained.
CREATE TABLE airlock_audit (
    seq             BIGINT  PRIMARY KEY,
    time_ms         BIGINT  NOT NULL,
    request_id      TEXT    NOT NULL,
    user_name       TEXT,
    team            TEXT,
    client          TEXT,
    endpoint        TEXT    NOT NULL,
    model_requested TEXT,
    model_used      TEXT,
    upstream        TEXT,
    decision        TEXT    NOT NULL,
    box_level       BIGINT  NOT NULL,
    findings        TEXT    NOT NULL,
    redactions      BIGINT  NOT NULL,
    fingerprints    TEXT    NOT NULL,
    input_tokens    BIGINT,
    output_tokens   BIGINT,
    latency_us      BIGINT  NOT NULL,
    status          BIGINT  NOT NULL,
    error           TEXT,
    prev_hash       TEXT    NOT NULL,
    hash            TEXT    NOT NULL
);
CREATE INDEX airlock_audit_time ON airlock_audit (time_ms);
CREATE INDEX airlock_audit_user ON airlock_audit (user_name, time_ms);

-- The chain head: the last record's seq and hash, updated in the same transaction as each append.
CREATE TABLE airlock_audit_head (
    id   SMALLINT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT  NOT NULL,
    hash TEXT    NOT NULL
);
INSERT INTO airlock_audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Gateway keys: the token itself is never stored, only its SHA-256.
CREATE TABLE airlock_keys (
    id         TEXT    PRIMARY KEY,
    token_hash TEXT    NOT NULL UNIQUE,
    user_name  TEXT    NOT NULL,
    team       TEXT,
    created_ms BIGINT  NOT NULL,
    revoked_ms BIGINT
);

-- Placeholder vault shared by gateway instances: sealed (encrypted) values with an expiry.
CREATE TABLE airlock_vault (
    scope       TEXT    NOT NULL,
    placeholder TEXT    NOT NULL,
    sealed      BYTEA   NOT NULL,
    expires_ms  BIGINT  NOT NULL,
    PRIMARY KEY (scope, placeholder)
);
CREATE INDEX airlock_vault_expiry ON airlock_vault (expires_ms);
