//! Every occurrence of a secret, not only the one a rule recognised.
//!
//! A rule sees a value where its context says what it is (`MYSQL_ROOT_PASSWORD=...`); the
//! same value is often written again where nothing says so: in a healthcheck command, in a
//! `DATABASE_URL` next to it, in a second service of the same compose file. Redacting only
//! the first would leave the secret in the text, so each other occurrence of a found secret
//! is reported too, under the same rule (and so the same placeholder).

use airlock_types::{Finding, Span};

use crate::heuristics::{entropy, looks_like_words};

/// Shorter values are too likely to be ordinary words or numbers elsewhere in the text.
const MIN_LEN: usize = 8;
/// At most this many distinct values are looked for again, and this many more occurrences
/// of each are reported: a value misjudged once (a word-like name in code) is not spread over
/// a whole file.
const MAX_VALUES: usize = 64;
const MAX_REPEATS: usize = 8;

/// Adds a finding for each further occurrence of a secret already found in `content`.
/// The occurrence must stand alone (no letter or digit glued to either end) and not overlap
/// another finding; `skip` drops occurrences, e.g. on lines marked `airlock:allow`.
/// `findings` stays sorted and non-overlapping.
pub fn add_repeats(content: &[u8], findings: &mut Vec<Finding>, skip: &dyn Fn(Span) -> bool) {
    let mut seen: Vec<&[u8]> = Vec::new();
    let mut extra: Vec<Finding> = Vec::new();
    for f in findings.iter() {
        let value = f.secret.expose().as_slice();
        // Only values that read as random: a word-like value (`Get-AnsibleParam`) found
        // once may be a misjudged identifier, and repeated it is everywhere.
        if f.kind.restorable()
            || value.len() < MIN_LEN
            || looks_like_words(value)
            || entropy(value) < 3.0
            || seen.contains(&value)
        {
            continue;
        }
        if seen.len() == MAX_VALUES {
            break;
        }
        seen.push(value);
        let mut added = 0;
        for at in memchr::memmem::find_iter(content, value) {
            if added == MAX_REPEATS {
                break;
            }
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
            added += 1;
        }
    }
    if !extra.is_empty() {
        findings.extend(extra);
        findings.sort_by_key(|f| (f.span.start, f.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use airlock_types::{Confidence, Kind, Redacted, Severity};

    fn found(content: &[u8], value: &str) -> Finding {
        let at = memchr::memmem::find(content, value.as_bytes()).unwrap();
        Finding {
            rule_id: "generic-secret-assignment".into(),
            title: "Hardcoded password".into(),
            kind: Kind::Password,
            severity: Severity::High,
            confidence: Confidence::Medium,
            span: Span::new(at, at + value.len()),
            secret: Redacted::new(value.as_bytes().to_vec()),
            placeholder: "PASSWORD".into(),
        }
    }

    fn spans(content: &str, value: &str) -> Vec<(usize, usize)> {
        let mut f = vec![found(content.as_bytes(), value)];
        add_repeats(content.as_bytes(), &mut f, &|_| false);
        f.iter().map(|f| (f.span.start, f.span.end)).collect()
    }

    #[test]
    fn random_values_are_found_again_word_like_ones_are_not() {
        let text = "p = Tk9mP3vN7qR2xW4z\nq = Tk9mP3vN7qR2xW4z\n";
        assert_eq!(spans(text, "Tk9mP3vN7qR2xW4z"), [(4, 20), (25, 41)]);
        // A misjudged identifier is not spread over the file.
        let text = "p = GetAnsibleParam\nq = GetAnsibleParam\n";
        assert_eq!(spans(text, "GetAnsibleParam").len(), 1);
    }

    #[test]
    fn repeats_are_capped() {
        let text = "Tk9mP3vN7qR2xW4z\n".repeat(20);
        assert_eq!(spans(&text, "Tk9mP3vN7qR2xW4z").len(), 1 + MAX_REPEATS);
    }
}
