//! The column layout of `airlock_audit`, shared by both backends: an [`AuditRecord`] to column
//! values and back. JSON columns hold the findings map and the fingerprint list.

use crate::event::{AuditEvent, AuditRecord};

/// The columns, in the order [`RawRow`] reads them.
pub(crate) const COLUMNS: &str = "seq, time_ms, request_id, user_name, team, client, endpoint, \
    model_requested, model_used, upstream, decision, box_level, findings, redactions, \
    fingerprints, input_tokens, output_tokens, latency_us, status, error, prev_hash, hash";

/// One row's values as the database holds them.
pub(crate) struct RawRow {
    pub seq: i64,
    pub time_ms: i64,
    pub request_id: String,
    pub user: Option<String>,
    pub team: Option<String>,
    pub client: Option<String>,
    pub endpoint: String,
    pub model_requested: Option<String>,
    pub model_used: Option<String>,
    pub upstream: Option<String>,
    pub decision: String,
    pub box_level: i64,
    pub findings: String,
    pub redactions: i64,
    pub fingerprints: String,
    pub input_tokens: Option<i64>,
    pub output_tokens: Option<i64>,
    pub latency_us: i64,
    pub status: i64,
    pub error: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

fn to_i64(v: u64) -> i64 {
    // Events are validated to fit before they reach here.
    i64::try_from(v).unwrap_or(i64::MAX)
}

impl RawRow {
    /// The values to store for `rec`.
    pub(crate) fn from_record(rec: &AuditRecord) -> RawRow {
        let e = &rec.event;
        RawRow {
            seq: rec.seq,
            time_ms: e.time_ms,
            request_id: e.request_id.clone(),
            user: e.user.clone(),
            team: e.team.clone(),
            client: e.client.clone(),
            endpoint: e.endpoint.clone(),
            model_requested: e.model_requested.clone(),
            model_used: e.model_used.clone(),
            upstream: e.upstream.clone(),
            decision: e.decision.clone(),
            box_level: i64::from(e.box_level),
            findings: serde_json::to_string(&e.findings).unwrap_or_default(),
            redactions: i64::from(e.redactions),
            fingerprints: serde_json::to_string(&e.fingerprints).unwrap_or_default(),
            input_tokens: e.input_tokens.map(to_i64),
            output_tokens: e.output_tokens.map(to_i64),
            latency_us: to_i64(e.latency_us),
            status: i64::from(e.status),
            error: e.error.clone(),
            prev_hash: rec.prev_hash.clone(),
            hash: rec.hash.clone(),
        }
    }

    /// Back to a record; `Err((seq, reason))` for a value airlock never writes.
    pub(crate) fn decode(self) -> Result<AuditRecord, (i64, String)> {
        let seq = self.seq;
        let bad = |what: &str| (seq, format!("column {what} holds a value out of range"));
        let unsigned = |v: i64, what: &str| u64::try_from(v).map_err(|_| bad(what));
        let event = AuditEvent {
            time_ms: self.time_ms,
            request_id: self.request_id,
            user: self.user,
            team: self.team,
            client: self.client,
            endpoint: self.endpoint,
            model_requested: self.model_requested,
            model_used: self.model_used,
            upstream: self.upstream,
            decision: self.decision,
            box_level: u8::try_from(self.box_level).map_err(|_| bad("box_level"))?,
            findings: serde_json::from_str(&self.findings).map_err(|e| {
                (
                    seq,
                    format!("column findings is not a JSON map of counts: {e}"),
                )
            })?,
            redactions: u32::try_from(self.redactions).map_err(|_| bad("redactions"))?,
            fingerprints: serde_json::from_str(&self.fingerprints).map_err(|e| {
                (
                    seq,
                    format!("column fingerprints is not a JSON list of strings: {e}"),
                )
            })?,
            input_tokens: self
                .input_tokens
                .map(|v| unsigned(v, "input_tokens"))
                .transpose()?,
            output_tokens: self
                .output_tokens
                .map(|v| unsigned(v, "output_tokens"))
                .transpose()?,
            latency_us: unsigned(self.latency_us, "latency_us")?,
            status: u16::try_from(self.status).map_err(|_| bad("status"))?,
            error: self.error,
        };
        Ok(AuditRecord {
            seq,
            event,
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}
