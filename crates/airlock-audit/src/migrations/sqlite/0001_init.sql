-- airlock audit store, schema version 1 (SQLite).
-- The audit log: metadata only (kinds, counts, keyed fingerprints), hash-chained.
CREATE TABLE airlock_audit (
    seq             INTEGER PRIMARY KEY,
    time_ms         INTEGER NOT NULL,
    request_id      TEXT    NOT NULL,
    user_name       TEXT,
    team            TEXT,
    client          TEXT,
    endpoint        TEXT    NOT NULL,
    model_requested TEXT,
    model_used      TEXT,
    upstream        TEXT,
    decision        TEXT    NOT NULL,
    box_level       INTEGER NOT NULL,
    findings        TEXT    NOT NULL,
    redactions      INTEGER NOT NULL,
    fingerprints    TEXT    NOT NULL,
    input_tokens    INTEGER,
    output_tokens   INTEGER,
    latency_us      INTEGER NOT NULL,
    status          INTEGER NOT NULL,
    error           TEXT,
    prev_hash       TEXT    NOT NULL,
    hash            TEXT    NOT NULL
);
CREATE INDEX airlock_audit_time ON airlock_audit (time_ms);
CREATE INDEX airlock_audit_user ON airlock_audit (user_name, time_ms);

-- The chain head: the last record's seq and hash, updated in the same transaction as each append.
CREATE TABLE airlock_audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
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
    created_ms INTEGER NOT NULL,
    revoked_ms INTEGER
);

-- Placeholder vault shared by gateway instances: sealed (encrypted) values with an expiry.
CREATE TABLE airlock_vault (
    scope       TEXT    NOT NULL,
    placeholder TEXT    NOT NULL,
    sealed      BLOB    NOT NULL,
    expires_ms  INTEGER NOT NULL,
    PRIMARY KEY (scope, placeholder)
);
CREATE INDEX airlock_vault_expiry ON airlock_vault (expires_ms);
