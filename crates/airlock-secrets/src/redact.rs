//! Reversible redaction: each finding becomes a typed placeholder such as
//! `[[AWS_SECRET_KEY_1]]`; every other byte is left as it was.
//!
//! The same value always gets the same placeholder within one redaction (and across calls
//! that share a [`RedactionMap`]), so a redacted text still reads coherently. Only values
//! of restorable kinds (personal data, hostnames, codenames) are put back by [`restore`];
//! secrets never are.

use std::collections::BTreeMap;

use airlock_types::{Finding, Kind};
use serde::{Deserialize, Serialize};

/// One placeholder and what it stands for.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct MapEntry {
    pub kind: Kind,
    pub rule: String,
    /// The original value, kept only for restorable kinds; `None` for secrets.
    pub value: Option<String>,
    /// A fingerprint of the value, so that the same secret maps to the same placeholder.
    pub fingerprint: String,
}

/// Placeholders issued so far, keyed by placeholder text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RedactionMap {
    pub version: u32,
    pub entries: BTreeMap<String, MapEntry>,
}

impl RedactionMap {
    fn placeholder_for(&mut self, stem: &str, f: &Finding) -> String {
        let fp = f.fingerprint();
        if let Some((p, _)) = self
            .entries
            .iter()
            .find(|(p, e)| e.fingerprint == fp && placeholder_stem(p) == stem)
        {
            return p.clone();
        }
        let n = self
            .entries
            .keys()
            .filter(|p| placeholder_stem(p) == stem)
            .count()
            + 1;
        let p = format!("[[{stem}_{n}]]");
        let value = f
            .kind
            .restorable()
            .then(|| String::from_utf8_lossy(f.secret.expose()).into_owned());
        self.entries.insert(
            p.clone(),
            MapEntry {
                kind: f.kind,
                rule: f.rule_id.clone(),
                value,
                fingerprint: fp,
            },
        );
        p
    }
}

fn placeholder_stem(p: &str) -> &str {
    let inner = p.trim_start_matches("[[").trim_end_matches("]]");
    inner.rsplit_once('_').map_or(inner, |(s, _)| s)
}

/// The result of redacting one text.
#[derive(Debug, Clone)]
pub struct Redaction {
    pub output: Vec<u8>,
    /// How many findings were replaced.
    pub replaced: usize,
}

/// Replaces each finding's span in `content` with its placeholder. `findings` must be
/// sorted and non-overlapping, as [`crate::Detector::scan`] returns them.
pub fn redact(content: &[u8], findings: &[Finding], map: &mut RedactionMap) -> Redaction {
    map.version = 1;
    let mut out = Vec::with_capacity(content.len());
    let mut at = 0;
    let mut replaced = 0;
    for f in findings {
        if f.span.start < at || f.span.end > content.len() {
            continue;
        }
        out.extend_from_slice(&content[at..f.span.start]);
        let p = map.placeholder_for(&f.placeholder, f);
        out.extend_from_slice(p.as_bytes());
        at = f.span.end;
        replaced += 1;
    }
    out.extend_from_slice(&content[at..]);
    Redaction {
        output: out,
        replaced,
    }
}

/// Puts restorable values back in place of their placeholders. Placeholders of secrets
/// stay as they are. Returns the text and how many placeholders were restored.
pub fn restore(content: &[u8], map: &RedactionMap) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(content.len());
    let mut i = 0;
    let mut restored = 0;
    while i < content.len() {
        if content[i..].starts_with(b"[[") {
            if let Some(end) = memchr::memmem::find(&content[i..], b"]]") {
                let p = &content[i..i + end + 2];
                if let Some(value) = std::str::from_utf8(p)
                    .ok()
                    .and_then(|p| map.entries.get(p))
                    .and_then(|e| e.value.as_ref())
                {
                    out.extend_from_slice(value.as_bytes());
                    restored += 1;
                    i += end + 2;
                    continue;
                }
            }
        }
        out.push(content[i]);
        i += 1;
    }
    (out, restored)
}
