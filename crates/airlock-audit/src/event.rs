//! What one gateway request leaves in the audit log, the record it becomes once chained, and the
//! canonical serialization and hash that make the chain tamper-evident.
//!
//! An event holds kinds, counts, lengths and keyed fingerprints only: never a prompt, a response
//! or a secret. [`AuditEvent::validate`] rejects events that do not look like that (fail closed).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::AuditError;

/// The decisions an event may record.
pub const DECISIONS: &[&str] = &["allow", "redact", "block", "reroute", "refuse", "error"];

/// The `prev_hash` of the first record of a chain.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Longest `error` text kept; longer texts are cut (upstream error bodies can be large).
pub const MAX_ERROR_CHARS: usize = 512;

/// One gateway request, as recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// When the request arrived, milliseconds since the Unix epoch (UTC).
    pub time_ms: i64,
    /// The gateway's id for the request (also sent back to the client).
    pub request_id: String,
    /// The key's user, when the request was authenticated.
    pub user: Option<String>,
    /// The key's team.
    pub team: Option<String>,
    /// The coding assistant, from its user agent (e.g. `claude-code/1.0`).
    pub client: Option<String>,
    /// The route called, e.g. `/v1/chat/completions`.
    pub endpoint: String,
    /// The model the client asked for.
    pub model_requested: Option<String>,
    /// The model actually used (differs on reroute).
    pub model_used: Option<String>,
    /// The upstream provider's name from the gateway config.
    pub upstream: Option<String>,
    /// One of [`DECISIONS`].
    pub decision: String,
    /// The content's box: 1, 2 or 3 (0 when it was never classified, e.g. an early error).
    pub box_level: u8,
    /// Finding kind -> count.
    pub findings: BTreeMap<String, u32>,
    /// How many values were replaced by placeholders.
    pub redactions: u32,
    /// Keyed fingerprints of the findings (HMAC), never raw values.
    pub fingerprints: Vec<String>,
    /// Prompt tokens reported by the provider.
    pub input_tokens: Option<u64>,
    /// Completion tokens reported by the provider.
    pub output_tokens: Option<u64>,
    /// Time from request to response end, microseconds.
    pub latency_us: u64,
    /// HTTP status sent to the client.
    pub status: u16,
    /// A short error description when the request failed (cut to [`MAX_ERROR_CHARS`]).
    pub error: Option<String>,
}

/// An event as stored: its place in the chain and the hashes that link it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// The event.
    #[serde(flatten)]
    pub event: AuditEvent,
    /// The previous record's `hash` ([`GENESIS_HASH`] for the first).
    pub prev_hash: String,
    /// SHA-256 (hex) over `prev_hash` and the canonical serialization of `seq` and the event.
    pub hash: String,
}

fn short_text_ok(s: &str, max: usize) -> bool {
    s.len() <= max && !s.chars().any(char::is_control)
}

fn fingerprint_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_:.+/=-".contains(&b))
}

impl AuditEvent {
    /// Checks the event and normalizes it for storage (cuts a long `error`). Refuses what does
    /// not look like metadata: an unknown decision, a box above 3, long or multi-line labels,
    /// fingerprints that are not short tokens.
    pub fn validate(mut self) -> Result<AuditEvent, AuditError> {
        let bad = |what: String| Err(AuditError::InvalidEvent(what));
        if !DECISIONS.contains(&self.decision.as_str()) {
            return bad(format!(
                "decision {:?} is not one of {}",
                self.decision,
                DECISIONS.join(", ")
            ));
        }
        if self.box_level > 3 {
            return bad(format!("box_level {} is not 0, 1, 2 or 3", self.box_level));
        }
        if self.request_id.is_empty() || !short_text_ok(&self.request_id, 128) {
            return bad("request_id must be 1 to 128 characters without control characters".into());
        }
        if !short_text_ok(&self.endpoint, 256) {
            return bad(
                "endpoint must be at most 256 characters without control characters".into(),
            );
        }
        let labels = [
            ("user", &self.user),
            ("team", &self.team),
            ("client", &self.client),
            ("model_requested", &self.model_requested),
            ("model_used", &self.model_used),
            ("upstream", &self.upstream),
        ];
        for (name, value) in labels {
            if let Some(v) = value {
                if !short_text_ok(v, 256) {
                    return bad(format!(
                        "{name} must be at most 256 characters without control characters"
                    ));
                }
            }
        }
        for kind in self.findings.keys() {
            if kind.is_empty() || !short_text_ok(kind, 128) {
                return bad("finding kinds must be 1 to 128 characters".into());
            }
        }
        if let Some(fp) = self.fingerprints.iter().find(|f| !fingerprint_ok(f)) {
            return bad(format!(
                "a fingerprint of {} bytes is not a short token of letters, digits and _:.+/=- \
                 (store keyed fingerprints, never raw values)",
                fp.len()
            ));
        }
        let too_big = |v: u64| i64::try_from(v).is_err();
        if too_big(self.latency_us)
            || self.input_tokens.is_some_and(too_big)
            || self.output_tokens.is_some_and(too_big)
        {
            return bad("latency_us and token counts must fit in a signed 64-bit integer".into());
        }
        if let Some(e) = &mut self.error {
            if let Some((cut, _)) = e.char_indices().nth(MAX_ERROR_CHARS) {
                e.truncate(cut);
            }
        }
        Ok(self)
    }
}

/// The canonical form that is hashed: fixed field order, sorted maps, no floats, so that the same
/// record always serializes to the same bytes. Changing it is a new chain version.
#[derive(Serialize)]
struct CanonicalV1<'a> {
    v: u8,
    seq: i64,
    time_ms: i64,
    request_id: &'a str,
    user: &'a Option<String>,
    team: &'a Option<String>,
    client: &'a Option<String>,
    endpoint: &'a str,
    model_requested: &'a Option<String>,
    model_used: &'a Option<String>,
    upstream: &'a Option<String>,
    decision: &'a str,
    box_level: u8,
    findings: &'a BTreeMap<String, u32>,
    redactions: u32,
    fingerprints: &'a [String],
    input_tokens: Option<u64>,
    output_tokens: Option<u64>,
    latency_us: u64,
    status: u16,
    error: &'a Option<String>,
}

/// The canonical bytes of record `seq` holding `ev`.
pub fn canonical_bytes(seq: i64, ev: &AuditEvent) -> Vec<u8> {
    let c = CanonicalV1 {
        v: 1,
        seq,
        time_ms: ev.time_ms,
        request_id: &ev.request_id,
        user: &ev.user,
        team: &ev.team,
        client: &ev.client,
        endpoint: &ev.endpoint,
        model_requested: &ev.model_requested,
        model_used: &ev.model_used,
        upstream: &ev.upstream,
        decision: &ev.decision,
        box_level: ev.box_level,
        findings: &ev.findings,
        redactions: ev.redactions,
        fingerprints: &ev.fingerprints,
        input_tokens: ev.input_tokens,
        output_tokens: ev.output_tokens,
        latency_us: ev.latency_us,
        status: ev.status,
        error: &ev.error,
    };
    // Serializing plain strings, integers and a BTreeMap cannot fail.
    serde_json::to_vec(&c).unwrap_or_default()
}

/// `hash = SHA-256("airlock-audit-v1\n" || prev_hash || "\n" || canonical_bytes(seq, ev))`, hex.
pub fn record_hash(prev_hash: &str, seq: i64, ev: &AuditEvent) -> String {
    let mut h = Sha256::new();
    h.update(b"airlock-audit-v1\n");
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical_bytes(seq, ev));
    hex(&h.finalize())
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Chains `events` after the head `(seq, hash)`: the records to insert and the new head.
pub(crate) fn chain_after(
    head_seq: i64,
    head_hash: &str,
    events: impl IntoIterator<Item = AuditEvent>,
) -> Vec<AuditRecord> {
    let mut prev = head_hash.to_string();
    let mut seq = head_seq;
    let mut out = Vec::new();
    for event in events {
        seq += 1;
        let hash = record_hash(&prev, seq, &event);
        out.push(AuditRecord {
            seq,
            event,
            prev_hash: std::mem::replace(&mut prev, hash.clone()),
            hash,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev() -> AuditEvent {
        AuditEvent {
            time_ms: 1,
            request_id: "r1".into(),
            endpoint: "/v1/chat/completions".into(),
            decision: "allow".into(),
            box_level: 1,
            status: 200,
            ..AuditEvent::default()
        }
    }

    #[test]
    fn hash_is_stable_and_covers_every_field() {
        let a = record_hash(GENESIS_HASH, 1, &ev());
        assert_eq!(a, record_hash(GENESIS_HASH, 1, &ev()));
        assert_ne!(a, record_hash(GENESIS_HASH, 2, &ev()));
        let mut e = ev();
        e.findings.insert("aws-key".into(), 1);
        assert_ne!(a, record_hash(GENESIS_HASH, 1, &e));
        let mut e = ev();
        e.error = Some(String::new());
        assert_ne!(a, record_hash(GENESIS_HASH, 1, &e));
    }

    #[test]
    fn validate_fails_closed() {
        assert!(ev().validate().is_ok());
        let mut e = ev();
        e.decision = "maybe".into();
        assert!(e.validate().is_err());
        let mut e = ev();
        e.fingerprints = vec!["hmac:ab12".into(), "line one\nline two".into()];
        assert!(e.validate().is_err());
        let mut e = ev();
        e.box_level = 4;
        assert!(e.validate().is_err());
        let mut e = ev();
        e.error = Some("x".repeat(5000));
        assert_eq!(e.validate().unwrap().error.unwrap().len(), MAX_ERROR_CHARS);
    }

    #[test]
    fn chain_links_records() {
        let recs = chain_after(0, GENESIS_HASH, vec![ev(), ev()]);
        assert_eq!(recs[0].seq, 1);
        assert_eq!(recs[0].prev_hash, GENESIS_HASH);
        assert_eq!(recs[1].prev_hash, recs[0].hash);
        assert_eq!(recs[1].hash, record_hash(&recs[0].hash, 2, &ev()));
    }
}
