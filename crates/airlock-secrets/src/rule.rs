//! Rule definitions: the data format of a detection rule, and its compilation.
//!
//! A rule is data (TOML): an id, what it finds, the literal keywords that must appear for
//! the rule to be worth running, a pattern, optional checks on the matched value, and
//! examples that must (and must not) match. The examples run as tests, both for the
//! built-in rules and for a user's own rule packs (`airlock rules check`).

use airlock_types::{Confidence, Kind, Severity};
use std::sync::OnceLock;

use regex::bytes::Regex;
use serde::Deserialize;

use crate::validate::Validator;

/// A file of rules, as written in TOML.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleSpec>,
}

/// One rule as written in TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique, kebab-case id, e.g. `github-pat`.
    pub id: String,
    /// What it finds, as a person would say it: "GitHub personal access token (classic)".
    pub title: String,
    #[serde(default = "default_kind")]
    pub kind: Kind,
    #[serde(default = "default_severity")]
    pub severity: Severity,
    #[serde(default = "default_confidence")]
    pub confidence: Confidence,
    /// The stem of the redaction placeholder, e.g. `GITHUB_TOKEN` gives `[[GITHUB_TOKEN_1]]`.
    pub placeholder: Option<String>,
    /// Literal strings, matched without regard to ASCII case; the rule runs only on content
    /// holding at least one of them. Empty means the rule always runs.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// A regular expression (Rust `regex` syntax). The secret is the capture group named
    /// `secret`, else group 1, else the whole match.
    pub pattern: Option<String>,
    /// Shorthand for "a value assigned to a name that mentions one of these words": the
    /// engine builds the assignment pattern around `value`. The words double as keywords.
    #[serde(default)]
    pub context: Vec<String>,
    /// With `context`: the pattern of the value itself (case-sensitive).
    pub value: Option<String>,
    /// For rules with no keyword: run only on lines holding at least this many digits
    /// (card numbers, IBANs, phone numbers, IP addresses), instead of on the whole text.
    pub min_digits: Option<usize>,
    /// Minimum Shannon entropy of the secret, in bits per character.
    pub min_entropy: Option<f64>,
    /// A structural check of the secret beyond the pattern (checksums, ranges).
    pub validate: Option<Validator>,
    /// Whether obviously fake values (runs of one character, `EXAMPLE`, `xxxx`) are dropped.
    #[serde(default = "yes")]
    pub skip_placeholders: bool,
    pub description: String,
    #[serde(default)]
    pub references: Vec<String>,
    /// Texts the rule must find something in.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Texts the rule must find nothing in.
    #[serde(default)]
    pub negative_examples: Vec<String>,
}

impl RuleSpec {
    /// A rule with the defaults a TOML rule gets: a high-severity, high-confidence
    /// credential with no pattern, keywords or examples yet. Fill in the rest with struct
    /// update syntax.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        description: impl Into<String>,
    ) -> RuleSpec {
        RuleSpec {
            id: id.into(),
            title: title.into(),
            kind: default_kind(),
            severity: default_severity(),
            confidence: default_confidence(),
            placeholder: None,
            keywords: Vec::new(),
            pattern: None,
            context: Vec::new(),
            value: None,
            min_digits: None,
            min_entropy: None,
            validate: None,
            skip_placeholders: true,
            description: description.into(),
            references: Vec::new(),
            examples: Vec::new(),
            negative_examples: Vec::new(),
        }
    }
}

fn default_kind() -> Kind {
    Kind::Credential
}
fn default_severity() -> Severity {
    Severity::High
}
fn default_confidence() -> Confidence {
    Confidence::High
}
fn yes() -> bool {
    true
}

/// A rule ready to run. Its regex is compiled on first use: a paste guard that checks one
/// prompt should not pay for compiling hundreds of patterns it will never run.
#[derive(Debug)]
pub struct Rule {
    pub spec: RuleSpec,
    /// The full pattern (for `context` rules, the generated one).
    pub pattern: String,
    compiled: OnceLock<Result<Compiled, String>>,
    line_filter: OnceLock<LineFilter>,
    pub placeholder: String,
    /// Keywords in lower case (the spec's, plus `context` words).
    pub keywords: Vec<String>,
    /// How many lines around a keyword a match may reach: a rule runs on that window
    /// around each keyword rather than on the whole text.
    pub reach: Reach,
}

/// How far from its keyword a rule's match may extend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The keyword's line and one line either side.
    Line,
    /// A few lines: patterns with unbounded white space (`\s*`) or negated classes.
    Lines,
    /// Whole blocks (PEM keys, manifests): patterns written to span lines.
    Block,
}

/// How far a pattern can match across lines, judged from its text: [`Compiled::reach`]
/// refines it from the parsed pattern.
fn reach_of(pattern: &str) -> Reach {
    if ["(?s", "[\\s\\S]", "[\\S\\s]", "\\n", "\\r"]
        .iter()
        .any(|m| pattern.contains(m))
    {
        Reach::Block
    } else if ["\\s*", "\\s+", "[^"].iter().any(|m| pattern.contains(m)) {
        Reach::Lines
    } else {
        Reach::Line
    }
}

/// Why a rule could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("rule `{id}`: {message}")]
    Invalid { id: String, message: String },
    #[error("rule `{id}`: invalid pattern: {source}")]
    Pattern {
        id: String,
        #[source]
        source: Box<regex::Error>,
    },
    #[error("{origin}: {message}")]
    Parse { origin: String, message: String },
}

/// Separators between a name and its value: `=`, `:`, `:=`, `=>`, `->`, `==`, `!=`,
/// `||` (shell defaults), or the comma of a call like `set("password", "v")`.
const ASSIGN: &str =
    r#"(?:\s{0,4}(?:={1,3}|!==?|:=|::=|:::=|:|=>|->|\|\||\?=|,)\s{0,4}|\s+(?:is|as|to)\s+)"#;

/// A compiled pattern and the index of the capture group holding the secret.
#[derive(Debug)]
pub struct Compiled {
    pub regex: Regex,
    pub secret_group: usize,
    /// How far from its keyword a match may extend, from the parsed pattern: the rule's
    /// [`Rule::reach`], narrowed when every match holds a keyword (see `reach_of_parsed`).
    pub reach: Reach,
}

/// The punctuation [`Rule::line_filter`] looks for.
const NEEDED_BYTES: &[u8] = b".:-@/";

/// The byte of [`NEEDED_BYTES`] that every match of `pattern` holds the most times, and
/// that count; `None` if no match needs any of them (or the pattern does not parse).
pub fn needed_byte(pattern: &str) -> Option<(u8, usize)> {
    byte_of(&parse_hir(pattern)?)
}

/// A pattern parsed as the engine compiles it (bytes, ASCII classes).
fn parse_hir(pattern: &str) -> Option<regex_syntax::hir::Hir> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()
}

fn byte_of(hir: &regex_syntax::hir::Hir) -> Option<(u8, usize)> {
    NEEDED_BYTES
        .iter()
        .map(|&b| (b, min_count(hir, b)))
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(b, n)| (n, std::cmp::Reverse(b)))
}

/// A class's ranges as code points, whether it was parsed as bytes or as Unicode.
fn class_ranges(c: &regex_syntax::hir::Class) -> Vec<(u32, u32)> {
    use regex_syntax::hir::Class;
    match c {
        Class::Bytes(c) => c
            .ranges()
            .iter()
            .map(|r| (r.start().into(), r.end().into()))
            .collect(),
        Class::Unicode(c) => c
            .ranges()
            .iter()
            .map(|r| (r.start().into(), r.end().into()))
            .collect(),
    }
}

/// The fewest times `b` occurs in any match of `hir`. Counts only what every path must
/// hold: a literal byte or a class of that byte alone; alternatives take their minimum.
fn min_count(hir: &regex_syntax::hir::Hir, b: u8) -> usize {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 0,
        HirKind::Literal(lit) => lit.0.iter().filter(|&&x| x == b).count(),
        HirKind::Class(c) => usize::from(class_ranges(c) == [(u32::from(b), u32::from(b))]),
        HirKind::Repetition(rep) => (rep.min as usize).saturating_mul(min_count(&rep.sub, b)),
        HirKind::Capture(cap) => min_count(&cap.sub, b),
        HirKind::Concat(subs) => subs.iter().map(|h| min_count(h, b)).sum(),
        HirKind::Alternation(subs) => subs.iter().map(|h| min_count(h, b)).min().unwrap_or(0),
    }
}

/// Byte sets a run of which may be all a rule's matches have in common (digits; a dotted
/// quad; hex digits and colons; digits grouped by spaces or dashes), narrowest first.
const RUN_SETS: &[&[(u8, u8)]] = &[
    &[(b'0', b'9')],
    &[(b'0', b'9'), (b'.', b'.')],
    &[(b'0', b'9'), (b'A', b'F'), (b'a', b'f'), (b':', b':')],
    &[(b'0', b'9'), (b' ', b' '), (b'-', b'-')],
    // base64url and dots: signed tokens such as Discord's
    &[
        (b'0', b'9'),
        (b'A', b'Z'),
        (b'a', b'z'),
        (b'_', b'_'),
        (b'-', b'.'),
    ],
];
/// A shorter run than this is too common to be worth looking for.
const MIN_RUN: usize = 6;

/// What every match of a rule's pattern holds, for skipping text that cannot match.
#[derive(Debug)]
pub struct LineFilter {
    /// A byte and how many times at least (`.` three times in an IPv4 address).
    pub byte: Option<(u8, usize)>,
    /// A run of bytes of one set (seven digits and dots for an IPv4 address).
    pub run: Option<Run>,
}

/// A run every match of a pattern holds: at least `len` consecutive bytes of `set`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    set: [bool; 256],
    pub len: usize,
}

impl Run {
    /// Whether `text` holds the run. (A line without it cannot hold a match.)
    ///
    /// Every run of `len` bytes starting at or after `q` covers byte `q + len - 1`, so only
    /// that byte is looked at: when it is outside the set, no run starts in the next `len`
    /// bytes. Long runs (a 32-digit hex key, a 59-byte signed token) cost a look every
    /// `len` bytes, not one per byte.
    pub fn found_in(&self, text: &[u8]) -> bool {
        let len = self.len.max(1);
        let inside = |i: usize| self.set[text[i] as usize];
        let mut q = 0;
        while q + len <= text.len() {
            let probe = q + len - 1;
            if !inside(probe) {
                q = probe + 1;
                continue;
            }
            let mut start = probe;
            while start > q && inside(start - 1) {
                start -= 1;
            }
            let mut end = probe + 1;
            while end < text.len() && end - start < len && inside(end) {
                end += 1;
            }
            if end - start >= len {
                return true;
            }
            q = end + 1;
        }
        false
    }
}

/// The run of the first of [`RUN_SETS`] that every match of `pattern` holds at least
/// [`MIN_RUN`] bytes of (`1.2.3.4` is 7 bytes of digits and dots); `None` if there is none
/// (or the pattern does not parse).
pub fn needed_run(pattern: &str) -> Option<Run> {
    run_of(&parse_hir(pattern)?)
}

fn run_of(hir: &regex_syntax::hir::Hir) -> Option<Run> {
    RUN_SETS.iter().find_map(|ranges| {
        let mut set = [false; 256];
        for &(lo, hi) in *ranges {
            for b in lo..=hi {
                set[b as usize] = true;
            }
        }
        let len = runs(hir, &set).guaranteed();
        (len >= MIN_RUN).then_some(Run { set, len })
    })
}

/// What every match of a part of a pattern holds of a byte set: whether the match is made
/// of the set alone (and then its fewest bytes), and the fewest bytes of the set it starts
/// with, ends with, and holds in a row anywhere.
#[derive(Debug, Clone, Copy)]
struct Runs {
    whole: Option<usize>,
    prefix: usize,
    suffix: usize,
    inner: usize,
}

impl Runs {
    fn all(len: usize) -> Runs {
        Runs {
            whole: Some(len),
            prefix: len,
            suffix: len,
            inner: len,
        }
    }
    const NONE: Runs = Runs {
        whole: None,
        prefix: 0,
        suffix: 0,
        inner: 0,
    };
    fn guaranteed(&self) -> usize {
        self.inner.max(self.prefix).max(self.suffix)
    }
    /// `self` followed by `next`.
    fn then(self, next: Runs) -> Runs {
        match (self.whole, next.whole) {
            (Some(a), Some(b)) => Runs::all(a + b),
            (Some(a), None) => Runs {
                whole: None,
                prefix: a + next.prefix,
                suffix: next.suffix,
                inner: next.inner.max(a + next.prefix),
            },
            (None, Some(b)) => Runs {
                whole: None,
                prefix: self.prefix,
                suffix: self.suffix + b,
                inner: self.inner.max(self.suffix + b),
            },
            (None, None) => Runs {
                whole: None,
                prefix: self.prefix,
                suffix: next.suffix,
                inner: self.inner.max(next.inner).max(self.suffix + next.prefix),
            },
        }
    }
    /// Either `self` or `other`: what both guarantee.
    fn or(self, other: Runs) -> Runs {
        Runs {
            whole: self.whole.zip(other.whole).map(|(a, b)| a.min(b)),
            prefix: self.prefix.min(other.prefix),
            suffix: self.suffix.min(other.suffix),
            inner: self.guaranteed().min(other.guaranteed()),
        }
    }
}

/// [`Runs`] of `set` in every match of `hir`.
fn runs(hir: &regex_syntax::hir::Hir, set: &[bool; 256]) -> Runs {
    use regex_syntax::hir::HirKind;
    // One byte: of the set or not.
    let one = |inside: bool| if inside { Runs::all(1) } else { Runs::NONE };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Runs::all(0),
        HirKind::Literal(lit) => lit
            .0
            .iter()
            .fold(Runs::all(0), |acc, &b| acc.then(one(set[b as usize]))),
        HirKind::Class(c) => one(class_ranges(c)
            .into_iter()
            .all(|(lo, hi)| (lo..=hi).all(|b| b < 256 && set[b as usize]))),
        HirKind::Capture(cap) => runs(&cap.sub, set),
        HirKind::Concat(subs) => subs
            .iter()
            .fold(Runs::all(0), |acc, h| acc.then(runs(h, set))),
        HirKind::Alternation(subs) => subs
            .iter()
            .map(|h| runs(h, set))
            .reduce(Runs::or)
            .unwrap_or(Runs::NONE),
        HirKind::Repetition(rep) => {
            let sub = runs(&rep.sub, set);
            match (rep.min, sub.whole) {
                // The empty match guarantees nothing, unless every match is of the set.
                (0, Some(_)) => Runs::all(0),
                (0, None) => Runs::NONE,
                (m, Some(len)) => Runs::all(len * m as usize),
                (m, None) => Runs {
                    whole: None,
                    prefix: sub.prefix,
                    suffix: sub.suffix,
                    inner: if m >= 2 {
                        sub.inner.max(sub.suffix + sub.prefix)
                    } else {
                        sub.inner
                    },
                },
            }
        }
    }
}

/// The most line feeds one match of `hir` can hold; `None` when there is no bound. With
/// `beside_text`, only those matched by a literal or by a class that also holds other
/// bytes than white space count: `\s+` is not a pattern written to span lines.
fn max_newlines(hir: &regex_syntax::hir::Hir, beside_text: bool) -> Option<usize> {
    use regex_syntax::hir::HirKind;
    let space = |b: u32| matches!(b, 0x09..=0x0d | 0x20);
    let counts = |ranges: Vec<(u32, u32)>| {
        let mut feed = false;
        let mut text = false;
        for (lo, hi) in ranges {
            feed |= lo <= 0x0a && 0x0a <= hi;
            text |= (lo..=hi).any(|b| !space(b));
        }
        usize::from(feed && (text || !beside_text))
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(lit) => Some(lit.0.iter().filter(|&&b| b == b'\n').count()),
        HirKind::Class(c) => Some(counts(class_ranges(c))),
        HirKind::Capture(cap) => max_newlines(&cap.sub, beside_text),
        HirKind::Concat(subs) => subs.iter().try_fold(0usize, |n, h| {
            Some(n.saturating_add(max_newlines(h, beside_text)?))
        }),
        HirKind::Alternation(subs) => subs
            .iter()
            .try_fold(0usize, |n, h| Some(n.max(max_newlines(h, beside_text)?))),
        HirKind::Repetition(rep) => match (max_newlines(&rep.sub, beside_text)?, rep.max) {
            (0, _) => Some(0),
            (n, Some(max)) => Some(n.saturating_mul(max as usize)),
            (_, None) => None,
        },
    }
}

/// Whether every match of `hir` holds one of `keywords` (lower case): a literal, or a run
/// of literals and one-letter case classes (`(?i:aws)`), holds one. Alternatives must
/// each hold one. (A sufficient test: `false` says only that it was not shown.)
fn holds_keyword(hir: &regex_syntax::hir::Hir, keywords: &[String]) -> bool {
    use regex_syntax::hir::HirKind;
    /// The byte, lower case, that a literal byte or a one-letter case class stands for.
    fn one_byte(hir: &regex_syntax::hir::Hir) -> Option<Vec<u8>> {
        let set: Vec<u8> = match hir.kind() {
            HirKind::Literal(lit) => return Some(lit.0.to_ascii_lowercase()),
            HirKind::Class(c) => class_ranges(c)
                .into_iter()
                .flat_map(|(lo, hi)| lo..=hi)
                .map(|b| u8::try_from(b).ok())
                .collect::<Option<_>>()?,
            _ => return None,
        };
        match set[..] {
            [b] => Some(vec![b.to_ascii_lowercase()]),
            [a, b] if a.eq_ignore_ascii_case(&b) => Some(vec![a.to_ascii_lowercase()]),
            _ => None,
        }
    }
    let has = |run: &[u8]| {
        keywords
            .iter()
            .any(|k| run.windows(k.len().max(1)).any(|w| w == k.as_bytes()))
    };
    match hir.kind() {
        HirKind::Capture(cap) => holds_keyword(&cap.sub, keywords),
        HirKind::Repetition(rep) => rep.min > 0 && holds_keyword(&rep.sub, keywords),
        HirKind::Alternation(subs) => subs.iter().all(|h| holds_keyword(h, keywords)),
        HirKind::Concat(subs) => {
            let mut run: Vec<u8> = Vec::new();
            for h in subs {
                match one_byte(h) {
                    Some(bytes) => run.extend(bytes),
                    None => {
                        if has(&run) || holds_keyword(h, keywords) {
                            return true;
                        }
                        run.clear();
                    }
                }
            }
            has(&run)
        }
        _ => one_byte(hir).is_some_and(|b| has(&b)),
    }
}

/// The reach of a pattern: its text's estimate ([`reach_of`]), narrowed from the parsed
/// pattern when every match holds one of the rule's keywords (the window around that
/// keyword then holds the match) and the text only mentions what the match cannot
/// hold (`[^;\n]{0,120}` names `\n` to exclude it):
/// - no match holds a line feed: [`Reach::Line`];
/// - line feeds only as white space (`\s+`) or a few single ones (a closing character that
///   may be a line feed): [`Reach::Lines`], not [`Reach::Block`].
///
/// A rule whose keyword may stand apart from the match (`kind: Secret` above a manifest's
/// `data:`) keeps the reach its text gives.
fn reach_of_parsed(pattern: &str, keywords: &[String]) -> Reach {
    let text = reach_of(pattern);
    let Some(hir) = parse_hir(pattern) else {
        return text;
    };
    if text == Reach::Line || !holds_keyword(&hir, keywords) {
        text
    } else if max_newlines(&hir, false) == Some(0) {
        Reach::Line
    } else if text == Reach::Block && max_newlines(&hir, true).is_some_and(|n| n <= 2) {
        Reach::Lines
    } else {
        text
    }
}

fn compile_pattern(pattern: &str, keywords: &[String]) -> Result<Compiled, regex::Error> {
    // ASCII classes: `\w`, `\s`, `\d` and `\b` over bytes. Unicode classes make the
    // automata many times larger and slower, and no token format needs them.
    let regex = regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(1 << 24)
        .build()?;
    let secret_group = if let Some(i) = regex.capture_names().position(|n| n == Some("secret")) {
        i
    } else if regex.captures_len() > 1 {
        1
    } else {
        0
    };
    Ok(Compiled {
        regex,
        secret_group,
        reach: reach_of_parsed(pattern, keywords),
    })
}

impl Rule {
    /// Prepares and compiles a rule, reporting an invalid pattern now.
    pub fn compile(spec: RuleSpec) -> Result<Rule, RuleError> {
        let rule = Rule::prepare(spec)?;
        match compile_pattern(&rule.pattern, &rule.keywords) {
            Ok(c) => {
                let _ = rule.compiled.set(Ok(c));
                Ok(rule)
            }
            Err(e) => Err(RuleError::Pattern {
                id: rule.spec.id.clone(),
                source: Box::new(e),
            }),
        }
    }

    /// The compiled pattern, compiling it on first use. An invalid pattern (possible only
    /// for rules prepared without [`Rule::compile`]) is an error each time.
    pub fn compiled(&self) -> Result<&Compiled, &str> {
        self.compiled
            .get_or_init(|| {
                compile_pattern(&self.pattern, &self.keywords).map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(String::as_str)
    }

    /// What every match needs, when it is known: text without it cannot match. Worked out
    /// from the parsed pattern (~0.1 ms a rule: worth it on a tree of files, not on a
    /// prompt), once: when `worth_it`, or if an earlier call already did.
    pub fn line_filter(&self, worth_it: bool) -> Option<&LineFilter> {
        match self.line_filter.get() {
            Some(f) => Some(f),
            None if worth_it => Some(self.line_filter.get_or_init(|| {
                let hir = parse_hir(&self.pattern);
                LineFilter {
                    byte: hir.as_ref().and_then(byte_of),
                    run: hir.as_ref().and_then(run_of),
                }
            })),
            None => None,
        }
    }

    /// Checks a rule's metadata and builds its pattern text without compiling it.
    pub fn prepare(spec: RuleSpec) -> Result<Rule, RuleError> {
        let invalid = |message: String| RuleError::Invalid {
            id: spec.id.clone(),
            message,
        };
        if spec.id.is_empty()
            || !spec
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        {
            return Err(invalid(
                "ids are lower-case letters, digits, `-` and `.`".into(),
            ));
        }
        let pattern = match (&spec.pattern, &spec.value) {
            (Some(p), None) => p.clone(),
            (None, Some(v)) if !spec.context.is_empty() => {
                let ctx = spec
                    .context
                    .iter()
                    .map(|w| regex::escape(w))
                    .collect::<Vec<_>>()
                    .join("|");
                // name containing a context word, optional closing quote, a separator,
                // an optional opening quote, then the value and a boundary.
                format!(
                    r#"(?i:(?:{ctx})[\w.\-]{{0,40}})[`"'\]]?{ASSIGN}(?:[`"']|[a-z]*\(\s*["'])?(?P<secret>{v})(?:[`"'\s;,)\]}}&<]|\\[nrt]|$)"#
                )
            }
            (None, Some(_)) => return Err(invalid("`value` needs `context` words".into())),
            (Some(_), Some(_)) => {
                return Err(invalid(
                    "give `pattern` or `context` + `value`, not both".into(),
                ))
            }
            (None, None) => return Err(invalid("needs `pattern`, or `context` + `value`".into())),
        };
        let mut keywords: Vec<String> = spec
            .keywords
            .iter()
            .chain(spec.context.iter())
            .map(|k| k.to_ascii_lowercase())
            .collect();
        keywords.sort();
        keywords.dedup();
        if keywords.iter().any(|k| k.is_empty()) {
            return Err(invalid("empty keyword".into()));
        }
        let placeholder = spec
            .placeholder
            .clone()
            .unwrap_or_else(|| spec.id.to_ascii_uppercase().replace(['-', '.'], "_"));
        if spec.description.trim().is_empty() {
            return Err(invalid("needs a description".into()));
        }
        Ok(Rule {
            spec,
            reach: reach_of(&pattern),
            pattern,
            compiled: OnceLock::new(),
            line_filter: OnceLock::new(),
            placeholder,
            keywords,
        })
    }
}

/// Parses a TOML rule file. `origin` names it in errors.
pub fn parse_rule_file(origin: &str, text: &str) -> Result<Vec<RuleSpec>, RuleError> {
    let file: RuleFile = toml::from_str(text).map_err(|e| RuleError::Parse {
        origin: origin.to_string(),
        message: describe_toml_error(text, &e),
    })?;
    Ok(file.rules)
}

/// Renders a TOML error as `line L, column C: message`.
pub fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.len() - before.rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
            format!("line {line}, column {col}: {}", e.message())
        }
        None => e.message().to_string(),
    }
}
