//! An instrumented backtracking matcher over the syntax tree, counting its steps.
//!
//! It behaves like the engines the analysis is about (tries alternatives in order, greedy and
//! lazy quantifiers give back, possessive quantifiers and atomic groups do not, an iteration
//! that matches nothing ends a loop) and exists to check the analysis against real
//! backtracking: an attack must make the step count explode, a linear pattern must not.
//! Unlike the analysis it implements lookarounds and backreferences for real.

use crate::ast::{Assertion, Greed, Node};
use crate::nfa::MatchMode;
use crate::{parse_flags, Flavor, RegexError};

/// What one run cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub matched: bool,
    /// Where the match found starts and ends, in characters.
    pub span: Option<(usize, usize)>,
    /// Calls into the matcher: every node entered once counts one step.
    pub steps: u64,
    /// The step limit was hit; `steps` is then the limit.
    pub aborted: bool,
}

type K<'k> = &'k mut dyn FnMut(&mut Matcher, usize) -> bool;

pub struct Matcher {
    input: Vec<char>,
    steps: u64,
    limit: u64,
    caps: Vec<Option<(usize, usize)>>,
    aborted: bool,
    unset_backref_matches_empty: bool,
}

/// Parses `pattern` and runs it on `input`, counting steps, stopping at `limit`.
pub fn run(
    pattern: &str,
    flavor: Flavor,
    flags: &str,
    input: &str,
    mode: MatchMode,
    limit: u64,
) -> Result<Outcome, RegexError> {
    let parsed = crate::parse::parse(pattern, flavor, parse_flags(flavor, flags)?)?;
    Ok(run_node(
        &parsed.node,
        parsed.groups,
        flavor,
        input,
        mode,
        limit,
    ))
}

pub fn run_node(
    node: &Node,
    groups: u32,
    flavor: Flavor,
    input: &str,
    mode: MatchMode,
    limit: u64,
) -> Outcome {
    let mut m = Matcher {
        input: input.chars().collect(),
        steps: 0,
        limit,
        caps: vec![None; groups as usize + 1],
        aborted: false,
        unset_backref_matches_empty: flavor == Flavor::JavaScript,
    };
    let len = m.input.len();
    let last_start = if mode == MatchMode::Search { len } else { 0 };
    let mut span = None;
    for start in 0..=last_start {
        m.caps.iter_mut().for_each(|c| *c = None);
        let full = mode == MatchMode::Full;
        let mut end = None;
        if m.m(node, start, &mut |_, j| {
            end = Some(j);
            !full || j == len
        }) {
            span = end.map(|e| (start, e));
            break;
        }
        if m.aborted {
            break;
        }
    }
    Outcome {
        matched: span.is_some(),
        span,
        steps: m.steps,
        aborted: m.aborted,
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl Matcher {
    fn assert(&self, a: Assertion, i: usize) -> bool {
        let s = &self.input;
        let len = s.len();
        match a {
            Assertion::StartText => i == 0,
            Assertion::StartLine => i == 0 || s[i - 1] == '\n',
            Assertion::EndText => i == len,
            Assertion::EndTextNewline => i == len || (i + 1 == len && s[i] == '\n'),
            Assertion::EndLine => i == len || s[i] == '\n',
            Assertion::WordBoundary | Assertion::NotWordBoundary => {
                let before = i > 0 && is_word(s[i - 1]);
                let after = i < len && is_word(s[i]);
                (before != after) == (a == Assertion::WordBoundary)
            }
        }
    }

    fn m(&mut self, node: &Node, i: usize, k: K<'_>) -> bool {
        if self.aborted {
            return false;
        }
        self.steps += 1;
        if self.steps >= self.limit {
            self.aborted = true;
            return false;
        }
        match node {
            Node::Empty => k(self, i),
            Node::Set(s) => {
                i < self.input.len() && s.contains(self.input[i] as u32) && k(self, i + 1)
            }
            Node::Concat(v) => self.seq(v, i, k),
            Node::Alt(v) => {
                for a in v {
                    if self.m(a, i, k) {
                        return true;
                    }
                    if self.aborted {
                        return false;
                    }
                }
                false
            }
            Node::Group { node, index } => {
                let idx = *index as usize;
                self.m(node, i, &mut |s: &mut Matcher, j| {
                    let old = s.caps[idx];
                    s.caps[idx] = Some((i, j));
                    if k(s, j) {
                        true
                    } else {
                        s.caps[idx] = old;
                        false
                    }
                })
            }
            Node::Repeat {
                node,
                min,
                max,
                greed,
            } => match greed {
                Greed::Possessive => {
                    let mut end = None;
                    self.rep(node, *min, *max, false, 0, i, &mut |_, j| {
                        end = Some(j);
                        true
                    });
                    match end {
                        Some(j) => k(self, j),
                        None => false,
                    }
                }
                g => self.rep(node, *min, *max, *g == Greed::Lazy, 0, i, k),
            },
            Node::Atomic(inner) => {
                let mut end = None;
                self.m(inner, i, &mut |_, j| {
                    end = Some(j);
                    true
                });
                match end {
                    Some(j) => k(self, j),
                    None => false,
                }
            }
            Node::Look {
                node,
                ahead,
                negate,
            } => {
                let found = if *ahead {
                    self.m(node, i, &mut |_, _| true)
                } else {
                    (0..=i).rev().any(|j| self.m(node, j, &mut |_, e| e == i))
                };
                if found != *negate && !self.aborted {
                    k(self, i)
                } else {
                    false
                }
            }
            Node::Assert(a) => self.assert(*a, i) && k(self, i),
            Node::Backref(n) => match self.caps.get(*n as usize).copied().flatten() {
                Some((a, b)) => {
                    let l = b - a;
                    if i + l <= self.input.len() && self.input[a..b] == self.input[i..i + l] {
                        k(self, i + l)
                    } else {
                        false
                    }
                }
                None => self.unset_backref_matches_empty && k(self, i),
            },
        }
    }

    fn seq(&mut self, v: &[Node], i: usize, k: K<'_>) -> bool {
        match v.split_first() {
            None => k(self, i),
            Some((h, t)) => self.m(h, i, &mut |s: &mut Matcher, j| s.seq(t, j, k)),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn rep(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        lazy: bool,
        count: u32,
        i: usize,
        k: K<'_>,
    ) -> bool {
        if count < min {
            return self.m(node, i, &mut |s: &mut Matcher, j| {
                s.rep(node, min, max, lazy, count + 1, j, k)
            });
        }
        let more = max.is_none_or(|m| count < m);
        if lazy {
            if k(self, i) {
                return true;
            }
            more && !self.aborted
                && self.m(node, i, &mut |s: &mut Matcher, j| {
                    j != i && s.rep(node, min, max, lazy, count + 1, j, k)
                })
        } else {
            if more
                && self.m(node, i, &mut |s: &mut Matcher, j| {
                    j != i && s.rep(node, min, max, lazy, count + 1, j, k)
                })
            {
                return true;
            }
            !self.aborted && k(self, i)
        }
    }
}
