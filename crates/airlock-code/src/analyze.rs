//! The analyzer: parses a file, builds its model, runs every rule for its language, and
//! returns findings with line, column, CWE, severity, confidence, message and fix.

use std::cell::RefCell;
use std::collections::HashSet;

use airlock_types::{Confidence, Severity};
use serde::Serialize;
use tree_sitter::{Node, Parser};

use crate::lang::Language;
use crate::rule::{Rule, BUILTIN};
use crate::syntax::{element_value, sole_item, Model};
use crate::taint::{is_identifier_kind, is_literal_kind, is_member_kind, Origin, Taint};

/// One problem found in code.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CodeFinding {
    pub rule_id: String,
    pub title: String,
    pub cwe: u32,
    pub severity: Severity,
    pub confidence: Confidence,
    /// 1-based.
    pub line: usize,
    /// 1-based, in bytes.
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip)]
    pub start_byte: usize,
    #[serde(skip)]
    pub end_byte: usize,
    pub message: String,
    pub fix: String,
}

/// Runs the rules. Cheap to share: rules are compiled once per process.
pub struct Analyzer {
    rules: &'static [Rule],
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

thread_local! {
    static PARSER: RefCell<Parser> = RefCell::new(Parser::new());
}

/// Inputs larger than this are not parsed (generated code, bundles); the caller reports
/// them as skipped.
pub const MAX_SOURCE: usize = 4 << 20;

impl Analyzer {
    pub fn new() -> Analyzer {
        Analyzer { rules: &BUILTIN }
    }

    pub fn rules(&self) -> &'static [Rule] {
        self.rules
    }

    pub fn rule(&self, id: &str) -> Option<&'static Rule> {
        self.rules.iter().find(|r| r.id() == id)
    }

    /// Analyzes one file's source. Code that does not parse cleanly is still analyzed:
    /// tree-sitter recovers from errors, which is what snippets need.
    pub fn analyze(&self, src: &str, lang: Language) -> Vec<CodeFinding> {
        if src.len() > MAX_SOURCE {
            return Vec::new();
        }
        let tree = PARSER.with(|p| {
            let mut p = p.borrow_mut();
            p.set_language(&lang.grammar_for(src)).ok()?;
            p.parse(src, None)
        });
        let Some(tree) = tree else { return Vec::new() };
        let model = Model::build(lang, src, &tree);
        let taint = Taint::new(&model);
        let mut out = Vec::new();
        for rule in self.rules {
            if !rule.languages.contains(&lang) {
                continue;
            }
            self.run_sinks(rule, &model, &taint, &mut out);
            self.run_patterns(rule, &model, &taint, &mut out);
            self.run_assigns(rule, &model, &taint, &mut out);
            for r in &rule.returns {
                if !r.langs.contains(&lang) {
                    continue;
                }
                let framework = r.decorator.is_some()
                    && r.requires.as_ref().is_none_or(|q| q.is_match(model.src));
                if r.decorator.is_some() && !framework {
                    continue;
                }
                for &(value, _) in &model.returns {
                    // Go's bare `return` (named results) is no expression of its own.
                    if value.kind() == "return_statement" {
                        continue;
                    }
                    if r.when
                        .as_ref()
                        .is_some_and(|w| !w.is_match(model.text(value)))
                    {
                        continue;
                    }
                    match &r.decorator {
                        // A view's returned string is the page: a variable holding it counts.
                        Some(d) => {
                            if !(value.kind() == "identifier" || builds_text(&model, value))
                                || !decorated_with(&model, value.start_byte(), d)
                            {
                                continue;
                            }
                        }
                        None => {
                            if !builds_text(&model, value) {
                                continue;
                            }
                        }
                    }
                    let f = taint.flow(value, r.sanitizers.as_ref());
                    if f.origin == Origin::Source && !f.local {
                        let via = f.via.unwrap_or_default();
                        let message =
                            format!("{}: {via} is returned in the response", rule.spec.title);
                        out.push(finding(
                            rule,
                            &model,
                            value.start_byte(),
                            value.end_byte(),
                            Confidence::High,
                            message,
                        ));
                    }
                }
            }
            match rule.spec.engine.as_deref() {
                Some("redos") => {
                    for (at, end, message) in crate::redos::check(&model, Some(&taint)) {
                        out.push(finding(rule, &model, at, end, Confidence::High, message));
                    }
                }
                Some("cipher-names") if matches!(lang, Language::C | Language::Cpp) => {
                    for (at, end, d) in crate::cipher_names::check(&model) {
                        let message = format!("{}: {d}", rule.spec.title);
                        out.push(finding(rule, &model, at, end, Confidence::Medium, message));
                    }
                }
                _ => {}
            }
        }
        suppress(&model, &mut out);
        out.sort_by(|a, b| (a.line, a.column, &a.rule_id).cmp(&(b.line, b.column, &b.rule_id)));
        let mut seen = HashSet::new();
        out.retain(|f| seen.insert((f.rule_id.clone(), f.line)));
        out
    }

    fn run_sinks(
        &self,
        rule: &Rule,
        m: &Model<'_>,
        taint: &Taint<'_, '_>,
        out: &mut Vec<CodeFinding>,
    ) {
        for sink in &rule.sinks {
            if !sink.langs.contains(&m.lang) {
                continue;
            }
            for call in &m.calls {
                if !sink.callee.is_match(&call.callee) {
                    continue;
                }
                let text = m.text(call.node);
                // Code after a `return`, `raise` or `continue` of its block never runs.
                if taint.unreachable(call.node) {
                    continue;
                }
                if sink
                    .when
                    .as_ref()
                    .is_some_and(|w| !when_matches(m, taint, call, w, sink))
                    || sink.unless.as_ref().is_some_and(|u| u.is_match(text))
                    || sink
                        .unless_receiver
                        .as_ref()
                        .is_some_and(|u| receiver_assigned(m, taint, call, u))
                    || sink
                        .unless_guard
                        .as_ref()
                        .is_some_and(|g| taint.guarded_by(call.node, g))
                    || sink
                        .checked_later
                        .as_ref()
                        .is_some_and(|c| c.is_match(&call.callee) && checked_later(m, taint, call))
                {
                    continue;
                }
                if sink.always {
                    let message = format!("{}: `{}`", rule.spec.title, short(&call.callee));
                    out.push(call_finding(rule, m, call, rule.spec.confidence, message));
                    continue;
                }
                let mut checked: Vec<Node<'_>> = Vec::new();
                if sink.receiver {
                    checked.extend(call.receiver);
                }
                let mut positional = 0usize;
                let mut previous: Option<Node<'_>> = None;
                for (i, a) in call.args.iter().enumerate() {
                    match &a.name {
                        Some(n) if !in_position(m, call, i) => {
                            if sink.kwargs.iter().any(|k| k == n) {
                                checked.push(a.node);
                            }
                        }
                        _ => {
                            let follows = sink.after.as_ref().is_none_or(|r| {
                                previous.is_some_and(|p| {
                                    r.is_match(m.macro_literal(p).unwrap_or(m.text(p)).trim())
                                })
                            });
                            if follows
                                && sink.args.as_ref().is_none_or(|ix| ix.contains(&positional))
                            {
                                checked.push(a.node);
                            }
                            previous = Some(a.node);
                            positional += 1;
                        }
                    }
                }
                if sink.literal {
                    if let Some(lit) = checked
                        .iter()
                        .find_map(|a| constant_secret(m, taint, *a, 0))
                    {
                        let message = format!(
                            "{}: a literal is passed to `{}`",
                            rule.spec.title,
                            short(&call.callee)
                        );
                        let (cs, ce) = (call.node.start_byte(), call.node.end_byte());
                        // A string kept in a variable is reported where it is written, the
                        // line to change; an array of bytes where it is used.
                        if is_plain_literal(lit) && (lit.start_byte() < cs || lit.end_byte() > ce) {
                            let conf = rule.spec.confidence;
                            out.push(finding(
                                rule,
                                m,
                                lit.start_byte(),
                                lit.end_byte(),
                                conf,
                                message,
                            ));
                        } else {
                            out.push(call_finding(rule, m, call, rule.spec.confidence, message));
                        }
                    }
                    continue;
                }
                if let Some(names) = &sink.names {
                    let unless = sink.names_unless.as_ref();
                    // Rust assertions print the values they compare only through their
                    // message: what follows the format string is what reaches the output.
                    if m.lang == crate::Language::Rust
                        && matches!(
                            call.callee.as_str(),
                            "assert"
                                | "assert_eq"
                                | "assert_ne"
                                | "debug_assert"
                                | "debug_assert_eq"
                                | "debug_assert_ne"
                        )
                    {
                        let skip = if call.callee.ends_with("assert") {
                            1
                        } else {
                            2
                        };
                        match top_level_comma(m, call.node, skip) {
                            Some(at) => checked.retain(|a| a.start_byte() > at),
                            None => checked.clear(),
                        }
                    }
                    if let Some(name) = checked.iter().find_map(|a| {
                        sensitive_name(m, *a, names, unless)
                            .or_else(|| secret_from_callers(m, call, *a, names, unless))
                    }) {
                        let message = format!(
                            "{}: `{name}` is passed to `{}`",
                            rule.spec.title,
                            short(&call.callee)
                        );
                        out.push(call_finding(rule, m, call, rule.spec.confidence, message));
                    }
                    continue;
                }
                if sink.tuple_first {
                    for a in checked.iter_mut() {
                        let mut n = *a;
                        while n.kind() == "parenthesized_expression" && n.named_child_count() == 1 {
                            n = n.named_child(0).unwrap_or(n);
                        }
                        if n.kind() == "tuple" {
                            *a = n.named_child(0).unwrap_or(n);
                        }
                    }
                }
                let sanitizers = match &sink.file_sanitizers {
                    Some((when, all)) if when.is_match(&m.masked) => Some(all),
                    _ => sink.sanitizers.as_ref(),
                };
                for a in checked {
                    if sink.argv && fixed_program(m, a) {
                        continue;
                    }
                    if sink
                        .checked_before
                        .as_ref()
                        .is_some_and(|t| checked_before(m, call, a, t))
                    {
                        continue;
                    }
                    let mut f = taint.flow(a, sanitizers);
                    if sink.built_only && !f.built {
                        continue;
                    }
                    // A helper's parameter: what this file's callers pass decides.
                    if f.origin == Origin::Param {
                        let param = f
                            .via
                            .as_deref()
                            .and_then(|v| v.strip_prefix("parameter `"))
                            .and_then(|v| v.strip_suffix('`'));
                        if let Some(callers) = param
                            .and_then(|p| taint.from_callers(p, call.node.start_byte(), sanitizers))
                        {
                            match callers.origin {
                                Origin::Const => continue,
                                // An exported JavaScript function is an API: the file's own
                                // command-line entry point is one caller, its importers are
                                // others, and what they pass is unknown, as for any parameter.
                                Origin::Source
                                    if callers.local
                                        && !sink.local
                                        && exported_js(m, param, call.node) => {}
                                Origin::Source => {
                                    f.origin = Origin::Source;
                                    f.local = callers.local;
                                    f.via = callers.via.map(|v| format!("{v} (through a call)"));
                                }
                                _ => {}
                            }
                        }
                    }
                    if let Some(c) = flow_confidence(&f, sink.local, sink.built, sink.unknown) {
                        let c = c.min(rule.spec.confidence);
                        let via = f
                            .via
                            .unwrap_or_else(|| "a value built at run time".to_string());
                        let callee = match call.callee.as_str() {
                            "`" => "backticks".to_string(),
                            c => short(c),
                        };
                        let message = format!("{}: {via} reaches `{callee}`", rule.spec.title);
                        // A Rust builder chain spread over lines (`Command::new("sh")` /
                        // `.arg("-c")` / `.arg(x)`): the line of the value that reaches it.
                        let spread = m.lang == crate::Language::Rust
                            && a.start_byte() > call.node.start_byte()
                            && m.src[call.node.start_byte()..a.start_byte()].contains('\n');
                        out.push(if spread {
                            finding(rule, m, a.start_byte(), a.end_byte(), c, message)
                        } else {
                            call_finding(rule, m, call, c, message)
                        });
                        break;
                    }
                }
            }
        }
    }

    fn run_patterns(
        &self,
        rule: &Rule,
        m: &Model<'_>,
        taint: &Taint<'_, '_>,
        out: &mut Vec<CodeFinding>,
    ) {
        let text = m.masked.as_str();
        for p in &rule.patterns {
            if !p.langs.contains(&m.lang)
                || p.requires.as_ref().is_some_and(|r| !r.is_match(text))
                || p.file_unless.as_ref().is_some_and(|r| r.is_match(text))
            {
                continue;
            }
            let message = match &p.message {
                Some(d) => format!("{}: {d}", rule.spec.title),
                None => rule.spec.title.clone(),
            };
            let c = p.confidence.unwrap_or(rule.spec.confidence);
            // Away from its context, a pattern marked `outside_context` still reports, as
            // the rule's `[outside_context]` says.
            let outside = rule.outside_context.as_ref().filter(|_| p.outside_context);
            let report = |at: usize, end: usize, also: Option<&str>| -> Option<CodeFinding> {
                // The pattern's own exclusions on the line (and on `also`, the call as the
                // module's own) and around `at`.
                let (ls, le) = line_bounds(text, at, end);
                if p.function_unless.as_ref().is_some_and(|u| {
                    let (fs, fe) = m
                        .function_at(at)
                        .map(|f| (m.functions[f].start, m.functions[f].end.min(text.len())))
                        .unwrap_or((0, text.len()));
                    text.get(fs..fe).is_some_and(|body| u.is_match(body))
                }) {
                    return None;
                }
                if p.unless_guard
                    .as_ref()
                    .is_some_and(|g| node_at(m, at, end).is_some_and(|n| taint.guarded_by(n, g)))
                {
                    return None;
                }
                if p.unless.as_ref().is_some_and(|u| {
                    u.is_match(&text[ls..le]) || also.is_some_and(|a| u.is_match(a))
                }) || p.context_unless.as_ref().is_some_and(|ctx| {
                    // What the line itself says (`md5($password)`) outweighs a hint that
                    // the use is not security (`$etag`).
                    in_context(m, ctx, at, 0)
                        && !p.context.as_ref().is_some_and(|c| in_context(m, c, at, 0))
                }) {
                    return None;
                }
                match &p.context {
                    Some(ctx) if !in_context(m, ctx, at, p.context_lines) => {
                        let o = outside?;
                        if o.unless
                            .as_ref()
                            .is_some_and(|u| in_context(m, u, at, p.context_lines))
                        {
                            return None;
                        }
                        let mut f = finding(
                            rule,
                            m,
                            at,
                            end,
                            o.confidence.unwrap_or(c),
                            format!("{}: {}", rule.spec.title, o.message),
                        );
                        f.severity = o.severity;
                        Some(f)
                    }
                    _ => Some(finding(rule, m, at, end, c, message.clone())),
                }
            };
            for caps in p.regex.captures_iter(text) {
                let Some(hit) = caps.get(0) else { continue };
                // `.danger_accept_invalid_certs(accept)`: what `accept` holds decides.
                if let (Some(want), Some(var)) = (&p.var_value, caps.name("var")) {
                    // Any assignment that may have run counts (`let mut s = true; if r { s =
                    // false }`). A variable the enclosing function assigns itself is that
                    // function's: another method's `yaml = new Yaml()` is not this one's.
                    let here = m.function_at(hit.start());
                    let before = |a: &&crate::syntax::Assign<'_>| {
                        a.target == var.as_str() && a.at <= hit.start()
                    };
                    let own =
                        here.is_some() && m.assigns.iter().filter(before).any(|a| a.func == here);
                    let mut values = m
                        .assigns
                        .iter()
                        .filter(before)
                        .filter(|a| !own || a.func == here)
                        .map(|a| m.text(a.value).trim())
                        .peekable();
                    let keep = match values.peek() {
                        Some(_) => values.any(|v| want.is_match(v)),
                        None => p.var_unresolved,
                    };
                    if !keep {
                        continue;
                    }
                }
                if let (Some(t), Some(var)) = (&p.var_unless, caps.name("var")) {
                    let declared = t.replace("{var}", &regex::escape(var.as_str()));
                    if regex::Regex::new(&declared).is_ok_and(|r| r.is_match(text)) {
                        continue;
                    }
                }
                if let (Some(want), Some(var)) = (&p.var_returns, caps.name("var")) {
                    if !returns_only(m, var.as_str(), want) {
                        continue;
                    }
                }
                if p.unless_constant && reads_constant(m, taint, hit.start(), hit.end()) {
                    continue;
                }
                // Written as the pattern says, but through an alias for another module
                // (Go's `rand.Read` with `crypto/rand` imported as `rand`).
                let other_module = m.aliased_calls.iter().any(|(i, canonical)| {
                    m.calls[*i].node.start_byte() == hit.start() && !p.regex.is_match(canonical)
                });
                if !other_module {
                    out.extend(report(hit.start(), hit.end(), None));
                }
            }
            // A call through a module alias (`import pickle as pkl; pkl.loads(x)`) is
            // matched as the module's own call.
            for (i, canonical) in &m.aliased_calls {
                let node = m.calls[*i].node;
                let (at, end) = (node.start_byte(), node.end_byte());
                if !p.regex.is_match(m.text(node))
                    && p.regex.is_match(canonical)
                    && !(p.unless_constant && reads_constant(m, taint, at, end))
                {
                    out.extend(report(at, end, Some(canonical)));
                }
            }
        }
    }

    fn run_assigns(
        &self,
        rule: &Rule,
        m: &Model<'_>,
        taint: &Taint<'_, '_>,
        out: &mut Vec<CodeFinding>,
    ) {
        for a in &rule.assigns {
            if !a.langs.contains(&m.lang)
                || a.requires.as_ref().is_some_and(|r| !r.is_match(&m.masked))
            {
                continue;
            }
            for asg in m.assigns.iter().chain(&m.pairs) {
                if !a.target.is_match(&asg.target) {
                    continue;
                }
                // C: `strcpy(key, KEY)` with `#define KEY "..."` copies the define's literal.
                let from_define = m.macro_literal(asg.value);
                let value = from_define.unwrap_or_else(|| m.text(asg.value));
                if !a.value.is_match(value) || a.unless.as_ref().is_some_and(|u| u.is_match(value))
                {
                    continue;
                }
                let mut confidence = rule.spec.confidence;
                let message = if a.tainted {
                    let f = taint.flow(asg.value, a.sanitizers.as_ref());
                    // Judged like a sink's argument (local sources count, a parameter only
                    // when built into the value unless `built = false`, unknown values never).
                    let Some(c) = flow_confidence(&f, true, a.built, false) else {
                        continue;
                    };
                    confidence = confidence.min(c);
                    let via = f
                        .via
                        .unwrap_or_else(|| "a value built at run time".to_string());
                    format!("{}: {via} is assigned to `{}`", rule.spec.title, asg.target)
                } else if a.dynamic {
                    let f = taint.flow(asg.value, None);
                    if f.origin == Origin::Const {
                        continue;
                    }
                    let via = f
                        .via
                        .unwrap_or_else(|| "a value computed at run time".to_string());
                    format!("{}: {via} is assigned to `{}`", rule.spec.title, asg.target)
                } else {
                    if !a.any_value
                        && !is_plain_literal(asg.value)
                        && !is_quoted_define(m, asg.value)
                        && from_define.is_none()
                    {
                        continue;
                    }
                    format!(
                        "{}: a literal is assigned to `{}`",
                        rule.spec.title, asg.target
                    )
                };
                out.push(finding(
                    rule,
                    m,
                    asg.value.start_byte(),
                    asg.value.end_byte(),
                    confidence,
                    message,
                ));
            }
        }
    }
}

/// How sure a finding is when a value with flow `f` reaches a sink: request data is certain;
/// the command line, environment and stdin count only where `local` says so, and a
/// parameter (unless `built` is off) or, with `unknown`, a value of unknown origin only when
/// built into a string.
fn flow_confidence(
    f: &crate::taint::Flow,
    local: bool,
    built: bool,
    unknown: bool,
) -> Option<Confidence> {
    match f.origin {
        Origin::Source if f.local && !local => None,
        Origin::Source if f.local => Some(Confidence::Medium),
        Origin::Source => Some(Confidence::High),
        Origin::Param if f.built || !built => Some(Confidence::Medium),
        Origin::Unknown if f.built && unknown => Some(Confidence::Medium),
        _ => None,
    }
}

/// Whether the innermost call around bytes `at..end` reads a constant: its first
/// positional argument's flow is a literal's.
/// The smallest syntax node covering `at..end`, found from any node the model keeps (the
/// model holds calls, assignments and pairs, not the tree itself).
fn node_at<'t>(m: &Model<'t>, at: usize, end: usize) -> Option<Node<'t>> {
    let any = m
        .calls
        .first()
        .map(|c| c.node)
        .or_else(|| m.assigns.first().map(|a| a.value))
        .or_else(|| m.pairs.first().map(|a| a.value))?;
    let mut root = any;
    while let Some(p) = root.parent() {
        root = p;
    }
    root.descendant_for_byte_range(at, end)
}

fn reads_constant(m: &Model<'_>, taint: &Taint<'_, '_>, at: usize, end: usize) -> bool {
    let call = m
        .calls
        .iter()
        .filter(|c| c.node.start_byte() <= at && end <= c.node.end_byte())
        .min_by_key(|c| c.node.end_byte() - c.node.start_byte());
    let Some(arg) = call.and_then(|c| c.args.iter().find(|a| a.name.is_none())) else {
        return false;
    };
    taint.flow(arg.node, None).origin == Origin::Const
}

/// An array literal whose first item is a literal program that is not a shell: the
/// arguments after it reach that program as they are, never a command line.
fn fixed_program(m: &Model<'_>, n: Node<'_>) -> bool {
    if !matches!(n.kind(), "array" | "list" | "array_expression") {
        return false;
    }
    let Some(first) = n.named_child(0) else {
        return false;
    };
    let text = m.text(first);
    if !crate::taint::is_literal_kind(first.kind()) || text.contains("#{") || text.contains("${") {
        return false;
    }
    let program = text.trim_matches(|c| c == '"' || c == '\'');
    let base = program.rsplit(['/', '\\']).next().unwrap_or(program);
    let base = base
        .strip_suffix(".exe")
        .unwrap_or(base)
        .to_ascii_lowercase();
    !base.is_empty()
        && !matches!(
            base.as_str(),
            "sh" | "bash"
                | "zsh"
                | "dash"
                | "ksh"
                | "csh"
                | "tcsh"
                | "fish"
                | "cmd"
                | "powershell"
                | "pwsh"
                | "env"
        )
}

fn short(callee: &str) -> String {
    if callee.chars().count() > 60 {
        let tail: String = callee
            .chars()
            .rev()
            .take(57)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("...{tail}")
    } else {
        callee.to_string()
    }
}

/// A finding spanning a whole call.
fn call_finding(
    rule: &Rule,
    m: &Model<'_>,
    call: &crate::syntax::Call<'_>,
    confidence: Confidence,
    message: String,
) -> CodeFinding {
    finding(
        rule,
        m,
        call.node.start_byte(),
        call.node.end_byte(),
        confidence,
        message,
    )
}

fn finding(
    rule: &Rule,
    m: &Model<'_>,
    start: usize,
    end: usize,
    confidence: Confidence,
    message: String,
) -> CodeFinding {
    let (line, column) = m.line_col(start);
    let (end_line, end_column) = m.line_col(end);
    CodeFinding {
        rule_id: rule.spec.id.clone(),
        title: rule.spec.title.clone(),
        cwe: rule.spec.cwe,
        severity: rule.spec.severity,
        confidence,
        line,
        column,
        end_line,
        end_column,
        start_byte: start,
        end_byte: end,
        message,
        fix: rule.spec.fix.clone(),
    }
}

fn line_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let ls = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let le = text[end..].find('\n').map_or(text.len(), |i| end + i);
    (ls, le)
}

/// Whether a sink's `when` holds: on the call's text, on what the receiver variable was
/// assigned (`r = Runtime.getRuntime()`), or on the enclosing function when the sink asks.
fn when_matches(
    m: &Model<'_>,
    taint: &Taint<'_, '_>,
    call: &crate::syntax::Call<'_>,
    when: &regex::Regex,
    sink: &crate::rule::Sink,
) -> bool {
    if sink.when_in_args {
        return when_in_args(m, call, when, sink);
    }
    if when.is_match(m.text(call.node)) {
        return true;
    }
    // C/C++: `EXECL(COMMAND_INT_PATH, COMMAND_INT_PATH, COMMAND_ARG1, ...)` read with its
    // macros' bodies (`"/bin/sh"`, `"-c"`).
    if m.expand_macros(m.text(call.node))
        .is_some_and(|t| when.is_match(&t))
    {
        return true;
    }
    if sink.when_in_function {
        let at = call.node.start_byte();
        if let Some(f) = m.function_at(at) {
            let f = &m.functions[f];
            let body = &m.masked[f.start..f.end.min(m.masked.len())];
            return when.is_match(body) || m.expand_macros(body).is_some_and(|t| when.is_match(&t));
        }
    }
    receiver_assigned(m, taint, call, when)
}

/// Whether `when` matches a checked argument's text or, for a variable, what the function
/// assigned it before the call (`$q = "... WHERE id = $id"; mysql_query($q)`).
fn when_in_args(
    m: &Model<'_>,
    call: &crate::syntax::Call<'_>,
    when: &regex::Regex,
    sink: &crate::rule::Sink,
) -> bool {
    let at = call.node.start_byte();
    let func = m.function_at(at);
    let mut positional = 0usize;
    for a in &call.args {
        if a.name.is_some() {
            continue;
        }
        let checked = sink.args.as_ref().is_none_or(|ix| ix.contains(&positional));
        positional += 1;
        if !checked {
            continue;
        }
        let node = match a.node.kind() {
            "argument" => a.node.named_child(0).unwrap_or(a.node),
            _ => a.node,
        };
        if !is_identifier_kind(node.kind()) {
            if when.is_match(m.text(node)) {
                return true;
            }
            continue;
        }
        let name = crate::syntax::normalize_name(m.text(node));
        let built = m
            .assigns
            .iter()
            .filter(|s| s.target == name && s.func == func && s.at <= at)
            .any(|s| when.is_match(m.text(s.value)));
        if built {
            return true;
        }
    }
    false
}

/// Whether what the call's receiver variable was last assigned matches `re`.
fn receiver_assigned(
    m: &Model<'_>,
    taint: &Taint<'_, '_>,
    call: &crate::syntax::Call<'_>,
    re: &regex::Regex,
) -> bool {
    let Some(r) = call.receiver else { return false };
    if !is_identifier_kind(r.kind()) {
        return false;
    }
    let name = crate::syntax::normalize_name(m.text(r));
    taint
        .assignment_of(&name, call.node.start_byte())
        .is_some_and(|i| re.is_match(m.text(m.assigns[i].value)))
}

fn in_context(m: &Model<'_>, ctx: &regex::Regex, at: usize, lines: usize) -> bool {
    let text = m.masked.as_str();
    let mut s = text[..at].rfind('\n').map_or(0, |i| i + 1);
    for _ in 0..lines {
        if s == 0 {
            break;
        }
        s = text[..s - 1].rfind('\n').map_or(0, |i| i + 1);
    }
    let mut e = at;
    for _ in 0..=lines {
        match text[e..].find('\n') {
            Some(i) => e = e + i + 1,
            None => {
                e = text.len();
                break;
            }
        }
    }
    if ctx.is_match(&text[s..e]) {
        return true;
    }
    m.function_at(at)
        .is_some_and(|f| ctx.is_match(&m.functions[f].name))
}

/// Whether the innermost function around `at` carries a decorator matching `d`.
fn decorated_with(m: &Model<'_>, at: usize, d: &regex::Regex) -> bool {
    m.function_at(at)
        .is_some_and(|fi| d.is_match(&m.functions[fi].decorations))
}

/// A returned value that is text being put together (a template, a concatenation, a
/// format call), as opposed to a call whose own semantics decide (`render(tpl, x=y)`).
fn builds_text(m: &Model<'_>, n: Node<'_>) -> bool {
    let k = n.kind();
    if is_literal_kind(k)
        || k.starts_with("binary")
        || k.contains("concat")
        || k.contains("interpolat")
    {
        return true;
    }
    if k.contains("call") || k.contains("invocation") || k == "macro_invocation" {
        let t = m.text(n);
        let callee = t.split('(').next().unwrap_or(t).trim_end_matches('!');
        return callee.ends_with("format")
            || callee.ends_with("sprintf")
            || callee.ends_with("Sprintf")
            || callee.ends_with("join")
            || callee.ends_with("concat")
            || callee.ends_with("Format");
    }
    false
}

/// `#define NAME "value"`: C keeps the value as raw preprocessor text.
fn is_quoted_define(m: &Model<'_>, n: Node<'_>) -> bool {
    n.kind() == "preproc_arg" && {
        let t = m.text(n).trim();
        t.len() >= 2 && t.starts_with('"') && t.ends_with('"')
    }
}

/// A literal that only says it stands in for a value of its kind (`'SampleToken'`,
/// `"your_api_key"`, `'dummy-secret'`): a placeholder waiting for the real one. A bare
/// `"password"` or `"mypassword"` is a real (and weak) password and stays reported.
fn names_itself(literal: &str) -> bool {
    static NAMES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(?:sample|example|dummy|fake|your|some)[_-]?(?:pass(?:word|wd)?|secret|token|(?:api|secret|private)?[_-]?key|credentials?)s?$")
            .expect("placeholder regex")
    });
    let t = literal
        .trim_start_matches(|c: char| c.is_ascii_alphabetic() && c != '"' && c != '\'' && c != '`')
        .trim_matches(|c| c == '"' || c == '\'' || c == '`');
    NAMES.is_match(t)
}

/// A value written into the code: a literal of at least 3 characters, its bytes or chars
/// (`"k3y".getBytes()`, `pw.toCharArray()`), an array of literals (`byte[] iv = {0, 0, ..}`),
/// or a local variable whose latest assignment before the use is one of those.
fn constant_secret<'t>(
    m: &Model<'t>,
    taint: &Taint<'_, 't>,
    n: Node<'t>,
    depth: usize,
) -> Option<Node<'t>> {
    if depth > 3 {
        return None;
    }
    if is_plain_literal(n) {
        return (literal_len(m.text(n)) >= 3 && !names_itself(m.text(n))).then_some(n);
    }
    let k = n.kind();
    if matches!(k, "array_initializer" | "array_creation_expression") {
        let init = if k == "array_initializer" {
            n
        } else {
            n.child_by_field_name("value")?
        };
        let mut c = init.walk();
        let items: Vec<Node<'t>> = init.named_children(&mut c).collect();
        return (items.len() >= 3 && items.iter().all(|i| is_plain_literal(*i))).then_some(n);
    }
    if let Some(call) = m.calls.iter().find(|c| c.node.id() == n.id()) {
        let method = call.callee.rsplit('.').next().unwrap_or("");
        // C#: `Encoding.UTF8.GetBytes(KEY)` is the literal's bytes.
        if method == "GetBytes" && call.callee.contains("Encoding.") && call.args.len() == 1 {
            return constant_secret(m, taint, call.args[0].node, depth + 1);
        }
        if !matches!(
            method,
            "getBytes" | "toCharArray" | "toByteArray" | "encode"
        ) || !call.args.iter().all(|a| is_plain_literal(a.node))
        {
            return None;
        }
        // Kotlin and Swift name no receiver field: `"k3y".toByteArray()`.
        let r = call.receiver.or_else(|| {
            n.named_child(0)
                .filter(|f| is_member_kind(f.kind()) || f.kind() == "navigation_expression")
                .and_then(|f| f.named_child(0))
        })?;
        return constant_secret(m, taint, r, depth + 1);
    }
    if is_identifier_kind(k) {
        let name = crate::syntax::normalize_name(m.text(n));
        let i = taint.assignment_of(&name, n.start_byte())?;
        let a = &m.assigns[i];
        // PHP constants (`define('KEY', '..')`, top-level `$key = '..'`) are global.
        let visible = a.func.is_some() || m.lang == crate::Language::Php;
        return visible
            .then(|| constant_secret(m, taint, a.value, depth + 1))
            .flatten();
    }
    None
}

/// Whether the file defines a function `name` that returns something, every value it
/// returns matching `want` (a callback whose every `return` is `true`).
fn returns_only(m: &Model<'_>, name: &str, want: &regex::Regex) -> bool {
    let mut defined = m
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| f.name == name)
        .peekable();
    defined.peek().is_some()
        && defined.all(|(i, _)| {
            let mut values = m
                .returns
                .iter()
                .filter(|(_, f)| *f == Some(i))
                .map(|(v, _)| m.text(*v).trim())
                .peekable();
            values.peek().is_some() && values.all(|v| want.is_match(v))
        })
}

/// C#: a named argument (`new HtmlString(value: x)`) followed by a positional one must sit in
/// its own parameter's place, and the only argument of a call is its first parameter: there
/// the name is a label and the argument counts by its position.
fn in_position(m: &Model<'_>, call: &crate::syntax::Call<'_>, i: usize) -> bool {
    m.lang == crate::Language::CSharp
        && (call.args.len() == 1 || call.args[i + 1..].iter().any(|a| a.name.is_none()))
}

/// The length of a literal's content, quotes and prefixes aside.
fn literal_len(text: &str) -> usize {
    text.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '@')
        .trim_matches(|c| c == '"' || c == '\'' || c == '`')
        .chars()
        .count()
}

/// A string or number literal with nothing interpolated into it.
fn is_plain_literal(n: Node<'_>) -> bool {
    if !is_literal_kind(n.kind()) {
        return false;
    }
    let mut c = n.walk();
    let plain = n.named_children(&mut c).all(|ch| {
        let k = ch.kind();
        k.contains("content")
            || k.contains("fragment")
            || k.contains("escape")
            || k == "string_start"
            || k == "string_end"
    });
    plain
}

/// The last assignment to the variable `id` in `scope` (a function, or the file's top level):
/// the latest before `id` is read, or the latest anywhere when `ordered` is false; plain `=`
/// only when `plain` is set.
fn last_assignment<'m, 't>(
    m: &'m Model<'t>,
    id: Node<'t>,
    scope: Option<usize>,
    ordered: bool,
    plain: bool,
) -> Option<&'m crate::syntax::Assign<'t>> {
    let name = m.text(id);
    let at = id.start_byte();
    m.assigns
        .iter()
        .filter(|a| {
            a.func == scope
                && a.target == name
                && (a.at <= at || !ordered)
                && !(plain && a.augmented)
        })
        .max_by_key(|a| a.at)
}

/// The value last assigned to the variable `id` before it is read: in its function, or
/// at the top level of the file when the function never assigns it.
fn assigned_value<'t>(m: &Model<'t>, id: Node<'t>) -> Option<Node<'t>> {
    let func = m.function_at(id.start_byte());
    let a = last_assignment(m, id, func, true, false)
        .or_else(|| func.and(last_assignment(m, id, None, false, false)))?;
    Some(sole_item(a.value))
}

/// The object, struct or dict literal last assigned to the variable `id` in its function.
fn literal_assigned<'t>(m: &Model<'t>, id: Node<'t>) -> Option<Node<'t>> {
    let a = last_assignment(m, id, m.function_at(id.start_byte()), true, false)?;
    // `c := Config{..}` (an expression list of one) and `&Config{..}` in Go.
    let mut v = sole_item(a.value);
    if v.kind() == "unary_expression" {
        v = v.named_child(0)?;
    }
    // A Rust tuple prints only through `{:?}`, every element with it.
    (matches!(
        v.kind(),
        "object" | "composite_literal" | "dictionary" | "hash" | "array_creation_expression"
    ) || m.lang == crate::Language::Rust && v.kind() == "tuple_expression")
        .then_some(v)
}

/// The value an object, dict or struct literal gives its field `name`.
fn literal_field<'t>(m: &Model<'t>, lit: Node<'t>, name: &str) -> Option<Node<'t>> {
    // `t.1` of a Rust tuple: its second element.
    if lit.kind() == "tuple_expression" {
        return lit.named_child(name.parse::<u32>().ok()?);
    }
    let mut stack: Vec<Node<'t>> = Vec::new();
    let mut c = lit.walk();
    stack.extend(lit.named_children(&mut c));
    while let Some(n) = stack.pop() {
        match n.kind() {
            "literal_value" => {
                let mut c = n.walk();
                stack.extend(n.named_children(&mut c));
            }
            "pair" | "keyed_element" => {
                let mut c = n.walk();
                let kids: Vec<Node<'t>> = n.named_children(&mut c).collect();
                if let [key, .., value] = kids.as_slice() {
                    if key_name(m, *key) == name {
                        return Some(element_value(*value));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// A literal's key as written, without quotes or a Ruby symbol's colon.
fn key_name<'t>(m: &Model<'t>, key: Node<'t>) -> &'t str {
    m.text(key)
        .trim_matches(|c: char| c == '"' || c == '\'' || c == ':')
}

/// The byte offset of the `n`th comma at the top level of a macro call's parentheses
/// (`assert_eq!(a, b, "msg {}", x)`: the second is before the message), outside strings.
fn top_level_comma(m: &Model<'_>, call: Node<'_>, n: usize) -> Option<usize> {
    let text = m.text(call);
    let open = text.find('(')?;
    let (mut depth, mut seen, mut in_str, mut esc) = (0i32, 0usize, false, false);
    for (i, c) in text[open + 1..].char_indices() {
        if in_str {
            match c {
                _ if esc => esc = false,
                '\\' => esc = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                seen += 1;
                if seen == n {
                    return Some(call.start_byte() + open + 1 + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// What a local variable was last assigned in its function, if that is a reference, a
/// concatenation or a format call that does not mention the variable itself.
fn alias_assigned<'t>(m: &Model<'t>, id: Node<'t>) -> Option<Node<'t>> {
    let name = m.text(id);
    let func = m.function_at(id.start_byte());
    // Rust `write!(&mut buf, "..", x)`: the buffer holds what the macro wrote.
    if let Some(w) = last_assignment(m, id, func, true, false).filter(|a| {
        a.augmented
            && a.value.kind() == "macro_invocation"
            && ["write!", "writeln!"]
                .iter()
                .any(|p| m.text(a.value).starts_with(p))
    }) {
        return Some(w.value);
    }
    let a = last_assignment(m, id, func, true, true)?;
    let v = a.value;
    let k = v.kind();
    let text = m.text(v);
    let mentions_self = text
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|w| w == name);
    static SAME_TEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\w+\.(?:as_str|as_bytes|to_string|to_owned|clone|trim)\(\)$")
            .expect("same-text regex")
    });
    let builds = k == "reference_expression"
        || SAME_TEXT.is_match(text)
        || k.starts_with("binary")
        || k == "string_template"
        || k == "macro_invocation" && text.starts_with("format!")
        || m.lang == crate::Language::Kotlin && is_plain_literal(v);
    (builds && !mentions_self).then_some(v)
}

/// A call that masks, hashes, encrypts or measures its argument (`hash(pw)`, `len(token)`).
fn is_masking_call(m: &Model<'_>, arg: Node<'_>) -> bool {
    let k = arg.kind();
    if !(k.contains("call") || k.contains("invocation")) {
        return false;
    }
    let t = m.text(arg).to_ascii_lowercase();
    let head = t.split('(').next().unwrap_or("");
    [
        "mask", "redact", "hash", "len", "sha", "bcrypt", "digest", "bool", "type", "isset",
        "empty", "length", "count", "crypt",
    ]
    .iter()
    .any(|w| head.contains(w))
        && !head.contains("decrypt")
}

/// Whether the variable `id` holds a masked or hashed value: assigned from a masking call,
/// or copied from a variable that was (`r2 = r1` after `r1 = redact(pw)`), a few copies deep.
fn holds_masked(m: &Model<'_>, id: Node<'_>) -> bool {
    let mut v = id;
    for _ in 0..4 {
        match assigned_value(m, v) {
            Some(value) if is_masking_call(m, value) => return true,
            Some(value) if is_identifier_kind(value.kind()) && value != v => v = value,
            _ => return false,
        }
    }
    false
}

/// A wrapper's parameter logged (`function myLog(x) { console.log(x) }`): the secret-named
/// value a caller in the same file passes for it (`myLog(password)`).
fn secret_from_callers(
    m: &Model<'_>,
    call: &crate::syntax::Call<'_>,
    arg: Node<'_>,
    names: &regex::Regex,
    unless: Option<&regex::Regex>,
) -> Option<String> {
    if !is_identifier_kind(arg.kind()) {
        return None;
    }
    let func = &m.functions[call.func?];
    let param = m.text(arg);
    let mut pos = func.params.iter().position(|p| p == param)?;
    if func
        .params
        .first()
        .is_some_and(|p| p == "self" || p == "cls")
    {
        pos = pos.checked_sub(1)?;
    }
    if func.name.is_empty()
        || m.assigns
            .iter()
            .any(|a| a.func == call.func && a.target == param)
    {
        return None;
    }
    m.calls
        .iter()
        .filter(|c| {
            c.callee.rsplit(['.', ':', '>']).next() == Some(func.name.as_str())
                && !(c.node.start_byte() >= func.start && c.node.end_byte() <= func.end)
        })
        .find_map(|c| {
            let passed = c.args.iter().filter(|a| a.name.is_none()).nth(pos)?;
            let found = sensitive_name(m, passed.node, names, unless)?;
            Some(
                format!("{found} (through `{}`)", func.name)
                    .chars()
                    .take(80)
                    .collect(),
            )
        })
}

/// The first identifier inside `arg` whose name matches `names`, outside string literals
/// and outside calls that mask or hash it.
fn sensitive_name(
    m: &Model<'_>,
    arg: Node<'_>,
    names: &regex::Regex,
    unless: Option<&regex::Regex>,
) -> Option<String> {
    let secret_named =
        |name: &str| names.is_match(name) && !unless.is_some_and(|u| u.is_match(name));
    let k = arg.kind();
    // Credentials by another name: the Authorization header, or whole headers and bodies.
    static WHOLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r#"(?i)^(?:(?:get_?header|header\.get|headers\.get|getheader)\s*\(\s*["'](?:authorization|cookie|x-api-key|proxy-authorization|x-auth-token)["']|\w+\.(?:getheader|header\.get|headers\.get|get_header)\s*\(\s*["'](?:authorization|cookie|x-api-key|proxy-authorization|x-auth-token)["']|(?:dict\s*\(|json\.stringify\s*\(|json\.dumps\s*\()?\s*(?:(?:req|request|r|ctx)\.(?:headers|header|meta|body|form|json|post)|process\.env|os\.environ)\s*\)?$|\$_(?:post|request)|print_r\s*\(\s*\$_(?:post|request))"#,
        )
        .expect("whole-request regex")
    });
    if WHOLE.is_match(m.text(arg).trim()) {
        return Some(m.text(arg).chars().take(60).collect());
    }
    if is_plain_literal(arg) {
        // Rust format strings name captured variables inline (`{password}`, `{token:?}`);
        // Kotlin keeps `$name` inside the string text.
        static TEMPLATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)").expect("template regex")
        });
        let inline = match m.lang {
            crate::Language::Rust => Some(&*crate::taint::RUST_FORMAT_CAPTURE),
            crate::Language::Kotlin => Some(&*TEMPLATE),
            _ => None,
        };
        if let Some(re) = inline {
            for cap in re.captures_iter(m.text(arg)) {
                if secret_named(&cap[1]) {
                    return Some(cap[1].to_string());
                }
            }
        }
        return None;
    }
    if is_masking_call(m, arg) {
        return None;
    }
    // `password.toString()`, `password.trim()`, `password.replace(/foo/g, "*")`: the same
    // secret, unless every character is replaced (`replace(/./g, "*")`).
    if k.contains("call") || k.contains("invocation") {
        if let Some(f) = arg
            .child_by_field_name("function")
            .or_else(|| arg.child_by_field_name("method"))
        {
            let t = m.text(f);
            if let Some((recv, method)) = t.rsplit_once('.') {
                const SAME: &[&str] = &[
                    "toString",
                    "String",
                    "valueOf",
                    "trim",
                    "toUpperCase",
                    "toLowerCase",
                    "strip",
                    "upper",
                    "lower",
                    "replace",
                    "replaceAll",
                    "as_str",
                    "as_bytes",
                    "to_string",
                    "to_owned",
                    "clone",
                ];
                let args = m.text(arg).get(t.len()..).unwrap_or("");
                let whole = args.starts_with("(/./g")
                    || args.starts_with("(/./gu")
                    || args.starts_with("(new RegExp(\".\", \"g\")")
                    || args.starts_with("(new RegExp('.', 'g')");
                let recv_node = f
                    .child_by_field_name("object")
                    .or_else(|| f.child_by_field_name("operand"))
                    .or_else(|| f.child_by_field_name("value"));
                // `format!("..", pw).as_bytes()`: the text the macro built.
                let built = recv_node.is_some_and(|r| r.kind() == "macro_invocation");
                if SAME.contains(&method) && !whole && (!recv.contains('(') || built) {
                    if let Some(r) = recv_node {
                        if let Some(found) = sensitive_name(m, r, names, unless) {
                            return Some(found);
                        }
                    }
                }
            }
        }
    }
    // `{password: crypt(pw)}`: a secret-named key holding a masked or hashed value.
    if k.contains("pair") || k == "keyed_element" || k == "keyword_argument" {
        let mut c = arg.walk();
        let kids: Vec<Node<'_>> = arg.named_children(&mut c).collect();
        // Go wraps keys and values in `literal_element`.
        let value = kids.last().map(|v| element_value(*v));
        if value.is_some_and(|v| is_masking_call(m, v)) {
            return None;
        }
        // `{password: x}`: the key names what the value is.
        if let [key, _, ..] = kids.as_slice() {
            let name = key_name(m, *key);
            if secret_named(name) {
                return Some(name.chars().take(60).collect());
            }
        }
    }
    if is_identifier_kind(k) || is_member_kind(k) {
        let t = m.text(arg);
        // `creds["password"]` names its key; `user.password` its last member.
        let last = match t.strip_suffix(']').and_then(|x| x.rsplit_once('[')) {
            Some((_, key)) => key,
            None => t.rsplit(['.', '>', ':', '$', '@']).next().unwrap_or(t),
        };
        let mut last = last.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
        // C#: `password.Text` is what was typed into the control named `password`.
        if m.lang == crate::Language::CSharp && last == "Text" && is_member_kind(k) {
            let owner = t.rsplit('.').nth(1).unwrap_or("");
            if crate::syntax::is_ident(owner) {
                last = owner;
            }
        }
        if secret_named(last) {
            // `secure_password = crypt(password)`: what the name holds is a digest.
            if is_identifier_kind(k) && holds_masked(m, arg) {
                return None;
            }
            return Some(t.chars().take(60).collect());
        }
        // Inside a Rust macro's tokens `t.1` is three tokens: the tuple's name, `.`, the
        // index. Only that element of a local tuple literal is logged.
        if k == "identifier" && m.lang == crate::Language::Rust {
            let dot = arg.next_sibling().filter(|d| m.text(*d) == ".");
            if let Some(index) = dot
                .and_then(|d| d.next_sibling())
                .filter(|i| i.kind() == "integer_literal")
            {
                return literal_assigned(m, arg)
                    .and_then(|lit| literal_field(m, lit, m.text(index)))
                    .and_then(|v| sensitive_name(m, v, names, unless))
                    .map(|inner| format!("{t} ({inner})").chars().take(60).collect());
            }
        }
        // A local object literal logged whole (`cfg := Config{password: pw}; log.Println(cfg)`):
        // its secret-named keys and values go into the log line.
        if is_identifier_kind(k) {
            if let Some(v) = literal_assigned(m, arg) {
                if let Some(inner) = sensitive_name(m, v, names, unless) {
                    return Some(format!("{t} ({inner})").chars().take(60).collect());
                }
            }
            // Rust and Kotlin: a local that is a reference to, or text built from, a secret
            // (`let m = &password`, `let msg = format!("pw={}", password)`, `"pw=" + pw`).
            if matches!(m.lang, crate::Language::Rust | crate::Language::Kotlin) {
                if let Some(v) = alias_assigned(m, arg) {
                    if let Some(inner) = sensitive_name(m, v, names, unless) {
                        return Some(format!("{t} ({inner})").chars().take(60).collect());
                    }
                }
            }
        }
        // `cfg = {x: password}; log(cfg.x)`: the field of a local literal holds what its
        // key was given.
        // A computed key (`cfg[x]`) names no field; a field named as not secret
        // (`temp.encryptedPassword`) is taken at its word.
        let computed = t.ends_with(']') && !t.ends_with("\"]") && !t.ends_with("']");
        if is_member_kind(k) && !computed && !unless.is_some_and(|u| u.is_match(last)) {
            let object = arg
                .child_by_field_name("object")
                .or_else(|| arg.child_by_field_name("operand"))
                .filter(|o| is_identifier_kind(o.kind()));
            if let Some(v) = object
                .and_then(|o| literal_assigned(m, o))
                .and_then(|lit| literal_field(m, lit, last))
            {
                if let Some(inner) = sensitive_name(m, v, names, unless) {
                    return Some(format!("{t} ({inner})").chars().take(60).collect());
                }
            }
        }
        // A member of a secret (`token.length`) is not the secret.
        return None;
    }
    let mut c = arg.walk();
    let children: Vec<Node<'_>> = arg.named_children(&mut c).collect();
    children
        .into_iter()
        .find_map(|ch| sensitive_name(m, ch, names, unless))
}

/// Drops findings on lines carrying `airlock:allow` with a stated reason; the rule ids
/// after the marker, if any, limit which findings it covers. The comment may also sit
/// alone on the line above.
fn suppress(m: &Model<'_>, out: &mut Vec<CodeFinding>) {
    if !m.src.contains(crate::ALLOW_MARKER) {
        return;
    }
    let lines: Vec<&str> = m.src.lines().collect();
    let allows = |line: usize, rule: &str| -> bool {
        let Some(text) = line.checked_sub(1).and_then(|i| lines.get(i)) else {
            return false;
        };
        let Some(pos) = text.find(crate::ALLOW_MARKER) else {
            return false;
        };
        let rest = text[pos + crate::ALLOW_MARKER.len()..].trim();
        let mut ids = Vec::new();
        let mut reason = rest;
        for word in rest.split_whitespace() {
            if word.contains('-')
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == ',')
            {
                ids.extend(word.split(',').filter(|w| !w.is_empty()));
                reason = reason[reason.find(word).map_or(0, |i| i + word.len())..].trim_start();
            } else {
                break;
            }
        }
        let reason = reason.trim_start_matches([':', '-', '—', ' ']).trim();
        let reason = reason.trim_end_matches(['*', '/', '-', '>', '#']).trim();
        !reason.is_empty() && (ids.is_empty() || ids.contains(&rule))
    };
    out.retain(|f| {
        let above_alone = f.line > 1
            && lines.get(f.line - 2).is_some_and(|l| {
                let t = l.trim_start();
                t.starts_with("//")
                    || t.starts_with('#')
                    || t.starts_with("/*")
                    || t.starts_with("--")
                    || t.starts_with("<!--")
            });
        !(allows(f.line, &f.rule_id) || above_alone && allows(f.line - 1, &f.rule_id))
    });
}

/// Whether the function whose parameter `param` reaches `at` is exported from a JavaScript
/// module (`module.exports = f`, `exports.f = f`, `export function f`, `export { f }`).
fn exported_js(m: &Model<'_>, param: Option<&str>, at: Node<'_>) -> bool {
    use crate::Language::{JavaScript, Tsx, TypeScript};
    if !matches!(m.lang, JavaScript | TypeScript | Tsx) {
        return false;
    }
    let Some(param) = param else { return false };
    // The innermost function around the call that declares the parameter.
    let mut fun = m.function_at(at.start_byte());
    while let Some(i) = fun {
        let f = &m.functions[i];
        if f.params.iter().any(|p| p == param) {
            break;
        }
        fun = m
            .function_at(f.start.saturating_sub(1))
            .filter(|&o| o != i && m.functions[o].start < f.start);
    }
    let Some(name) = fun.map(|i| m.functions[i].name.as_str()) else {
        return false;
    };
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        return false;
    }
    let n = regex::escape(name);
    regex::Regex::new(&format!(
        r"\bmodule\.exports\s*=\s*{n}\b|\b(?:module\.)?exports\.[\w$]+\s*=\s*{n}\b|\bmodule\.exports\s*=\s*\{{[^}}]*\b{n}\b|\bexport\s+(?:default\s+)?(?:async\s+)?function\s*\*?\s*{n}\b|\bexport\s+default\s+{n}\b|\bexport\s*\{{[^}}]*\b{n}\b|\bexport\s+(?:const|let|var)\s+{n}\b"
    ))
    .is_ok_and(|r| r.is_match(&m.masked))
}

/// Whether the function, before `call`, checks the path argument `arg` the way `template`
/// (with `{arg}` for the argument's name) describes: C's `realpath(path, real)` followed by
/// `strncmp(real, base, strlen(base))`.
fn checked_before(
    m: &Model<'_>,
    call: &crate::syntax::Call<'_>,
    arg: Node<'_>,
    template: &str,
) -> bool {
    let text = m.text(arg).trim();
    let name = text
        .strip_suffix(".c_str()")
        .or_else(|| text.strip_suffix(".data()"))
        .unwrap_or(text);
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    let at = call.node.start_byte();
    let Some(f) = m.function_at(at) else {
        return false;
    };
    let start = m.functions[f].start.min(at);
    let before = &m.masked[start..at];
    regex::Regex::new(&template.replace("{arg}", &regex::escape(name)))
        .is_ok_and(|r| r.is_match(before))
}

/// Whether the value `call` builds is assigned to a variable that a check (`startsWith`,
/// an allowlist, a full match) tests later in the same function.
fn checked_later(m: &Model<'_>, taint: &Taint<'_, '_>, call: &crate::syntax::Call<'_>) -> bool {
    let (cs, ce) = (call.node.start_byte(), call.node.end_byte());
    let Some(a) = m
        .assigns
        .iter()
        .find(|a| !a.augmented && a.value.start_byte() <= cs && ce <= a.value.end_byte())
    else {
        return false;
    };
    let end = match a.func {
        Some(f) => m.functions[f].end,
        None => m.masked.len(),
    };
    taint.guarded(&a.target, a.at, end)
}
