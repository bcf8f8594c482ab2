//! The detector: every rule composed into one pass over the content.
//!
//! One keyword pass finds the keywords of every rule and of the generic detector: a
//! [`KeywordSet`] (built in microseconds) for a quick start and for the first megabytes of
//! a scan, then an Aho-Corasick automaton (faster per byte; same matches). It marks which
//! rules are worth running and where the generic keywords stand; only those rules' regexes then run. Content without any
//! keyword costs one keyword pass and nothing more.

use airlock_types::{Confidence, Finding, Kind, Redacted, Span};

use crate::generic::Generic;
use crate::heuristics;
use crate::keywords::{Automaton, Hit, KeywordSet};
use crate::rule::{parse_rule_file, Reach, Rule, RuleError, RuleSpec};
use crate::validate::Verdict;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// Literals that make every line of the content worth decoding.
const ENCODED_TRIGGERS: &[&str] = &["kind: secret", "kind: \"secret\"", "dockerconfig"];

/// The marker that suppresses findings on its line.
pub const ALLOW_MARKER: &[u8] = b"airlock:allow";

/// How a detector is put together.
#[derive(Debug, Clone)]
pub struct DetectorConfig {
    /// Run the generic "secret-looking value assigned to a secret-looking name" detector.
    pub generic: bool,
    /// Run personal-data rules (emails, phones, cards, IBANs, national ids, IP addresses).
    pub personal_data: bool,
    /// Drop findings on lines carrying `airlock:allow`.
    pub honor_allow_comments: bool,
    /// Keep the keyword pass built for a quick start (one short input: the paste guard):
    /// never build the automaton that pays off on a tree of files. The findings are the
    /// same.
    pub quick_start: bool,
    /// Compile every pattern up front, reporting invalid ones from [`Detector::new`].
    /// Off, patterns compile on first use: start-up stays fast, and a pattern that fails
    /// to compile then makes [`Detector::scan`] fail closed with an error finding.
    pub eager: bool,
}

impl Default for DetectorConfig {
    fn default() -> Self {
        DetectorConfig {
            generic: true,
            personal_data: true,
            honor_allow_comments: true,
            eager: false,
            quick_start: false,
        }
    }
}

/// The keyword pass. All report the same matches in the same order.
enum Keywords {
    /// For a quick start (one prompt): built in a fraction of a millisecond.
    Set(Box<KeywordSet>),
    /// For a scan of unknown size: the set, until [`AUTOMATON_AFTER`] bytes have been
    /// searched; then the automaton, built once. A pre-commit hook checking a few files
    /// never pays for the automaton; a tree of files pays for it once.
    Adaptive {
        set: Box<KeywordSet>,
        searched: std::sync::atomic::AtomicUsize,
        /// `None` inside when the automaton cannot be built (too many states): the set
        /// goes on.
        automaton: std::sync::OnceLock<Option<Box<Automaton>>>,
    },
}

/// Bytes searched with the set before the automaton is built: about where the set's extra
/// cost per byte (~29 against ~8 instructions) has paid for building the automaton
/// (~10 ms).
const AUTOMATON_AFTER: usize = 8 << 20;

impl Keywords {
    fn find_all(&self, content: &[u8], out: &mut Vec<Hit>) {
        match self {
            Keywords::Set(set) => set.find_all(content, out),
            Keywords::Adaptive {
                set,
                searched,
                automaton,
            } => {
                use std::sync::atomic::Ordering::Relaxed;
                let built = match automaton.get() {
                    Some(built) => built,
                    None if searched.fetch_add(content.len(), Relaxed) + content.len()
                        >= AUTOMATON_AFTER =>
                    {
                        automaton.get_or_init(|| set.automaton().ok().map(Box::new))
                    }
                    None => &None,
                };
                match built {
                    Some(ac) => ac.find_all(content, out),
                    None => set.find_all(content, out),
                }
            }
        }
    }
}

/// All rules, compiled and composed.
pub struct Detector {
    rules: Vec<Rule>,
    /// Rules with no keyword: they run on every input.
    always: Vec<usize>,
    keywords: Keywords,
    /// For each keyword: the rules it triggers.
    triggers: Vec<Vec<u32>>,
    /// Automaton patterns at or past this index are the generic detector's.
    generic_base: usize,
    /// Automaton patterns at or past this index mark content whose every line is worth
    /// decoding (Kubernetes Secrets, Docker configs).
    encoded_base: usize,
    generic: Option<Generic>,
    generic_spec: RuleSpec,
    config: DetectorConfig,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector")
            .field("rules", &self.rules.len())
            .finish()
    }
}

/// Parses and compiles the built-in rule files.
pub fn builtin_specs() -> Result<Vec<RuleSpec>, RuleError> {
    let mut specs = Vec::new();
    for (name, text, json) in BUILTIN_RULE_FILES {
        match serde_json::from_str::<crate::rule::RuleFile>(json) {
            Ok(file) => specs.extend(file.rules),
            // The TOML parser says where the problem is.
            Err(_) => specs.extend(parse_rule_file(name, text)?),
        }
    }
    Ok(specs)
}

impl Detector {
    /// The built-in rules with the default configuration.
    pub fn builtin() -> Detector {
        Detector::new(
            builtin_specs().expect("built-in rules parse"),
            DetectorConfig::default(),
        )
        .expect("built-in rules compile")
    }

    /// Compiles `specs` (built-in and user rules together) into a detector.
    pub fn new(specs: Vec<RuleSpec>, config: DetectorConfig) -> Result<Detector, RuleError> {
        let mut rules = Vec::with_capacity(specs.len());
        let mut seen = std::collections::HashSet::new();
        for spec in specs {
            if !config.personal_data && spec.kind == Kind::PersonalData {
                continue;
            }
            if !seen.insert(spec.id.clone()) {
                return Err(RuleError::Invalid {
                    id: spec.id,
                    message: "duplicate rule id".into(),
                });
            }
            rules.push(if config.eager {
                Rule::compile(spec)?
            } else {
                Rule::prepare(spec)?
            });
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut triggers: Vec<Vec<u32>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut always = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            if rule.keywords.is_empty() {
                always.push(i);
            }
            for k in &rule.keywords {
                let slot = *index.entry(k.clone()).or_insert_with(|| {
                    patterns.push(k.clone());
                    triggers.push(Vec::new());
                    patterns.len() - 1
                });
                triggers[slot].push(i as u32);
            }
        }
        let generic_base = patterns.len();
        let generic = config.generic.then(Generic::new);
        if let Some(g) = &generic {
            patterns.extend(g.keywords().iter().map(|s| s.to_string()));
        }
        let encoded_base = patterns.len();
        patterns.extend(ENCODED_TRIGGERS.iter().map(|s| s.to_string()));
        let invalid = |message: String| RuleError::Invalid {
            id: "(keywords)".into(),
            message,
        };
        let set = Box::new(KeywordSet::new(&patterns).map_err(invalid)?);
        let keywords = if config.quick_start {
            Keywords::Set(set)
        } else {
            // The automaton comes once the scan has shown it is worth building. (If it
            // cannot be built, with tens of thousands of keyword bytes in a policy, the
            // set goes on: it finds the same matches.)
            Keywords::Adaptive {
                set,
                searched: std::sync::atomic::AtomicUsize::new(0),
                automaton: std::sync::OnceLock::new(),
            }
        };
        Ok(Detector {
            rules,
            always,
            keywords,
            triggers,
            generic_base,
            encoded_base,
            generic,
            generic_spec: generic_spec(),
            config,
        })
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.spec.id == id)
    }

    /// The documentation of every rule this detector runs, the generic detector included.
    pub fn specs(&self) -> impl Iterator<Item = &RuleSpec> {
        self.rules
            .iter()
            .map(|r| &r.spec)
            .chain(self.generic.as_ref().map(|_| &self.generic_spec))
    }

    /// The documentation of one rule.
    pub fn spec(&self, id: &str) -> Option<&RuleSpec> {
        self.specs().find(|s| s.id == id)
    }

    /// Finds everything sensitive in `content`. Findings are sorted by position and never
    /// overlap: where two rules claim the same bytes, the more specific one wins.
    pub fn scan(&self, content: &[u8]) -> Vec<Finding> {
        // Terminal colour codes (`ESC [ 93 m`) in saved logs glue onto the token after them
        // (`[93msk-...`): they are blanked to spaces, byte for byte, so every offset still
        // points into `content`.
        let blanked;
        let content = match memchr::memchr(0x1b, content) {
            Some(first) => {
                blanked = blank_terminal_codes(content, first);
                &blanked[..]
            }
            None => content,
        };
        let found = self.candidates(content, 0);
        let mut findings = resolve_overlaps(content, found);
        let allow = self.config.honor_allow_comments
            && memchr::memmem::find(content, ALLOW_MARKER).is_some();
        if allow {
            findings.retain(|f| !line_has_allow(content, f.span));
        }
        crate::repeat::add_repeats(content, &mut findings, &|span| {
            allow && line_has_allow(content, span)
        });
        findings
    }

    /// Every candidate in `content`; `depth` counts how many encodings deep we are.
    fn candidates(&self, content: &[u8], depth: u8) -> Vec<Candidate> {
        // (rule, keyword position, keyword index) for every rule a keyword triggers.
        let mut triggered: Vec<(u32, u32, u32)> = Vec::new();
        let mut generic_hits: Vec<(usize, usize)> = Vec::new();
        let mut decode_all = false;
        let mut hits: Vec<Hit> = Vec::new();
        self.keywords.find_all(content, &mut hits);
        for (h, m) in hits.iter().enumerate() {
            let p = m.pattern as usize;
            if p >= self.encoded_base {
                decode_all = true;
            } else if p >= self.generic_base {
                generic_hits.push((m.start, m.end));
            } else {
                for &r in &self.triggers[p] {
                    triggered.push((r, m.start as u32, h as u32));
                }
            }
        }
        let mut found: Vec<Candidate> = Vec::new();
        let mut digit_lines: Option<(usize, Vec<(usize, usize)>)> = None;
        for &i in &self.always {
            let rule = &self.rules[i];
            match rule.spec.min_digits {
                None => self.run_rule(rule, content, 0, &mut found),
                Some(min) => {
                    if digit_lines.as_ref().is_some_and(|(m, _)| *m != min) {
                        digit_lines = None;
                    }
                    let (_, lines) =
                        digit_lines.get_or_insert_with(|| (min, lines_with_digits(content, min)));
                    // Working out what every match needs costs more than a few windows:
                    // it is done for the first content with many lines, then kept. (A rule
                    // that does not compile runs anyway: it reports that. No line, no
                    // compiling.)
                    let filter = (!lines.is_empty() && rule.compiled().is_ok())
                        .then(|| rule.line_filter(lines.len() >= 32))
                        .flatten();
                    let needs = filter.and_then(|f| f.byte);
                    let run = filter.and_then(|f| f.run.as_ref());
                    let mut scan = |(ws, we): (usize, usize)| {
                        let window = &content[ws..we];
                        // A window with too few of a byte every match holds cannot match.
                        if run.is_none() && needs.is_some_and(|(b, n)| count(window, b) < n) {
                            return;
                        }
                        self.run_rule(rule, window, ws, &mut found);
                    };
                    match run {
                        // Line by line: a line without the run (or the needed bytes) cannot
                        // hold a match; the lines left are joined where they touch.
                        Some(run) => join_touching(
                            lines.iter().copied().filter(|&(ls, le)| {
                                let line = &content[ls..le];
                                needs.is_none_or(|(b, n)| count(line, b) >= n) && run.found_in(line)
                            }),
                            &mut scan,
                        ),
                        None => join_touching(lines.iter().copied(), &mut scan),
                    }
                }
            }
        }
        triggered.sort_unstable();
        let mut windows: Vec<(usize, usize)> = Vec::new();
        // Each keyword's window for each reach, once worked out.
        let mut shared: Vec<[(u32, u32); 3]> = if triggered.is_empty() {
            Vec::new()
        } else {
            vec![[(u32::MAX, 0); 3]; hits.len()]
        };
        for group in triggered.chunk_by(|a, b| a.0 == b.0) {
            let rule = &self.rules[group[0].0 as usize];
            // A rule that does not compile runs on the keyword's stretch and reports that.
            let reach = rule.compiled().map_or(rule.reach, |c| c.reach);
            windows.clear();
            for &(_, pos, h) in group {
                // The rules a keyword triggers share its windows: each is worked out once.
                let slot = &mut shared[h as usize][reach as usize];
                if slot.0 == u32::MAX {
                    let (ws, we) = window(content, pos as usize, reach);
                    *slot = (ws as u32, we as u32);
                }
                let w = (slot.0 as usize, slot.1 as usize);
                match windows.last_mut() {
                    Some(last) if w.0 <= last.1 => last.1 = last.1.max(w.1),
                    _ => windows.push(w),
                }
            }
            for &(ws, we) in &windows {
                self.run_rule(rule, &content[ws..we], ws, &mut found);
            }
        }
        if let Some(g) = &self.generic {
            if !generic_hits.is_empty() {
                g.scan(content, &generic_hits, &mut |c| found.push(c));
            }
        }
        if depth < 2 && decode_all {
            let lines: Vec<(usize, usize)> = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', content).map(|i| i + 1))
                .map(|s| (s, s))
                .collect();
            self.scan_encoded(content, &lines, depth, &mut found);
        } else if depth < 2 && !generic_hits.is_empty() {
            self.scan_encoded(content, &generic_hits, depth, &mut found);
        }
        found
    }

    /// Looks inside base64, hex and percent-encoded values on the lines where a
    /// secret-ish name stands (`data:` of a Kubernetes Secret, `.dockerconfigjson`,
    /// `auth`, `token = base64(...)`): what the encoding hides is scanned like any
    /// text, and a finding inside is reported on the encoded value.
    fn scan_encoded(
        &self,
        content: &[u8],
        hits: &[(usize, usize)],
        depth: u8,
        out: &mut Vec<Candidate>,
    ) {
        let mut last_line = usize::MAX;
        for &(start, _) in hits {
            let ls = memchr::memrchr(b'\n', &content[..start]).map_or(0, |i| i + 1);
            if ls == last_line {
                continue;
            }
            last_line = ls;
            let le = memchr::memchr(b'\n', &content[start..]).map_or(content.len(), |i| start + i);
            let line = &content[ls..le];
            for (s, e, decoded) in crate::encoded::decode_values(line) {
                let inner = self.candidates(&decoded, depth + 1);
                let span = Span::new(ls + s, ls + e);
                if let Some(best) = inner.into_iter().max_by_key(|c| (c.specific, c.confidence)) {
                    out.push(Candidate {
                        title: format!("{} (encoded)", best.title),
                        span,
                        ..best
                    });
                } else if let Some(c) = crate::encoded::basic_auth_pair(line, &decoded) {
                    out.push(Candidate { span, ..c });
                }
            }
        }
    }

    /// Runs one rule over `content`, which starts at `base` in the scanned text.
    fn run_rule(&self, rule: &Rule, content: &[u8], base: usize, out: &mut Vec<Candidate>) {
        let compiled = match rule.compiled() {
            Ok(c) => c,
            Err(_) => {
                // Fail closed: an unusable rule reports the whole input rather than
                // letting it pass unchecked.
                out.push(Candidate {
                    rule_id: rule.spec.id.clone(),
                    title: format!(
                        "{} (rule pattern invalid: content not checked)",
                        rule.spec.title
                    ),
                    kind: rule.spec.kind,
                    severity: rule.spec.severity,
                    confidence: Confidence::High,
                    span: Span::new(base, base + content.len()),
                    placeholder: rule.placeholder.clone(),
                    specific: true,
                });
                return;
            }
        };
        for caps in compiled.regex.captures_iter(content) {
            let Some(m) = caps.get(compiled.secret_group).or_else(|| caps.get(0)) else {
                continue;
            };
            let value = m.as_bytes();
            if value.is_empty() {
                continue;
            }
            let mut confidence = rule.spec.confidence;
            if rule.spec.skip_placeholders && heuristics::looks_placeholder(value) {
                continue;
            }
            if let Some(min) = rule.spec.min_entropy {
                if heuristics::token_entropy(value) < min {
                    continue;
                }
            }
            if let Some(v) = rule.spec.validate {
                match v.check(value) {
                    Verdict::Valid => {}
                    Verdict::Doubtful => confidence = confidence.min(Confidence::Medium),
                    Verdict::Invalid => continue,
                }
            }
            out.push(Candidate {
                rule_id: rule.spec.id.clone(),
                title: rule.spec.title.clone(),
                kind: rule.spec.kind,
                severity: rule.spec.severity,
                confidence,
                span: Span::new(base + m.start(), base + m.end()),
                placeholder: rule.placeholder.clone(),
                specific: true,
            });
        }
    }
}

/// How far a window reaches back and forward in bytes, and in lines each way.
fn reach_bounds(reach: Reach) -> (usize, usize, usize) {
    match reach {
        Reach::Line => (2048, 4096, 1),
        Reach::Lines => (8 << 10, 16 << 10, 12),
        Reach::Block => (64 << 10, 64 << 10, usize::MAX),
    }
}

/// The part of `content` a rule triggered by a keyword at `pos` runs on: the keyword's
/// line and its neighbours, or for multi-line rules a wide stretch around it. Windows
/// start and end at line boundaries so that anchors and `\b` behave as on whole text.
fn window(content: &[u8], pos: usize, reach: Reach) -> (usize, usize) {
    let (back, fwd, lines) = reach_bounds(reach);
    let lo = pos.saturating_sub(back);
    let hi = (pos + fwd).min(content.len());
    if lines == usize::MAX {
        return (lo, hi.max(pos));
    }
    // From the start of the line `lines` above the keyword's (just past the newline before
    // it) to the end of the line `lines` below (its newline), or as far as the limits.
    // One iterator each way: a line-by-line search would restart the vector search at
    // every newline.
    let start = memchr::memrchr_iter(b'\n', &content[lo..pos])
        .nth(lines)
        .map_or(lo, |i| lo + i + 1);
    let end = memchr::memchr_iter(b'\n', &content[pos..hi])
        .nth(lines)
        .map_or(hi, |i| pos + i);
    (start.min(pos), end.max(pos))
}

/// `content` with each terminal control sequence (`ESC [`, parameters, one final byte)
/// from `first` on replaced by as many spaces.
fn blank_terminal_codes(content: &[u8], first: usize) -> Vec<u8> {
    let mut out = content.to_vec();
    let mut at = first;
    while let Some(off) = memchr::memchr(0x1b, &out[at..]) {
        let esc = at + off;
        at = esc + 1;
        if out.get(esc + 1) != Some(&b'[') {
            continue;
        }
        let mut end = esc + 2;
        while end < out.len() && end - esc < 24 && matches!(out[end], b'0'..=b'9' | b';' | b'?') {
            end += 1;
        }
        if end < out.len() && (0x40..=0x7e).contains(&out[end]) {
            out[esc..=end].fill(b' ');
            at = end + 1;
        }
    }
    out
}

/// The lines of `content` holding at least `min` ASCII digits (newline included; a last
/// line may have none). The text is read 64 bytes at a time as two bit masks, its line
/// feeds and its digits; a line's digits are then counted from its bits. (One `memchr` per
/// line cost more than the count itself: source lines are short.)
fn lines_with_digits(content: &[u8], min: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut seen = 0usize;
    let mut blocks = content.chunks_exact(64);
    let mut at = 0;
    for block in blocks.by_ref() {
        let (mut nl, dg) = masks64(block.try_into().expect("64 bytes"));
        let mut from = 0u32;
        while nl != 0 {
            let i = nl.trailing_zeros();
            seen += (dg & (u64::MAX >> (63 - i)) & (u64::MAX << from)).count_ones() as usize;
            let end = at + i as usize + 1;
            if seen >= min {
                out.push((start, end));
            }
            start = end;
            seen = 0;
            from = i + 1;
            nl &= nl - 1;
        }
        if from < 64 {
            seen += (dg >> from).count_ones() as usize;
        }
        at += 64;
    }
    for (i, &b) in blocks.remainder().iter().enumerate() {
        if b == b'\n' {
            let end = at + i + 1;
            if seen >= min {
                out.push((start, end));
            }
            start = end;
            seen = 0;
        } else if b.is_ascii_digit() {
            seen += 1;
        }
    }
    if start < content.len() && seen >= min {
        out.push((start, content.len()));
    }
    out
}

/// Bit `i` of the first mask is set when `block[i]` is a line feed, of the second when it
/// is an ASCII digit. Written for the compiler's vectorizer: the byte compares become
/// vector compares, and each 8 flag bytes (0 or 1) are packed into 8 bits by one multiply
/// (flag `i` lands on bit `56 + i`: the partial products never share a bit, so nothing
/// carries). A bit-by-bit loop was five times slower.
#[inline]
fn masks64(block: &[u8; 64]) -> (u64, u64) {
    const PACK: u64 = 0x0102_0408_1020_4080;
    let feeds: [u8; 64] = std::array::from_fn(|i| u8::from(block[i] == b'\n'));
    let digits: [u8; 64] = std::array::from_fn(|i| u8::from(block[i].wrapping_sub(b'0') < 10));
    let mut nl = 0u64;
    let mut dg = 0u64;
    for k in 0..8 {
        let f = u64::from_le_bytes(feeds[8 * k..8 * k + 8].try_into().expect("8 bytes"));
        let d = u64::from_le_bytes(digits[8 * k..8 * k + 8].try_into().expect("8 bytes"));
        nl |= (f.wrapping_mul(PACK) >> 56) << (8 * k);
        dg |= (d.wrapping_mul(PACK) >> 56) << (8 * k);
    }
    (nl, dg)
}

/// Calls `f` with the ranges of `lines` (in order), those that touch joined into one.
fn join_touching(lines: impl Iterator<Item = (usize, usize)>, f: &mut impl FnMut((usize, usize))) {
    let mut open: Option<(usize, usize)> = None;
    for (s, e) in lines {
        match &mut open {
            Some(w) if w.1 == s => w.1 = e,
            _ => {
                if let Some(w) = open.replace((s, e)) {
                    f(w);
                }
            }
        }
    }
    if let Some(w) = open {
        f(w);
    }
}

/// The bytes of `text` that `pick` selects, counted in byte lanes (a chunk of up to 255
/// bytes cannot overflow them).
#[inline]
fn count_where(text: &[u8], pick: impl Fn(u8) -> bool) -> usize {
    text.chunks(255)
        .map(|c| c.iter().fold(0u8, |n, &b| n + u8::from(pick(b))) as usize)
        .sum()
}

/// How many times `b` occurs in `text`.
fn count(text: &[u8], b: u8) -> usize {
    count_where(text, |x| x == b)
}

/// A finding before overlaps between rules are resolved.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub rule_id: String,
    pub title: String,
    pub kind: Kind,
    pub severity: airlock_types::Severity,
    pub confidence: Confidence,
    pub span: Span,
    pub placeholder: String,
    /// A provider- or structure-specific rule, as opposed to the generic detector.
    pub specific: bool,
}

fn rank(c: &Candidate) -> (bool, Confidence, usize) {
    (c.specific, c.confidence, c.span.len())
}

/// Keeps, among overlapping candidates, the best-ranked one; the others are dropped.
fn resolve_overlaps(content: &[u8], mut found: Vec<Candidate>) -> Vec<Finding> {
    found.sort_by(|a, b| rank(b).cmp(&rank(a)).then(a.span.start.cmp(&b.span.start)));
    let mut kept: Vec<Candidate> = Vec::with_capacity(found.len());
    for c in found {
        if !kept.iter().any(|k| k.span.overlaps(&c.span)) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| (c.span.start, c.span.end));
    kept.into_iter().map(|c| c.into_finding(content)).collect()
}

impl Candidate {
    fn into_finding(self, content: &[u8]) -> Finding {
        Finding {
            rule_id: self.rule_id,
            title: self.title,
            kind: self.kind,
            severity: self.severity,
            confidence: self.confidence,
            span: self.span,
            secret: Redacted::new(content[self.span.start..self.span.end].to_vec()),
            placeholder: self.placeholder,
        }
    }
}

fn line_has_allow(content: &[u8], span: Span) -> bool {
    let start = memchr::memrchr(b'\n', &content[..span.start]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &content[span.end..]).map_or(content.len(), |i| span.end + i);
    memchr::memmem::find(&content[start..end], ALLOW_MARKER).is_some()
}

/// The generic detector described in the same terms as a data rule.
fn generic_spec() -> RuleSpec {
    RuleSpec {
        kind: Kind::Password,
        confidence: Confidence::Medium,
        placeholder: Some("SECRET".into()),
        references: vec!["https://cwe.mitre.org/data/definitions/798.html".into()],
        examples: vec![
            "db_password = \"Xk9#mQ2vLp\"".into(), // airlock:allow synthetic example
            "\"client_secret\": \"6da89121079f83b2eb6acccf8219ea98\"".into(), // airlock:allow synthetic example
        ],
        negative_examples: vec![
            "password = os.environ[\"DB_PASSWORD\"]".into(),
            "api_key: ${API_KEY}".into(),
        ],
        ..RuleSpec::new(
            crate::generic::RULE_ID,
            crate::generic::TITLE,
            crate::generic::DESCRIPTION,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte definition: each line (newline included) with `min` digits or more.
    fn lines_with_digits_reference(content: &[u8], min: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let (mut start, mut digits) = (0, 0);
        for (i, &b) in content.iter().enumerate() {
            if b.is_ascii_digit() {
                digits += 1;
            } else if b == b'\n' {
                if digits >= min {
                    out.push((start, i + 1));
                }
                start = i + 1;
                digits = 0;
            }
        }
        if digits >= min && start < content.len() {
            out.push((start, content.len()));
        }
        out
    }

    #[test]
    fn lines_with_digits_as_defined() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        // `/` and `:` sit next to the digits in ASCII; bytes of 0x80 and up must not wrap.
        let alphabet = b"0123456789ab \n/:\x80\xff";
        let mut texts: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"1234".to_vec(),
            b"123\n4".to_vec(),
            b"a1b2c3d4\n\n12345\n".to_vec(),
            // A line longer than one counting chunk (255 bytes), all digits.
            vec![b'7'; 600],
            [vec![b'7'; 300], b"\nx\n".to_vec(), vec![b'1'; 3]].concat(),
        ];
        // Around the 64-byte blocks the masks are built from, and past them.
        for len in [10, 63, 64, 65, 100, 127, 128, 129, 1000, 5000] {
            texts.push(
                (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        alphabet[(state % alphabet.len() as u64) as usize]
                    })
                    .collect(),
            );
        }
        for text in &texts {
            for min in [1, 4, 7] {
                assert_eq!(
                    lines_with_digits(text, min),
                    lines_with_digits_reference(text, min),
                    "min {min}, {:?}",
                    String::from_utf8_lossy(text)
                );
            }
        }
    }

    /// The line-walking definition of a keyword's window.
    fn window_reference(content: &[u8], pos: usize, reach: Reach) -> (usize, usize) {
        let (back, fwd, lines) = reach_bounds(reach);
        let lo = pos.saturating_sub(back);
        let hi = (pos + fwd).min(content.len());
        let (mut start, mut crossed) = (pos, 0);
        loop {
            match memchr::memrchr(b'\n', &content[lo..start]) {
                Some(i) if crossed < lines => {
                    start = lo + i;
                    crossed += 1;
                }
                Some(i) => {
                    start = lo + i + 1;
                    break;
                }
                None => {
                    start = lo;
                    break;
                }
            }
        }
        let (mut end, mut crossed) = (pos, 0);
        loop {
            match memchr::memchr(b'\n', &content[end..hi]) {
                Some(i) if crossed < lines => {
                    end += i + 1;
                    crossed += 1;
                }
                Some(i) => {
                    end += i;
                    break;
                }
                None => {
                    end = hi;
                    break;
                }
            }
        }
        (start.min(pos), end.max(pos))
    }

    #[test]
    fn windows_as_defined() {
        let mut state: u64 = 0x853c_49e6_748f_ea9b;
        for (len, newline_every) in [(0, 1), (50, 3), (3000, 40), (40_000, 60), (200_000, 500)] {
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    if state.is_multiple_of(newline_every) {
                        b'\n'
                    } else {
                        b'x'
                    }
                })
                .collect();
            let step = (len / 97).max(1);
            for pos in (0..=len).step_by(step).chain([len]) {
                for reach in [Reach::Line, Reach::Lines, Reach::Block] {
                    assert_eq!(
                        window(&text, pos, reach),
                        window_reference(&text, pos, reach),
                        "{len} bytes, keyword at {pos}, {reach:?}"
                    );
                }
            }
        }
    }
}
