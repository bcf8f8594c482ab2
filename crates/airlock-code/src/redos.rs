//! Regex literals in code, handed to the ReDoS analyzer: JavaScript and Ruby regex
//! literals, and the pattern argument of the regex APIs of each language.

use std::sync::LazyLock;

use regex::Regex;

use crate::lang::Language;
use crate::syntax::Model;

/// Languages whose regex engines backtrack (Go's and Rust's do not).
pub const LANGUAGES: &[Language] = &[
    Language::Python,
    Language::JavaScript,
    Language::TypeScript,
    Language::Tsx,
    Language::Java,
    Language::Kotlin,
    Language::Php,
    Language::Ruby,
    Language::CSharp,
    Language::Cpp,
];

/// A regex written in the code.
#[derive(Debug, Clone)]
pub struct RegexLiteral {
    pub start: usize,
    pub end: usize,
    pub pattern: String,
    pub flags: String,
    /// How the pattern is run when the code says so: `re.fullmatch` and Java's `matches`
    /// must match the whole input, so a failing end makes the engine try every split
    /// (`(.*,)*` backtracks exponentially there, not in a search that may stop early).
    pub mode: Option<airlock_redos::MatchMode>,
}

/// Calls taking a pattern, and which argument holds it.
static REGEX_CALLS: LazyLock<Vec<(Vec<Language>, Regex, usize)>> = LazyLock::new(|| {
    let r = |langs: &[Language], p: &str, arg: usize| {
        (
            langs.to_vec(),
            Regex::new(p).expect("regex call pattern"),
            arg,
        )
    };
    use Language::*;
    vec![
        r(
            &[Python],
            r"^(?:re|regex)\.(?:compile|match|search|fullmatch|findall|finditer|sub|subn|split)$",
            0,
        ),
        r(&[JavaScript, TypeScript, Tsx], r"^RegExp$", 0),
        r(&[Java, Kotlin], r"(?:^|\.)Pattern\.(?:compile|matches)$", 0),
        r(
            &[Java, Kotlin],
            r"\.(?:matches|replaceAll|replaceFirst|split)$",
            0,
        ),
        // Guava's `Splitter.onPattern(regex)`; commons-lang3's `RegExUtils.removeAll(text,
        // regex)` family and `StringUtils.replacePattern` / `removePattern`.
        r(&[Java, Kotlin], r"(?:^|\.)Splitter\.onPattern$", 0),
        r(
            &[Java, Kotlin],
            r"(?:^|\.)(?:RegExUtils\.(?:remove|replace)(?:All|First|Pattern)|StringUtils\.(?:replace|remove)Pattern)$",
            1,
        ),
        r(&[Kotlin], r"^Regex$", 0),
        r(
            &[Php],
            r"^preg_(?:match|match_all|replace|replace_callback|split|grep|quote)$",
            0,
        ),
        r(&[Ruby], r"^Regexp\.new$", 0),
        r(
            &[CSharp],
            r"^(?:System\.Text\.RegularExpressions\.)?Regex$",
            0,
        ),
        r(
            &[CSharp],
            r"^Regex\.(?:IsMatch|Match|Matches|Replace|Split)$",
            1,
        ),
        r(&[Cpp], r"^(?:std::)?regex$|^(?:std::)?wregex$", 0),
    ]
});

/// Flag names by language, and the letter `airlock_redos` reads for each.
static FLAG_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:re\.|Pattern\.|RegexOption\.|RegexOptions\.|Regexp::)(I|IGNORECASE|CASE_INSENSITIVE|IGNORE_CASE|IgnoreCase|S|DOTALL|DOT_MATCHES_ALL|Singleline|X|VERBOSE|COMMENTS|EXTENDED|IgnorePatternWhitespace|M|MULTILINE|Multiline)\b",
    )
    .expect("flag names")
});

/// The flags a call passes beside its pattern: Python's `re.compile(p, re.I | re.X)` (or
/// `flags=`), Java's `Pattern.compile(p, Pattern.DOTALL)`, Kotlin's `RegexOption`, .NET's
/// `RegexOptions`, Ruby's `Regexp::EXTENDED`, and JavaScript's `new RegExp(p, "i")`.
fn call_flags(m: &Model<'_>, call: &crate::syntax::Call<'_>, pattern_arg: usize) -> String {
    let others = call.args.iter().filter(|a| a.name.is_some()).chain(
        call.args
            .iter()
            .filter(|a| a.name.is_none())
            .skip(pattern_arg + 1),
    );
    let mut flags = String::new();
    for a in others {
        if matches!(
            m.lang,
            Language::JavaScript | Language::TypeScript | Language::Tsx
        ) {
            if let Some(v) = string_value(m, a.node) {
                flags.extend(v.chars().filter(|c| "imsuvgyd".contains(*c)));
            }
            continue;
        }
        for c in FLAG_NAMES.captures_iter(m.text(a.node)) {
            let letter = match &c[1] {
                "I" | "IGNORECASE" | "CASE_INSENSITIVE" | "IGNORE_CASE" | "IgnoreCase" => 'i',
                "S" | "DOTALL" | "DOT_MATCHES_ALL" | "Singleline" => 's',
                "X" | "VERBOSE" | "COMMENTS" | "EXTENDED" | "IgnorePatternWhitespace" => 'x',
                // Ruby's MULTILINE is its dot-all mode, which `airlock_redos` reads as `m`.
                _ => 'm',
            };
            if !flags.contains(letter) {
                flags.push(letter);
            }
        }
    }
    flags
}

/// .NET: a `Regex` constructed or called with a match timeout (the argument after the
/// options: `new Regex(p, opts, TimeSpan.FromSeconds(1))`, `Regex.Match(s, p, opts, t)`)
/// stops a runaway match with `RegexMatchTimeoutException`, so backtracking cannot hang the
/// process; an infinite timeout (`Regex.InfiniteMatchTimeout`) does not count.
fn has_match_timeout(m: &Model<'_>, call: &crate::syntax::Call<'_>, pattern_arg: usize) -> bool {
    let timeout = call
        .args
        .iter()
        .find(|a| a.name.as_deref() == Some("matchTimeout"))
        .or_else(|| {
            call.args
                .iter()
                .filter(|a| a.name.is_none())
                .nth(pattern_arg + 2)
        });
    timeout.is_some_and(|t| !m.text(t.node).contains("Infinite"))
}

/// Every regex literal in the file that can be read without running the code.
pub fn literals(m: &Model<'_>) -> Vec<RegexLiteral> {
    let mut out = Vec::new();
    if matches!(
        m.lang,
        Language::JavaScript | Language::TypeScript | Language::Tsx | Language::Ruby
    ) {
        find_regex_nodes(m, &mut out);
    }
    for call in &m.calls {
        for (langs, callee, arg) in REGEX_CALLS.iter() {
            if !langs.contains(&m.lang) || !callee.is_match(&call.callee) {
                continue;
            }
            let Some(a) = call.args.iter().filter(|a| a.name.is_none()).nth(*arg) else {
                continue;
            };
            if m.lang == Language::CSharp && has_match_timeout(m, call, *arg) {
                continue;
            }
            // `re.compile(PATTERN)` with `PATTERN = r"..."` set once in the file: the
            // constant's text, reported where it is compiled.
            let value = string_value(m, a.node).or_else(|| {
                // C++ `std::regex re(pattern);` in a function body parses as a function
                // declaration: the argument is a parameter type, `pattern`, by name.
                let named = crate::taint::is_identifier_kind(a.node.kind())
                    || (m.lang == Language::Cpp && a.node.kind() == "type_identifier");
                if !named {
                    return None;
                }
                let name = crate::syntax::normalize_name(m.text(a.node));
                let mut defs = m
                    .assigns
                    .iter()
                    .filter(|d| d.target == name && (d.func == call.func || d.func.is_none()));
                let only = defs.next()?;
                if defs.next().is_some() || only.augmented {
                    return None;
                }
                string_value(m, only.value)
            });
            if let Some(p) = value {
                let (pattern, flags) = if m.lang == Language::Php {
                    strip_php_delimiters(&p)
                } else {
                    (p, call_flags(m, call, *arg))
                };
                out.push(RegexLiteral {
                    start: a.node.start_byte(),
                    end: a.node.end_byte(),
                    pattern,
                    flags,
                    mode: match_mode(m, call),
                });
            }
        }
    }
    out
}

/// The match mode a call implies: whole-input for Python's `fullmatch` and Java's
/// `matches`, start-anchored for Python's `match`; for a compiled pattern kept in a variable,
/// what the variable is later called with (`p = re.compile(..); p.fullmatch(x)`,
/// `p.matcher(x).matches()`).
fn match_mode(m: &Model<'_>, call: &crate::syntax::Call<'_>) -> Option<airlock_redos::MatchMode> {
    use airlock_redos::MatchMode;
    let last = call.callee.rsplit('.').next().unwrap_or("");
    match (m.lang, last) {
        (Language::Python, "fullmatch") => return Some(MatchMode::Full),
        (Language::Python, "match") => return Some(MatchMode::Prefix),
        (Language::Java | Language::Kotlin, "matches") => return Some(MatchMode::Full),
        (_, "compile") => {}
        _ => return None,
    }
    let (s, e) = (call.node.start_byte(), call.node.end_byte());
    let target = m
        .assigns
        .iter()
        .find(|a| a.value.start_byte() == s && a.value.end_byte() == e)?
        .target
        .clone();
    let name = target.rsplit('.').next().unwrap_or(&target);
    let used = |method: &str| {
        regex::Regex::new(&format!(r"\b{}\s*\.\s*{method}\s*\(", regex::escape(name)))
            .is_ok_and(|r| r.is_match(&m.masked))
    };
    if used("fullmatch")
        || (used("matcher") && {
            regex::Regex::new(&format!(
                r"\b{}\s*\.\s*matcher\s*\([^;\n]*\)\s*\.\s*matches\s*\(",
                regex::escape(name)
            ))
            .is_ok_and(|r| r.is_match(&m.masked))
        })
    {
        Some(MatchMode::Full)
    } else {
        None
    }
}

fn find_regex_nodes(m: &Model<'_>, out: &mut Vec<RegexLiteral>) {
    // The model keeps calls, not every node: walk the masked text's regex literals via the
    // tree again would need the tree, so the analyzer passes them through `Model::regexes`.
    for &(s, e) in &m.regexes {
        let text = &m.src[s..e];
        let Some(body) = text.strip_prefix('/').or_else(|| text.strip_prefix("%r{")) else {
            continue;
        };
        let (pattern, flags) = match body.rfind(['/', '}']) {
            Some(i) => (body[..i].to_string(), body[i + 1..].to_string()),
            None => continue,
        };
        out.push(RegexLiteral {
            start: s,
            end: e,
            pattern,
            flags,
            mode: None,
        });
    }
}

/// The value of a string literal, escapes resolved the way the language reads them.
pub fn string_value(m: &Model<'_>, n: tree_sitter::Node<'_>) -> Option<String> {
    let k = n.kind();
    if !crate::taint::is_literal_kind(k) {
        return None;
    }
    let mut c = n.walk();
    if n.named_children(&mut c)
        .any(|ch| ch.kind().contains("interpolation") || ch.kind() == "template_substitution")
    {
        return None;
    }
    let text = m.text(n);
    let (raw, body) = unquote(text)?;
    Some(if raw {
        body.to_string()
    } else {
        unescape(body)
    })
}

fn unquote(text: &str) -> Option<(bool, &str)> {
    let t = text.trim();
    let mut raw = false;
    let mut s = t;
    // Prefixes: r'', b'', u'', rb'', @"" (C#), R"( )" (C++).
    let lower: String = s.chars().take(3).collect::<String>().to_ascii_lowercase();
    if let Some(inner) = s.strip_prefix("R\"(") {
        return inner.strip_suffix(")\"").map(|b| (true, b));
    }
    for p in ["rb", "br", "r", "b", "u", "@", "f"] {
        if lower.starts_with(p) && s[p.len()..].starts_with(['"', '\'']) {
            raw = p.contains('r') || p == "@";
            s = &s[p.len()..];
            break;
        }
    }
    for q in ["\"\"\"", "'''", "\"", "'", "`"] {
        if s.len() >= 2 * q.len() && s.starts_with(q) && s.ends_with(q) {
            // Single-quoted strings in PHP and Ruby keep backslashes but for \' and \\.
            return Some((raw, &s[q.len()..s.len() - q.len()]));
        }
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some('\'') => out.push('\''),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('/') => out.push('/'),
            // Unknown escapes reach the regex engine as written (`"\d"` in Python).
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn strip_php_delimiters(p: &str) -> (String, String) {
    let mut chars = p.chars();
    let Some(open) = chars.next() else {
        return (String::new(), String::new());
    };
    let close = match open {
        '(' => ')',
        '{' => '}',
        '[' => ']',
        '<' => '>',
        c => c,
    };
    match p.rfind(close) {
        Some(i) if i > 0 => (
            p[open.len_utf8()..i].to_string(),
            p[i + close.len_utf8()..].to_string(),
        ),
        _ => (p.to_string(), String::new()),
    }
}

/// The text a regex literal is run on, when the call says so: the receiver of JavaScript's
/// `s.match(/re/)` (`replace`, `replaceAll`, `split`, `search`, `matchAll`) and Java's
/// `s.replaceAll("re", ..)` (`replaceFirst`, `split`), the argument of `/re/.test(s)` and
/// `/re/.exec(s)`, the string argument of Python's `re.search(p, s)` family and of PHP's
/// `preg_*`.
fn subject<'t>(m: &Model<'t>, lit: &RegexLiteral) -> Option<tree_sitter::Node<'t>> {
    let is_lit = |n: tree_sitter::Node<'_>| n.start_byte() == lit.start && n.end_byte() == lit.end;
    for call in &m.calls {
        let method = call.callee.rsplit(['.', ':', '>']).next().unwrap_or("");
        let positional: Vec<_> = call.args.iter().filter(|a| a.name.is_none()).collect();
        let first_is_lit = positional.first().is_some_and(|a| is_lit(a.node));
        match m.lang {
            Language::JavaScript | Language::TypeScript | Language::Tsx => {
                if first_is_lit
                    && matches!(
                        method,
                        "match" | "matchAll" | "replace" | "replaceAll" | "split" | "search"
                    )
                {
                    return call.receiver;
                }
                if call.receiver.is_some_and(is_lit) && matches!(method, "test" | "exec") {
                    return positional.first().map(|a| a.node);
                }
            }
            Language::Java | Language::Kotlin
                if first_is_lit && matches!(method, "replaceAll" | "replaceFirst" | "split") =>
            {
                return call.receiver;
            }
            Language::Python if first_is_lit && call.callee.starts_with("re.") => {
                let at = if matches!(method, "sub" | "subn") {
                    2
                } else {
                    1
                };
                return positional.get(at).map(|a| a.node);
            }
            Language::Php if first_is_lit && call.callee.starts_with("preg_") => {
                let at = if call.callee.starts_with("preg_replace") {
                    2
                } else {
                    1
                };
                return positional.get(at).map(|a| a.node);
            }
            _ => {}
        }
    }
    None
}

/// Findings for the regex literals of a file: (start, end, message). With the file's dataflow,
/// a pattern that is quadratic only because a search retries every start position (`\s+$`,
/// `.*,`) is reported too when it runs on request data: the attacker then picks the length.
pub fn check(
    m: &Model<'_>,
    taint: Option<&crate::taint::Taint<'_, '_>>,
) -> Vec<(usize, usize, String)> {
    let flavor = match m.lang {
        Language::Python => airlock_redos::Flavor::Python,
        Language::JavaScript | Language::TypeScript | Language::Tsx => {
            airlock_redos::Flavor::JavaScript
        }
        Language::Java | Language::Kotlin => airlock_redos::Flavor::Java,
        Language::Php => airlock_redos::Flavor::Pcre,
        Language::Ruby => airlock_redos::Flavor::Ruby,
        Language::CSharp => airlock_redos::Flavor::DotNet,
        Language::Cpp => airlock_redos::Flavor::JavaScript,
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for lit in literals(m) {
        let Ok(mut a) = airlock_redos::analyze(&lit.pattern, flavor, &lit.flags) else {
            continue;
        };
        // Run the way the code runs it, the search analysis aside: only an exponential
        // result there is reported (a whole-input match of `\d+\s*\d+` is mildly quadratic).
        if let Some(mode) = lit
            .mode
            .filter(|_| a.complexity != airlock_redos::Complexity::Exponential)
        {
            let opts = airlock_redos::Options {
                mode,
                ..Default::default()
            };
            if let Ok(b) = airlock_redos::analyze_with(&lit.pattern, flavor, &lit.flags, &opts) {
                if b.complexity == airlock_redos::Complexity::Exponential {
                    a = b;
                }
            }
        }
        let mut on_request = false;
        let report = match a.complexity {
            airlock_redos::Complexity::Exponential => true,
            airlock_redos::Complexity::Polynomial(k) if k >= 3 => true,
            // Quadratic only because a search retries from every start position (`\d+$`)
            // is common and mild; report it when the pattern is ambiguous on its own.
            airlock_redos::Complexity::Polynomial(_) => {
                let opts = airlock_redos::Options {
                    mode: airlock_redos::MatchMode::Prefix,
                    ..Default::default()
                };
                let ambiguous =
                    airlock_redos::analyze_with(&lit.pattern, flavor, &lit.flags, &opts).is_ok_and(
                        |p| {
                            matches!(
                                p.complexity,
                                airlock_redos::Complexity::Polynomial(_)
                                    | airlock_redos::Complexity::Exponential
                            )
                        },
                    );
                if !ambiguous && lit.mode.is_none() {
                    on_request = taint.zip(subject(m, &lit)).is_some_and(|(t, s)| {
                        t.flow(s, None).origin == crate::taint::Origin::Source
                    });
                }
                ambiguous || on_request
            }
            _ => false,
        };
        if !report {
            continue;
        }
        let mut msg = format!("backtracking is {} in the input length", a.complexity);
        if on_request {
            msg.push_str(" on request data (every start position is retried)");
        }
        if let Some(attack) = &a.attack {
            let sample = attack.build(3);
            let sample: String = sample.chars().take(60).collect();
            msg.push_str(&format!(
                "; attack: {:?} repeated, e.g. {sample:?}",
                attack.pump
            ));
        }
        out.push((lit.start, lit.end, msg));
    }
    out
}
