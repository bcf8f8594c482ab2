//! ReDoS analysis of regex literals: finds exponential and polynomial backtracking by ambiguity
//! analysis of an NFA built from the pattern, and produces an attack string.
//!
//! ```
//! use airlock_redos::{analyze, Complexity, Flavor};
//!
//! let a = analyze("^(a+)+$", Flavor::JavaScript, "").unwrap();
//! assert_eq!(a.complexity, Complexity::Exponential);
//! let attack = a.attack.unwrap().build(30); // "aaaa…ab": a backtracking engine takes ages
//! assert!(attack.starts_with("aaaa"));
//! ```
//!
//! The pipeline: [`parse`] (dialect-aware parser) -> [`nfa`] (epsilon-free position automaton
//! with parallel edges kept) -> [`analysis`] (EDA on the pair graph, IDA chains on the triple
//! graph) -> [`attack`] (prefix/pump/suffix checked by simulating every attempt, and the growth
//! of walked paths measured; candidates are chosen in the private `search` module).
//! [`matcher`] is an instrumented backtracking matcher used to check the analysis against real
//! backtracking.

pub mod analysis;
pub mod ast;
pub mod attack;
pub mod charset;
mod error;
pub mod matcher;
pub mod nfa;
pub mod parse;
mod search;

use std::fmt;

pub use error::RegexError;
pub use nfa::MatchMode;

/// The regex dialect, which decides syntax details and whether the engine backtracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flavor {
    JavaScript,
    Python,
    Java,
    /// PCRE and PHP `preg_*`.
    Pcre,
    Ruby,
    DotNet,
    /// Go `regexp` (RE2): linear time by construction.
    Go,
    /// Rust `regex`: linear time by construction.
    Rust,
}

impl Flavor {
    /// The regex engine a language uses by default, by the language's usual name
    /// (case-insensitive): Kotlin and Scala run `java.util.regex`, PHP runs PCRE, C++
    /// `std::regex` defaults to ECMAScript (JavaScript) syntax, `grep -P`-style shell use is PCRE.
    pub fn for_language(language: &str) -> Option<Flavor> {
        Some(match language.to_ascii_lowercase().as_str() {
            "javascript" | "js" | "typescript" | "ts" | "jsx" | "tsx" | "c++" | "cpp" => {
                Flavor::JavaScript
            }
            "python" | "py" => Flavor::Python,
            "java" | "kotlin" | "kt" | "scala" => Flavor::Java,
            "php" | "pcre" | "perl" | "shell" | "bash" | "sh" | "c" => Flavor::Pcre,
            "ruby" | "rb" => Flavor::Ruby,
            "c#" | "csharp" | "cs" | "dotnet" | ".net" => Flavor::DotNet,
            "go" | "golang" => Flavor::Go,
            "rust" | "rs" => Flavor::Rust,
            _ => return None,
        })
    }

    /// Engines that never backtrack (automata based); a pattern cannot blow up there.
    pub fn is_linear(self) -> bool {
        matches!(self, Flavor::Go | Flavor::Rust)
    }
}

/// How the worst-case matching time grows with the length n of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Complexity {
    Linear,
    /// O(n^k), k >= 2.
    Polynomial(u32),
    Exponential,
    /// The analysis gave up (pattern too large, unsupported construct, budget spent).
    Unknown,
}

impl Complexity {
    /// Whether the pattern can be made to backtrack super-linearly.
    pub fn is_vulnerable(self) -> bool {
        matches!(self, Complexity::Polynomial(_) | Complexity::Exponential)
    }
}

impl fmt::Display for Complexity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Complexity::Linear => f.write_str("linear"),
            Complexity::Polynomial(k) => write!(f, "polynomial O(n^{k})"),
            Complexity::Exponential => f.write_str("exponential"),
            Complexity::Unknown => f.write_str("unknown"),
        }
    }
}

/// An input that makes the matcher backtrack: `prefix + pump * n + suffix`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attack {
    pub prefix: String,
    pub pump: String,
    pub suffix: String,
}

impl Attack {
    pub fn build(&self, repeats: usize) -> String {
        let mut s = String::with_capacity(
            self.prefix.len() + self.pump.len() * repeats + self.suffix.len(),
        );
        s.push_str(&self.prefix);
        for _ in 0..repeats {
            s.push_str(&self.pump);
        }
        s.push_str(&self.suffix);
        s
    }
}

/// The result of [`analyze`].
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub complexity: Complexity,
    /// Present for polynomial and exponential results.
    pub attack: Option<Attack>,
    /// What the analysis approximated, e.g. "backreference treated as matching a copy of its group".
    pub notes: Vec<String>,
    /// log2 of how much the paths walked grow when the pump count doubles (about k for
    /// O(n^k)); `None` without an attack.
    pub growth: Option<f64>,
    /// For a polynomial search result: the complexity when the match is anchored at the start
    /// (`re.match`). `Some(Linear)` means the degree comes only from retrying every start
    /// position, as for `\s+$`.
    pub anchored: Option<Complexity>,
    /// Some(m) when a loop the attack pumps is really a `{n,m}` with m > 16, analyzed as
    /// unbounded: the reported growth holds only up to about m pumps, so the worst case is
    /// capped (`[a-z]{1,256}` style patterns).
    pub loop_bound: Option<u32>,
}

/// Knobs for [`analyze_with`].
#[derive(Clone, Debug)]
pub struct Options {
    pub mode: MatchMode,
    /// Analyze Go and Rust patterns as if a backtracking engine ran them.
    pub analyze_linear_engines: bool,
    /// Give up (`Unknown`) above this many character positions after expanding `{n,m}`.
    pub max_positions: usize,
    /// Give up (`Unknown`) after this many elementary steps of the analysis.
    pub budget: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: MatchMode::Search,
            analyze_linear_engines: false,
            max_positions: 600,
            budget: 3_000_000,
        }
    }
}

/// Reads the flags argument (`"i"`, `"ms"`, JavaScript's `"gimsuyd"`, ...).
pub fn parse_flags(flavor: Flavor, flags: &str) -> Result<parse::Mode, RegexError> {
    let mut m = parse::Mode::default();
    for c in flags.chars() {
        match c {
            'i' => m.ignore_case = true,
            'm' if flavor == Flavor::Ruby => m.dot_all = true,
            'm' => m.multi_line = true,
            's' => m.dot_all = true,
            'x' => m.extended = true,
            'u' | 'v' | 'g' | 'y' | 'd' | 'n' | 'U' | 'a' | 'L' | 'o' | 'e' | 'D' | 'A' | 'S'
            | 'X' | 'J' => {}
            other => return Err(RegexError::UnknownFlag { flag: other }),
        }
    }
    Ok(m)
}

/// Analyzes a pattern as a search (the engine tries every start position), the way most code
/// calls a regex. See [`analyze_with`] for `re.match` / `matches()` semantics.
pub fn analyze(pattern: &str, flavor: Flavor, flags: &str) -> Result<Analysis, RegexError> {
    analyze_with(pattern, flavor, flags, &Options::default())
}

fn unknown(mut notes: Vec<String>, why: String) -> Analysis {
    notes.push(why);
    Analysis {
        complexity: Complexity::Unknown,
        attack: None,
        notes,
        growth: None,
        anchored: None,
        loop_bound: None,
    }
}

pub fn analyze_with(
    pattern: &str,
    flavor: Flavor,
    flags: &str,
    opts: &Options,
) -> Result<Analysis, RegexError> {
    let mut a = analyze_mode(pattern, flavor, flags, opts)?;
    if opts.mode == MatchMode::Search && matches!(a.complexity, Complexity::Polynomial(_)) {
        let prefix = Options {
            mode: MatchMode::Prefix,
            ..opts.clone()
        };
        a.anchored = Some(analyze_mode(pattern, flavor, flags, &prefix)?.complexity);
    }
    Ok(a)
}

fn analyze_mode(
    pattern: &str,
    flavor: Flavor,
    flags: &str,
    opts: &Options,
) -> Result<Analysis, RegexError> {
    let mode = parse_flags(flavor, flags)?;
    let parsed = match parse::parse(pattern, flavor, mode) {
        Ok(p) => p,
        Err(RegexError::Unsupported { offset, what }) => {
            return Ok(unknown(
                Vec::new(),
                format!("not analyzed: {what} at byte {offset}"),
            ))
        }
        Err(e) => return Err(e),
    };
    let mut notes = parsed.notes;
    if flavor.is_linear() && !opts.analyze_linear_engines {
        notes.push("the engine does not backtrack: matching time is linear by construction".into());
        return Ok(Analysis {
            complexity: Complexity::Linear,
            attack: None,
            notes,
            growth: None,
            anchored: None,
            loop_bound: None,
        });
    }
    let mut automaton = search::for_automaton(&parsed.node, true);
    let Ok(mut nfa) = nfa::build(&automaton, opts.mode, opts.max_positions) else {
        return Ok(unknown(
            notes,
            format!(
                "pattern has more than {} character positions",
                opts.max_positions
            ),
        ));
    };
    if nfa.clamped {
        notes.push("repetition bounds above 16 approximated (exact counts shortened to 16, a larger upper bound as unbounded)".into());
    }
    if flavor == Flavor::Ruby {
        notes.push(
            "Ruby 3.2+ memoizes most matches; the result describes plain backtracking".into(),
        );
    }
    let mut budget = opts.budget;
    let mut found = search::find(&nfa, &mut budget);
    // A copied group admits texts the reference does not (`(?:\1|x(.))*`): an exponential
    // result that leans on a backreference must show on the real matcher, else the
    // reference is read as empty again.
    if let Ok(Some((Complexity::Exponential, attack, ..))) = &found {
        if parsed.node.any(&|n| matches!(n, ast::Node::Backref(_)))
            && search::confirm_exponential(&parsed.node, parsed.groups, flavor, opts.mode, attack)
                .is_none()
        {
            automaton = search::for_automaton(&parsed.node, false);
            if let Ok(plain) = nfa::build(&automaton, opts.mode, opts.max_positions) {
                nfa = plain;
                let mut budget = opts.budget;
                found = search::find(&nfa, &mut budget);
            }
        }
    }
    if !matches!(found, Ok(Some((Complexity::Exponential, ..)))) {
        // Blow-ups the ambiguity search cannot see, shown by running a backtracking matcher:
        // inside a part of the pattern, or before a later alternative or an optional part
        // lets the match succeed.
        let confirmed = search::inner_blowup(&parsed.node, parsed.groups, flavor, opts)
            .map(|(attack, growth, what)| {
                let note = format!(
                    "exponential backtracking inside {what}, confirmed by running a backtracking matcher"
                );
                (attack, growth, note)
            })
            .or_else(|| {
                search::priority_blowup(
                    &nfa,
                    &parsed.node,
                    parsed.groups,
                    flavor,
                    opts.mode,
                    opts.budget,
                )
                .map(|(attack, growth)| {
                    let note = "exponential backtracking before a later alternative or an \
                                optional part lets the match succeed, confirmed by running a \
                                backtracking matcher"
                        .to_string();
                    (attack, growth, note)
                })
            });
        if let Some((attack, growth, note)) = confirmed {
            notes.push(note);
            return Ok(Analysis {
                complexity: Complexity::Exponential,
                attack: Some(attack),
                notes,
                growth: Some(growth),
                anchored: None,
                loop_bound: None,
            });
        }
    }
    match found {
        Ok(Some((complexity, attack, growth, loop_bound))) => {
            if let Some(m) = loop_bound {
                notes.push(format!(
                    "a pumped loop is a repetition bounded at {m}: the growth stops after about {m} pumps"
                ));
            }
            Ok(Analysis {
                complexity,
                attack: Some(attack),
                notes,
                growth: Some(growth),
                anchored: None,
                loop_bound,
            })
        }
        Ok(None) => {
            // Asymptotically linear; but bounded repetitions may only cap an exponential.
            let mut changed = false;
            let relaxed = search::relax_bounds(&automaton, &mut changed);
            if changed {
                if let Ok(nfa) = nfa::build(&relaxed, opts.mode, opts.max_positions) {
                    let mut budget = opts.budget;
                    if let Ok(Some((Complexity::Exponential, attack, _, _))) =
                        search::find(&nfa, &mut budget)
                    {
                        notes.push(format!(
                            "bounded repetitions cap an exponential blow-up: up to their bounds, \
                             input like {:?} backtracks exponentially",
                            attack.build(16)
                        ));
                    }
                }
            }
            Ok(Analysis {
                complexity: Complexity::Linear,
                attack: None,
                notes,
                growth: None,
                anchored: None,
                loop_bound: None,
            })
        }
        Err(analysis::OutOfBudget) => Ok(unknown(notes, "analysis budget exhausted".into())),
    }
}
