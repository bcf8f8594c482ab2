//! Errors a person can act on: where in the file (line:column), what is wrong, how to fix it.

use std::fmt;
use std::path::PathBuf;

use airlock_types::{LineCol, LineIndex};

/// Why a policy could not be read or accepted.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("{}: cannot read the policy file: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(Box<Diagnostic>),
}

impl PolicyError {
    /// The located problem, for errors in the file's content.
    pub fn diagnostic(&self) -> Option<&Diagnostic> {
        match self {
            PolicyError::Invalid(d) => Some(d),
            PolicyError::Read { .. } => None,
        }
    }
}

/// One problem in a policy file.
///
/// Displays as `airlock.toml:12:1: unknown field `bxes`, ... (did you mean `boxes`?)`,
/// followed by a `help:` line when there is a fix to suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as given to [`crate::Policy::parse`].
    pub origin: String,
    /// Where the offending key or value starts (1-based), when known.
    pub location: Option<LineCol>,
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some(lc) => write!(f, "{}:{}:{}: ", self.origin, lc.line, lc.column)?,
            None => write!(f, "{}: ", self.origin)?,
        }
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Builds diagnostics for one file, turning byte offsets into lines and columns.
pub(crate) struct Reporter<'a> {
    origin: &'a str,
    index: LineIndex,
}

impl<'a> Reporter<'a> {
    pub(crate) fn new(origin: &'a str, text: &str) -> Reporter<'a> {
        Reporter {
            origin,
            index: LineIndex::new(text.as_bytes()),
        }
    }

    pub(crate) fn at(
        &self,
        offset: Option<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> PolicyError {
        PolicyError::Invalid(Box::new(Diagnostic {
            origin: self.origin.to_string(),
            location: offset.map(|o| self.index.line_col(o)),
            message: message.into(),
            help,
        }))
    }

    /// A TOML syntax or shape error, with a did-you-mean for misspelt keys and values.
    pub(crate) fn toml(&self, e: &toml::de::Error) -> PolicyError {
        let mut message = e.message().trim_end().to_string();
        if let Some(better) = did_you_mean(&message) {
            message.push_str(&format!(" (did you mean `{better}`?)"));
        }
        self.at(e.span().map(|s| s.start), message, None)
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" (and "unknown variant"), the
/// expected name closest to `x`, if it is close enough to be a likely typo.
pub(crate) fn did_you_mean(message: &str) -> Option<String> {
    if !(message.starts_with("unknown field") || message.starts_with("unknown variant")) {
        return None;
    }
    let mut quoted = message.split('`').skip(1).step_by(2);
    let unknown = quoted.next()?;
    suggest(unknown, quoted)
}

/// The candidate closest to `word` by edit distance, if within a third of its length.
pub(crate) fn suggest<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    let word = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word, &c.to_ascii_lowercase()), c))
        .filter(|(d, c)| *d > 0 && *d <= (word.len().max(c.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

/// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
/// transpositions each cost one, so `modles` is one step from `models`.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("bxes", "boxes"), 1);
        assert_eq!(edit_distance("modles", "models"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggests_only_close_names() {
        let names = ["version", "organization", "boxes", "paths"];
        assert_eq!(suggest("bxes", names).as_deref(), Some("boxes"));
        assert_eq!(
            suggest("orgnization", names).as_deref(),
            Some("organization")
        );
        assert_eq!(suggest("zzzzz", names), None);
    }

    #[test]
    fn reads_serde_messages() {
        let m = "unknown field `bxes`, expected one of `version`, `boxes`";
        assert_eq!(did_you_mean(m).as_deref(), Some("boxes"));
        let m = "unknown variant `blok`, expected one of `allow`, `redact`, `block`";
        assert_eq!(did_you_mean(m).as_deref(), Some("block"));
        assert_eq!(did_you_mean("invalid type: string"), None);
    }
}
