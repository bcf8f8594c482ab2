//! Every occurrence of a secret, not only the one a rule recognised.
//!
//! A rule sees a value where its context says what it is (`MYSQL_ROOT_PASSWORD=...`); the
//! same value is often written again where nothing says so: in a healthcheck command, in a
//! `DATABASE_URL` next to it, in a second service of the same compose file. Redacting only
//! the first would leave the secret in the text, so each other occurrence of a found secret
//! is reported too, under the same rule (and so the same placeholder).

use airlock_types::{Finding, Span};

/// Shorter values are too likely to be ordinary words or numbers elsewhere in the text.
const MIN_LEN: usize = 8;
/// At most this many distinct values are looked for again.
const MAX_VALUES: usize = 64;

/// Adds a finding for each further occurrence of a secret already found in `content`.
/// The occurrence must stand alone (no letter or digit glued to either end) and not overlap
/// another finding; `skip` drops occurrences, e.g. on lines marked `airlock:allow`.
/// `findings` stays sorted and non-overlapping.
pub fn add_repeats(content: &[u8], findings: &mut Vec<Finding>, skip: &dyn Fn(Span) -> bool) {
    let mut seen: Vec<&[u8]> = Vec::new();
    let mut extra: Vec<Finding> = Vec::new();
    for f in findings.iter() {
        let value = f.secret.expose().as_slice();
        if f.kind.restorable() || value.len() < MIN_LEN || seen.contains(&value) {
            continue;
        }
        if seen.len() == MAX_VALUES {
            break;
        }
        seen.push(value);
        for at in memchr::memmem::find_iter(content, value) {
            let span = Span::new(at, at + value.len());
            let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
            if glued(at.checked_sub(1).and_then(|i| content.get(i)))
                || glued(content.get(span.end))
                || findings
                    .iter()
                    .chain(&extra)
                    .any(|g| g.span.overlaps(&span))
                || skip(span)
            {
                continue;
            }
            extra.push(Finding { span, ..f.clone() });
        }
    }
    if !extra.is_empty() {
        findings.extend(extra);
        findings.sort_by_key(|f| (f.span.start, f.span.end));
    }
}
