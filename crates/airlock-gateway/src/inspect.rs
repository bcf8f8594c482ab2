//! Inspection of a request: every text-bearing string of the JSON body is scanned, each
//! finding is placed in its box by the policy, and the request is allowed, redacted,
//! rerouted, refused or blocked.
//!
//! Redaction replaces a value with a placeholder derived from a keyed HMAC of the value,
//! `[[EMAIL_3f9a1c2b]]`: the same value gets the same placeholder in every turn of a
//! conversation (so the provider's prompt cache stays warm) while the placeholder reveals
//! nothing to anyone without the key.

use std::collections::{BTreeMap, HashMap};

use airlock_policy::{Action, Policy};
use airlock_secrets::Detector;
use airlock_types::{BoxLevel, Finding, Redacted};
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

/// Keys whose string values are structure, not text: ids, enums, signatures, and binary
/// payloads (base64 images, encrypted reasoning) that would only cost time to scan.
const SKIP_KEYS: &[&str] = &[
    "model",
    "role",
    "type",
    "id",
    "tool_use_id",
    "tool_call_id",
    "call_id",
    "signature",
    "media_type",
    "stop_reason",
    "finish_reason",
    "object",
    "encrypted_content",
    "status",
    "service_tier",
    "reasoning_effort",
    "previous_response_id",
    "data",
    "images",
    "cache_control",
    "detail",
    "keep_alive",
];

/// Content blocks that must reach the provider byte-exact: their signatures cover them.
fn is_sealed_block(v: &serde_json::Map<String, Value>) -> bool {
    matches!(
        v.get("type").and_then(Value::as_str),
        Some("thinking" | "redacted_thinking" | "reasoning")
    )
}

/// One finding of a request, where it is and what the policy says about it.
#[derive(Debug, Clone)]
pub struct Located {
    /// JSON pointer of the string it is in.
    pub pointer: String,
    /// The place as a person reads it: `messages[2].content[0].text`.
    pub location: String,
    /// Inside a signed block that cannot be changed.
    pub sealed: bool,
    pub finding: Finding,
    pub box_level: BoxLevel,
    pub action: Action,
}

/// What the inspection found in one request.
#[derive(Debug, Default)]
pub struct Inspection {
    pub findings: Vec<Located>,
    /// Number of strings scanned, for metrics.
    pub strings: usize,
}

impl Inspection {
    /// The highest box among the findings; box 1 when there are none.
    pub fn max_box(&self) -> BoxLevel {
        self.findings
            .iter()
            .map(|f| f.box_level)
            .max()
            .unwrap_or(BoxLevel::Safe)
    }

    /// The first finding whose action is block.
    pub fn first_blocked(&self) -> Option<&Located> {
        self.findings.iter().find(|f| f.action == Action::Block)
    }

    /// Count of findings per kind, for audit.
    pub fn kinds(&self) -> BTreeMap<String, u32> {
        let mut m = BTreeMap::new();
        for f in &self.findings {
            *m.entry(f.finding.kind.as_str().to_string()).or_insert(0) += 1;
        }
        m
    }
}

/// Scans every text-bearing string of `body`.
pub fn inspect(detector: &Detector, policy: &Policy, body: &Value) -> Inspection {
    let mut out = Inspection::default();
    let mut path: Vec<Seg<'_>> = Vec::new();
    walk(detector, policy, body, &mut path, false, &mut out);
    out
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn walk<'a>(
    detector: &Detector,
    policy: &Policy,
    v: &'a Value,
    path: &mut Vec<Seg<'a>>,
    sealed: bool,
    out: &mut Inspection,
) {
    match v {
        Value::String(s) => {
            // Shorter strings cannot hold anything the rules find.
            if s.len() < 6 {
                return;
            }
            out.strings += 1;
            let findings = detector.scan(s.as_bytes());
            if findings.is_empty() {
                return;
            }
            let (pointer, location) = render_path(path);
            for f in findings {
                let box_level = policy.box_for_finding(&f);
                out.findings.push(Located {
                    pointer: pointer.clone(),
                    location: location.clone(),
                    sealed,
                    action: policy.action(box_level),
                    box_level,
                    finding: f,
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(detector, policy, item, path, sealed, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            let sealed = sealed || is_sealed_block(map);
            for (k, item) in map {
                if SKIP_KEYS.contains(&k.as_str()) {
                    continue;
                }
                if let Value::String(s) = item {
                    // Inline images and files as data URLs: binary, not text.
                    if s.starts_with("data:") && s.len() > 64 {
                        continue;
                    }
                }
                path.push(Seg::Key(k));
                walk(detector, policy, item, path, sealed, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn render_path(path: &[Seg<'_>]) -> (String, String) {
    let mut pointer = String::new();
    let mut location = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                pointer.push('/');
                pointer.push_str(&k.replace('~', "~0").replace('/', "~1"));
                if !location.is_empty() {
                    location.push('.');
                }
                location.push_str(k);
            }
            Seg::Index(i) => {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                location.push_str(&format!("[{i}]"));
            }
        }
    }
    if location.is_empty() {
        location.push_str("the request body");
    }
    (pointer, location)
}

/// Placeholders issued for one request, and the values of restorable ones.
///
/// Lives exactly as long as its request, so one request's values can never be restored
/// into another's answer.
#[derive(Debug, Default, Clone)]
pub struct RestoreMap {
    values: HashMap<String, Redacted<String>>,
    /// The length of the longest placeholder: how much a stream may need to hold back.
    max_len: usize,
}

impl RestoreMap {
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn max_len(&self) -> usize {
        self.max_len
    }

    pub fn get(&self, placeholder: &str) -> Option<&str> {
        self.values.get(placeholder).map(|v| v.expose().as_str())
    }

    /// Whether some placeholder starts with `prefix`.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        prefix.len() < self.max_len && self.values.keys().any(|k| k.starts_with(prefix))
    }

    pub fn insert(&mut self, placeholder: String, value: String) {
        self.max_len = self.max_len.max(placeholder.len());
        self.values.insert(placeholder, Redacted::new(value));
    }
}

/// The placeholder of one value: stem from the rule, tag from HMAC(secret, kind, value).
pub fn placeholder(secret: &[u8], f: &Finding) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(f.kind.as_str().as_bytes());
    mac.update(&[0]);
    mac.update(f.secret.expose());
    let tag = mac.finalize().into_bytes();
    let stem: String = f
        .placeholder
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let stem = if stem.is_empty() {
        "REDACTED".to_string()
    } else {
        stem
    };
    format!(
        "[[{stem}_{:02x}{:02x}{:02x}{:02x}]]",
        tag[0], tag[1], tag[2], tag[3]
    )
}

/// What redaction did to a request.
#[derive(Debug, Default)]
pub struct RedactOutcome {
    pub replaced: u32,
    pub restore: RestoreMap,
    /// Keyed fingerprints of the redacted values, for audit.
    pub fingerprints: Vec<String>,
}

/// Replaces every finding whose action is `redact` (outside sealed blocks) with its
/// placeholder, in place.
pub fn redact(body: &mut Value, inspection: &Inspection, secret: &[u8]) -> RedactOutcome {
    let mut out = RedactOutcome::default();
    // Findings come grouped by string, in order within each string.
    let mut by_pointer: BTreeMap<&str, Vec<&Located>> = BTreeMap::new();
    for f in &inspection.findings {
        if f.action == Action::Redact && !f.sealed {
            by_pointer.entry(f.pointer.as_str()).or_default().push(f);
        }
    }
    for (pointer, findings) in by_pointer {
        let Some(Value::String(s)) = body.pointer_mut(pointer) else {
            continue;
        };
        let mut next = String::with_capacity(s.len());
        let mut at = 0;
        for l in findings {
            let span = l.finding.span;
            if span.start < at
                || span.end > s.len()
                || !s.is_char_boundary(span.start)
                || !s.is_char_boundary(span.end)
            {
                continue;
            }
            next.push_str(&s[at..span.start]);
            let p = placeholder(secret, &l.finding);
            if l.finding.kind.restorable() {
                out.restore
                    .insert(p.clone(), s[span.start..span.end].to_string());
            }
            let fp = keyed_fingerprint(secret, &l.finding);
            if !out.fingerprints.contains(&fp) {
                out.fingerprints.push(fp);
            }
            next.push_str(&p);
            at = span.end;
            out.replaced += 1;
        }
        next.push_str(&s[at..]);
        *s = next;
    }
    out
}

/// A fingerprint for audit records: keyed, so the store cannot be searched by guessing.
pub fn keyed_fingerprint(secret: &[u8], f: &Finding) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(b"audit\0");
    mac.update(f.secret.expose());
    mac.finalize().into_bytes()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
