//! Simulating candidate attack strings on the NFA: does every attempt fail, what suffix makes
//! it fail, and how fast does the number of paths a backtracking matcher walks grow.

use crate::analysis::ClassSet;
use crate::nfa::{Nfa, ACC_FREE, ACC_LINE};

/// A set of NFA states as a bitset.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct States(Vec<u64>);

impl States {
    pub fn new(n: usize) -> Self {
        States(vec![0; n.div_ceil(64).max(1)])
    }

    pub fn insert(&mut self, s: usize) {
        self.0[s / 64] |= 1 << (s % 64);
    }

    pub fn remove(&mut self, s: usize) {
        self.0[s / 64] &= !(1 << (s % 64));
    }

    pub fn has(&self, s: usize) -> bool {
        (self.0[s / 64] >> (s % 64)) & 1 == 1
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    pub fn union_with(&mut self, o: &States) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= b;
        }
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &w)| {
            let mut rest = w;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let b = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(i * 64 + b)
            })
        })
    }

    fn clear(&mut self) {
        self.0.iter_mut().for_each(|w| *w = 0);
    }
}

pub struct Sim<'a> {
    pub nfa: &'a Nfa,
    newline: usize,
}

impl<'a> Sim<'a> {
    pub fn new(nfa: &'a Nfa) -> Self {
        let newline = nfa.class_of('\n');
        Sim { nfa, newline }
    }

    pub fn start(&self) -> States {
        let mut s = States::new(self.nfa.len());
        s.insert(0);
        s
    }

    pub fn step(&self, s: &States, class: usize) -> States {
        let mut out = States::new(self.nfa.len());
        self.step_into(s, class, &mut out);
        out
    }

    fn step_into(&self, s: &States, class: usize, out: &mut States) {
        out.clear();
        for st in s.iter() {
            for e in &self.nfa.edges[st] {
                if self.nfa.label_has(e.label, class) {
                    out.insert(e.to as usize);
                }
            }
        }
    }

    /// Some attempt succeeds here, before reading a character of `class`.
    pub fn accepts_before(&self, s: &States, class: usize) -> bool {
        s.iter().any(|st| {
            let a = self.nfa.accept[st];
            a & ACC_FREE != 0 || (a & ACC_LINE != 0 && class == self.newline)
        })
    }

    pub fn accepts_at_end(&self, s: &States) -> bool {
        s.iter().any(|st| self.nfa.accept[st] != 0)
    }

    fn close_window(&self, s: &mut States) {
        for &m in &self.nfa.search_states {
            s.remove(m as usize);
        }
    }

    /// Whether every attempt starting before the suffix fails on `prefix pump^n suffix`
    /// (an attempt counts as succeeding as soon as any path of it can accept).
    pub fn rejects(&self, prefix: &[usize], pump: &[usize], suffix: &[usize], n: usize) -> bool {
        let window = prefix.len() + n * pump.len();
        let seq = prefix
            .iter()
            .chain((0..n).flat_map(|_| pump.iter()))
            .chain(suffix);
        let mut s = self.start();
        let mut next = States::new(self.nfa.len());
        for (t, &c) in seq.enumerate() {
            if t >= window {
                self.close_window(&mut s);
            }
            if self.accepts_before(&s, c) {
                return false;
            }
            self.step_into(&s, c, &mut next);
            std::mem::swap(&mut s, &mut next);
            if s.is_empty() {
                return true;
            }
        }
        self.close_window(&mut s);
        !self.accepts_at_end(&s)
    }

    /// Picks one class for each step of a pump given as class sets: the class that keeps
    /// attempts from succeeding, simulated from the prefix through one pump.
    pub fn concretize(&self, prefix: &[usize], pump: &[ClassSet]) -> Vec<usize> {
        let mut s = self.start();
        for &c in prefix {
            s = self.step(&s, c);
        }
        let mut out = Vec::with_capacity(pump.len());
        for set in pump {
            let mut best: Option<(u8, usize, States)> = None;
            for c in (0..self.nfa.classes.len()).filter(|&c| (set[c / 64] >> (c % 64)) & 1 == 1) {
                let next = self.step(&s, c);
                let free_next = next.iter().any(|st| self.nfa.accept[st] & ACC_FREE != 0);
                let score = 2 * self.accepts_before(&s, c) as u8 + free_next as u8;
                if best.as_ref().is_none_or(|b| score < b.0) {
                    best = Some((score, c, next));
                    if score == 0 {
                        break;
                    }
                }
            }
            let Some((_, c, next)) = best else {
                break;
            };
            out.push(c);
            s = next;
        }
        out
    }

    /// Whether no attempt succeeds while reading `prefix pump^n` (start window open).
    pub fn survives_pumping(&self, prefix: &[usize], pump: &[usize], n: usize) -> bool {
        let mut s = self.start();
        let mut next = States::new(self.nfa.len());
        for &c in prefix.iter().chain((0..n).flat_map(|_| pump.iter())) {
            if self.accepts_before(&s, c) {
                return false;
            }
            self.step_into(&s, c, &mut next);
            std::mem::swap(&mut s, &mut next);
        }
        true
    }

    /// A shortest suffix that makes every attempt fail after `prefix pump^n` for every n >= 1,
    /// found from the union of the state sets the pumping cycles through.
    pub fn find_suffix(
        &self,
        prefix: &[usize],
        pump: &[usize],
        budget: &mut u64,
    ) -> Option<Vec<usize>> {
        let mut s = self.start();
        for &c in prefix {
            s = self.step(&s, c);
        }
        let mut seen: Vec<States> = Vec::new();
        let mut union = States::new(self.nfa.len());
        for _ in 0..64 {
            for &c in pump {
                s = self.step(&s, c);
            }
            *budget = budget.saturating_sub(pump.len() as u64 * 4);
            union.union_with(&s);
            if seen.contains(&s) {
                break;
            }
            seen.push(s.clone());
        }
        self.close_window(&mut union);
        let mut queue = std::collections::VecDeque::new();
        let mut visited: std::collections::HashMap<States, Option<(usize, usize)>> =
            Default::default();
        let mut nodes: Vec<States> = vec![union.clone()];
        visited.insert(union, None);
        queue.push_back(0usize);
        while let Some(i) = queue.pop_front() {
            let cur = nodes[i].clone();
            if !self.accepts_at_end(&cur) {
                let mut out = Vec::new();
                let mut k = i;
                while let Some(Some((prev, c))) = visited.get(&nodes[k]).cloned() {
                    out.push(c);
                    k = prev;
                }
                out.reverse();
                return Some(out);
            }
            if nodes.len() > 400 || *budget == 0 {
                return None;
            }
            for c in 0..self.nfa.classes.len() {
                *budget = budget.saturating_sub(1);
                if self.accepts_before(&cur, c) {
                    continue;
                }
                let next = self.step(&cur, c);
                if !visited.contains_key(&next) {
                    visited.insert(next.clone(), Some((i, c)));
                    nodes.push(next);
                    queue.push_back(nodes.len() - 1);
                }
            }
        }
        None
    }

    /// log2 of the number of partial paths a backtracking matcher walks on
    /// `prefix pump^n suffix`, attempts from every start before the suffix included.
    pub fn log2_cost(&self, prefix: &[usize], pump: &[usize], suffix: &[usize], n: usize) -> f64 {
        let window = prefix.len() + n * pump.len();
        let len = self.nfa.len();
        let mut cnt = vec![0f64; len];
        let mut next = vec![0f64; len];
        cnt[0] = 1.0;
        let mut scale = 0f64; // true count = cnt * 2^scale
        let mut total = 0f64; // true total = total * 2^scale
        let seq = prefix
            .iter()
            .chain((0..n).flat_map(|_| pump.iter()))
            .chain(suffix);
        for (t, &c) in seq.enumerate() {
            if t >= window {
                for &m in &self.nfa.search_states {
                    cnt[m as usize] = 0.0;
                }
            }
            total += cnt.iter().sum::<f64>();
            next.iter_mut().for_each(|x| *x = 0.0);
            for (st, &k) in cnt.iter().enumerate() {
                if k == 0.0 {
                    continue;
                }
                for e in &self.nfa.edges[st] {
                    if self.nfa.label_has(e.label, c) {
                        next[e.to as usize] += k;
                    }
                }
            }
            std::mem::swap(&mut cnt, &mut next);
            let m = cnt.iter().cloned().fold(total, f64::max);
            if m > 1e200 {
                let f = m.log2().floor();
                let d = f.exp2();
                for x in cnt.iter_mut() {
                    *x /= d;
                }
                total /= d;
                scale += f;
            }
        }
        total += cnt.iter().sum::<f64>();
        total.max(1.0).log2() + scale
    }
}
