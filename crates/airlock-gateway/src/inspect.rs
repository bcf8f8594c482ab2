//! Inspection of a request: every text-bearing string of the JSON body is scanned, each
//! finding is placed in its box by the policy, and the request is allowed, redacted,
//! rerouted, refused or blocked.
//!
//! Redaction replaces a value with a placeholder derived from a keyed HMAC of the value,
//! `[[EMAIL_3f9a1c2b]]`: the same value gets the same placeholder in every turn of a
//! conversation (so the provider's prompt cache stays warm) while the placeholder reveals
//! nothing to anyone without the key.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use airlock_policy::{Action, Policy};
use airlock_secrets::Detector;
use airlock_types::{BoxLevel, Finding, Redacted};
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

use crate::vault::Vault;

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
    /// Number of strings looked at.
    pub strings: usize,
    /// Of those, how many were known clean and not scanned again.
    pub cached: usize,
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

/// Strings shorter than this are scanned every time: hashing them would cost about as
/// much as scanning them.
const CLEAN_CACHE_MIN_LEN: usize = 256;
/// When the cache holds this many strings it starts over.
const CLEAN_CACHE_MAX: usize = 100_000;

/// Digests of long strings the detector found nothing in.
///
/// An agent sends the whole conversation again every turn; without this every turn would
/// scan the whole history again. Only clean strings are remembered, and only by digest, so
/// the cache holds no sensitive value; a string with findings is scanned again each time.
/// The digest is keyed by the gateway's secret, so it says nothing outside this process.
#[derive(Default)]
pub struct CleanCache {
    seen: std::sync::Mutex<std::collections::HashSet<[u8; 32]>>,
    key: Vec<u8>,
}

impl CleanCache {
    pub fn new(key: &[u8]) -> CleanCache {
        CleanCache {
            seen: Default::default(),
            key: key.to_vec(),
        }
    }

    fn digest(&self, s: &str) -> [u8; 32] {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(s.as_bytes());
        mac.finalize().into_bytes().into()
    }

    fn is_clean(&self, d: &[u8; 32]) -> bool {
        self.seen.lock().map(|s| s.contains(d)).unwrap_or(false)
    }

    fn mark_clean(&self, d: [u8; 32]) {
        if let Ok(mut s) = self.seen.lock() {
            if s.len() >= CLEAN_CACHE_MAX {
                s.clear();
            }
            s.insert(d);
        }
    }
}

/// Scans every text-bearing string of `body`, skipping long strings `cache` has seen clean.
pub fn inspect(
    detector: &Detector,
    policy: &Policy,
    body: &Value,
    cache: Option<&CleanCache>,
) -> Inspection {
    let mut out = Inspection::default();
    let mut path: Vec<Seg<'_>> = Vec::new();
    let ctx = Walk {
        detector,
        policy,
        cache,
    };
    walk(&ctx, body, &mut path, false, &mut out);
    out
}

struct Walk<'a> {
    detector: &'a Detector,
    policy: &'a Policy,
    cache: Option<&'a CleanCache>,
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn walk<'a>(
    ctx: &Walk<'_>,
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
            let digest = match ctx.cache {
                Some(c) if s.len() >= CLEAN_CACHE_MIN_LEN => {
                    let d = c.digest(s);
                    if c.is_clean(&d) {
                        out.cached += 1;
                        return;
                    }
                    Some((c, d))
                }
                _ => None,
            };
            let findings = ctx.detector.scan(s.as_bytes());
            if findings.is_empty() {
                if let Some((c, d)) = digest {
                    c.mark_clean(d);
                }
                return;
            }
            let (pointer, location) = render_path(path);
            for f in findings {
                let box_level = ctx.policy.box_for_finding(&f);
                out.findings.push(Located {
                    pointer: pointer.clone(),
                    location: location.clone(),
                    sealed,
                    action: ctx.policy.action(box_level),
                    box_level,
                    finding: f,
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(ctx, item, path, sealed, out);
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
                walk(ctx, item, path, sealed, out);
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

/// Placeholders issued for one request, and the values of restorable ones; with a shared
/// vault attached, also the values earlier requests of the same user stored there.
///
/// Without a vault it lives exactly as long as its request, so one request's values are
/// never restored into another's answer; with one, values cross requests (and gateway
/// instances) of the same user only.
#[derive(Debug, Default, Clone)]
pub struct RestoreMap {
    values: HashMap<String, Redacted<String>>,
    /// The length of the longest placeholder: how much a stream may need to hold back.
    max_len: usize,
    vault: Option<Arc<VaultView>>,
}

/// A request's view of the shared vault: its user's scope, the placeholders it resolved,
/// and those a stream met that still need a database lookup.
pub struct VaultView {
    vault: Arc<Vault>,
    scope: String,
    resolved: Mutex<HashMap<String, Option<Redacted<String>>>>,
    pending: Mutex<Vec<String>>,
}

impl std::fmt::Debug for VaultView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VaultView")
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// What a placeholder stands for, as far as is known without waiting.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(String),
    Absent,
    /// Maybe in the vault's database: ask it (`RestoreMap::resolve_pending`) before
    /// releasing the text.
    Pending,
}

impl RestoreMap {
    /// True when nothing can be restored: no values and no vault.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.vault.is_none()
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether this request issued restorable placeholders.
    pub fn has_values(&self) -> bool {
        !self.values.is_empty()
    }

    pub fn max_len(&self) -> usize {
        if self.vault.is_some() {
            self.max_len.max(crate::vault::MAX_PLACEHOLDER)
        } else {
            self.max_len
        }
    }

    /// The value of `placeholder`: this request's, else one resolved from the vault.
    pub fn get(&self, placeholder: &str) -> Option<String> {
        if let Some(v) = self.values.get(placeholder) {
            return Some(v.expose().clone());
        }
        let view = self.vault.as_ref()?;
        if let Some(r) = view.resolved.lock().ok()?.get(placeholder) {
            return r.as_ref().map(|v| v.expose().clone());
        }
        view.vault.cached(&view.scope, placeholder).flatten()
    }

    /// Like [`get`](Self::get), but says when the vault's database must be asked first;
    /// such placeholders are noted for [`resolve_pending`](Self::resolve_pending).
    pub fn lookup(&self, placeholder: &str) -> Lookup {
        if let Some(v) = self.values.get(placeholder) {
            return Lookup::Found(v.expose().clone());
        }
        let Some(view) = self.vault.as_ref() else {
            return Lookup::Absent;
        };
        if !crate::vault::is_placeholder(placeholder) {
            return Lookup::Absent;
        }
        if let Some(r) = view.resolved.lock().ok().and_then(|m| {
            m.get(placeholder)
                .map(|r| r.as_ref().map(|v| v.expose().clone()))
        }) {
            return r.map_or(Lookup::Absent, Lookup::Found);
        }
        match view.vault.cached(&view.scope, placeholder) {
            Some(Some(v)) => Lookup::Found(v),
            Some(None) => Lookup::Absent,
            None => {
                if let Ok(mut p) = view.pending.lock() {
                    if !p.iter().any(|x| x == placeholder) {
                        p.push(placeholder.to_string());
                    }
                }
                Lookup::Pending
            }
        }
    }

    /// Whether some placeholder starts with `prefix`.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        (prefix.len() < self.max_len && self.values.keys().any(|k| k.starts_with(prefix)))
            || (self.vault.is_some() && crate::vault::could_be_placeholder(prefix))
    }

    pub fn insert(&mut self, placeholder: String, value: String) {
        self.max_len = self.max_len.max(placeholder.len());
        self.values.insert(placeholder, Redacted::new(value));
    }

    /// This request's placeholders and values.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values
            .iter()
            .map(|(k, v)| (k.as_str(), v.expose().as_str()))
    }

    /// Lets the answer restore placeholders `vault` holds for `scope` too.
    pub fn attach_vault(&mut self, vault: Arc<Vault>, scope: String) {
        self.vault = Some(Arc::new(VaultView {
            vault,
            scope,
            resolved: Mutex::new(HashMap::new()),
            pending: Mutex::new(Vec::new()),
        }));
    }

    /// Whether a shared vault is attached.
    pub fn has_vault(&self) -> bool {
        self.vault.is_some()
    }

    /// Whether a stream left placeholders for the vault's database.
    pub fn has_pending(&self) -> bool {
        self.vault
            .as_ref()
            .and_then(|v| v.pending.lock().ok().map(|p| !p.is_empty()))
            .unwrap_or(false)
    }

    /// Asks the vault about the placeholders streams met.
    pub async fn resolve_pending(&self) {
        let Some(view) = self.vault.as_ref() else {
            return;
        };
        let pending = view
            .pending
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default();
        for p in pending {
            let v = view.vault.lookup(&view.scope, &p).await;
            if let Ok(mut r) = view.resolved.lock() {
                r.insert(p, v.map(Redacted::new));
            }
        }
    }

    /// Asks the vault about every placeholder in `text` this request does not know.
    pub async fn resolve_in(&self, text: &str) {
        let Some(view) = self.vault.as_ref() else {
            return;
        };
        for p in crate::vault::placeholders_in(text) {
            if self.values.contains_key(&p) {
                continue;
            }
            if view.resolved.lock().is_ok_and(|r| r.contains_key(&p)) {
                continue;
            }
            let v = view.vault.lookup(&view.scope, &p).await;
            if let Ok(mut r) = view.resolved.lock() {
                r.insert(p, v.map(Redacted::new));
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_long_strings_are_remembered_and_findings_are_found_every_time() {
        let detector = Detector::builtin();
        let policy = Policy::default();
        let cache = CleanCache::new(b"test-secret-0123456789");
        let clean = "fn main() { println!(\"hello\"); }\n".repeat(20);
        let dirty = format!("{clean}\nmail jane.doe@airlock-fixture.dev\n");
        let body = serde_json::json!({"messages": [
            {"role": "user", "content": clean}, {"role": "user", "content": dirty}]});
        for turn in 0..3 {
            let i = inspect(&detector, &policy, &body, Some(&cache));
            assert_eq!(i.findings.len(), 1, "turn {turn}");
            assert_eq!(i.findings[0].location, "messages[1].content");
            assert_eq!(i.cached, usize::from(turn > 0), "turn {turn}");
        }
    }

    #[test]
    fn placeholders_are_keyed_and_stable() {
        let detector = Detector::builtin();
        let f = detector
            .scan(b"mail jane.doe@airlock-fixture.dev")
            .remove(0);
        let a = placeholder(b"secret-one-0123456789", &f);
        assert_eq!(a, placeholder(b"secret-one-0123456789", &f));
        assert_ne!(a, placeholder(b"secret-two-0123456789", &f));
        assert!(a.starts_with("[[EMAIL") && a.ends_with("]]"), "{a}");
    }
}
