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
            } else if kind == "switch_block_statement_group" || kind == "switch_rule" {
                match self.switch_group_taken(p) {
                    Some(true) => {}
                    Some(false) => return Reach::Never,
                    None => state = Reach::Maybe,
                }
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
        if crate::taint::is_literal_kind(kind) && n.named_child_count() <= 1 {
            // A plain string without interpolation.
            let has_parts = {
                let mut c = n.walk();
                let parts = n.named_children(&mut c).any(|ch| {
                    !matches!(
                        ch.kind(),
                        "string_fragment" | "string_content" | "string_start" | "string_end"
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
            if certain && defs.len() == 1 && !m.assigns[defs[0]].augmented {
                return self.konst_val(m.assigns[defs[0]].value, depth + 1);
            }
            return None;
        }
        if kind == "unary_expression" || kind == "not_operator" || kind == "prefix_unary_expression"
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
        let func = m.function_at(at);
        // The container's creation: the latest plain assignment, an empty constructor.
        let base = m
            .assigns
            .iter()
            .filter(|a| a.target == name && a.at <= at && a.func == func && !a.augmented)
            .max_by_key(|a| a.at)?;
        let created = m.text(base.value);
        let mut slots = if created.contains("List<")
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
        let compact: String = created.chars().filter(|c| !c.is_whitespace()).collect();
        if !compact.ends_with("()") || self.reach(base.value, at) != Reach::Always {
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
