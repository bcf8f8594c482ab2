//! Control flow, coarsely: whether an assignment runs whenever a later use runs, and
//! conditions that are constant (`(7 * 18) + num > 200` with `int num = 106`), so that a
//! branch that never runs neither taints nor cleans a value.

use tree_sitter::Node;

use super::Taint;

/// Whether an assignment reaches a later use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// It sits in a branch a constant condition rules out.
    Never,
    /// It sits in a branch, loop body or handler the use is not in.
    Maybe,
    /// It runs whenever the use runs.
    Always,
}

/// A value known while reading the code.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Int(i64),
    Bool(bool),
    Str(String),
    Char(char),
}

const IF_KINDS: &[&str] = &["if_statement", "if_expression", "if", "unless"];
const TERNARY_KINDS: &[&str] = &[
    "ternary_expression",
    "conditional_expression",
    "conditional",
];
const LOOP_KINDS: &[&str] = &[
    "for_statement",
    "enhanced_for_statement",
    "for_in_statement",
    "foreach_statement",
    "for_expression",
    "while_statement",
    "while_expression",
    "do_statement",
    "loop_expression",
    "while",
    "until",
    "for",
    "while_modifier",
    "until_modifier",
];
const HANDLER_KINDS: &[&str] = &[
    "catch_clause",
    "except_clause",
    "rescue",
    "catch_block",
    "finally_clause",
    "elif_clause",
    "match_arm",
    "case_clause",
    "when_entry",
    "switch_case",
    "switch_default",
    "switch_section",
    "expression_case",
    "default_case",
    "type_case",
    "case_statement",
    "when",
    "if_modifier",
    "unless_modifier",
    "binary_expression",
    "boolean_operator",
];

impl<'t> Taint<'_, 't> {
    /// Whether the assignment whose value is `value` reaches a use at byte `at`.
    pub(super) fn reach(&self, value: Node<'t>, at: usize) -> Reach {
        let mut state = Reach::Always;
        let mut child = value;
        while let Some(p) = child.parent() {
            if p.start_byte() <= at && at < p.end_byte() {
                // A loop body against a use in the loop's `else`: the body may not have run.
                let body = p.child_by_field_name("body");
                if LOOP_KINDS.contains(&p.kind())
                    && body.is_some_and(|b| b.id() == child.id())
                    && !(child.start_byte() <= at && at < child.end_byte())
                {
                    if self.never_runs(p, child) {
                        return Reach::Never;
                    }
                    state = Reach::Maybe;
                }
                break;
            }
            let kind = p.kind();
            if IF_KINDS.contains(&kind) || TERNARY_KINDS.contains(&kind) {
                match self.branch_taken(p, child) {
                    Some(true) => {}
                    Some(false) => return Reach::Never,
                    None => {
                        if !self.in_condition(p, child) {
                            state = Reach::Maybe;
                        }
                    }
                }
            } else if kind == "case_clause" && self.m.lang == crate::Language::Python {
                match self.match_taken(p) {
                    Some(true) => {}
                    Some(false) => return Reach::Never,
                    None => state = Reach::Maybe,
                }
            } else if kind == "switch_block_statement_group" || kind == "switch_rule" {
                match self.switch_group_taken(p) {
                    Some(true) => {}
                    Some(false) => return Reach::Never,
                    None => state = Reach::Maybe,
                }
            } else if matches!(kind, "switch_case" | "switch_default")
                && matches!(
                    self.m.lang,
                    crate::Language::JavaScript
                        | crate::Language::TypeScript
                        | crate::Language::Tsx
                )
                || matches!(kind, "expression_case" | "default_case")
                    && self.m.lang == crate::Language::Go
            {
                match self.case_taken(p) {
                    Some(true) => {}
                    Some(false) => return Reach::Never,
                    None => state = Reach::Maybe,
                }
            } else if LOOP_KINDS.contains(&kind) && self.never_runs(p, child) {
                return Reach::Never;
            } else if LOOP_KINDS.contains(&kind) || HANDLER_KINDS.contains(&kind) {
                // `&&`/`||` only when the assignment is on the right of it.
                if kind == "binary_expression" || kind == "boolean_operator" {
                    let op = p
                        .child_by_field_name("operator")
                        .map(|o| self.m.text(o))
                        .unwrap_or("");
                    let right = p.child_by_field_name("right");
                    if matches!(op, "&&" | "||" | "and" | "or")
                        && right.is_some_and(|r| r.id() == child.id())
                    {
                        state = Reach::Maybe;
                    }
                } else {
                    state = Reach::Maybe;
                }
            }
            child = p;
        }
        state
    }

    /// The branches of a conditional expression that can yield its value: the one a
    /// constant condition selects, else both (never the condition itself).
    pub(super) fn ternary_branches(&self, n: Node<'t>) -> Option<Vec<Node<'t>>> {
        if !TERNARY_KINDS.contains(&n.kind()) {
            return None;
        }
        let (cond, yes, no) = self.parts(n)?;
        // `url if url_is_safe else "/"`: the value passes only when a check said so.
        let checked = {
            let c = self.m.text(cond).to_ascii_lowercase();
            [
                "safe",
                "allowed",
                "valid",
                "permitted",
                "trusted",
                "whitelist",
                "allowlist",
            ]
            .iter()
            .any(|w| c.contains(w))
                && !c.contains("unsafe")
                && !c.contains("invalid")
                && !c.contains("not ")
                && !c.starts_with('!')
        };
        if checked && no.is_some_and(|b| crate::taint::is_literal_kind(b.kind())) {
            return Some(Vec::new());
        }
        Some(match self.konst_val(cond, 0) {
            Some(Val::Bool(true)) => vec![yes],
            Some(Val::Bool(false)) => no.into_iter().collect(),
            _ => std::iter::once(yes).chain(no).collect(),
        })
    }

    /// Condition, then-branch and else-branch of an `if` or a conditional expression.
    fn parts(&self, n: Node<'t>) -> Option<(Node<'t>, Node<'t>, Option<Node<'t>>)> {
        if n.kind() == "conditional_expression" && self.m.lang == crate::Language::Python {
            // `a if cond else b`
            let yes = n.named_child(0)?;
            let cond = n.named_child(1)?;
            return Some((cond, yes, n.named_child(2)));
        }
        let cond = n.child_by_field_name("condition")?;
        let yes = n
            .child_by_field_name("consequence")
            .or_else(|| n.child_by_field_name("body"))?;
        let no = n.child_by_field_name("alternative");
        Some((cond, yes, no))
    }

    /// Whether `n` sits in the branch an enclosing `if` takes when its condition holds, and
    /// that condition matches `guard` (`if (env.isTestEnv()) { log(password) }`).
    pub fn guarded_by(&self, n: Node<'t>, guard: &regex::Regex) -> bool {
        let mut child = n;
        while let Some(p) = child.parent() {
            if IF_KINDS.contains(&p.kind()) && p.kind() != "unless" {
                if let Some((cond, yes, _)) = self.parts(p) {
                    if yes.start_byte() <= child.start_byte()
                        && child.end_byte() <= yes.end_byte()
                        && guard.is_match(self.m.text(cond))
                    {
                        return true;
                    }
                }
            }
            child = p;
        }
        false
    }

    fn in_condition(&self, p: Node<'t>, child: Node<'t>) -> bool {
        self.parts(p).is_some_and(|(c, _, _)| {
            c.start_byte() <= child.start_byte() && child.end_byte() <= c.end_byte()
        })
    }

    /// Whether `child` (a part of the `if`/conditional `p`) runs: `Some(true)` when the
    /// condition is constant and selects it.
    fn branch_taken(&self, p: Node<'t>, child: Node<'t>) -> Option<bool> {
        let (cond, yes, _) = self.parts(p)?;
        if cond.start_byte() <= child.start_byte() && child.end_byte() <= cond.end_byte() {
            return Some(true);
        }
        let Val::Bool(v) = self.konst_val(cond, 0)? else {
            return None;
        };
        let in_yes = yes.start_byte() <= child.start_byte() && child.end_byte() <= yes.end_byte();
        let negated = matches!(p.kind(), "unless");
        Some(in_yes == (v != negated))
    }

    /// For one group of a Java `switch` on a constant: whether its labels select it.
    fn switch_group_taken(&self, group: Node<'t>) -> Option<bool> {
        let block = group.parent()?;
        let switch = block.parent()?;
        let selector = switch.child_by_field_name("condition")?;
        let want = self.konst_val(selector, 0)?;
        let labels_of = |g: Node<'t>| -> Vec<Node<'t>> {
            let mut c = g.walk();
            g.named_children(&mut c)
                .filter(|x| x.kind() == "switch_label")
                .collect()
        };
        let matches = |g: Node<'t>| -> bool {
            labels_of(g).iter().any(|l| {
                let mut c = l.walk();
                let found = l
                    .named_children(&mut c)
                    .any(|v| self.konst_val(v, 0).is_some_and(|x| x == want));
                found
            })
        };
        let is_default = |g: Node<'t>| {
            labels_of(g)
                .iter()
                .any(|l| self.m.text(*l).trim_start().starts_with("default"))
        };
        let mut c = block.walk();
        let groups: Vec<Node<'t>> = block
            .named_children(&mut c)
            .filter(|g| g.kind() == group.kind())
            .collect();
        // The group the selector lands in (or `default`), and those it falls through to.
        let start = groups
            .iter()
            .position(|g| matches(*g))
            .or_else(|| groups.iter().position(|g| is_default(*g)))?;
        for g in &groups[start..] {
            if g.id() == group.id() {
                return Some(true);
            }
            let text = self.m.text(*g);
            if text.contains("break") || text.contains("return") || group.kind() == "switch_rule" {
                break;
            }
        }
        Some(false)
    }

    /// For one `case` of a Python `match` on a constant: whether it is the case that runs
    /// (the first whose literal patterns, or `_`, match). `None` when a case before it or
    /// the case itself has a pattern other than literals, `|` of literals and `_`.
    fn match_taken(&self, clause: Node<'t>) -> Option<bool> {
        let block = clause.parent()?;
        let stmt = block.parent()?;
        if stmt.kind() != "match_statement" {
            return None;
        }
        let subject = stmt.child_by_field_name("subject")?;
        let want = self.konst_val(subject, 0)?;
        let mut c = block.walk();
        for k in block.named_children(&mut c) {
            if k.kind() != "case_clause" {
                continue;
            }
            let text = self.m.text(k);
            let head = text.strip_prefix("case")?;
            let pattern = &head[..head.find(':')?];
            let mut hit = false;
            for alt in pattern.split('|') {
                let alt = alt.trim();
                if alt == "_" {
                    hit = true;
                    continue;
                }
                let v = key_text(alt)?;
                hit |= v == want
                    || matches!((&v, &want), (Val::Str(a), Val::Char(b)) if a.chars().eq(std::iter::once(*b)));
            }
            if hit {
                return Some(k.id() == clause.id());
            }
            if k.id() == clause.id() {
                return Some(false);
            }
        }
        Some(false)
    }

    /// The value of a constant expression: literals, arithmetic and comparisons on them,
    /// names assigned once from one, and `"ABC".charAt(1)`.
    fn konst_val(&self, n: Node<'t>, depth: usize) -> Option<Val> {
        if depth > 12 {
            return None;
        }
        let m = self.m;
        let text = m.text(n).trim();
        let kind = n.kind();
        match kind {
            "parenthesized_expression" | "parenthesized_expression_list" => {
                return self.konst_val(n.named_child(0)?, depth + 1);
            }
            "true" => return Some(Val::Bool(true)),
            "false" => return Some(Val::Bool(false)),
            "character_literal" | "char_literal" => {
                let inner = text.strip_prefix('\'')?.strip_suffix('\'')?;
                let mut chars = inner.chars();
                let c = chars.next()?;
                return (chars.next().is_none() && c != '\\').then_some(Val::Char(c));
            }
            _ => {}
        }
        if matches!(text, "true" | "True") {
            return Some(Val::Bool(true));
        }
        if matches!(text, "false" | "False") {
            return Some(Val::Bool(false));
        }
        if kind.contains("integer") || kind == "number" || kind == "int_literal" {
            let digits: String = text
                .trim_end_matches(['L', 'l', 'u', 'U'])
                .chars()
                .filter(|c| *c != '_')
                .collect();
            return digits.parse::<i64>().ok().map(Val::Int);
        }
        if crate::taint::is_literal_kind(kind) {
            // A plain string without interpolation.
            let has_parts = {
                let mut c = n.walk();
                let parts = n.named_children(&mut c).any(|ch| {
                    !matches!(
                        ch.kind(),
                        "string_fragment"
                            | "string_content"
                            | "string_start"
                            | "string_end"
                            | "interpreted_string_literal_content"
                            | "raw_string_literal_content"
                    )
                });
                parts
            };
            if !has_parts {
                let q = text.chars().next()?;
                if matches!(q, '"' | '\'') && text.len() >= 2 && text.ends_with(q) {
                    return Some(Val::Str(text[1..text.len() - 1].to_string()));
                }
            }
            return None;
        }
        if crate::taint::is_identifier_kind(kind) {
            let (defs, certain) =
                self.reaching(&crate::syntax::normalize_name(text), n.start_byte());
            if certain
                && defs.len() == 1
                && !m.assigns[defs[0]].augmented
                && (self.at_entry.get() || !self.stepped(text, m.assigns[defs[0]].at))
            {
                return self.konst_val(m.assigns[defs[0]].value, depth + 1);
            }
            return None;
        }
        if kind == "unary_expression"
            || kind == "unary_operator"
            || kind == "not_operator"
            || kind == "prefix_unary_expression"
        {
            let operand = n
                .child_by_field_name("operand")
                .or_else(|| n.child_by_field_name("argument"))
                .or_else(|| n.named_child(n.named_child_count().checked_sub(1)? as u32))?;
            let v = self.konst_val(operand, depth + 1)?;
            return match (text.chars().next()?, v) {
                ('!', Val::Bool(b)) | ('n', Val::Bool(b)) => Some(Val::Bool(!b)),
                ('-', Val::Int(i)) => Some(Val::Int(i.checked_neg()?)),
                _ => None,
            };
        }
        if kind.starts_with("binary")
            || kind == "comparison_operator"
            || kind == "boolean_operator"
            || kind == "additive_expression"
            || kind == "multiplicative_expression"
            || kind == "comparison_expression"
            || kind == "equality_expression"
        {
            let count = n.named_child_count();
            let l = n.child_by_field_name("left").or_else(|| n.named_child(0))?;
            let r = n
                .child_by_field_name("right")
                .or_else(|| n.named_child((count.checked_sub(1)?) as u32))?;
            if l.id() == r.id() {
                return None;
            }
            let op = m.src[l.end_byte()..r.start_byte()].trim();
            let a = self.konst_val(l, depth + 1)?;
            let b = self.konst_val(r, depth + 1)?;
            return binop(op, a, b);
        }
        // Python's `possible[1]` with `possible = "ABC"`: a one-character string.
        if kind == "subscript" && m.lang == crate::Language::Python {
            let value = n.child_by_field_name("value")?;
            let index = n.child_by_field_name("subscript")?;
            let Val::Str(s) = self.konst_val(value, depth + 1)? else {
                return None;
            };
            let Val::Int(i) = self.konst_val(index, depth + 1)? else {
                return None;
            };
            let chars: Vec<char> = s.chars().collect();
            let i = if i < 0 { i + chars.len() as i64 } else { i };
            return chars
                .get(usize::try_from(i).ok()?)
                .map(|c| Val::Str(c.to_string()));
        }
        // `len(s)` of a local literal.
        if let Some(v) = self.literal_len(n) {
            return Some(v);
        }
        // `"ABC".charAt(1)`, `guess.charAt(i)`
        if kind == "method_invocation" {
            let name = n.child_by_field_name("name").map(|x| m.text(x))?;
            let object = n.child_by_field_name("object")?;
            let args = n.child_by_field_name("arguments")?;
            if name == "charAt" && args.named_child_count() == 1 {
                let Val::Str(s) = self.konst_val(object, depth + 1)? else {
                    return None;
                };
                let Val::Int(i) = self.konst_val(args.named_child(0)?, depth + 1)? else {
                    return None;
                };
                return s.chars().nth(usize::try_from(i).ok()?).map(Val::Char);
            }
        }
        None
    }
}

impl Taint<'_, '_> {
    /// Whether `name` is stepped with `++`/`--` in the function holding byte `at` (a loop
    /// counter: `i := 0` is not its value on every pass).
    fn stepped(&self, name: &str, at: usize) -> bool {
        let m = self.m;
        let (start, end) = m.function_at(at).map_or((0, m.src.len()), |f| {
            (m.functions[f].start, m.functions[f].end)
        });
        let body = &m.masked[start..end];
        let mut from = 0;
        while let Some(i) = body[from..].find(name) {
            let s = from + i;
            let e = s + name.len();
            from = e;
            let before = body[..s].chars().next_back();
            let after = body[e..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                || after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            let pre = body[..s].trim_end();
            let post = body[e..].trim_start();
            if pre.ends_with("++")
                || pre.ends_with("--")
                || post.starts_with("++")
                || post.starts_with("--")
            {
                return true;
            }
        }
        false
    }
}

fn binop(op: &str, a: Val, b: Val) -> Option<Val> {
    use Val::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => match op {
            "+" => Int(x.checked_add(y)?),
            "-" => Int(x.checked_sub(y)?),
            "*" => Int(x.checked_mul(y)?),
            "/" | "//" if y != 0 => Int(x.checked_div(y)?),
            "%" if y != 0 => Int(x.checked_rem(y)?),
            ">" => Bool(x > y),
            "<" => Bool(x < y),
            ">=" => Bool(x >= y),
            "<=" => Bool(x <= y),
            "==" | "===" => Bool(x == y),
            "!=" | "!==" => Bool(x != y),
            _ => return None,
        },
        (Bool(x), Bool(y)) => match op {
            "&&" | "and" => Bool(x && y),
            "||" | "or" => Bool(x || y),
            "==" | "===" => Bool(x == y),
            "!=" | "!==" => Bool(x != y),
            _ => return None,
        },
        (Char(x), Char(y)) => match op {
            "==" => Bool(x == y),
            "!=" => Bool(x != y),
            _ => return None,
        },
        _ => return None,
    })
}

/// What a container built in straight-line code holds, in order.
enum Slots<'t> {
    List(Vec<Node<'t>>),
    Map(Vec<(String, Node<'t>)>),
}

impl<'t> Taint<'_, 't> {
    /// The latest plain (not augmented) assignment to `name` before `at` in the function
    /// around `at`.
    fn latest_plain_assign(&self, name: &str, at: usize) -> Option<&crate::syntax::Assign<'t>> {
        let func = self.m.function_at(at);
        self.m
            .assigns
            .iter()
            .filter(|a| a.target == name && a.at <= at && a.func == func && !a.augmented)
            .max_by_key(|a| a.at)
    }

    /// `list.get(1)` or `map.get("keyA")` on a local list or map filled by straight-line
    /// `add`/`put`/`remove` calls: the one value that comes back. `None` when the
    /// container or the key is not that simple.
    pub(super) fn container_get(&self, call: &crate::syntax::Call<'t>) -> Option<Node<'t>> {
        let m = self.m;
        let method = call.callee.rsplit('.').next()?;
        if method != "get" || call.args.len() != 1 {
            return None;
        }
        let recv = call.receiver?;
        if recv.kind() != "identifier" {
            return None;
        }
        let name = crate::syntax::normalize_name(m.text(recv));
        let key = self.konst_val(call.args[0].node, 0)?;
        let at = call.node.start_byte();
        // The container's creation: the latest plain assignment, an empty constructor.
        let base = self.latest_plain_assign(&name, at)?;
        let created = m.text(base.value);
        let compact: String = created.chars().filter(|c| !c.is_whitespace()).collect();
        // `Arrays.asList(a, b)`, `List.of(a, b)`: a list made of its arguments, in order.
        let listed = ["Arrays.asList(", "List.of("]
            .iter()
            .any(|f| compact.starts_with(f) || compact.starts_with(&format!("java.util.{f}")));
        let mut slots = if listed {
            let made = m.calls.iter().find(|c| c.node == base.value)?;
            Slots::List(made.args.iter().map(|a| a.node).collect())
        } else if created.contains("List<")
            || created.contains("ArrayList")
            || created.contains("LinkedList")
        {
            Slots::List(Vec::new())
        } else if created.contains("Map<")
            || created.contains("HashMap")
            || created.contains("TreeMap")
        {
            Slots::Map(Vec::new())
        } else {
            return None;
        };
        if !(listed || compact.ends_with("()")) || self.reach(base.value, at) != Reach::Always {
            return None;
        }
        // Every call on the container between its creation and this use, in order.
        let mut ops: Vec<&crate::syntax::Call<'t>> = m
            .calls
            .iter()
            .filter(|c| {
                c.node.start_byte() > base.at
                    && c.node.end_byte() <= at
                    && c.receiver.is_some_and(|r| {
                        r.kind() == "identifier" && crate::syntax::normalize_name(m.text(r)) == name
                    })
            })
            .collect();
        ops.sort_by_key(|c| c.node.start_byte());
        for op in ops {
            let verb = op.callee.rsplit('.').next().unwrap_or("");
            let reads_only = matches!(
                verb,
                "get"
                    | "size"
                    | "isEmpty"
                    | "contains"
                    | "containsKey"
                    | "toString"
                    | "iterator"
                    | "stream"
            );
            if reads_only {
                continue;
            }
            if self.reach(op.node, at) != Reach::Always {
                return None;
            }
            let args: Vec<Node<'t>> = op.args.iter().map(|a| a.node).collect();
            match (&mut slots, verb, args.as_slice()) {
                (Slots::List(v), "add", [x]) => v.push(*x),
                (Slots::List(v), "add", [i, x]) => {
                    let Val::Int(i) = self.konst_val(*i, 0)? else {
                        return None;
                    };
                    let i = usize::try_from(i).ok().filter(|i| *i <= v.len())?;
                    v.insert(i, *x);
                }
                (Slots::List(v), "remove", [i]) => {
                    let Val::Int(i) = self.konst_val(*i, 0)? else {
                        return None;
                    };
                    let i = usize::try_from(i).ok().filter(|i| *i < v.len())?;
                    v.remove(i);
                }
                (Slots::List(v), "set", [i, x]) => {
                    let Val::Int(i) = self.konst_val(*i, 0)? else {
                        return None;
                    };
                    *v.get_mut(usize::try_from(i).ok()?)? = *x;
                }
                (Slots::List(v), "clear", []) => v.clear(),
                (Slots::Map(v), "put", [k, x]) => {
                    let Val::Str(k) = self.konst_val(*k, 0)? else {
                        return None;
                    };
                    v.retain(|(key, _)| *key != k);
                    v.push((k, *x));
                }
                (Slots::Map(v), "remove", [k]) => {
                    let Val::Str(k) = self.konst_val(*k, 0)? else {
                        return None;
                    };
                    v.retain(|(key, _)| *key != k);
                }
                (Slots::Map(v), "clear", []) => v.clear(),
                _ => return None,
            }
        }
        match (slots, key) {
            (Slots::List(v), Val::Int(i)) => v.get(usize::try_from(i).ok()?).copied(),
            (Slots::Map(v), Val::Str(k)) => {
                v.into_iter().find(|(key, _)| *key == k).map(|(_, x)| x)
            }
            _ => None,
        }
    }
}

/// The key configparser keeps an option under: its section and its name.
fn section_key(section: Val, option: Val) -> Option<Val> {
    match (section, option) {
        (Val::Str(s), Val::Str(o)) => Some(Val::Str(format!("{s}\u{1}{o}"))),
        _ => None,
    }
}

/// One key of a collection: an index or a string key.
fn key_text(raw: &str) -> Option<Val> {
    let t = raw.trim();
    let q = t.chars().next()?;
    if matches!(q, '"' | '\'') && t.len() >= 2 && t.ends_with(q) {
        let inner = &t[1..t.len() - 1];
        return (!inner.contains(['\\', '{', '$'])).then(|| Val::Str(inner.to_string()));
    }
    t.parse::<i64>().ok().map(Val::Int)
}

const LIST_KINDS: &[&str] = &[
    "list",
    "array",
    "tuple",
    "array_expression",
    "array_initializer",
];
const DICT_KINDS: &[&str] = &["dictionary", "object"];
const SPREAD_KINDS: &[&str] = &["list_splat", "spread_element", "variadic_argument"];

impl<'t> Taint<'_, 't> {
    /// The expression an element read with a constant key (`s[1]`, `d["a"]["b"]`,
    /// `m.get("k")`) holds, when this function's code says which: the latest store under that
    /// key (`m["k"] = v`, `m.set("k", v)`) that runs whenever the read runs, else the entry of
    /// the collection literal the variable was made from. `None` when a store under a key we
    /// cannot read, or a call that may change the collection, comes in between.
    pub(super) fn element(&self, n: Node<'t>) -> Option<Node<'t>> {
        let object = n
            .child_by_field_name("value")
            .or_else(|| n.child_by_field_name("object"))
            .or_else(|| n.child_by_field_name("operand"))
            .or_else(|| n.child_by_field_name("array"))?;
        let index = n
            .child_by_field_name("subscript")
            .or_else(|| n.child_by_field_name("index"))?;
        let key = self.konst_val(index, 0)?;
        self.entry(object, key, n.start_byte(), 0)
    }

    /// `container.get(key)` with a constant key; configparser's `conf.get(section, option)`
    /// with constant ones.
    pub(super) fn element_get(&self, call: &crate::syntax::Call<'t>) -> Option<Node<'t>> {
        if call.callee.rsplit('.').next()? != "get" {
            return None;
        }
        let recv = call.receiver?;
        let key = match call.args.as_slice() {
            [k] => self.konst_val(k.node, 0)?,
            [sec, k]
                if self.m.lang == crate::Language::Python
                    && sec.name.is_none()
                    && k.name.is_none() =>
            {
                section_key(self.konst_val(sec.node, 0)?, self.konst_val(k.node, 0)?)?
            }
            _ => return None,
        };
        self.entry(recv, key, call.node.start_byte(), 0)
    }

    /// What `lst.pop()`, `lst.pop(i)` (Python) or `arr.pop()`, `arr.shift()` (JavaScript)
    /// takes out of a list whose calls `list_slot` can follow: the item at that index.
    pub(super) fn popped(&self, call: &crate::syntax::Call<'t>) -> Option<Node<'t>> {
        let m = self.m;
        let recv = call.receiver?;
        if !crate::taint::is_identifier_kind(recv.kind()) {
            return None;
        }
        let python = m.lang == crate::Language::Python;
        let want = match (call.callee.rsplit('.').next()?, call.args.as_slice()) {
            ("pop", []) => -1,
            ("pop", [i]) if python && i.name.is_none() => match self.konst_val(i.node, 0)? {
                Val::Int(i) => i,
                _ => return None,
            },
            ("shift", []) if !python => 0,
            _ => return None,
        };
        let name = crate::syntax::normalize_name(m.text(recv));
        let at = call.node.start_byte();
        let (from, lit) = self.list_base(&name, at)?;
        self.list_slot(&name, from, lit, want, at)
    }

    /// Where and from which list literal the Python list (or JavaScript array) `name` read at
    /// `at` was made, when that assignment always runs before the read and everything assigned
    /// to `name` since is a method call on it (`append`, `insert`, `push`, `unshift`).
    fn list_base(&self, name: &str, at: usize) -> Option<(usize, Node<'t>)> {
        let m = self.m;
        let literal = match m.lang {
            crate::Language::Python => "list",
            crate::Language::JavaScript | crate::Language::TypeScript => "array",
            _ => return None,
        };
        let base = self.latest_plain_assign(name, at)?;
        if base.value.kind() != literal
            || self.reach(base.value, at) != Reach::Always
            || self.part_of(base).is_some()
        {
            return None;
        }
        let only_calls = m
            .assigns
            .iter()
            .filter(|a| a.target == name && a.at > base.at && a.at <= at && a.func == base.func)
            .all(|a| {
                a.augmented
                    && matches!(a.value.kind(), "call" | "call_expression")
                    && m.calls.iter().any(|c| {
                        c.node.id() == a.value.id()
                            && c.receiver
                                .is_some_and(|r| crate::syntax::normalize_name(m.text(r)) == name)
                    })
            });
        only_calls.then_some((base.at, base.value))
    }

    /// `lst[want]` where `lst` was made from the list literal `lit` at `from` and then only
    /// changed by `append`/`push`, `insert`, `unshift`, `pop`, `shift` and `clear` calls that
    /// run whenever the read at `at` runs: the item at that index.
    fn list_slot(
        &self,
        name: &str,
        from: usize,
        lit: Node<'t>,
        want: i64,
        at: usize,
    ) -> Option<Node<'t>> {
        let m = self.m;
        let func = m.function_at(at);
        let mut items: Vec<Node<'t>> = Vec::new();
        let mut c = lit.walk();
        for k in lit.named_children(&mut c) {
            if k.kind().contains("comment") {
                continue;
            }
            if SPREAD_KINDS.contains(&k.kind()) {
                return None;
            }
            items.push(k);
        }
        // A store through an index or a field in between: not followed.
        let stored = m.assigns.iter().any(|a| {
            a.func == func
                && a.at > from
                && a.at < at
                && a.target.len() > name.len()
                && a.target.starts_with(name)
                && a.target[name.len()..].starts_with(['.', '['])
        });
        if stored {
            return None;
        }
        let mut ops: Vec<&crate::syntax::Call<'t>> = Vec::new();
        for c in &m.calls {
            let s = c.node.start_byte();
            if c.func != func || s <= from || s >= at {
                continue;
            }
            if c.args.iter().any(|x| m.text(x.node).trim() == name) {
                return None;
            }
            if c.receiver
                .is_some_and(|r| crate::syntax::normalize_name(m.text(r)) == name)
            {
                ops.push(c);
            }
        }
        ops.sort_by_key(|c| c.node.start_byte());
        let index = |len: usize, v: Val| -> Option<usize> {
            let Val::Int(i) = v else { return None };
            let i = if i < 0 { i + len as i64 } else { i };
            usize::try_from(i).ok()
        };
        for op in ops {
            let verb = op.callee.rsplit('.').next().unwrap_or("");
            if matches!(verb, "index" | "count" | "copy") {
                continue;
            }
            if self.reach(op.node, at) != Reach::Always || op.args.iter().any(|a| a.name.is_some())
            {
                return None;
            }
            let args: Vec<Node<'t>> = op.args.iter().map(|a| a.node).collect();
            match (verb, args.as_slice()) {
                ("append" | "push", [x]) => items.push(*x),
                ("unshift", [x]) => items.insert(0, *x),
                ("shift", []) => {
                    if items.is_empty() {
                        return None;
                    }
                    items.remove(0);
                }
                ("insert", [i, x]) => {
                    let i = index(items.len(), self.konst_val(*i, 0)?)?.min(items.len());
                    items.insert(i, *x);
                }
                ("pop", []) => {
                    items.pop()?;
                }
                ("pop", [i]) => {
                    let i = index(items.len(), self.konst_val(*i, 0)?)?;
                    if i >= items.len() {
                        return None;
                    }
                    items.remove(i);
                }
                ("clear", []) => items.clear(),
                _ => return None,
            }
        }
        let i = index(items.len(), Val::Int(want))?;
        items.get(i).copied()
    }

    fn entry(&self, object: Node<'t>, key: Val, at: usize, depth: usize) -> Option<Node<'t>> {
        if depth > 6 {
            return None;
        }
        let m = self.m;
        let kind = object.kind();
        if crate::taint::is_identifier_kind(kind) {
            let name = crate::syntax::normalize_name(m.text(object));
            // A Python list made from a literal and then filled by method calls.
            if let Val::Int(want) = key {
                if let Some(item) = self
                    .list_base(&name, at)
                    .and_then(|(from, lit)| self.list_slot(&name, from, lit, want, at))
                {
                    return Some(item);
                }
            }
            let (defs, certain) = self.reaching(&name, at);
            let [def] = defs.as_slice() else {
                return None;
            };
            let def = &m.assigns[*def];
            if !certain || def.augmented {
                return None;
            }
            // `r1, r2, *rest = [..]`: `rest[i]` is item `i + 2` of the literal; `a, b = [..]`:
            // `b` is its second item.
            if let Some((k, rest)) = self.part_of(def) {
                let lit = crate::syntax::sole_item(def.value);
                if !LIST_KINDS.contains(&lit.kind()) || self.touched(&name, def.at, at) {
                    return None;
                }
                return match (rest, key) {
                    (true, Val::Int(i)) if i >= 0 => {
                        self.literal_entry(lit, &Val::Int(i + k as i64), depth)
                    }
                    (true, _) => None,
                    (false, key) => {
                        let item = self.literal_entry(lit, &Val::Int(k as i64), depth)?;
                        self.literal_entry(item, &key, depth + 1)
                    }
                };
            }
            let func = m.function_at(at);
            // `s = arr[1:]` then `s[0]`.
            if let (Some((base, start)), Val::Int(i)) =
                (self.sliced(crate::syntax::sole_item(def.value)), &key)
            {
                let changed = m.assigns.iter().any(|a| {
                    a.func == func
                        && a.at > def.at
                        && a.at <= at
                        && a.target.starts_with(name.as_str())
                        && a.target[name.len()..].starts_with(['.', '['])
                });
                if changed || self.touched(&name, def.at, at) {
                    return None;
                }
                return self.entry(base, Val::Int(start + i), def.at, depth + 1);
            }
            // Stores and calls on the collection between its creation and the read.
            let mut latest: Option<(usize, Node<'t>)> = None;
            for a in &m.assigns {
                if a.func != func || a.at <= def.at || a.at > at {
                    continue;
                }
                // The model names `m["k"] = v` as `m.k`, `s[1] = v` as `s[1]`.
                let Some(rest) = a.target.strip_prefix(name.as_str()) else {
                    continue;
                };
                if !rest.starts_with(['.', '[']) {
                    continue;
                }
                // `arr[symbol] = v`: the key the index held there, read from the code.
                let k = if let Some(k) = self.store_key(a, &name) {
                    k?
                } else if let Some(field) = rest.strip_prefix('.') {
                    if !crate::syntax::is_ident(field) {
                        continue;
                    }
                    Val::Str(field.to_string())
                } else if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']'))
                {
                    key_text(inner)?
                } else {
                    continue;
                };
                if k == key && latest.is_none_or(|(p, _)| a.at > p) {
                    latest = Some((a.at, a.value));
                }
            }
            for c in &m.calls {
                let s = c.node.start_byte();
                if c.func != func || s <= def.at || s >= at {
                    continue;
                }
                let on_it = c
                    .receiver
                    .is_some_and(|r| crate::syntax::normalize_name(m.text(r)) == name);
                let passed = c.args.iter().any(|x| m.text(x.node).trim() == name);
                // `len(s)`, `print(s)` read it.
                let reads = matches!(
                    c.callee.as_str(),
                    "len" | "print" | "str" | "repr" | "isinstance" | "type" | "id"
                );
                if passed && !reads {
                    // `process(obj)` where `process` is this file's and stores into it.
                    match self.callee_store(c, &name, &key) {
                        Some(Some(v)) => {
                            if latest.is_none_or(|(p, _)| s > p) {
                                latest = Some((s, v));
                            }
                            continue;
                        }
                        Some(None) => continue,
                        None => return None,
                    }
                }
                if !on_it {
                    continue;
                }
                let verb = c.callee.rsplit('.').next().unwrap_or("");
                match (verb, c.args.as_slice()) {
                    (
                        "get" | "has" | "keys" | "values" | "items" | "size" | "len"
                        | "add_section" | "has_section" | "has_option" | "sections" | "options",
                        _,
                    ) => {}
                    ("set" | "put" | "setdefault", [k, v]) => {
                        if self.konst_val(k.node, 0)? == key && latest.is_none_or(|(p, _)| s > p) {
                            latest = Some((s, v.node));
                        }
                    }
                    // configparser's `conf.set(section, option, value)`.
                    ("set", [sec, k, v]) => {
                        if section_key(self.konst_val(sec.node, 0)?, self.konst_val(k.node, 0)?)?
                            == key
                            && latest.is_none_or(|(p, _)| s > p)
                        {
                            latest = Some((s, v.node));
                        }
                    }
                    _ => return None,
                }
            }
            if let Some((_, v)) = latest {
                return (self.reach(v, at) == Reach::Always).then_some(v);
            }
            if self.reach(def.value, at) != Reach::Always {
                return None;
            }
            return self.literal_entry(def.value, &key, depth);
        }
        // `arr[1:2][0]`: item `1 + 0` of `arr`.
        if let (Some((base, start)), Val::Int(i)) = (self.sliced(object), &key) {
            return self.entry(base, Val::Int(start + i), at, depth + 1);
        }
        // `d["a"]["b"]`: the inner collection is itself an entry.
        let inner = self.element_node_of(object)?;
        self.literal_entry(inner, &key, depth)
    }

    /// `arr[1:]`, `arr[1:2]` (Python), `arr[1:]` (Go): the collection sliced and where the
    /// slice starts.
    fn sliced(&self, n: Node<'t>) -> Option<(Node<'t>, i64)> {
        let (base, start) = match n.kind() {
            "subscript" => {
                let s = n.child_by_field_name("subscript")?;
                if s.kind() != "slice" {
                    return None;
                }
                let text = self.m.text(s);
                let first = s
                    .named_child(0)
                    .filter(|_| !text.trim_start().starts_with(':'));
                (n.child_by_field_name("value")?, first)
            }
            "slice_expression" => (
                n.child_by_field_name("operand")?,
                n.child_by_field_name("start"),
            ),
            _ => return None,
        };
        let start = match start {
            None => 0,
            Some(s) => match self.konst_val(s, 0)? {
                Val::Int(i) if i >= 0 => i,
                _ => return None,
            },
        };
        Some((base, start))
    }

    /// The entry a subscript expression names in a collection literal, for nested reads.
    fn element_node_of(&self, n: Node<'t>) -> Option<Node<'t>> {
        if n.kind().contains("subscript") || n.kind().contains("index") {
            return self.element(n);
        }
        None
    }

    /// The spread `**d` / `...d` in a literal: its name node, the name, and the one
    /// assignment that certainly defines it there; `None` for anything else.
    fn spread_source(&self, spread: Node<'t>, depth: usize) -> Option<(Node<'t>, String, usize)> {
        let inner = spread.named_child(0)?;
        if !crate::taint::is_identifier_kind(inner.kind()) || depth > 4 {
            return None;
        }
        let name = crate::syntax::normalize_name(self.m.text(inner));
        let (defs, certain) = self.reaching(&name, inner.start_byte());
        match defs.as_slice() {
            [d] if certain => Some((inner, name, *d)),
            _ => None,
        }
    }

    /// The entry `key` of a list or dict literal (spread lists expanded when they name a
    /// list literal themselves).
    fn literal_entry(&self, lit: Node<'t>, key: &Val, depth: usize) -> Option<Node<'t>> {
        let m = self.m;
        let mut lit = lit;
        // Go's `[]string{...}`, `map[string]string{...}`: the braces hold the entries.
        if lit.kind() == "composite_literal" {
            lit = lit.child_by_field_name("body")?;
        }
        // Java `new String[] {...}`: the initializer holds them.
        if lit.kind() == "array_creation_expression" {
            lit = lit.child_by_field_name("value")?;
        }
        // Python `array.array('u', [..])`, `list([..])`, `tuple((..))`: the literal copied.
        if lit.kind() == "call" && m.lang == crate::Language::Python {
            let call = m.calls.iter().find(|c| c.node.id() == lit.id())?;
            let copies = matches!(
                call.callee.as_str(),
                "list" | "tuple" | "array.array" | "array"
            );
            let last = call.args.last().filter(|a| a.name.is_none())?;
            if !copies || !LIST_KINDS.contains(&last.node.kind()) {
                return None;
            }
            lit = last.node;
        }
        let kids: Vec<Node<'t>> = {
            let mut c = lit.walk();
            lit.named_children(&mut c)
                .filter(|k| !k.kind().contains("comment"))
                .collect()
        };
        let keyed = kids
            .iter()
            .any(|k| matches!(k.kind(), "pair" | "keyed_element"));
        match key {
            Val::Str(want) if DICT_KINDS.contains(&lit.kind()) || keyed => {
                // Later entries win over earlier ones and over what a `**d` / `...d` spread.
                let mut found: Option<Node<'t>> = None;
                for k in kids {
                    if matches!(k.kind(), "dictionary_splat" | "spread_element") {
                        let (inner, name, d) = self.spread_source(k, depth)?;
                        let d = &m.assigns[d];
                        if d.augmented
                            || !DICT_KINDS.contains(&d.value.kind())
                            || m.assigns.iter().any(|a| {
                                a.at > d.at
                                    && a.at < inner.start_byte()
                                    && a.target.starts_with(name.as_str())
                                    && a.target[name.len()..].starts_with(['.', '['])
                            })
                            || self.touched(&name, d.at, inner.start_byte())
                        {
                            return None;
                        }
                        if let Some(v) = self.literal_entry(d.value, key, depth + 1) {
                            found = Some(v);
                        }
                        continue;
                    }
                    if !matches!(k.kind(), "pair" | "keyed_element") {
                        return None;
                    }
                    let kn = k
                        .child_by_field_name("key")
                        .or_else(|| k.named_child(0))
                        .map(crate::syntax::element_value)?;
                    let vn = k
                        .child_by_field_name("value")
                        .or_else(|| k.named_child(1))
                        .map(crate::syntax::element_value)?;
                    let name = match self.konst_val(kn, 0) {
                        Some(Val::Str(s)) => s,
                        Some(_) => return None,
                        None if matches!(kn.kind(), "property_identifier" | "identifier")
                            && lit.kind() == "object" =>
                        {
                            m.text(kn).to_string()
                        }
                        None => return None,
                    };
                    if name == *want {
                        found = Some(vn);
                    }
                }
                found
            }
            // `{0: "a", 2: x}[2]`
            Val::Int(_) if DICT_KINDS.contains(&lit.kind()) => {
                let mut found = None;
                for k in kids {
                    if k.kind() != "pair" {
                        return None;
                    }
                    let kn = k.child_by_field_name("key")?;
                    if self.konst_val(kn, 0)? == *key {
                        found = k.child_by_field_name("value");
                    }
                }
                found
            }
            Val::Int(i)
                if LIST_KINDS.contains(&lit.kind()) || lit.kind() == "literal_value" && !keyed =>
            {
                let mut items: Vec<Node<'t>> = Vec::new();
                for k in kids {
                    let k = crate::syntax::element_value(k);
                    if SPREAD_KINDS.contains(&k.kind()) {
                        let (_, _, d) = self.spread_source(k, depth)?;
                        let mut l = m.assigns[d].value;
                        if l.kind() == "composite_literal" {
                            l = l.child_by_field_name("body")?;
                        }
                        if !LIST_KINDS.contains(&l.kind()) {
                            return None;
                        }
                        let mut c = l.walk();
                        for x in l.named_children(&mut c) {
                            if SPREAD_KINDS.contains(&x.kind()) {
                                return None;
                            }
                            items.push(crate::syntax::element_value(x));
                        }
                        continue;
                    }
                    items.push(k);
                }
                let i = usize::try_from(*i).ok()?;
                items.get(i).copied()
            }
            _ => None,
        }
    }
}

/// Statements after which the rest of their block never runs.
const JUMP_KINDS: &[&str] = &[
    "return_statement",
    "raise_statement",
    "throw_statement",
    "continue_statement",
    "break_statement",
];

impl<'t> Taint<'_, 't> {
    /// Whether `n` sits after a statement of its block that always leaves it (`return`,
    /// `raise`, `throw`, `continue`, `break`, or an `if` on a condition that is always true
    /// whose branch ends so): that code never runs.
    pub fn unreachable(&self, n: Node<'t>) -> bool {
        let mut child = n;
        while let Some(p) = child.parent() {
            let pk = p.kind();
            if pk.contains("function") || pk.contains("method") || pk == "lambda" {
                return false;
            }
            let mut prev = child.prev_named_sibling();
            while let Some(s) = prev {
                if JUMP_KINDS.contains(&s.kind()) || self.always_leaves(s) {
                    return true;
                }
                prev = s.prev_named_sibling();
            }
            child = p;
        }
        false
    }

    /// `if <always true> { ...; return }`.
    fn always_leaves(&self, s: Node<'t>) -> bool {
        if !IF_KINDS.contains(&s.kind()) {
            return false;
        }
        let Some((cond, yes, _)) = self.parts(s) else {
            return false;
        };
        if self.konst_val(cond, 0) != Some(Val::Bool(true)) {
            return false;
        }
        let last_of = |b: Node<'t>| {
            let mut c = b.walk();
            let last = b
                .named_children(&mut c)
                .filter(|k| !k.kind().contains("comment"))
                .last();
            last
        };
        // Go's blocks hold a statement list.
        let last = last_of(yes).and_then(|l| {
            if l.kind() == "statement_list" {
                last_of(l)
            } else {
                Some(l)
            }
        });
        last.is_some_and(|l| JUMP_KINDS.contains(&l.kind()))
    }
}

impl<'t> Taint<'_, 't> {
    /// Position of `a`'s target among the several targets of one destructuring assignment
    /// with one value (`r1, r2, *rest = [..]`, `a, b := f()`, `const [x, ...rest] = arr`),
    /// and whether it is the rest (`*rest`, `...rest`).
    pub(super) fn part_of(&self, a: &crate::syntax::Assign<'t>) -> Option<(usize, bool)> {
        let m = self.m;
        if !m.shared_values.contains(&a.value.id()) {
            return None;
        }
        let mut p = a.value.parent()?;
        if p.kind() == "expression_list" {
            if p.named_child_count() > 1 {
                return None;
            }
            p = p.parent()?;
        }
        let left = p
            .child_by_field_name("left")
            .or_else(|| p.child_by_field_name("name"))
            .or_else(|| p.child_by_field_name("pattern"))?;
        if left.end_byte() > a.value.start_byte() {
            return None;
        }
        if !matches!(
            left.kind(),
            "expression_list"
                | "pattern_list"
                | "tuple_pattern"
                | "array_pattern"
                | "list_pattern"
                | "left_assignment_list"
        ) {
            return None;
        }
        let items: Vec<Node<'t>> = {
            let mut c = left.walk();
            left.named_children(&mut c)
                .filter(|k| !k.kind().contains("comment"))
                .collect()
        };
        if items.len() < 2 {
            return None;
        }
        items.iter().enumerate().find_map(|(i, it)| {
            let rest = it.kind().contains("splat") || it.kind().contains("rest");
            let t = m.text(*it).trim().trim_start_matches(['*', '.']);
            (crate::syntax::normalize_name(t) == a.target).then_some((i, rest))
        })
    }

    /// The flow of one target of a destructuring assignment: the item at its position of a
    /// list literal (the items from there on for the rest), or of what a function of this
    /// file returns (`ret1, ret2 := processData(..)`).
    pub(super) fn part_flow(
        &self,
        a: &crate::syntax::Assign<'t>,
        san: Option<&regex::Regex>,
        depth: usize,
    ) -> Option<super::Flow> {
        let (k, rest) = self.part_of(a)?;
        let v = crate::syntax::sole_item(a.value);
        if LIST_KINDS.contains(&v.kind()) {
            let items: Vec<Node<'t>> = {
                let mut c = v.walk();
                v.named_children(&mut c)
                    .filter(|x| !x.kind().contains("comment"))
                    .collect()
            };
            if items.iter().any(|x| SPREAD_KINDS.contains(&x.kind())) {
                return None;
            }
            let mut f = super::Flow::konst();
            if rest {
                for x in items.iter().skip(k) {
                    f.join(self.flow_at(*x, san, depth + 1));
                }
            } else {
                f = self.flow_at(*items.get(k)?, san, depth + 1);
            }
            return Some(f);
        }
        if rest {
            return None;
        }
        let call = self.m.calls.iter().find(|c| c.node.id() == v.id())?;
        self.local_call(call, san, depth, Some(k))
    }

    /// The key of the element store `a` into `name`, read from its left side: `None` when the
    /// left side is not an index into `name`, `Some(None)` when its key is not a constant.
    fn store_key(&self, a: &crate::syntax::Assign<'t>, name: &str) -> Option<Option<Val>> {
        let m = self.m;
        let mut p = a.value.parent()?;
        // Go keeps both sides in expression lists.
        if p.kind() == "expression_list" {
            if p.named_child_count() != 1 {
                return None;
            }
            p = p.parent()?;
        }
        let left = crate::syntax::sole_item(p.child_by_field_name("left")?);
        if left.end_byte() > a.value.start_byte()
            || !matches!(
                left.kind(),
                "subscript" | "subscript_expression" | "index_expression" | "array_access"
            )
        {
            return None;
        }
        let object = left
            .child_by_field_name("value")
            .or_else(|| left.child_by_field_name("object"))
            .or_else(|| left.child_by_field_name("operand"))
            .or_else(|| left.child_by_field_name("array"))?;
        if crate::syntax::normalize_name(m.text(object)) != name {
            return None;
        }
        let index = left
            .child_by_field_name("subscript")
            .or_else(|| left.child_by_field_name("index"))?;
        Some(self.konst_val(index, 0))
    }

    /// Whether every value (or, with `keys`, every key) the local map `name` holds when read
    /// at `at` is a constant: its literal's entries, the stores into it and its `set`/`put`
    /// calls since, with nothing else done to it.
    pub(super) fn map_all_const(
        &self,
        name: &str,
        at: usize,
        keys: bool,
        san: Option<&regex::Regex>,
        depth: usize,
    ) -> bool {
        let m = self.m;
        let (defs, certain) = self.reaching(name, at);
        let [d] = defs.as_slice() else {
            return false;
        };
        let def = &m.assigns[*d];
        if !certain || def.augmented || self.part_of(def).is_some() {
            return false;
        }
        let konst = |n: Node<'t>| self.flow_at(n, san, depth + 1).origin == super::Origin::Const;
        let mut lit = crate::syntax::sole_item(def.value);
        let text: String = m.text(lit).chars().filter(|c| !c.is_whitespace()).collect();
        let empty = matches!(
            text.as_str(),
            "{}" | "newMap()" | "dict()" | "newHashMap<>()"
        ) || text.starts_with("make(map[");
        if !empty {
            if lit.kind() == "composite_literal" {
                let Some(b) = lit.child_by_field_name("body") else {
                    return false;
                };
                lit = b;
            }
            if !matches!(lit.kind(), "dictionary" | "object" | "literal_value") {
                return false;
            }
            let mut c = lit.walk();
            for k in lit.named_children(&mut c) {
                if k.kind().contains("comment") {
                    continue;
                }
                if !matches!(k.kind(), "pair" | "keyed_element") {
                    return false;
                }
                let (Some(kn), Some(vn)) = (
                    k.child_by_field_name("key")
                        .or_else(|| k.named_child(0))
                        .map(crate::syntax::element_value),
                    k.child_by_field_name("value")
                        .or_else(|| k.named_child(1))
                        .map(crate::syntax::element_value),
                ) else {
                    return false;
                };
                let key_ok = self.konst_val(kn, 0).is_some()
                    || lit.kind() == "object" && kn.kind() == "property_identifier";
                if if keys { !key_ok } else { !konst(vn) } {
                    return false;
                }
            }
        }
        let func = m.function_at(at);
        for a in &m.assigns {
            if a.func != func || a.at <= def.at || a.at > at {
                continue;
            }
            let Some(rest) = a.target.strip_prefix(name) else {
                continue;
            };
            if !rest.starts_with(['.', '[']) {
                continue;
            }
            let ok = if keys {
                matches!(self.store_key(a, name), Some(Some(_)))
            } else {
                !a.augmented && konst(a.value)
            };
            if !ok {
                return false;
            }
        }
        for c in &m.calls {
            let s = c.node.start_byte();
            if c.func != func || s <= def.at || s >= at {
                continue;
            }
            if c.args
                .iter()
                .any(|x| crate::syntax::normalize_name(m.text(x.node)) == name)
            {
                return false;
            }
            if c.receiver
                .is_none_or(|r| crate::syntax::normalize_name(m.text(r)) != name)
            {
                continue;
            }
            let verb = c.callee.rsplit('.').next().unwrap_or("");
            match (verb, c.args.as_slice()) {
                (
                    "get" | "has" | "keys" | "values" | "items" | "size" | "len" | "delete"
                    | "remove" | "discard" | "pop" | "clear" | "containsKey" | "forEach",
                    _,
                ) => {}
                ("set" | "put" | "setdefault", [k, v]) => {
                    let ok = if keys {
                        self.konst_val(k.node, 0).is_some()
                    } else {
                        konst(v.node)
                    };
                    if !ok {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        true
    }

    /// `len(s)` of a local list, tuple or dict literal nothing changed since.
    fn literal_len(&self, n: Node<'t>) -> Option<Val> {
        let m = self.m;
        if n.kind() != "call" || m.lang != crate::Language::Python {
            return None;
        }
        let call = m.calls.iter().find(|c| c.node.id() == n.id())?;
        let [arg] = call.args.as_slice() else {
            return None;
        };
        if call.callee != "len" || !crate::taint::is_identifier_kind(arg.node.kind()) {
            return None;
        }
        let name = crate::syntax::normalize_name(m.text(arg.node));
        let (defs, certain) = self.reaching(&name, n.start_byte());
        let [d] = defs.as_slice() else {
            return None;
        };
        let def = &m.assigns[*d];
        if !certain || def.augmented || self.part_of(def).is_some() {
            return None;
        }
        let mut lit = crate::syntax::sole_item(def.value);
        if lit.kind() == "call" {
            let c = m.calls.iter().find(|c| c.node.id() == lit.id())?;
            let last = c.args.last().filter(|a| a.name.is_none())?;
            if !matches!(
                c.callee.as_str(),
                "list" | "tuple" | "array.array" | "array"
            ) {
                return None;
            }
            lit = last.node;
        }
        if !matches!(lit.kind(), "list" | "tuple" | "dictionary") {
            return None;
        }
        let changed = m.assigns.iter().any(|a| {
            a.func == def.func
                && a.at > def.at
                && a.at < n.start_byte()
                && a.target.starts_with(name.as_str())
                && a.target[name.len()..].starts_with(['.', '['])
        }) || self.touched(&name, def.at, n.start_byte());
        if changed {
            return None;
        }
        let mut c = lit.walk();
        let items: Vec<Node<'t>> = lit
            .named_children(&mut c)
            .filter(|k| !k.kind().contains("comment"))
            .collect();
        if items
            .iter()
            .any(|k| SPREAD_KINDS.contains(&k.kind()) || k.kind() == "dictionary_splat")
        {
            return None;
        }
        Some(Val::Int(items.len() as i64))
    }
}

impl<'t> Taint<'_, 't> {
    /// Whether `child`, the body of the loop `lp`, never runs: the loop's condition is false
    /// on entry (`for i := 0; i < 0; i++`, `i = 7` then `while i < 3`), or a Python `for`
    /// walks `range(0)` or an empty literal.
    fn never_runs(&self, lp: Node<'t>, child: Node<'t>) -> bool {
        let m = self.m;
        let Some(body) = lp.child_by_field_name("body") else {
            return false;
        };
        if body.id() != child.id() || lp.kind() == "do_statement" {
            return false;
        }
        if lp.kind() == "for_statement" && m.lang == crate::Language::Python {
            let Some(it) = lp.child_by_field_name("right") else {
                return false;
            };
            if matches!(it.kind(), "list" | "tuple") && it.named_child_count() == 0 {
                return true;
            }
            let Some(call) = m.calls.iter().find(|c| c.node.id() == it.id()) else {
                return false;
            };
            if call.callee != "range" || call.args.iter().any(|a| a.name.is_some()) {
                return false;
            }
            let vals: Option<Vec<i64>> = call
                .args
                .iter()
                .map(|a| match self.konst_val(a.node, 0) {
                    Some(Val::Int(i)) => Some(i),
                    _ => None,
                })
                .collect();
            return match vals.as_deref() {
                Some([n]) => *n <= 0,
                Some([a, b]) => a >= b,
                _ => false,
            };
        }
        // Go keeps the clauses of a `for` in a `for_clause`.
        let clause = {
            let mut c = lp.walk();
            let found = lp.named_children(&mut c).find(|k| k.kind() == "for_clause");
            found
        };
        let cond = clause
            .and_then(|c| c.child_by_field_name("condition"))
            .or_else(|| lp.child_by_field_name("condition"));
        let Some(cond) = cond else {
            return false;
        };
        let cond = if cond.kind() == "expression_statement" {
            cond.named_child(0).unwrap_or(cond)
        } else {
            cond
        };
        self.at_entry.set(true);
        let v = self.konst_val(cond, 0);
        self.at_entry.set(false);
        v == Some(Val::Bool(false))
    }

    /// For one case of a JavaScript `switch` or a Go expression `switch` on a constant:
    /// whether it runs (the first case whose values match, else `default`, then those a
    /// JavaScript case falls through to, or a Go case reaches by `fallthrough`).
    fn case_taken(&self, case: Node<'t>) -> Option<bool> {
        let m = self.m;
        let go = m.lang == crate::Language::Go;
        let body = case.parent()?;
        let switch = if go { body } else { body.parent()? };
        let subject = switch.child_by_field_name("value")?;
        let want = self.konst_val(subject, 0)?;
        let cases: Vec<Node<'t>> = {
            let mut c = body.walk();
            body.named_children(&mut c)
                .filter(|k| {
                    matches!(
                        k.kind(),
                        "switch_case" | "switch_default" | "expression_case" | "default_case"
                    )
                })
                .collect()
        };
        let is_default = |k: Node<'t>| matches!(k.kind(), "switch_default" | "default_case");
        let mut start = None;
        for (i, k) in cases.iter().enumerate() {
            if is_default(*k) {
                continue;
            }
            let values = k.child_by_field_name("value")?;
            let items: Vec<Node<'t>> = if values.kind() == "expression_list" {
                let mut c = values.walk();
                values.named_children(&mut c).collect()
            } else {
                vec![values]
            };
            let mut hit = false;
            for v in items {
                hit |= self.konst_val(v, 0)? == want;
            }
            if hit {
                start = Some(i);
                break;
            }
        }
        let start = start.or_else(|| cases.iter().position(|k| is_default(*k)));
        let Some(start) = start else {
            return Some(false);
        };
        for k in &cases[start..] {
            if k.id() == case.id() {
                return Some(true);
            }
            let text = m.text(*k);
            let falls = if go {
                text.trim_end().ends_with("fallthrough")
            } else {
                !(text.contains("break") || text.contains("return") || text.contains("throw"))
            };
            if !falls {
                break;
            }
        }
        Some(false)
    }
}

impl<'t> Taint<'_, 't> {
    /// For a call that passes the collection `name` to a function of this file: what that
    /// function stores into it under `key` (`Some(Some(value))`, the latest store, which must
    /// always run), `Some(None)` when it stores nothing there, `None` when it may change the
    /// collection in ways not followed (a store under a key we cannot read, passing it on,
    /// calling its methods, reassigning the parameter).
    fn callee_store(
        &self,
        c: &crate::syntax::Call<'t>,
        name: &str,
        key: &Val,
    ) -> Option<Option<Node<'t>>> {
        let m = self.m;
        let callee = crate::syntax::normalize_name(&c.callee);
        let short = callee.rsplit(['.', ':']).next()?;
        let mut found = m
            .functions
            .iter()
            .enumerate()
            .filter(|(_, f)| f.name == short);
        let (fi, func) = found.next()?;
        if found.next().is_some() {
            return None;
        }
        let (param, _) = super::params_passed(func, c)
            .into_iter()
            .find(|(_, a)| crate::syntax::normalize_name(m.text(a.node)) == name)?;
        let param = param.to_string();
        let touched = m.calls.iter().any(|k| {
            k.func == Some(fi)
                && (k
                    .receiver
                    .is_some_and(|r| crate::syntax::normalize_name(m.text(r)) == param)
                    || k.args
                        .iter()
                        .any(|a| crate::syntax::normalize_name(m.text(a.node)) == param))
        });
        if touched {
            return None;
        }
        let mut latest: Option<&crate::syntax::Assign<'t>> = None;
        for a in &m.assigns {
            if a.func != Some(fi) {
                continue;
            }
            if a.target == param {
                return None;
            }
            let Some(rest) = a.target.strip_prefix(param.as_str()) else {
                continue;
            };
            if !rest.starts_with(['.', '[']) {
                continue;
            }
            let k = match self.store_key(a, &param) {
                Some(k) => k?,
                None => match rest.strip_prefix('.') {
                    Some(field) if crate::syntax::is_ident(field) => Val::Str(field.to_string()),
                    _ => key_text(rest.strip_prefix('[')?.strip_suffix(']')?)?,
                },
            };
            if k == *key && latest.is_none_or(|l| a.at > l.at) {
                latest = Some(a);
            }
        }
        let Some(a) = latest else {
            return Some(None);
        };
        (self.reach(a.value, func.end.saturating_sub(1)) == Reach::Always).then_some(Some(a.value))
    }
}
