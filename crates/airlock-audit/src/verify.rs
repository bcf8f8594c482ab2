//! Walking the hash chain: the first record whose link or content does not match, and whether the
//! chain ends where its head row says it does (so that cutting records off the end shows too).

use serde::Serialize;

use crate::event::{record_hash, AuditRecord};

/// The outcome of [`crate::AuditStore::verify`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// Records checked (up to and including the first broken one).
    pub records: u64,
    /// The chain head row: the last record's seq and hash as recorded on append.
    pub head_seq: i64,
    /// The head's hash ([`GENESIS_HASH`] for an empty log). Keep a copy outside the database to
    /// detect a rewrite of the whole chain.
    pub head_hash: String,
    /// Records up to this seq were pruned (0: none); the chain starts after it.
    pub base_seq: i64,
    /// The first broken record, if any.
    pub broken: Option<BrokenRecord>,
}

impl VerifyReport {
    /// True when every record links to the one before and the chain ends at its head.
    pub fn is_intact(&self) -> bool {
        self.broken.is_none()
    }
}

/// Where the chain breaks and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BrokenRecord {
    /// The seq of the first record that does not verify (for a cut-off end: the first missing seq).
    pub seq: i64,
    /// What is wrong, for a person.
    pub reason: String,
}

/// A stored row as the verifier sees it: decoded, or the reason it could not be.
pub(crate) type RowResult = Result<AuditRecord, (i64, String)>;

/// Checks records one at a time, in seq order.
pub(crate) struct Verifier {
    base_seq: i64,
    expected_seq: i64,
    expected_prev: String,
    records: u64,
    broken: Option<BrokenRecord>,
}

impl Verifier {
    /// A walk starting after the base `(seq, hash)`: `(0, GENESIS_HASH)` when nothing was pruned.
    pub(crate) fn new(base_seq: i64, base_hash: String) -> Verifier {
        Verifier {
            base_seq,
            expected_seq: base_seq + 1,
            expected_prev: base_hash,
            records: 0,
            broken: None,
        }
    }

    /// Checks the next row; false once the chain is broken (the caller may stop reading).
    pub(crate) fn push(&mut self, row: RowResult) -> bool {
        if self.broken.is_some() {
            return false;
        }
        self.records += 1;
        let rec = match row {
            Ok(r) => r,
            Err((seq, reason)) => return self.fail(seq, format!("unreadable: {reason}")),
        };
        if rec.seq > self.expected_seq {
            let missing = if rec.seq - self.expected_seq == 1 {
                format!("record {} is missing", self.expected_seq)
            } else {
                format!(
                    "records {} to {} are missing",
                    self.expected_seq,
                    rec.seq - 1
                )
            };
            return self.fail(
                self.expected_seq,
                format!(
                    "{missing} (deleted): record {} follows {}",
                    rec.seq,
                    self.expected_seq - 1
                ),
            );
        }
        if rec.seq != self.expected_seq {
            return self.fail(
                rec.seq,
                format!("out of order: expected seq {}", self.expected_seq),
            );
        }
        if rec.prev_hash != self.expected_prev {
            return self.fail(
                rec.seq,
                "prev_hash does not match the previous record's hash: records were deleted, \
                 inserted, reordered or rewritten before it"
                    .to_string(),
            );
        }
        if record_hash(&rec.prev_hash, rec.seq, &rec.event) != rec.hash {
            return self.fail(
                rec.seq,
                "content does not match its hash: the record was edited".to_string(),
            );
        }
        self.expected_seq += 1;
        self.expected_prev = rec.hash;
        true
    }

    fn fail(&mut self, seq: i64, reason: String) -> bool {
        self.broken = Some(BrokenRecord { seq, reason });
        false
    }

    /// The report, checking the last record against the head row `(seq, hash)`.
    pub(crate) fn finish(mut self, head_seq: i64, head_hash: String) -> VerifyReport {
        if self.broken.is_none() {
            let last_seq = self.expected_seq - 1;
            if head_seq < 0 {
                self.broken = Some(BrokenRecord {
                    seq: last_seq + 1,
                    reason: "the chain head row (airlock_audit_head) is missing: it was deleted"
                        .to_string(),
                });
            } else if last_seq < head_seq {
                self.broken = Some(BrokenRecord {
                    seq: last_seq + 1,
                    reason: format!(
                        "the chain head says the log ends at record {head_seq}, but it ends at \
                         {last_seq}: records were deleted from the end"
                    ),
                });
            } else if last_seq > head_seq || self.expected_prev != head_hash {
                self.broken = Some(BrokenRecord {
                    seq: head_seq.max(1),
                    reason: format!(
                        "the chain head (record {head_seq}) does not match the last record \
                         ({last_seq}): the head row or the end of the log was rewritten"
                    ),
                });
            }
        }
        VerifyReport {
            records: self.records,
            head_seq,
            head_hash,
            base_seq: self.base_seq,
            broken: self.broken,
        }
    }
}
