//! Code rules as data: one TOML file per rule under `rules/`, carrying its documentation
//! (what it finds, why it matters, what to do instead, CWE, references), bad and good
//! examples that run as tests, and its matchers:
//!
//! - `[[sink]]`: a call whose argument is built from untrusted input (dataflow);
//! - `[[pattern]]`: a regular expression over the code with comments blanked;
//! - `[[assign]]`: a literal assigned to a name (hard-coded passwords, debug flags);
//! - `engine = "redos"`: regex literals analyzed for catastrophic backtracking.
//! - `engine = "cipher-names"`: C/C++ calls named after a broken cipher (see `cipher_names`).

use std::sync::LazyLock;

use airlock_types::{Confidence, Severity};
use regex::Regex;
use serde::Deserialize;

use crate::lang::Language;

/// A rule file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub title: String,
    pub cwe: u32,
    #[serde(default)]
    pub also_cwe: Vec<u32>,
    pub severity: Severity,
    #[serde(default = "high")]
    pub confidence: Confidence,
    /// What the rule finds.
    pub summary: String,
    /// Why it is dangerous.
    pub why: String,
    /// What to do instead, one or two sentences: it is printed with every finding.
    pub fix: String,
    #[serde(default)]
    pub references: Vec<String>,
    /// A special engine instead of matchers (`redos`).
    #[serde(default)]
    pub engine: Option<String>,
    #[serde(default)]
    pub sink: Vec<SinkSpec>,
    #[serde(default)]
    pub pattern: Vec<PatternSpec>,
    #[serde(default)]
    pub assign: Vec<AssignSpec>,
    #[serde(default, rename = "return")]
    pub returns: Vec<ReturnSpec>,
    #[serde(default)]
    pub example: Vec<Example>,
    /// How a pattern marked `outside_context` reports a match found away from its context.
    #[serde(default)]
    pub outside_context: Option<OutsideContextSpec>,
}

/// A use of a dangerous API with no sign of what it is for (`random.random()` with no token,
/// key or session near): still reported, at its own severity and with its own message, unless
/// `unless` shows a use that is not security (a retry jitter, a colour).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutsideContextSpec {
    pub severity: Severity,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    pub message: String,
    #[serde(default)]
    pub unless: Option<String>,
}

fn high() -> Confidence {
    Confidence::High
}

/// A dangerous call: reported when one of `args` carries untrusted data (or, with
/// `names`, mentions a sensitive name).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinkSpec {
    pub langs: Vec<String>,
    /// Regex on the callee as written without spaces (`cursor.execute`, `$db->query`).
    pub callee: String,
    /// Positional arguments to check (default: all); keyword arguments by name in `kwargs`.
    #[serde(default)]
    pub args: Option<Vec<usize>>,
    #[serde(default)]
    pub kwargs: Vec<String>,
    /// Regex the whole call must match (`shell=True`), or what its receiver variable was
    /// assigned (`r = Runtime.getRuntime()` for `r.exec(..)`).
    #[serde(default)]
    pub when: Option<String>,
    /// Match `when` against the whole enclosing function instead: for arguments put
    /// together over several statements (`args.add("sh"); args.add("-c")`).
    #[serde(default)]
    pub when_in_function: bool,
    /// Match `when` also against what the checked arguments' variables were assigned in
    /// the function (`$q = "... WHERE id = $id"; mysql_query($q)`): the text built there.
    #[serde(default)]
    pub when_in_args: bool,
    /// Regex the whole call must not match.
    #[serde(default)]
    pub unless: Option<String>,
    /// Regex that what the receiver variable was assigned must not match (`stmt` from
    /// `db.Prepare(..)`: its arguments are bound parameters, not the query).
    #[serde(default)]
    pub unless_receiver: Option<String>,
    /// Regex on the condition of an enclosing `if`: a call in the branch that condition
    /// takes is not reported (`if (env.isTestEnv()) console.log(password)`).
    #[serde(default)]
    pub unless_guard: Option<String>,
    /// Callees (a subset of `callee`) that only build a path or object, touching nothing:
    /// when the built value is assigned to a variable that the function checks later
    /// (`p = ROOT.resolve(name).normalize(); if (!p.startsWith(ROOT)) return;`), the uses
    /// after the check decide, not the construction.
    #[serde(default)]
    pub checked_later: Option<String>,
    /// A check made earlier in the function on the path argument (`{arg}` stands for its
    /// name): `realpath(path, real)` then a prefix comparison of `real` with the base
    /// directory. When it matches the function's text before the call, the call is not
    /// reported.
    #[serde(default)]
    pub checked_before: Option<String>,
    /// Whether a value from a parameter must have been built into a string to count
    /// (default true): passing a parameter straight through is a wrapper, not a bug.
    #[serde(default = "yes")]
    pub built: bool,
    /// Report values of unknown origin built into strings too (at medium confidence).
    #[serde(default)]
    pub unknown: bool,
    /// Report only values built into strings, even from request data: for APIs whose
    /// later arguments are bound parameters.
    #[serde(default)]
    pub built_only: bool,
    /// Whether the command line, environment and stdin count as untrusted for this sink
    /// (default true; a command-line tool opening the file it was given is not a bug).
    #[serde(default = "yes")]
    pub local: bool,
    /// Extra sanitizers for this sink, a regex on callees (`shlex.quote`, `basename`).
    #[serde(default)]
    pub sanitizers: Option<String>,
    /// Callees that sanitize only in a file whose text matches `file_sanitizers_when`: a
    /// template's `.render(..)` escapes what it is given when the file builds its Jinja2
    /// environment with autoescaping on, and not otherwise.
    #[serde(default)]
    pub file_sanitizers: Option<String>,
    /// Regex on the file's text that turns `file_sanitizers` on.
    #[serde(default)]
    pub file_sanitizers_when: Option<String>,
    /// Instead of dataflow: report when an argument mentions a name matching this regex
    /// (secrets written to logs).
    #[serde(default)]
    pub names: Option<String>,
    /// Names that look sensitive but are not (`password_length`, `token_type`).
    #[serde(default)]
    pub names_unless: Option<String>,
    /// Report every matching call that passes `when`/`unless`, whatever its arguments.
    #[serde(default)]
    pub always: bool,
    /// Report when a checked argument is a non-empty string literal (hard-coded secrets).
    #[serde(default)]
    pub literal: bool,
    /// Also check the receiver of a method call (`"<b>#{x}</b>".html_safe`).
    #[serde(default)]
    pub receiver: bool,
    /// Check only the positional argument right after one whose text matches this regex
    /// (`execl("/bin/sh", "sh", "-c", cmd, NULL)`: the command line follows `-c`; what comes
    /// after it is the script's own positional parameters).
    #[serde(default)]
    pub after: Option<String>,
    /// A checked argument written as a tuple counts by its first item only (Flask's
    /// `make_response((body, status, headers))`: the headers are not the page).
    #[serde(default)]
    pub tuple_first: bool,
    /// An argument vector whose first item is a literal program other than a shell
    /// (`system(["git", x])`, `Open3.capture2(["echo", x])`) runs without a shell: skip it.
    #[serde(default)]
    pub argv: bool,
}

fn yes() -> bool {
    true
}

/// A regex over the comment-blanked code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    pub langs: Vec<String>,
    pub regex: String,
    /// Regex that must not match the matched line(s).
    #[serde(default)]
    pub unless: Option<String>,
    /// Regex that must match within `context_lines` lines of the match, or in the name
    /// of the enclosing function.
    #[serde(default)]
    pub context: Option<String>,
    /// Regex that must not match the matched line nor the name of the enclosing
    /// function (`etag`, `cache_key`: a use that is not security), unless `context`
    /// matches the line itself.
    #[serde(default)]
    pub context_unless: Option<String>,
    #[serde(default = "two")]
    pub context_lines: usize,
    /// Regex that must match somewhere in the file (`"math/rand"` imported).
    #[serde(default)]
    pub requires: Option<String>,
    /// Regex that must not match anywhere in the file (a parser hardened elsewhere).
    #[serde(default)]
    pub file_unless: Option<String>,
    /// Regex that must not match the function the match is in (the whole file outside
    /// functions): a check written beside the use, not in another function of the file.
    #[serde(default)]
    pub function_unless: Option<String>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// Message detail for this pattern.
    #[serde(default)]
    pub message: Option<String>,
    /// Away from `context`, report as the rule's `[outside_context]` says instead of not at all.
    #[serde(default)]
    pub outside_context: bool,
    /// With a `var` capture group in `regex`: report only when an assignment of the
    /// variable before the match is a value matching this regex (`accept = true;
    /// .danger_accept_invalid_certs(accept)`). Any earlier assignment counts, not only the
    /// last: one made in a branch may be the one that ran (`let mut s = true; if r { s =
    /// false }`).
    #[serde(default)]
    pub var_value: Option<String>,
    /// With `var_value`: report when the variable has no assignment in the file either.
    #[serde(default)]
    pub var_unresolved: bool,
    /// With a `var` capture group in `regex`: stay quiet when this regex, `{var}` replaced
    /// by the captured name, matches anywhere in the file (`SecureRandom {var}\b`: the
    /// receiver is declared as the safe type).
    #[serde(default)]
    pub var_unless: Option<String>,
    /// With a `var` capture group naming a function or method of this file: report only
    /// when that function returns something and every value it returns matches this regex
    /// (a certificate callback `+= AcceptAll` whose every `return` is `true`).
    #[serde(default)]
    pub var_returns: Option<String>,
    /// Stay quiet when the call the match is in reads a constant: its first positional
    /// argument is, by the dataflow, a literal (`pickle.loads(b64decode(blob))` with
    /// `blob = "gASV..."` builds only what the code itself wrote).
    #[serde(default)]
    pub unless_constant: bool,
    /// Regex on the condition of an enclosing `if` whose taken branch holds the match: the
    /// code there runs only when that condition (an opt-in flag, `if insecure {`) holds.
    #[serde(default)]
    pub unless_guard: Option<String>,
}

fn two() -> usize {
    2
}

/// A literal assigned to a matching name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignSpec {
    pub langs: Vec<String>,
    /// Regex on the target name (`password`, `self.secret_key`).
    pub target: String,
    /// Regex on the assigned value's text, quotes included.
    pub value: String,
    /// Regex the value must not match.
    #[serde(default)]
    pub unless: Option<String>,
    /// Instead of a literal: report values that are not constant (`el.innerHTML = x`).
    #[serde(default)]
    pub dynamic: bool,
    /// Judge the value by `value` alone, literal or not (`[]byte("k3y")`, `env || "k3y"`).
    #[serde(default)]
    pub any_value: bool,
    /// Instead of a literal: report values that carry untrusted data (`psi.Arguments = input`).
    #[serde(default)]
    pub tainted: bool,
    /// With `tainted`: whether a parameter counts only when built into the value (the
    /// default), or as it is (`psi.FileName = program`, like a sink's `built = false`).
    #[serde(default = "yes")]
    pub built: bool,
    /// With `tainted`: calls that make the value safe for this target (`HtmlEncode`).
    #[serde(default)]
    pub sanitizers: Option<String>,
    /// Regex the file must match for the assignment to count (`ProcessStartInfo`).
    #[serde(default)]
    pub requires: Option<String>,
}

/// A value returned from a function: reported when it carries request data and its text
/// matches `when` (a handler returning HTML built from the request). With `decorator`, only
/// in a function carrying a decorator that matches it (a Flask view: the framework sends a
/// returned string as `text/html`), in a file matching `requires`; the value is then reported
/// whatever its text, a variable included, and `when` is optional.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnSpec {
    pub langs: Vec<String>,
    #[serde(default)]
    pub when: Option<String>,
    #[serde(default)]
    pub sanitizers: Option<String>,
    #[serde(default)]
    pub decorator: Option<String>,
    #[serde(default)]
    pub requires: Option<String>,
}

/// A bad and a good example for one language; the bad one must fire, the good one not.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub lang: String,
    pub bad: String,
    pub good: String,
}

/// A rule ready to run.
pub struct Rule {
    pub spec: RuleSpec,
    pub outside_context: Option<OutsideContext>,
    pub returns: Vec<ReturnMatch>,
    pub sinks: Vec<Sink>,
    pub patterns: Vec<Pattern>,
    pub assigns: Vec<AssignMatch>,
    pub languages: Vec<Language>,
}

pub struct Sink {
    pub langs: Vec<Language>,
    pub callee: Regex,
    pub args: Option<Vec<usize>>,
    pub kwargs: Vec<String>,
    pub when: Option<Regex>,
    pub when_in_function: bool,
    pub when_in_args: bool,
    pub unless: Option<Regex>,
    pub unless_receiver: Option<Regex>,
    pub unless_guard: Option<Regex>,
    pub checked_later: Option<Regex>,
    /// Kept as written: `{arg}` is filled in per call.
    pub checked_before: Option<String>,
    pub built: bool,
    pub unknown: bool,
    pub built_only: bool,
    pub local: bool,
    pub sanitizers: Option<Regex>,
    /// `file_sanitizers_when`, and the sink's sanitizers with `file_sanitizers` added.
    pub file_sanitizers: Option<(Regex, Regex)>,
    pub names: Option<Regex>,
    pub names_unless: Option<Regex>,
    pub always: bool,
    pub literal: bool,
    pub receiver: bool,
    pub argv: bool,
    pub after: Option<Regex>,
    pub tuple_first: bool,
}

pub struct Pattern {
    pub langs: Vec<Language>,
    pub regex: Regex,
    pub unless: Option<Regex>,
    pub context: Option<Regex>,
    pub context_unless: Option<Regex>,
    pub context_lines: usize,
    pub requires: Option<Regex>,
    pub file_unless: Option<Regex>,
    pub function_unless: Option<Regex>,
    pub confidence: Option<Confidence>,
    pub message: Option<String>,
    pub outside_context: bool,
    pub var_value: Option<Regex>,
    pub var_unresolved: bool,
    /// Checked with `{var}` replaced; see [`PatternSpec::var_unless`].
    pub var_unless: Option<String>,
    pub var_returns: Option<Regex>,
    pub unless_constant: bool,
    pub unless_guard: Option<Regex>,
}

pub struct OutsideContext {
    pub severity: Severity,
    pub confidence: Option<Confidence>,
    pub message: String,
    pub unless: Option<Regex>,
}

pub struct ReturnMatch {
    pub langs: Vec<Language>,
    pub when: Option<Regex>,
    pub sanitizers: Option<Regex>,
    pub decorator: Option<Regex>,
    pub requires: Option<Regex>,
}

pub struct AssignMatch {
    pub langs: Vec<Language>,
    pub target: Regex,
    pub value: Regex,
    pub unless: Option<Regex>,
    pub dynamic: bool,
    pub any_value: bool,
    pub tainted: bool,
    pub built: bool,
    pub sanitizers: Option<Regex>,
    pub requires: Option<Regex>,
}

/// A rule file that does not parse or compile.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

fn langs(file: &str, names: &[String]) -> Result<Vec<Language>, RuleError> {
    let mut out = Vec::new();
    for n in names {
        let l = Language::from_name(n).ok_or_else(|| RuleError::Invalid {
            file: file.to_string(),
            message: format!("unknown language `{n}`"),
        })?;
        for f in l.family() {
            if !out.contains(f) {
                out.push(*f);
            }
        }
    }
    Ok(out)
}

fn re(file: &str, what: &str, p: &str) -> Result<Regex, RuleError> {
    // Word boundaries in code are ASCII ones; Unicode boundaries would push the regex
    // engine off its fast path on any file with a non-ASCII character.
    let p = ascii_word_boundaries(p);
    Regex::new(&p).map_err(|e| RuleError::Invalid {
        file: file.to_string(),
        message: format!("{what}: {e}"),
    })
}

/// Rewrites `\b` (not `\\b`) as `(?-u:\b)`.
fn ascii_word_boundaries(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn re_opt(file: &str, what: &str, p: &Option<String>) -> Result<Option<Regex>, RuleError> {
    p.as_deref().map(|p| re(file, what, p)).transpose()
}

impl Rule {
    pub fn parse(file: &str, text: &str) -> Result<Rule, RuleError> {
        let spec: RuleSpec = toml::from_str(text).map_err(|e| RuleError::Invalid {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        let mut sinks = Vec::new();
        for s in &spec.sink {
            sinks.push(Sink {
                langs: langs(file, &s.langs)?,
                callee: re(file, "sink.callee", &s.callee)?,
                args: s.args.clone(),
                kwargs: s.kwargs.clone(),
                when: re_opt(file, "sink.when", &s.when)?,
                when_in_function: s.when_in_function,
                when_in_args: s.when_in_args,
                unless: re_opt(file, "sink.unless", &s.unless)?,
                unless_receiver: re_opt(file, "sink.unless_receiver", &s.unless_receiver)?,
                unless_guard: re_opt(file, "sink.unless_guard", &s.unless_guard)?,
                checked_later: re_opt(file, "sink.checked_later", &s.checked_later)?,
                checked_before: {
                    // Checked here with a stand-in name, so a typo fails at load time.
                    let probe = s.checked_before.as_ref().map(|t| t.replace("{arg}", "p"));
                    re_opt(file, "sink.checked_before", &probe)?;
                    s.checked_before.clone()
                },
                built: s.built,
                unknown: s.unknown,
                built_only: s.built_only,
                local: s.local,
                sanitizers: re_opt(file, "sink.sanitizers", &s.sanitizers)?,
                file_sanitizers: match (&s.file_sanitizers_when, &s.file_sanitizers) {
                    (Some(w), Some(f)) => {
                        let all = match &s.sanitizers {
                            Some(own) => format!("(?:{own})|(?:{f})"),
                            None => f.clone(),
                        };
                        Some((
                            re(file, "sink.file_sanitizers_when", w)?,
                            re(file, "sink.file_sanitizers", &all)?,
                        ))
                    }
                    (None, None) => None,
                    _ => {
                        return Err(RuleError::Invalid {
                            file: file.to_string(),
                            message:
                                "sink.file_sanitizers and sink.file_sanitizers_when go together"
                                    .to_string(),
                        })
                    }
                },
                names: re_opt(file, "sink.names", &s.names)?,
                names_unless: re_opt(file, "sink.names_unless", &s.names_unless)?,
                always: s.always,
                literal: s.literal,
                receiver: s.receiver,
                argv: s.argv,
                after: re_opt(file, "sink.after", &s.after)?,
                tuple_first: s.tuple_first,
            });
        }
        let mut patterns = Vec::new();
        for p in &spec.pattern {
            patterns.push(Pattern {
                langs: langs(file, &p.langs)?,
                regex: re(file, "pattern.regex", &p.regex)?,
                unless: re_opt(file, "pattern.unless", &p.unless)?,
                context: re_opt(file, "pattern.context", &p.context)?,
                context_unless: re_opt(file, "pattern.context_unless", &p.context_unless)?,
                context_lines: p.context_lines,
                requires: re_opt(file, "pattern.requires", &p.requires)?,
                file_unless: re_opt(file, "pattern.file_unless", &p.file_unless)?,
                function_unless: re_opt(file, "pattern.function_unless", &p.function_unless)?,
                confidence: p.confidence,
                message: p.message.clone(),
                outside_context: p.outside_context,
                var_value: re_opt(file, "pattern.var_value", &p.var_value)?,
                var_unresolved: p.var_unresolved,
                var_unless: match &p.var_unless {
                    Some(t) => {
                        re(file, "pattern.var_unless", &t.replace("{var}", "v"))?;
                        Some(t.clone())
                    }
                    None => None,
                },
                var_returns: re_opt(file, "pattern.var_returns", &p.var_returns)?,
                unless_constant: p.unless_constant,
                unless_guard: re_opt(file, "pattern.unless_guard", &p.unless_guard)?,
            });
            if p.outside_context && (spec.outside_context.is_none() || p.context.is_none()) {
                return Err(RuleError::Invalid {
                    file: file.to_string(),
                    message: "a pattern with `outside_context = true` needs a `context` and the \
                              rule's `[outside_context]` table"
                        .to_string(),
                });
            }
        }
        let mut assigns = Vec::new();
        for a in &spec.assign {
            assigns.push(AssignMatch {
                langs: langs(file, &a.langs)?,
                target: re(file, "assign.target", &a.target)?,
                value: re(file, "assign.value", &a.value)?,
                unless: re_opt(file, "assign.unless", &a.unless)?,
                dynamic: a.dynamic,
                any_value: a.any_value,
                tainted: a.tainted,
                built: a.built,
                sanitizers: re_opt(file, "assign.sanitizers", &a.sanitizers)?,
                requires: re_opt(file, "assign.requires", &a.requires)?,
            });
        }
        let mut returns = Vec::new();
        for r in &spec.returns {
            returns.push(ReturnMatch {
                langs: langs(file, &r.langs)?,
                when: re_opt(file, "return.when", &r.when)?,
                sanitizers: re_opt(file, "return.sanitizers", &r.sanitizers)?,
                decorator: re_opt(file, "return.decorator", &r.decorator)?,
                requires: re_opt(file, "return.requires", &r.requires)?,
            });
            if r.when.is_none() && r.decorator.is_none() {
                return Err(RuleError::Invalid {
                    file: file.to_string(),
                    message: "a [[return]] needs `when` or `decorator`".to_string(),
                });
            }
        }
        let mut languages: Vec<Language> = Vec::new();
        let all = sinks
            .iter()
            .flat_map(|s| s.langs.iter())
            .chain(patterns.iter().flat_map(|p| p.langs.iter()))
            .chain(assigns.iter().flat_map(|a| a.langs.iter()))
            .chain(returns.iter().flat_map(|r| r.langs.iter()));
        for l in all {
            if !languages.contains(l) {
                languages.push(*l);
            }
        }
        if spec.engine.as_deref() == Some("redos") {
            for l in crate::redos::LANGUAGES {
                if !languages.contains(l) {
                    languages.push(*l);
                }
            }
        } else if spec.engine.as_deref() == Some("cipher-names") {
            for l in [Language::C, Language::Cpp] {
                if !languages.contains(&l) {
                    languages.push(l);
                }
            }
        } else if let Some(e) = &spec.engine {
            return Err(RuleError::Invalid {
                file: file.to_string(),
                message: format!("unknown engine `{e}`"),
            });
        }
        for e in &spec.example {
            if Language::from_name(&e.lang).is_none() {
                return Err(RuleError::Invalid {
                    file: file.to_string(),
                    message: format!("example in unknown language `{}`", e.lang),
                });
            }
        }
        languages.sort();
        let outside_context = match &spec.outside_context {
            Some(o) => Some(OutsideContext {
                severity: o.severity,
                confidence: o.confidence,
                message: o.message.clone(),
                unless: re_opt(file, "outside_context.unless", &o.unless)?,
            }),
            None => None,
        };
        Ok(Rule {
            outside_context,
            spec,
            returns,
            sinks,
            patterns,
            assigns,
            languages,
        })
    }

    pub fn id(&self) -> &str {
        &self.spec.id
    }
}

/// The built-in rule files, embedded at build time.
pub static BUILTIN: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let files: &[(&str, &str)] = &include!(concat!(env!("OUT_DIR"), "/rules.rs"));
    files
        .iter()
        .map(|(file, text)| {
            Rule::parse(file, text).unwrap_or_else(|e| panic!("built-in rule: {e}"))
        })
        .collect()
});
