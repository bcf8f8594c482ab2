//! The shared vocabulary of airlock: findings, spans, boxes, severities and redacted values.
//!
//! Nothing here does I/O; every other crate depends on these types and nothing else in the
//! workspace depends on them in the other direction.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The three-box rule: what may leave the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum BoxLevel {
    /// Box 1: safe to share.
    Safe = 1,
    /// Box 2: share with caution (redact first, approved models only).
    Caution = 2,
    /// Box 3: never share.
    Never = 3,
}

impl BoxLevel {
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn label(self) -> &'static str {
        match self {
            BoxLevel::Safe => "safe to share",
            BoxLevel::Caution => "share with caution",
            BoxLevel::Never => "never share",
        }
    }
}

impl TryFrom<u8> for BoxLevel {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(BoxLevel::Safe),
            2 => Ok(BoxLevel::Caution),
            3 => Ok(BoxLevel::Never),
            _ => Err(format!("box must be 1, 2 or 3, not {n}")),
        }
    }
}

impl From<BoxLevel> for u8 {
    fn from(b: BoxLevel) -> u8 {
        b as u8
    }
}

impl fmt::Display for BoxLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "box {} ({})", self.number(), self.label())
    }
}

/// How bad a finding is if it is real.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// The SARIF `level` for this severity.
    pub fn sarif_level(self) -> &'static str {
        match self {
            Severity::Low => "note",
            Severity::Medium => "warning",
            Severity::High | Severity::Critical => "error",
        }
    }
}

/// How sure the detector is that the finding is real.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// What kind of sensitive content a finding is. The policy assigns boxes and actions per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A provider credential: API key, access token, webhook URL with an embedded secret.
    Credential,
    /// A private key (PEM, OpenSSH, PGP, PuTTY, JWK with private parts).
    PrivateKey,
    /// A password or secret assigned to a sensitive name, found by the generic detector.
    Password,
    /// Credentials inside a URL or connection string.
    ConnectionString,
    /// Personal data: emails, phone numbers, payment cards, IBANs, national ids.
    PersonalData,
    /// Internal infrastructure: private IP addresses, internal hostnames.
    Infrastructure,
    /// Organization-specific: codenames, confidentiality markers, custom patterns.
    Organization,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Credential,
        Kind::PrivateKey,
        Kind::Password,
        Kind::ConnectionString,
        Kind::PersonalData,
        Kind::Infrastructure,
        Kind::Organization,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Credential => "credential",
            Kind::PrivateKey => "private-key",
            Kind::Password => "password",
            Kind::ConnectionString => "connection-string",
            Kind::PersonalData => "personal-data",
            Kind::Infrastructure => "infrastructure",
            Kind::Organization => "organization",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether a value of this kind may be put back after redaction. Secrets never are:
    /// restoring them would defeat the point of redacting them.
    pub fn restorable(self) -> bool {
        matches!(
            self,
            Kind::PersonalData | Kind::Infrastructure | Kind::Organization
        )
    }

    /// The CWE that describes leaking this kind of content.
    pub fn cwe(self) -> Cwe {
        match self {
            Kind::Credential | Kind::Password | Kind::ConnectionString => Cwe(798),
            Kind::PrivateKey => Cwe(321),
            Kind::PersonalData => Cwe(359),
            Kind::Infrastructure | Kind::Organization => Cwe(200),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A Common Weakness Enumeration id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cwe(pub u32);

impl fmt::Display for Cwe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CWE-{}", self.0)
    }
}

/// A byte range in the scanned content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A 1-based line and column (column counted in bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Maps byte offsets to line and column numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(content: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', content).map(|i| i + 1));
        LineIndex { starts }
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        LineCol {
            line: line + 1,
            column: offset - self.starts[line] + 1,
        }
    }

    /// The byte range of a 1-based line, without its newline.
    pub fn line_span(&self, line: usize, content_len: usize) -> Span {
        let start = self.starts[line - 1];
        let end = self
            .starts
            .get(line)
            .map(|s| s.saturating_sub(1))
            .unwrap_or(content_len);
        Span::new(start, end.max(start))
    }
}

/// A value that must never be printed: its `Debug` and `Display` show only a masked form.
///
/// The raw value is reachable through [`Redacted::expose`], which makes every place that
/// prints a secret easy to find in review.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Redacted<T>(T);

impl<T> Redacted<T> {
    pub fn new(value: T) -> Redacted<T> {
        Redacted(value)
    }

    pub fn expose(&self) -> &T {
        &self.0
    }

    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: AsRef<[u8]>> Redacted<T> {
    /// A masked form: up to four leading characters (never more than a quarter of the
    /// value), then the length. `ghp_****…(40 chars)`.
    pub fn masked(&self) -> String {
        mask(self.0.as_ref())
    }

    /// A stable, non-reversible fingerprint of the value (hex SHA-256 prefix).
    pub fn fingerprint(&self) -> String {
        fingerprint(self.0.as_ref())
    }
}

/// Masks a secret for display: a short prefix, stars, and its length.
pub fn mask(value: &[u8]) -> String {
    let text = String::from_utf8_lossy(value);
    let n = text.chars().count();
    let keep = if n >= 16 {
        4
    } else if n >= 8 {
        2
    } else {
        0
    };
    let prefix: String = text.chars().take(keep).collect();
    format!("{prefix}{}({n} chars)", "*".repeat(4))
}

/// A stable, non-reversible fingerprint: the first 16 hex digits of SHA-256.
pub fn fingerprint(value: &[u8]) -> String {
    let digest = Sha256::digest(value);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

impl<T: AsRef<[u8]>> fmt::Debug for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redacted({})", self.masked())
    }
}

impl<T: AsRef<[u8]>> fmt::Display for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// One thing found in scanned content.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule that found it, e.g. `github-pat`.
    pub rule_id: String,
    /// A short human name for what was found, e.g. "GitHub personal access token".
    pub title: String,
    pub kind: Kind,
    pub severity: Severity,
    pub confidence: Confidence,
    /// The bytes to redact: the secret itself, not its surrounding assignment.
    pub span: Span,
    /// The secret value. Never print it without going through [`Redacted`].
    pub secret: Redacted<Vec<u8>>,
    /// The placeholder stem used by redaction, e.g. `GITHUB_TOKEN`.
    pub placeholder: String,
}

impl Finding {
    pub fn cwe(&self) -> Cwe {
        self.kind.cwe()
    }

    /// A fingerprint of the secret's value, independent of where it stands, so that a
    /// baseline survives edits and moves.
    pub fn fingerprint(&self) -> String {
        self.secret.fingerprint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacted_never_prints_the_value() {
        let r = Redacted::new(b"ghp_abcdefghijklmnopqrstuvwxyz0123456789".to_vec()); // airlock:allow synthetic test value
        let shown = format!("{r} {r:?}");
        assert!(!shown.contains("abcdefghijklmnop"), "{shown}");
        assert!(shown.contains("ghp_"));
        assert!(shown.contains("40 chars"));
    }

    #[test]
    fn short_values_show_no_prefix() {
        assert_eq!(mask(b"hunter2"), "****(7 chars)");
    }

    #[test]
    fn line_index_maps_offsets() {
        let text = b"ab\ncd\n\nef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(3), LineCol { line: 2, column: 1 });
        assert_eq!(idx.line_col(4), LineCol { line: 2, column: 2 });
        assert_eq!(idx.line_col(7), LineCol { line: 4, column: 1 });
        assert_eq!(idx.line_span(2, text.len()), Span::new(3, 5));
        assert_eq!(idx.line_span(4, text.len()), Span::new(7, 9));
    }

    #[test]
    fn box_levels_parse_from_numbers() {
        assert_eq!(BoxLevel::try_from(3).unwrap(), BoxLevel::Never);
        assert!(BoxLevel::try_from(4).is_err());
    }
}
