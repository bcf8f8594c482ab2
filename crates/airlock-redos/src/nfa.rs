//! An epsilon-free NFA built from the syntax tree by the position (Glushkov) construction.
//!
//! Every state but the start states is one occurrence of a character set in the pattern.
//! Unlike the textbook construction, parallel ways to go from one position to the next are kept
//! (up to two, which is all the ambiguity analysis needs): `(a*)*` has two `a -> a` edges, and
//! that is exactly why a backtracking matcher explodes on it.
//!
//! Assertions are folded into the positions: `^`/`\A` become a requirement on where a match may
//! start, `$`/`\z` a requirement on where it may end; in the middle of a pattern they cut the
//! transitions they forbid (no character after `$` in single-line mode, none before `^`, only a
//! newline around a line anchor). Other assertions, lookarounds and backreferences are treated
//! as empty. Possessive quantifiers and atomic groups that end a
//! loop only let the loop exit on a character that cannot start another iteration, and two
//! paths inside the same atomic group are never counted as distinct.

use std::collections::HashMap;

use crate::ast::{Assertion, Greed, Node};
use crate::charset::CharSet;

pub const REQ_NONE: u8 = 0;
pub const REQ_LINE: u8 = 1;
pub const REQ_TEXT: u8 = 2;
pub const END_FREE: u8 = 0;
pub const END_LINE: u8 = 1;
pub const END_TEXT: u8 = 2;

/// The match can succeed here whatever follows.
pub const ACC_FREE: u8 = 1;
/// The match can succeed here at the end of the text or before a newline.
pub const ACC_LINE: u8 = 2;
/// The match can succeed here at the end of the text.
pub const ACC_TEXT: u8 = 4;

/// Repetition bounds above this are clamped (a larger upper bound is treated as unbounded).
const CLAMP: u32 = 16;

/// Which calls the matcher's caller makes: where attempts start and where they must end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MatchMode {
    /// Find a match anywhere (JavaScript `test`/`match`, Python `re.search`, Java `find`):
    /// the engine tries every start position, which adds one degree to a polynomial.
    #[default]
    Search,
    /// Match at the start only (Python `re.match`, Ruby `\A`-style calls).
    Prefix,
    /// Match the whole text (Java `matches`, Python `re.fullmatch`).
    Full,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    pos: u32,
    kind: u8,
    excl: CharSet,
    mult: u8,
    /// A `\b` (WB_YES) or `\B` (WB_NO) between this position and its neighbour outside.
    wb: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct NullE {
    req: u8,
    end: u8,
    excl: CharSet,
    mult: u8,
    wb: u8,
}

const WB_ANY: u8 = 0;
const WB_YES: u8 = 1;
const WB_NO: u8 = 2;

/// Both word-boundary requirements at once, or `None` when they contradict.
fn wb_both(a: u8, b: u8) -> Option<u8> {
    match (a, b) {
        (WB_ANY, x) | (x, WB_ANY) => Some(x),
        (x, y) if x == y => Some(x),
        _ => None,
    }
}

/// The next characters a `\b`/`\B` rules out after a character of `prev`, when `prev` is all
/// word or all non-word characters (otherwise nothing can be said without splitting it).
fn wb_excl(prev: &CharSet, wb: u8) -> CharSet {
    if wb == WB_ANY {
        return CharSet::empty();
    }
    let word = crate::parse::word();
    let all_word = prev.minus(&word).is_empty();
    let no_word = prev.intersect(&word).is_empty();
    match (all_word, no_word, wb == WB_YES) {
        (true, _, true) | (_, true, false) => word,
        (true, _, false) | (_, true, true) => word.negate(),
        _ => CharSet::empty(),
    }
}

#[derive(Clone, Debug, Default)]
struct Info {
    first: Vec<Entry>,
    last: Vec<Entry>,
    null: Vec<NullE>,
}

fn push_entry(v: &mut Vec<Entry>, e: Entry) {
    if let Some(x) = v
        .iter_mut()
        .find(|x| x.pos == e.pos && x.kind == e.kind && x.excl == e.excl && x.wb == e.wb)
    {
        x.mult = (x.mult + e.mult).min(2);
    } else {
        v.push(e);
    }
}

fn push_null(v: &mut Vec<NullE>, e: NullE) {
    if let Some(x) = v
        .iter_mut()
        .find(|x| x.req == e.req && x.end == e.end && x.excl == e.excl && x.wb == e.wb)
    {
        x.mult = (x.mult + e.mult).min(2);
    } else {
        v.push(e);
    }
}

/// A follow edge: target, excluded next characters, multiplicity, bound of a relaxed `{n,m}`.
type Follow = (u32, CharSet, u8, Option<u32>);

/// The pattern has more positions than the analysis budget allows.
#[derive(Debug)]
pub struct TooBig;

struct Builder {
    sets: Vec<CharSet>,
    atomic: Vec<Option<u32>>,
    /// Follow edges: target, excluded next characters, multiplicity, and the bound when the
    /// edge is only the back edge of a `{n,m}` approximated as unbounded.
    follow: Vec<Vec<Follow>>,
    cur_atomic: Option<u32>,
    next_atomic: u32,
    max_positions: usize,
    clamped: bool,
    /// The pattern has `\b` or `\B`.
    split_word: bool,
}

impl Builder {
    fn add_follow(&mut self, from: u32, to: u32, excl: CharSet, mult: u8, bound: Option<u32>) {
        let list = &mut self.follow[from as usize];
        if let Some(x) = list.iter_mut().find(|x| x.0 == to && x.1 == excl) {
            x.2 = (x.2 + mult).min(2);
            x.3 = match (x.3, bound) {
                (Some(a), Some(b)) => Some(a.min(b)),
                _ => None,
            };
        } else {
            list.push((to, excl, mult, bound));
        }
    }

    fn link(&mut self, last: &[Entry], first: &[Entry]) {
        self.link_bounded(last, first, None);
    }

    fn link_bounded(&mut self, last: &[Entry], first: &[Entry], bound: Option<u32>) {
        for l in last {
            // An end anchor between two characters: nothing follows the end of the text, and
            // only a newline follows the end of a line.
            if l.kind == END_TEXT {
                continue;
            }
            for f in first {
                // A start anchor after a character: never the start of the text, and the
                // start of a line only after a character that can be a newline.
                if !self.may_start_after(l.pos, f.kind) {
                    continue;
                }
                let Some(wb) = wb_both(l.wb, f.wb) else {
                    continue;
                };
                let mut excl = l
                    .excl
                    .union(&f.excl)
                    .union(&wb_excl(&self.sets[l.pos as usize], wb));
                if l.kind == END_LINE {
                    excl = excl.union(&CharSet::single('\n').negate());
                }
                self.add_follow(l.pos, f.pos, excl, (l.mult * f.mult).min(2), bound);
            }
        }
    }

    /// Whether a start requirement (`REQ_*`) can hold right after the character at `pos`.
    fn may_start_after(&self, pos: u32, req: u8) -> bool {
        match req {
            REQ_TEXT => false,
            REQ_LINE => self.sets[pos as usize].contains('\n' as u32),
            _ => true,
        }
    }

    fn concat(&mut self, a: Info, b: Info) -> Info {
        self.link(&a.last, &b.first);
        let mut out = Info {
            first: a.first.clone(),
            ..Info::default()
        };
        for n in &a.null {
            if n.end == END_TEXT {
                continue;
            }
            let n_excl = if n.end == END_LINE {
                n.excl.union(&CharSet::single('\n').negate())
            } else {
                n.excl.clone()
            };
            for f in &b.first {
                let Some(wb) = wb_both(n.wb, f.wb) else {
                    continue;
                };
                push_entry(
                    &mut out.first,
                    Entry {
                        pos: f.pos,
                        kind: n.req.max(f.kind),
                        excl: n_excl.union(&f.excl),
                        mult: (n.mult * f.mult).min(2),
                        wb,
                    },
                );
            }
        }
        out.last = b.last.clone();
        for n in &b.null {
            for l in &a.last {
                if !self.may_start_after(l.pos, n.req) {
                    continue;
                }
                let Some(wb) = wb_both(n.wb, l.wb) else {
                    continue;
                };
                push_entry(
                    &mut out.last,
                    Entry {
                        pos: l.pos,
                        kind: n.end.max(l.kind),
                        excl: n.excl.union(&l.excl),
                        mult: (n.mult * l.mult).min(2),
                        wb,
                    },
                );
            }
        }
        for x in &a.null {
            for y in &b.null {
                let Some(wb) = wb_both(x.wb, y.wb) else {
                    continue;
                };
                push_null(
                    &mut out.null,
                    NullE {
                        req: x.req.max(y.req),
                        end: x.end.max(y.end),
                        excl: x.excl.union(&y.excl),
                        mult: (x.mult * y.mult).min(2),
                        wb,
                    },
                );
            }
        }
        out
    }

    fn first_chars(&self, info: &Info) -> CharSet {
        info.first.iter().fold(CharSet::empty(), |acc, e| {
            acc.union(&self.sets[e.pos as usize])
        })
    }

    fn skip() -> NullE {
        NullE {
            req: REQ_NONE,
            end: END_FREE,
            excl: CharSet::empty(),
            mult: 1,
            wb: WB_ANY,
        }
    }

    fn build(&mut self, node: &Node) -> Result<Info, TooBig> {
        Ok(match node {
            Node::Empty | Node::Look { .. } | Node::Backref(_) => Info {
                null: vec![Self::skip()],
                ..Info::default()
            },
            Node::Assert(a @ (Assertion::WordBoundary | Assertion::NotWordBoundary)) => Info {
                null: vec![NullE {
                    wb: if *a == Assertion::WordBoundary {
                        WB_YES
                    } else {
                        WB_NO
                    },
                    ..Self::skip()
                }],
                ..Info::default()
            },
            Node::Assert(a) => {
                let (req, end) = match a {
                    Assertion::StartText => (REQ_TEXT, END_FREE),
                    Assertion::StartLine => (REQ_LINE, END_FREE),
                    Assertion::EndText => (REQ_NONE, END_TEXT),
                    _ => (REQ_NONE, END_LINE),
                };
                Info {
                    null: vec![NullE {
                        req,
                        end,
                        ..Self::skip()
                    }],
                    ..Info::default()
                }
            }
            Node::Set(s)
                if self.split_word && {
                    let w = crate::parse::word();
                    !s.intersect(&w).is_empty() && !s.minus(&w).is_empty()
                } =>
            {
                // Next to a \b, a set of word and non-word characters is split in two so the
                // boundary can restrict what follows each part. The parts are disjoint, so no
                // ambiguity is added.
                let w = crate::parse::word();
                let alt = Node::Alt(vec![Node::Set(s.intersect(&w)), Node::Set(s.minus(&w))]);
                self.build(&alt)?
            }
            Node::Set(s) => {
                if self.sets.len() >= self.max_positions {
                    return Err(TooBig);
                }
                let pos = self.sets.len() as u32;
                self.sets.push(s.clone());
                self.atomic.push(self.cur_atomic);
                self.follow.push(Vec::new());
                let e = Entry {
                    pos,
                    kind: 0,
                    excl: CharSet::empty(),
                    mult: 1,
                    wb: WB_ANY,
                };
                Info {
                    first: vec![e.clone()],
                    last: vec![e],
                    null: Vec::new(),
                }
            }
            Node::Concat(v) => {
                let mut acc = Info {
                    null: vec![Self::skip()],
                    ..Info::default()
                };
                for n in v {
                    let i = self.build(n)?;
                    acc = self.concat(acc, i);
                }
                acc
            }
            Node::Alt(v) => {
                let mut out = Info::default();
                for n in v {
                    let i = self.build(n)?;
                    for e in i.first {
                        push_entry(&mut out.first, e);
                    }
                    for e in i.last {
                        push_entry(&mut out.last, e);
                    }
                    for e in i.null {
                        push_null(&mut out.null, e);
                    }
                }
                out
            }
            Node::Group { node, .. } => self.build(node)?,
            Node::Atomic(inner) => {
                let outer = self.cur_atomic;
                if outer.is_none() {
                    self.cur_atomic = Some(self.next_atomic);
                    self.next_atomic += 1;
                }
                let mut inner = &**inner;
                while let Node::Group { node, .. } = inner {
                    inner = node;
                }
                let r = match inner {
                    // The group keeps the loop's first success: the fewest iterations for a
                    // lazy loop, as many as can start for a greedy one.
                    Node::Repeat {
                        node,
                        min,
                        greed: Greed::Lazy,
                        ..
                    } => self.repeat(node, *min, Some(*min), false),
                    Node::Repeat { node, min, max, .. } => self.repeat(node, *min, *max, true),
                    other => self.build(other),
                };
                self.cur_atomic = outer;
                r?
            }
            Node::Repeat {
                node,
                min,
                max,
                greed,
            } => {
                if *greed == Greed::Possessive {
                    let outer = self.cur_atomic;
                    if outer.is_none() {
                        self.cur_atomic = Some(self.next_atomic);
                        self.next_atomic += 1;
                    }
                    let r = self.repeat(node, *min, *max, true);
                    self.cur_atomic = outer;
                    r?
                } else {
                    self.repeat(node, *min, *max, false)?
                }
            }
        })
    }

    /// `body{min,max}`; `possessive` makes every optional iteration mandatory when the next
    /// character can start it (an approximation of "never give back").
    fn repeat(
        &mut self,
        body: &Node,
        min: u32,
        max: Option<u32>,
        possessive: bool,
    ) -> Result<Info, TooBig> {
        let mut min = min;
        let mut max = max;
        if max == Some(min) && min > CLAMP {
            // An exact count stays exact (no loop appears), only shorter.
            min = CLAMP;
            max = Some(CLAMP);
            self.clamped = true;
        }
        let mut relaxed_bound = None;
        if max.is_some_and(|m| m > CLAMP) {
            relaxed_bound = max;
            max = None;
            self.clamped = true;
        }
        if min > CLAMP {
            min = CLAMP;
            self.clamped = true;
        }
        let mut acc = Info {
            null: vec![Self::skip()],
            ..Info::default()
        };
        let fixed = if max.is_none() && min > 0 {
            min - 1
        } else {
            min
        };
        for _ in 0..fixed {
            let b = self.build(body)?;
            acc = self.concat(acc, b);
        }
        let tail = match max {
            None => {
                let b = self.build(body)?;
                self.link_bounded(&b.last, &b.first, relaxed_bound);
                let fc = if possessive {
                    self.first_chars(&b)
                } else {
                    CharSet::empty()
                };
                let mut last = b.last.clone();
                for l in &mut last {
                    l.excl = l.excl.union(&fc);
                }
                let null = if min == 0 {
                    vec![NullE {
                        excl: fc,
                        ..Self::skip()
                    }]
                } else {
                    b.null.clone()
                };
                Info {
                    first: b.first,
                    last,
                    null,
                }
            }
            Some(m) => {
                // body (body (body)?)? built inside out.
                let mut inner: Option<Info> = None;
                for _ in min..m {
                    let b = self.build(body)?;
                    let fc = if possessive {
                        self.first_chars(&b)
                    } else {
                        CharSet::empty()
                    };
                    let mut layer = match inner.take() {
                        Some(i) => self.concat(b, i),
                        None => b,
                    };
                    push_null(
                        &mut layer.null,
                        NullE {
                            excl: fc,
                            ..Self::skip()
                        },
                    );
                    inner = Some(layer);
                }
                inner.unwrap_or(Info {
                    null: vec![Self::skip()],
                    ..Info::default()
                })
            }
        };
        Ok(self.concat(acc, tail))
    }
}

/// A transition: to a state, on the classes of the label with this index.
#[derive(Clone, Copy, Debug)]
pub struct Edge {
    pub to: u32,
    pub label: u32,
    /// Set when the edge only exists as the back edge of a `{n,m}` (m > 16) treated as
    /// unbounded: the loop it closes really stops after m iterations.
    pub bound: Option<u32>,
}

/// The automaton the ambiguity analysis runs on.
#[derive(Debug)]
pub struct Nfa {
    /// Outgoing edges of each state; a duplicated edge is a second, parallel path.
    pub edges: Vec<Vec<Edge>>,
    /// Class bitsets, `words` u64 each, indexed by `Edge::label`.
    pub labels: Vec<u64>,
    pub words: usize,
    /// The alphabet partition: disjoint sets covering every code point.
    pub classes: Vec<CharSet>,
    /// A readable character of each class.
    pub reps: Vec<char>,
    pub accept: Vec<u8>,
    pub atomic: Vec<Option<u32>>,
    /// The states that stand for "no attempt started yet" after the first character (search mode).
    pub search_states: Vec<u32>,
    /// Repetition bounds had to be clamped.
    pub clamped: bool,
}

impl Nfa {
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    pub fn label(&self, l: u32) -> &[u64] {
        let s = l as usize * self.words;
        &self.labels[s..s + self.words]
    }

    pub fn label_has(&self, l: u32, class: usize) -> bool {
        (self.label(l)[class / 64] >> (class % 64)) & 1 == 1
    }

    pub fn intersects(&self, a: u32, b: u32) -> bool {
        self.label(a)
            .iter()
            .zip(self.label(b))
            .any(|(x, y)| x & y != 0)
    }

    /// The classes in both labels.
    pub fn common_classes(&self, a: u32, b: u32) -> impl Iterator<Item = usize> + '_ {
        let (la, lb) = (self.label(a), self.label(b));
        (0..self.classes.len()).filter(move |&c| ((la[c / 64] & lb[c / 64]) >> (c % 64)) & 1 == 1)
    }

    pub fn class_of(&self, c: char) -> usize {
        let cp = c as u32;
        self.classes
            .iter()
            .position(|s| s.contains(cp))
            .unwrap_or(0)
    }
}

/// Builds the NFA. State 0 is the start of the text; in [`MatchMode::Search`] one or two more
/// states stand for "the attempt starts later" (two when a pattern has a line-start `^`).
pub fn build(node: &Node, mode: MatchMode, max_positions: usize) -> Result<Nfa, TooBig> {
    let mut b = Builder {
        sets: Vec::new(),
        atomic: Vec::new(),
        follow: Vec::new(),
        cur_atomic: None,
        next_atomic: 0,
        max_positions,
        clamped: false,
        split_word: node.any(&|n| {
            matches!(
                n,
                Node::Assert(Assertion::WordBoundary | Assertion::NotWordBoundary)
            )
        }),
    };
    let info = b.build(node)?;

    let unanchored =
        info.first.iter().any(|e| e.kind < REQ_TEXT) || info.null.iter().any(|n| n.req < REQ_TEXT);
    let needs_line = info.first.iter().any(|e| e.kind == REQ_LINE)
        || info.null.iter().any(|n| n.req == REQ_LINE);
    let needs_wb = info.first.iter().any(|e| e.wb != WB_ANY);
    // Search states: "the attempt starts later", remembering what the previous character was
    // when a leading ^ (line) or \b needs to know.
    let search = mode == MatchMode::Search && unanchored;
    let m_state = search.then_some(1u32);
    let l_state = (search && needs_line).then_some(1 + m_state.is_some() as u32);
    let w_state =
        (search && needs_wb).then_some(1 + m_state.is_some() as u32 + l_state.is_some() as u32);
    let offset = 1 + m_state.is_some() as u32 + l_state.is_some() as u32 + w_state.is_some() as u32;
    let n = offset as usize + b.sets.len();

    let newline = CharSet::single('\n');
    let word = crate::parse::word();
    let mut raw: Vec<Vec<(u32, CharSet, Option<u32>)>> = vec![Vec::new(); n];
    let mut accept = vec![0u8; n];
    let acc_bit = |end: u8| match (end, mode) {
        (END_FREE, MatchMode::Full) => ACC_TEXT,
        (END_FREE, _) => ACC_FREE,
        (END_LINE, _) => ACC_LINE,
        _ => ACC_TEXT,
    };
    // (state, the strongest start requirement it satisfies, the previous character's set)
    let non_word = word.negate();
    let entry_states: Vec<(u32, u8, &CharSet)> = [(0u32, REQ_TEXT, &non_word)]
        .into_iter()
        .chain(m_state.map(|m| (m, REQ_NONE, &non_word)))
        .chain(l_state.map(|l| (l, REQ_LINE, &non_word)))
        .chain(w_state.map(|w| (w, REQ_NONE, &word)))
        .collect();
    for &(s, max_req, prev) in &entry_states {
        for f in &info.first {
            if f.kind <= max_req {
                let label = b.sets[f.pos as usize]
                    .minus(&f.excl)
                    .minus(&wb_excl(prev, f.wb));
                for _ in 0..f.mult {
                    raw[s as usize].push((f.pos + offset, label.clone(), None));
                }
            }
        }
        for nl in &info.null {
            if nl.req <= max_req {
                accept[s as usize] |= acc_bit(nl.end);
            }
        }
    }
    if let Some(m) = m_state {
        // Where each character leads: to the line-start state after a newline, to the
        // after-a-word-character state after one, else to the plain one.
        let mut targets: Vec<(u32, CharSet)> = Vec::new();
        let mut rest = CharSet::full();
        if let Some(l) = l_state {
            targets.push((l, newline.clone()));
            rest = rest.minus(&newline);
        }
        if let Some(w) = w_state {
            targets.push((w, word.clone()));
            rest = rest.minus(&word);
        }
        targets.push((m, rest));
        for &(s, _, _) in &entry_states {
            for (t, set) in &targets {
                raw[s as usize].push((*t, set.clone(), None));
            }
        }
    }
    for (p, list) in b.follow.iter().enumerate() {
        for (q, excl, mult, bound) in list {
            let label = b.sets[*q as usize].minus(excl);
            for _ in 0..*mult {
                raw[p + offset as usize].push((q + offset, label.clone(), *bound));
            }
        }
    }
    for l in &info.last {
        accept[(l.pos + offset) as usize] |= acc_bit(l.kind);
    }

    // Alphabet partition over every label, with the newline always a class of its own.
    let mut distinct: HashMap<CharSet, u32> = HashMap::new();
    let mut label_sets: Vec<CharSet> = Vec::new();
    let mut edges: Vec<Vec<Edge>> = vec![Vec::new(); n];
    for (s, list) in raw.into_iter().enumerate() {
        for (to, set, bound) in list {
            if set.is_empty() {
                continue;
            }
            let id = *distinct.entry(set.clone()).or_insert_with(|| {
                label_sets.push(set);
                (label_sets.len() - 1) as u32
            });
            edges[s].push(Edge {
                to,
                label: id,
                bound,
            });
        }
    }
    let (classes, membership) = partition(&label_sets, &newline);
    let words = classes.len().div_ceil(64).max(1);
    let mut labels = vec![0u64; words * label_sets.len()];
    for (li, cls) in membership.iter().enumerate() {
        for &c in cls {
            labels[li * words + c / 64] |= 1 << (c % 64);
        }
    }
    let reps = classes
        .iter()
        .map(|c| c.pick().unwrap_or('\u{FFFD}'))
        .collect();
    let mut atomic = vec![None; offset as usize];
    atomic.extend(b.atomic.iter().copied());
    Ok(Nfa {
        edges,
        labels,
        words,
        classes,
        reps,
        accept,
        atomic,
        search_states: m_state.into_iter().chain(l_state).chain(w_state).collect(),
        clamped: b.clamped,
    })
}

/// Splits the code points into classes no label cuts; returns the classes and, for each label,
/// the classes it is made of.
fn partition(sets: &[CharSet], newline: &CharSet) -> (Vec<CharSet>, Vec<Vec<usize>>) {
    let mut bounds: Vec<u32> = vec![0, crate::charset::MAX_CP + 1];
    for s in sets.iter().chain(std::iter::once(newline)) {
        for &(a, b) in s.ranges() {
            bounds.push(a);
            bounds.push(b + 1);
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    let intervals = bounds.len() - 1;
    let all: Vec<&CharSet> = sets.iter().chain(std::iter::once(newline)).collect();
    let sw = all.len().div_ceil(64);
    let mut sig = vec![0u64; intervals * sw];
    for (si, s) in all.iter().enumerate() {
        for &(a, b) in s.ranges() {
            let lo = bounds.partition_point(|&x| x < a);
            let hi = bounds.partition_point(|&x| x <= b);
            for iv in lo..hi {
                sig[iv * sw + si / 64] |= 1 << (si % 64);
            }
        }
    }
    let mut class_of_sig: HashMap<&[u64], usize> = HashMap::new();
    let mut class_ranges: Vec<Vec<(u32, u32)>> = Vec::new();
    let mut interval_class = vec![0usize; intervals];
    for iv in 0..intervals {
        let key = &sig[iv * sw..(iv + 1) * sw];
        let c = *class_of_sig.entry(key).or_insert_with(|| {
            class_ranges.push(Vec::new());
            class_ranges.len() - 1
        });
        class_ranges[c].push((bounds[iv], bounds[iv + 1] - 1));
        interval_class[iv] = c;
    }
    let classes: Vec<CharSet> = class_ranges.into_iter().map(CharSet::from_ranges).collect();
    let membership = (0..sets.len())
        .map(|si| {
            let mut v: Vec<usize> = (0..intervals)
                .filter(|&iv| (sig[iv * sw + si / 64] >> (si % 64)) & 1 == 1)
                .map(|iv| interval_class[iv])
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    (classes, membership)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse, Mode};
    use crate::Flavor;

    fn nfa(p: &str, mode: MatchMode) -> Nfa {
        let m = Mode {
            multi_line: p.contains("(?m)"),
            ..Mode::default()
        };
        build(&parse(p, Flavor::Pcre, m).unwrap().node, mode, 100).unwrap()
    }

    /// Edges from the last state to itself.
    fn self_loops(n: &Nfa) -> usize {
        let last = n.len() - 1;
        n.edges[last]
            .iter()
            .filter(|e| e.to as usize == last)
            .count()
    }

    #[test]
    fn nested_stars_keep_their_parallel_edges() {
        assert_eq!(self_loops(&nfa("a*", MatchMode::Prefix)), 1);
        // The position automaton with sets would merge these into one edge and hide the
        // ambiguity that makes (a*)* exponential.
        assert_eq!(self_loops(&nfa("(a*)*", MatchMode::Prefix)), 2);
        assert_eq!(self_loops(&nfa("(a+)+", MatchMode::Prefix)), 2);
    }

    #[test]
    fn anchors_decide_the_search_states() {
        assert_eq!(nfa("a", MatchMode::Search).search_states.len(), 1);
        assert!(nfa("^a", MatchMode::Search).search_states.is_empty());
        assert_eq!(nfa("^a|b", MatchMode::Search).search_states.len(), 1);
        assert_eq!(nfa("(?m)^a", MatchMode::Search).search_states.len(), 2);
        assert!(nfa("a", MatchMode::Prefix).search_states.is_empty());
    }

    #[test]
    fn acceptance_follows_end_anchors() {
        let n = nfa("a$", MatchMode::Prefix);
        assert_eq!(n.accept[n.len() - 1], ACC_LINE);
        let n = nfa("a\\z", MatchMode::Prefix);
        assert_eq!(n.accept[n.len() - 1], ACC_TEXT);
        let n = nfa("a", MatchMode::Prefix);
        assert_eq!(n.accept[n.len() - 1], ACC_FREE);
        let n = nfa("a", MatchMode::Full);
        assert_eq!(n.accept[n.len() - 1], ACC_TEXT);
    }

    #[test]
    fn possessive_loop_cannot_exit_on_its_own_character() {
        // a*+a can never match: the loop keeps every a.
        let n = nfa("a*+a", MatchMode::Prefix);
        let reach_last = n
            .edges
            .iter()
            .flatten()
            .any(|e| e.to as usize == n.len() - 1);
        assert!(!reach_last);
        let n = nfa("a*a", MatchMode::Prefix);
        assert!(n
            .edges
            .iter()
            .flatten()
            .any(|e| e.to as usize == n.len() - 1));
    }

    #[test]
    fn partition_is_disjoint_and_covers_everything() {
        let n = nfa("[a-m]x|[h-z]+\\d", MatchMode::Search);
        let mut all = CharSet::empty();
        for (i, a) in n.classes.iter().enumerate() {
            for b in &n.classes[i + 1..] {
                assert!(a.intersect(b).is_empty());
            }
            all = all.union(a);
        }
        assert_eq!(all, CharSet::full());
    }
}
