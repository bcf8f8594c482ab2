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
    needs: OnceLock<Option<(u8, usize)>>,
    guard: OnceLock<Option<Guard>>,
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

/// How far a pattern can match across lines, judged from its text.
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
}

/// The punctuation [`Rule::needs`] looks for.
const NEEDED_BYTES: &[u8] = b".:-@/";

/// The byte of [`NEEDED_BYTES`] that every match of `pattern` holds the most times, and
/// that count; `None` if no match needs any of them (or the pattern does not parse).
pub fn needed_byte(pattern: &str) -> Option<(u8, usize)> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()?;
    NEEDED_BYTES
        .iter()
        .map(|&b| (b, min_count(&hir, b)))
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(b, n)| (n, std::cmp::Reverse(b)))
}

/// The fewest times `b` occurs in any match of `hir`. Counts only what every path must
/// hold: a literal byte or a class of that byte alone; alternatives take their minimum.
fn min_count(hir: &regex_syntax::hir::Hir, b: u8) -> usize {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 0,
        HirKind::Literal(lit) => lit.0.iter().filter(|&&x| x == b).count(),
        HirKind::Class(Class::Bytes(c)) => {
            usize::from(matches!(c.ranges(), [r] if r.start() == b && r.end() == b))
        }
        HirKind::Class(Class::Unicode(c)) => usize::from(
            matches!(c.ranges(), [r] if r.start() == char::from(b) && r.end() == char::from(b)),
        ),
        HirKind::Repetition(rep) => (rep.min as usize).saturating_mul(min_count(&rep.sub, b)),
        HirKind::Capture(cap) => min_count(&cap.sub, b),
        HirKind::Concat(subs) => subs.iter().map(|h| min_count(h, b)).sum(),
        HirKind::Alternation(subs) => subs.iter().map(|h| min_count(h, b)).min().unwrap_or(0),
    }
}

/// A cheap test that a keyword occurrence can be part of a match, read off the pattern.
///
/// When the pattern is a sequence one of whose parts is a literal ending with a keyword
/// (`://` in `scheme://user:password@host`), every match holds that keyword, and right after
/// it the bytes matched by the parts that follow. Those parts can only match bytes of a
/// set (`allowed`), and some of them must match given bytes in a given order (`order`: `:`
/// then `@`). So a keyword occurrence after which the longest run of allowed bytes does
/// not hold `order` (as a subsequence) is in no match. Nothing about the parts after the
/// last required byte is assumed. Only keywords holding a byte outside the allowed set
/// get a guard, so that the test costs at most one read of the text (see [`Guard::of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guard {
    /// The keyword (lower case) the test applies to.
    pub keyword: Vec<u8>,
    allowed: [bool; 256],
    order: Vec<u8>,
}

impl Guard {
    /// The guard of `pattern` for one of `keywords`, if its structure gives one.
    pub fn of(pattern: &str, keywords: &[String]) -> Option<Guard> {
        use regex_syntax::hir::HirKind;
        let mut hir = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(pattern)
            .ok()?;
        // A group around the whole pattern changes nothing.
        while let HirKind::Capture(cap) = hir.kind() {
            hir = (*cap.sub).clone();
        }
        let HirKind::Concat(parts) = hir.kind() else {
            return None;
        };
        let mut best: Option<Guard> = None;
        for (i, part) in parts.iter().enumerate() {
            let HirKind::Literal(lit) = part.kind() else {
                continue;
            };
            let Some(keyword) = keywords.iter().find(|k| {
                lit.0.len() >= k.len()
                    && lit.0[lit.0.len() - k.len()..].eq_ignore_ascii_case(k.as_bytes())
            }) else {
                continue;
            };
            let mut allowed = [false; 256];
            let mut order = Vec::new();
            let mut kept_allowed = allowed;
            for next in &parts[i + 1..] {
                if !bytes_of(next, &mut allowed) {
                    break;
                }
                let before = order.len();
                required(next, &mut order);
                if order.len() > before {
                    kept_allowed = allowed;
                }
            }
            // A byte of the keyword (in either case) outside the allowed ones ends the run
            // after any earlier occurrence: the runs read after the occurrences in a text
            // do not overlap, and testing them all reads each byte at most once.
            let stops = keyword.bytes().any(|b| {
                !kept_allowed[b.to_ascii_lowercase() as usize]
                    && !kept_allowed[b.to_ascii_uppercase() as usize]
            });
            if order.is_empty() || !stops {
                continue;
            }
            let g = Guard {
                keyword: keyword.as_bytes().to_ascii_lowercase(),
                allowed: kept_allowed,
                order,
            };
            // The test with the most required bytes.
            if best.as_ref().is_none_or(|b| g.order.len() > b.order.len()) {
                best = Some(g);
            }
        }
        best
    }

    /// Whether the keyword at `start` in `content` (`content[start..]` begins with it, in
    /// any case) can be part of a match: the run of allowed bytes after it holds every
    /// required byte in order. Only the bytes up to the last required one are read.
    pub fn passes(&self, content: &[u8], start: usize) -> bool {
        let mut want = self.order.iter();
        let Some(mut next) = want.next() else {
            return true;
        };
        for &b in content.get(start + self.keyword.len()..).unwrap_or(&[]) {
            if !self.allowed[b as usize] {
                return false;
            }
            if b == *next {
                match want.next() {
                    Some(n) => next = n,
                    None => return true,
                }
            }
        }
        false
    }

    /// Whether `content[at..]` begins with the keyword, in any case.
    pub fn at(&self, content: &[u8], at: usize) -> bool {
        content
            .get(at..at + self.keyword.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(&self.keyword))
    }
}

/// Adds to `set` every byte `hir` can match; `false` if that is not known (a class
/// beyond ASCII in Unicode mode).
fn bytes_of(hir: &regex_syntax::hir::Hir, set: &mut [bool; 256]) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => {
            for &b in lit.0.iter() {
                set[b as usize] = true;
            }
            true
        }
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    set[b as usize] = true;
                }
            }
            true
        }
        HirKind::Class(Class::Unicode(c)) => c.ranges().iter().all(|r| {
            if r.end() > '\x7f' {
                return false;
            }
            for b in r.start() as u8..=r.end() as u8 {
                set[b as usize] = true;
            }
            true
        }),
        HirKind::Repetition(rep) => bytes_of(&rep.sub, set),
        HirKind::Capture(cap) => bytes_of(&cap.sub, set),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(|h| bytes_of(h, set)),
    }
}

/// Appends bytes every match of `hir` holds, in the order they occur in it: literal
/// bytes and one-byte classes, in sequences and in repetitions of at least one.
fn required(hir: &regex_syntax::hir::Hir, out: &mut Vec<u8>) {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Literal(lit) => out.extend_from_slice(&lit.0),
        HirKind::Class(Class::Bytes(c)) => {
            if let [r] = c.ranges() {
                if r.start() == r.end() {
                    out.push(r.start());
                }
            }
        }
        HirKind::Class(Class::Unicode(c)) => {
            if let [r] = c.ranges() {
                if r.start() == r.end() && r.start().is_ascii() {
                    out.push(r.start() as u8);
                }
            }
        }
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub, out),
        HirKind::Capture(cap) => required(&cap.sub, out),
        HirKind::Concat(subs) => subs.iter().for_each(|h| required(h, out)),
        _ => {}
    }
}

fn compile_pattern(pattern: &str) -> Result<Compiled, regex::Error> {
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
    })
}

impl Rule {
    /// Prepares and compiles a rule, reporting an invalid pattern now.
    pub fn compile(spec: RuleSpec) -> Result<Rule, RuleError> {
        let rule = Rule::prepare(spec)?;
        match compile_pattern(&rule.pattern) {
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
            .get_or_init(|| compile_pattern(&self.pattern).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(String::as_str)
    }

    /// A byte every match holds at least this many times (`.` three times in an IPv4
    /// address), when one does: text with fewer cannot match. Worked out from the parsed
    /// pattern (~0.1 ms a rule: worth it on a tree of files, not on a prompt), once: when
    /// `worth_it`, or if an earlier call already did.
    pub fn needs(&self, worth_it: bool) -> Option<(u8, usize)> {
        match self.needs.get() {
            Some(n) => *n,
            None if worth_it => *self.needs.get_or_init(|| needed_byte(&self.pattern)),
            None => None,
        }
    }

    /// What every match holds right after one of the rule's keywords, when the pattern
    /// says (see [`Guard`]). Worked out from the parsed pattern once: when `worth_it`, or
    /// if an earlier call already did.
    pub fn guard(&self, worth_it: bool) -> Option<&Guard> {
        match self.guard.get() {
            Some(g) => g.as_ref(),
            None if worth_it => self
                .guard
                .get_or_init(|| Guard::of(&self.pattern, &self.keywords))
                .as_ref(),
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
            needs: OnceLock::new(),
            guard: OnceLock::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    fn pick<'a>(from: &[&'a str], state: &mut u64) -> &'a str {
        from[(next(state) % from.len() as u64) as usize]
    }

    /// Pseudo-random URL-like text: `scheme://user[@domain]:password@host` built from
    /// pieces, some pieces swapped for stray bytes, with noise around it, so that scheme,
    /// `://`, `:`, `@`, hosts and bytes outside the URL alphabet meet in every order.
    fn url_noise(state: &mut u64) -> Vec<u8> {
        const SCHEMES: &[&str] = &[
            "https",
            "postgres",
            "mysql",
            "redis",
            "git+ssh",
            "jdbc:mysql",
            "s3",
            "x",
            "ftp",
            "mongodb+srv",
            "postgresql+asyncpg",
            "HTTP",
            "",
        ];
        const WORDS: &[&str] = &[
            "user",
            "admin",
            "p%40ss",
            "Secr3tValue",
            "abcdefghijkl",
            "host.example",
            "a.b",
            "5432",
            "x-y_z~",
            "!$&()*+,;=",
            "",
            "q",
        ];
        const STRAY: &[&str] = &[
            ":", "@", "@@", "/", " ", "\n", "\"", "'", "?", "#", "[::1]", "<", "\t", "\u{e9}",
            "://", "%", ":@",
        ];
        let mut parts: Vec<&str> = vec![
            pick(STRAY, state),
            pick(SCHEMES, state),
            "://",
            pick(WORDS, state),
        ];
        if next(state).is_multiple_of(4) {
            parts.extend(["@", pick(WORDS, state)]);
        }
        parts.extend([":", pick(WORDS, state), pick(WORDS, state), "@"]);
        parts.extend([pick(WORDS, state), pick(STRAY, state), pick(WORDS, state)]);
        // Swap one or two pieces for stray bytes, or for nothing.
        for _ in 0..next(state) % 3 {
            let i = (next(state) % parts.len() as u64) as usize;
            parts[i] = if next(state).is_multiple_of(2) {
                pick(STRAY, state)
            } else {
                ""
            };
        }
        parts.concat().into_bytes()
    }

    /// Every match of `regex` in `text` holds a keyword occurrence the guard lets through.
    fn guard_keeps_every_match(guard: &Guard, regex: &Regex, text: &[u8]) -> bool {
        regex
            .find_iter(text)
            .all(|m| (m.start()..m.end()).any(|p| guard.at(text, p) && guard.passes(text, p)))
    }

    /// `example` with a few random edits: a stray piece inserted, a byte range removed or
    /// repeated, a byte changed.
    fn mutate(example: &[u8], state: &mut u64) -> Vec<u8> {
        const STRAY: &[&str] = &[":", "@", "/", " ", "\n", "\"", "=", "-", "x", "%", "0"];
        let mut t = example.to_vec();
        for _ in 0..1 + next(state) % 3 {
            let i = (next(state) % (t.len() as u64 + 1)) as usize;
            let j = (i + (next(state) % 6) as usize).min(t.len());
            match next(state) % 4 {
                0 => {
                    t.splice(i..i, pick(STRAY, state).bytes());
                }
                1 => {
                    t.drain(i..j);
                }
                2 => {
                    let r = t[i..j].to_vec();
                    t.splice(i..i, r);
                }
                _ if i < t.len() => t[i] = pick(STRAY, state).as_bytes()[0],
                _ => {}
            }
        }
        t
    }

    /// The guards of the built-in rules never drop a keyword occurrence the pattern
    /// matches through: on generated URL-like text and on each rule's examples with random
    /// edits, every match holds an occurrence the guard lets through (so a window without
    /// one has no match: skipping it changes nothing). A guard asking one byte more than
    /// the pattern does is caught on the same texts (for the URL rules and in total), so
    /// they do reach the edge cases.
    #[test]
    fn guards_never_skip_a_match() {
        let specs = crate::engine::builtin_specs().unwrap();
        let mut state: u64 = 0x6a09_e667_f3bc_c908;
        let urls: Vec<Vec<u8>> = (0..20_000).map(|_| url_noise(&mut state)).collect();
        let mut guarded = Vec::new();
        for spec in specs {
            let rule = Rule::compile(spec).unwrap();
            let Some(g) = Guard::of(&rule.pattern, &rule.keywords) else {
                continue;
            };
            let regex = &rule.compiled().unwrap().regex;
            let mut texts = urls.clone();
            for ex in &rule.spec.examples {
                texts.push(ex.as_bytes().to_vec());
                for _ in 0..2000 {
                    texts.push(mutate(ex.as_bytes(), &mut state));
                }
            }
            let mut stricter = g.clone();
            stricter.order.push(*g.order.last().unwrap());
            let (mut matched, mut caught) = (0, 0);
            for text in &texts {
                if regex.is_match(text) {
                    matched += 1;
                    caught += usize::from(!guard_keeps_every_match(&stricter, regex, text));
                }
                assert!(
                    guard_keeps_every_match(&g, regex, text),
                    "{}: {:?}",
                    rule.spec.id,
                    String::from_utf8_lossy(text)
                );
            }
            let id = rule.spec.id.clone();
            assert!(matched >= 100, "{id}: only {matched} texts matched");
            guarded.push((id, caught));
        }
        for id in [
            "url-credentials",
            "url-credentials-database",
            "url-credentials-other",
        ] {
            let caught = guarded.iter().find(|g| g.0 == id).map(|g| g.1);
            assert!(caught.is_some_and(|c| c >= 100), "{id}: {caught:?}");
        }
        // (Not every stricter guard is caught: where the allowed bytes run on past the
        // match, as in `<password>...</password>`, the repeated byte often follows.)
        let all: usize = guarded.iter().map(|g| g.1).sum();
        assert!(all >= 1000, "{guarded:?}");
    }

    #[test]
    fn guard_of_a_url_pattern() {
        let g = Guard::of(
            r"\b[a-z]+://[a-z]{0,9}(?:@[a-z]+)?:(?P<s>[a-z0-9:]+)@[a-z]",
            &["://".into()],
        )
        .unwrap();
        assert_eq!(g.keyword, b"://");
        assert_eq!(g.order, b":@");
        let t = b"see https://example.com/a:b@c and db://u:p4ss@h";
        let at: Vec<usize> = (0..t.len()).filter(|&p| g.at(t, p)).collect();
        assert_eq!(at.len(), 2);
        assert!(!g.passes(t, at[0]), "a path ends the run: no password");
        assert!(g.passes(t, at[1]));
        // No literal keyword in sequence, or nothing required after it: no guard.
        assert!(Guard::of(r"(?:a|b)://x?", &["://".into()]).is_none());
        assert!(Guard::of(r"[a-z]+://[a-z]*", &["://".into()]).is_none());
        assert!(Guard::of(r"ghp_[A-Za-z0-9]{36}", &["gho_".into()]).is_none());
        // The run after an occurrence could hold the next ones: no guard (its cost would
        // grow with the square of the text).
        assert!(Guard::of(r"<pw>(?P<s>[^<]+)</pw>", &["<pw>".into()]).is_none());
        assert!(Guard::of(r"pw=(?P<s>[0-9]+);", &["pw=".into()]).is_some());
    }
}
