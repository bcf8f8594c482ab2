//! Decoding values that hide a secret: base64 (standard and URL-safe), hex and
//! percent-encoding. Only values long enough to hide a credential are tried, and only
//! decodings that come out as text are kept.

use airlock_types::{Confidence, Kind, Severity, Span};
use base64::Engine as _;

use crate::engine::Candidate;

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_')
}

/// Mostly printable text: what a decoded secret or config looks like, and what random
/// bytes (a hash, a key's raw bytes) do not.
fn is_text(bytes: &[u8]) -> bool {
    if bytes.len() < 6 {
        return false;
    }
    let printable = bytes
        .iter()
        .filter(|&&b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    printable * 100 >= bytes.len() * 95
}

/// Encoded values in `line`: (start, end, decoded text).
pub fn decode_values(line: &[u8]) -> Vec<(usize, usize, Vec<u8>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        if !is_b64(line[i]) || (i > 0 && is_b64(line[i - 1])) {
            i += 1;
            continue;
        }
        let start = i;
        while i < line.len() && is_b64(line[i]) {
            i += 1;
        }
        let mut end = i;
        while end < line.len() && line[end] == b'=' && end - i < 2 {
            end += 1;
        }
        let run = &line[start..end];
        // Worth decoding: long enough to hide a credential, and mixing letters with
        // digits or symbols the way encoded data does (an identifier does not).
        let (lo, up, dg, other) = crate::heuristics::classes(run);
        let mixed = (dg > 0 || other > 0) && (lo > 0 || up > 0);
        if run.len() >= 16 && mixed {
            if let Some(d) = decode(run) {
                out.push((start, end, d));
            }
        }
        i = end.max(start + 1);
    }
    if memchr::memchr(b'%', line).is_some() {
        if let Some((s, e, d)) = percent_value(line) {
            out.push((s, e, d));
        }
    }
    out
}

fn decode(run: &[u8]) -> Option<Vec<u8>> {
    let hex =
        run.len().is_multiple_of(2) && run.len() >= 24 && run.iter().all(u8::is_ascii_hexdigit);
    if hex {
        let bytes: Option<Vec<u8>> = run
            .chunks(2)
            .map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
            .collect();
        return bytes.filter(|b| is_text(b));
    }
    let trimmed: Vec<u8> = run.iter().copied().filter(|&b| b != b'=').collect();
    let engine = if trimmed.iter().any(|&b| b == b'-' || b == b'_') {
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
    } else {
        &base64::engine::general_purpose::STANDARD_NO_PAD
    };
    engine.decode(&trimmed).ok().filter(|b| is_text(b))
}

/// The longest percent-encoded stretch on the line (with at least two escapes), decoded.
fn percent_value(line: &[u8]) -> Option<(usize, usize, Vec<u8>)> {
    let ok =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'%' | b'.' | b'_' | b'-' | b'~' | b'+');
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < line.len() {
        if !ok(line[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < line.len() && ok(line[i]) {
            i += 1;
        }
        let escapes = line[s..i].iter().filter(|&&b| b == b'%').count();
        if escapes >= 2 && i - s >= 16 && best.is_none_or(|(bs, be)| i - s > be - bs) {
            best = Some((s, i));
        }
    }
    let (s, e) = best?;
    let mut out = Vec::with_capacity(e - s);
    let mut j = s;
    while j < e {
        if line[j] == b'%' && j + 2 < e + 1 && j + 2 < line.len() {
            if let Ok(v) = u8::from_str_radix(std::str::from_utf8(&line[j + 1..j + 3]).ok()?, 16) {
                out.push(v);
                j += 3;
                continue;
            }
        }
        out.push(if line[j] == b'+' { b' ' } else { line[j] });
        j += 1;
    }
    is_text(&out).then_some((s, e, out))
}

/// `user:password` hidden in an `auth` value (Docker's config.json, `.npmrc` `_auth`,
/// HTTP Basic): a credential even though neither half has a telling prefix.
pub fn basic_auth_pair(line: &[u8], decoded: &[u8]) -> Option<Candidate> {
    let lower = line.to_ascii_lowercase();
    let named = [&b"auth"[..], b"basic", b"credential"]
        .iter()
        .any(|k| memchr::memmem::find(&lower, k).is_some());
    if !named {
        return None;
    }
    let colon = memchr::memchr(b':', decoded)?;
    let (user, pass) = (&decoded[..colon], &decoded[colon + 1..]);
    let plain = |s: &[u8]| !s.is_empty() && s.iter().all(|&b| b > 0x20 && b < 0x7f);
    if !plain(user) || !plain(pass) || pass.len() < 4 || crate::heuristics::looks_fake(pass) {
        return None;
    }
    Some(Candidate {
        rule_id: "encoded-basic-auth".into(),
        title: "Base64-encoded user:password pair".into(),
        kind: Kind::Password,
        severity: Severity::High,
        confidence: Confidence::High,
        span: Span::new(0, 0),
        placeholder: "BASIC_AUTH".into(),
        specific: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_hex_and_percent() {
        let v = decode_values(b"token: Z2hwX0FpcmxvY2tTeW50aGV0aWM="); // airlock:allow synthetic test value
        assert_eq!(v[0].2, b"ghp_AirlockSynthetic");
        let v = decode_values(b"x = 676870416972");
        assert!(v.is_empty(), "too short for hex");
        let v = decode_values(b"k=70617373776f72643d53796e746865746963");
        assert_eq!(v[0].2, b"password=Synthetic");
        let v = decode_values(b"url=https%3A%2F%2Fuser%3Apw%40host");
        assert!(
            v.iter().any(|(_, _, d)| d == b"https://user:pw@host"),
            "{v:?}"
        );
    }

    #[test]
    fn random_bytes_are_not_text() {
        assert!(decode_values(b"sha: 2jmj7l5rSw0yVb/vlWAYkK/YBwk=").is_empty());
    }
}
