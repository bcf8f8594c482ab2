//! pip requirements files (`requirements*.txt`, constraints files) and PEP 508 requirement strings.

use super::{Ctx, ManifestError};

/// A PEP 508 requirement string, split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pep508 {
    pub name: String,
    /// Byte offset of the name within the parsed string.
    pub name_offset: usize,
    pub extras: Vec<String>,
    /// The version specifier (`>=2,<3`), without parentheses.
    pub spec: Option<String>,
    /// A direct reference (`name @ https://...`).
    pub url: Option<String>,
    /// The environment marker after `;`.
    pub marker: Option<String>,
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_')
}

/// Parses a PEP 508 requirement (`requests[socks]>=2.0; python_version < "3.8"`).
/// On error returns the byte offset of the problem and a message.
pub fn parse_pep508(s: &str) -> Result<Pep508, (usize, String)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    let start = i;
    if i >= b.len() || !b[i].is_ascii_alphanumeric() {
        return Err((
            start,
            format!(
                "expected a package name (letters, digits, '.', '-', '_'), found {:?}",
                s[start..]
                    .chars()
                    .next()
                    .map(String::from)
                    .unwrap_or_default()
            ),
        ));
    }
    while i < b.len() && is_name_char(b[i]) {
        i += 1;
    }
    let mut end = i;
    while end > start && !b[end - 1].is_ascii_alphanumeric() {
        end -= 1;
    }
    if end != i {
        return Err((end, "a package name must end with a letter or digit".into()));
    }
    let name = s[start..end].to_string();
    let skip_ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    i = skip_ws(i);
    let mut extras = Vec::new();
    if i < b.len() && b[i] == b'[' {
        let Some(close) = s[i..].find(']') else {
            return Err((i, "unclosed '[' in extras".into()));
        };
        for extra in s[i + 1..i + close].split(',') {
            let extra = extra.trim();
            if extra.is_empty() {
                continue;
            }
            if !extra.bytes().all(is_name_char) {
                return Err((i + 1, format!("invalid extra name {extra:?}")));
            }
            extras.push(extra.to_string());
        }
        i = skip_ws(i + close + 1);
    }
    let (body, marker) = match s[i..].find(';') {
        Some(semi) => (&s[i..i + semi], Some(s[i + semi + 1..].trim().to_string())),
        None => (&s[i..], None),
    };
    let body_t = body.trim();
    let mut url = None;
    let mut spec = None;
    if let Some(rest) = body_t.strip_prefix('@') {
        let u = rest.trim();
        if u.is_empty() {
            return Err((i, "expected a URL after '@'".into()));
        }
        // In a direct reference a ';' only starts a marker after whitespace; keep it simple and
        // take the URL up to the first whitespace.
        url = Some(u.split_whitespace().next().unwrap_or(u).to_string());
    } else if !body_t.is_empty() {
        let inner = body_t
            .strip_prefix('(')
            .map(|x| x.strip_suffix(')').unwrap_or(x))
            .unwrap_or(body_t)
            .trim();
        for clause in inner.split(',') {
            let clause = clause.trim();
            let op_len = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"]
                .iter()
                .find(|op| clause.starts_with(**op))
                .map(|op| op.len());
            let ok = op_len.is_some_and(|n| {
                let v = clause[n..].trim();
                !v.is_empty()
                    && v.bytes().all(|c| {
                        c.is_ascii_alphanumeric()
                            || matches!(c, b'.' | b'*' | b'+' | b'!' | b'-' | b'_')
                    })
            });
            if !ok {
                return Err((
                    i + body.find(clause).unwrap_or(0),
                    format!(
                        "invalid version specifier {clause:?} (expected e.g. '>=1.2' or '==1.2.3')"
                    ),
                ));
            }
        }
        spec = Some(inner.to_string());
    }
    Ok(Pep508 {
        name,
        name_offset: start,
        extras,
        spec,
        url,
        marker: marker.filter(|m| !m.is_empty()),
    })
}

/// One logical line: physical lines joined at a trailing backslash.
struct Logical {
    text: String,
    /// (offset in `text`, offset in the file) at the start of each joined piece.
    pieces: Vec<(usize, usize)>,
}

impl Logical {
    fn file_offset(&self, at: usize) -> usize {
        let (l, f) = self
            .pieces
            .iter()
            .rev()
            .find(|(l, _)| *l <= at)
            .copied()
            .unwrap_or((0, 0));
        f + (at - l)
    }
}

fn logical_lines(content: &str) -> Vec<Logical> {
    let mut out = Vec::new();
    let mut cur: Option<Logical> = None;
    let mut offset = 0;
    for raw in content.split_inclusive('\n') {
        let line_offset = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let (piece, continued) = match line.strip_suffix('\\') {
            Some(p) => (p, true),
            None => (line, false),
        };
        let logical = cur.get_or_insert_with(|| Logical {
            text: String::new(),
            pieces: Vec::new(),
        });
        logical.pieces.push((logical.text.len(), line_offset));
        logical.text.push_str(piece);
        if !continued {
            out.extend(cur.take());
        }
    }
    out.extend(cur);
    out
}

/// Cuts a comment: `#` at the start or after whitespace.
fn strip_comment(s: &str) -> &str {
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'#' && (i == 0 || b[i - 1].is_ascii_whitespace()) {
            return &s[..i];
        }
    }
    s
}

fn is_public_index(url: &str) -> bool {
    let u = url.trim().trim_end_matches('/');
    matches!(
        u,
        "https://pypi.org/simple" | "https://pypi.python.org/simple" | "https://pypi.org/pypi"
    )
}

fn looks_like_path_or_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    // `name @ https://...` is a PEP 508 direct reference, parsed (and skipped) with its name.
    first.contains("://")
        || lower.starts_with("git+")
        || lower.starts_with("hg+")
        || lower.starts_with("svn+")
        || lower.starts_with("bzr+")
        || lower.starts_with("file:")
        || lower.starts_with('.')
        || lower.starts_with('/')
        || lower.starts_with('~')
        || first.contains('/')
        || first.contains('\\')
        || [".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz"]
            .iter()
            .any(|ext| first.ends_with(ext))
}

pub(super) fn parse(ctx: &mut Ctx) -> Result<(), ManifestError> {
    for logical in logical_lines(ctx.content) {
        let text = strip_comment(&logical.text);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = text.len() - text.trim_start().len();
        let at = logical.file_offset(lead);
        if trimmed.starts_with('-') {
            option(ctx, trimmed, at);
            continue;
        }
        // Per-requirement options (`--hash=...`, `--config-settings ...`) follow the requirement.
        let req = match trimmed.find(" --").or_else(|| trimmed.find("\t--")) {
            Some(i) => trimmed[..i].trim_end(),
            None => trimmed,
        };
        if req.contains("${") {
            ctx.skip_at(at, None, "uses an environment variable");
            continue;
        }
        if looks_like_path_or_url(req) {
            ctx.skip_at(at, None, "local path or URL, not a registry package");
            continue;
        }
        match parse_pep508(req) {
            Ok(p) => {
                let name_at = logical.file_offset(lead + p.name_offset);
                if p.url.is_some() {
                    ctx.skip_at(name_at, Some(&p.name), "direct URL reference");
                } else {
                    ctx.push_at(name_at, &p.name, p.spec);
                }
            }
            Err((off, msg)) => {
                return Err(ctx.error_at(
                    logical.file_offset(lead + off),
                    format!("invalid requirement {req:?}: {msg}"),
                ))
            }
        }
    }
    Ok(())
}

/// A line starting with `-`: includes, index options, editables.
fn option(ctx: &mut Ctx, line: &str, at: usize) {
    let (flag, value) = split_option(line);
    let (line_no, _) = ctx.pos(at);
    match flag {
        "-r" | "--requirement" | "-c" | "--constraint" if !value.is_empty() => {
            ctx.out.includes.push(super::Include {
                path: value.to_string(),
                line: line_no,
                constraint: matches!(flag, "-c" | "--constraint"),
            });
        }
        "-e" | "--editable" => ctx.skip(line_no, None, "editable install (local path or VCS)"),
        "-i" | "--index-url" | "--extra-index-url" if !is_public_index(value) => {
            ctx.out.alternate_index = true;
        }
        "-f" | "--find-links" => ctx.out.alternate_index = true,
        _ => {}
    }
}

/// `-r file`, `-rfile`, `--requirement=file`, `--requirement file`.
fn split_option(line: &str) -> (&str, &str) {
    if let Some(long) = line.strip_prefix("--") {
        let end = long
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(long.len());
        let flag = &line[..end + 2];
        let value = long[end..].trim_start_matches('=').trim();
        return (flag, value.split_whitespace().next().unwrap_or(""));
    }
    let flag_end = line.char_indices().nth(2).map_or(line.len(), |(i, _)| i);
    let flag = &line[..flag_end];
    let value = line[flag_end..].trim();
    (flag, value.split_whitespace().next().unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pep508_parts() {
        let p =
            parse_pep508("requests[socks, security] >= 2.8.1, ==2.8.* ; python_version < \"2.7\"")
                .unwrap();
        assert_eq!(p.name, "requests");
        assert_eq!(p.extras, vec!["socks", "security"]);
        assert_eq!(p.spec.as_deref(), Some(">= 2.8.1, ==2.8.*"));
        assert_eq!(p.marker.as_deref(), Some("python_version < \"2.7\""));
        let p = parse_pep508("name (>=1.0)").unwrap();
        assert_eq!(p.spec.as_deref(), Some(">=1.0"));
        let p = parse_pep508("pip @ https://github.com/pypa/pip/archive/1.3.1.zip").unwrap();
        assert!(p.url.is_some());
        assert!(parse_pep508("requests >> 2").is_err());
        assert!(parse_pep508("-foo").is_err());
        assert!(parse_pep508("foo[bar").is_err());
    }

    #[test]
    fn options() {
        assert_eq!(split_option("-r base.txt"), ("-r", "base.txt"));
        assert_eq!(split_option("-rbase.txt"), ("-r", "base.txt"));
        assert_eq!(
            split_option("--requirement=base.txt"),
            ("--requirement", "base.txt")
        );
        assert_eq!(
            split_option("--constraint c.txt"),
            ("--constraint", "c.txt")
        );
    }
}
