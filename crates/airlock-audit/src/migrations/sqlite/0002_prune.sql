-- airlock audit store, schema version 2 (SQLite).
-- Pruning old records: the chain then starts after the base, the last pruned record, whose seq
-- and hash the head row keeps so that the remaining chain still verifies.
ALTER TABLE airlock_audit_head ADD COLUMN base_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE airlock_audit_head ADD COLUMN base_hash TEXT NOT NULL
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';
