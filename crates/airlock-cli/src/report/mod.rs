//! Turning findings into what a person or a tool reads: one module per format.
//!
//! A [`Record`] is a finding placed in its file, with the secret already masked (unless
//! the user asked for raw values): the reporters never see a raw secret they were not
//! meant to print.

pub mod human;
pub mod json;
pub mod sarif;

use airlock_types::{mask, BoxLevel, Confidence, Finding, Kind, LineIndex, Severity};
use serde::Serialize;

use crate::git::CommitInfo;

/// A finding as reported.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub rule: String,
    pub title: String,
    /// The kind of sensitive data; `None` for insecure-code findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    pub severity: Severity,
    pub confidence: Confidence,
    #[serde(rename = "box", skip_serializing_if = "Option::is_none")]
    pub box_level: Option<BoxLevel>,
    /// The secret, masked (`ghp_****(40 chars)`) unless raw values were asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// For secrets, a fingerprint of the value; for code, of the rule and the line's
    /// code, so that a baseline survives edits elsewhere in the file.
    pub fingerprint: String,
    /// What insecure-code findings add: CWEs, the message and the fix.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeInfo>,
    /// The source line with every finding on it masked the same way.
    #[serde(skip)]
    pub line_text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<CommitInfo>,
}

/// The part of a record that only insecure-code findings have.
#[derive(Debug, Clone, Serialize)]
pub struct CodeInfo {
    pub cwe: Vec<String>,
    pub language: &'static str,
    pub message: String,
    pub fix: String,
}

impl Record {
    /// A record for an insecure-code finding; `cwes` lists the rule's CWE first. The
    /// source line shown has every secret on it masked: those in `secrets`, and the
    /// literal itself when the finding is a hard-coded credential.
    pub fn from_code(
        path: &str,
        content: &str,
        lang: airlock_code::Language,
        f: &airlock_code::CodeFinding,
        cwes: &[u32],
        secrets: &[Finding],
    ) -> Record {
        let bytes = content.as_bytes();
        let line_start = content[..f.start_byte.min(content.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line_end = content[line_start..]
            .find('\n')
            .map_or(content.len(), |i| line_start + i);
        let mut hide: Vec<(usize, usize)> = secrets
            .iter()
            .filter(|s| s.span.start < line_end && s.span.end > line_start)
            .map(|s| (s.span.start.max(line_start), s.span.end.min(line_end)))
            .collect();
        let credential = f.rule_id == "hardcoded-credential";
        if credential {
            let span = (f.start_byte.max(line_start), f.end_byte.min(line_end));
            // A call such as `jwt.sign(claims, 'k3y')` is the finding: hide its string
            // literals, keep the code around them readable. Shell words need no quotes, so
            // there (and when the span holds no literal) the whole span is hidden.
            let literals = if lang == airlock_code::Language::Shell {
                Vec::new()
            } else {
                string_literals(bytes, span)
            };
            if literals.is_empty() {
                hide.push(span);
            } else {
                hide.extend(literals);
            }
        }
        hide.sort();
        let mut shown = Vec::new();
        let mut at = line_start;
        for (s, e) in hide {
            if s < at {
                continue;
            }
            shown.extend_from_slice(&bytes[at..s]);
            shown.extend_from_slice(mask(&bytes[s..e]).as_bytes());
            at = e;
        }
        shown.extend_from_slice(&bytes[at.min(line_end)..line_end]);
        let line_text = String::from_utf8_lossy(&shown).replace('\t', "    ");
        // A credential is known by its value wherever it moves; other findings by the
        // rule and the code on their line.
        let key = if credential {
            &content[f.start_byte..f.end_byte.min(content.len())]
        } else {
            line_text.trim()
        };
        let fingerprint =
            airlock_types::fingerprint(format!("{}\n{}", f.rule_id, key.trim()).as_bytes());
        let line_text = if line_text.chars().count() > 200 {
            line_text.chars().take(200).collect::<String>() + "…"
        } else {
            line_text
        };
        Record {
            path: path.to_string(),
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            rule: f.rule_id.clone(),
            title: f.title.clone(),
            kind: None,
            severity: f.severity,
            confidence: f.confidence,
            box_level: None,
            secret: None,
            fingerprint,
            code: Some(CodeInfo {
                cwe: cwes.iter().map(|c| format!("CWE-{c}")).collect(),
                language: lang.name(),
                message: f.message.clone(),
                fix: f.fix.clone(),
            }),
            line_text,
            commit: None,
        }
    }
}

/// Builds records for the findings of one piece of content.
pub struct RecordBuilder<'a> {
    pub show_secrets: bool,
    pub box_of: &'a (dyn Fn(Kind) -> BoxLevel + Sync),
}

impl RecordBuilder<'_> {
    pub fn build(
        &self,
        path: &str,
        content: &[u8],
        findings: &[Finding],
        line_map: &[usize],
        commit: Option<&CommitInfo>,
    ) -> Vec<Record> {
        if findings.is_empty() {
            return Vec::new();
        }
        let index = LineIndex::new(content);
        let map_line = |l: usize| -> usize {
            if line_map.is_empty() {
                l
            } else {
                line_map.get(l - 1).copied().unwrap_or(l)
            }
        };
        findings
            .iter()
            .map(|f| {
                let start = index.line_col(f.span.start);
                let end = index.line_col(f.span.end);
                let line_span = index.line_span(start.line, content.len());
                let line_text = self.masked_line(content, line_span, findings);
                Record {
                    path: path.to_string(),
                    line: map_line(start.line),
                    column: start.column,
                    end_line: map_line(end.line),
                    end_column: end.column,
                    rule: f.rule_id.clone(),
                    title: f.title.clone(),
                    kind: Some(f.kind),
                    severity: f.severity,
                    confidence: f.confidence,
                    box_level: Some((self.box_of)(f.kind)),
                    secret: Some(self.show(f.secret.expose())),
                    fingerprint: f.fingerprint(),
                    code: None,
                    line_text,
                    commit: commit.cloned(),
                }
            })
            .collect()
    }

    fn show(&self, secret: &[u8]) -> String {
        if self.show_secrets {
            String::from_utf8_lossy(secret).into_owned()
        } else {
            mask(secret)
        }
    }

    /// The line's text with every finding on it replaced by its masked form; long lines
    /// are cut around the first finding.
    fn masked_line(
        &self,
        content: &[u8],
        line: airlock_types::Span,
        findings: &[Finding],
    ) -> String {
        let mut out = Vec::new();
        let mut at = line.start;
        for f in findings {
            if f.span.end <= line.start || f.span.start >= line.end {
                continue;
            }
            let s = f.span.start.max(at);
            out.extend_from_slice(&content[at..s]);
            out.extend_from_slice(self.show(f.secret.expose()).as_bytes());
            at = f.span.end.min(line.end).max(s);
            if f.span.end > line.end {
                at = line.end;
            }
        }
        if at < line.end {
            out.extend_from_slice(&content[at..line.end]);
        }
        let text = String::from_utf8_lossy(&out).replace('\t', "    ");
        if text.chars().count() > 200 {
            text.chars().take(200).collect::<String>() + "…"
        } else {
            text
        }
    }
}

/// The contents (quotes excluded) of the quoted string literals in `span` of `bytes`; an
/// unterminated literal runs to the end of the span.
fn string_literals(bytes: &[u8], (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        let q = bytes[i];
        if !matches!(q, b'"' | b'\'' | b'`') {
            i += 1;
            continue;
        }
        let open = i + 1;
        let mut j = open;
        while j < end && bytes[j] != q {
            j += if bytes[j] == b'\\' { 2 } else { 1 };
        }
        let close = j.min(end);
        if close > open {
            out.push((open, close));
        }
        i = close + 1;
    }
    out
}
