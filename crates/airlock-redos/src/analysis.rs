//! Ambiguity analysis of the NFA: exponential degree (EDA) through the pair graph, infinite
//! polynomial degree (IDA) through the triple graph, and the degree as the longest chain.

use std::collections::{HashMap, VecDeque};

use crate::nfa::Nfa;

/// A set of alphabet classes, as a bitset.
pub type ClassSet = Vec<u64>;

type LabelPair = (u32, u32);
type PairEdge = (u32, LabelPair, bool);

/// The classes in every one of the labels.
fn and(nfa: &Nfa, labels: &[u32]) -> ClassSet {
    let mut out = nfa.label(labels[0]).to_vec();
    for &l in &labels[1..] {
        for (o, x) in out.iter_mut().zip(nfa.label(l)) {
            *o &= x;
        }
    }
    out
}

/// The work budget ran out.
#[derive(Debug)]
pub struct OutOfBudget;

/// Strongly connected components of a graph given as adjacency lists; components come out in
/// reverse topological order (a component before every component that reaches it).
pub fn scc(adj: &[Vec<u32>]) -> (Vec<u32>, usize) {
    let n = adj.len();
    let mut index = vec![u32::MAX; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![u32::MAX; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut next = 0u32;
    let mut ncomp = 0usize;
    let mut call: Vec<(u32, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != u32::MAX {
            continue;
        }
        call.push((root as u32, 0));
        while let Some(&mut (v, ref mut i)) = call.last_mut() {
            let vu = v as usize;
            if *i == 0 {
                index[vu] = next;
                low[vu] = next;
                next += 1;
                stack.push(v);
                on_stack[vu] = true;
            }
            if *i < adj[vu].len() {
                let w = adj[vu][*i] as usize;
                *i += 1;
                if index[w] == u32::MAX {
                    call.push((w as u32, 0));
                } else if on_stack[w] {
                    low[vu] = low[vu].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(p, _)) = call.last() {
                low[p as usize] = low[p as usize].min(low[vu]);
            }
            if low[vu] == index[vu] {
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    comp[w as usize] = ncomp as u32;
                    if w == v {
                        break;
                    }
                }
                ncomp += 1;
            }
        }
    }
    (comp, ncomp)
}

/// The component structure of the NFA.
pub struct Components {
    pub comp: Vec<u32>,
    pub count: usize,
    /// Whether the component has a cycle (more than one state, or a self-loop).
    pub cyclic: Vec<bool>,
    /// `reach[a][b]`: component b is reachable from component a (a reaches itself).
    pub reach: Vec<Vec<bool>>,
    pub members: Vec<Vec<u32>>,
}

pub fn components(nfa: &Nfa) -> Components {
    let adj: Vec<Vec<u32>> = nfa
        .edges
        .iter()
        .map(|es| es.iter().map(|e| e.to).collect())
        .collect();
    let (comp, count) = scc(&adj);
    let mut members = vec![Vec::new(); count];
    for (s, &c) in comp.iter().enumerate() {
        members[c as usize].push(s as u32);
    }
    let mut cyclic = vec![false; count];
    for (s, es) in nfa.edges.iter().enumerate() {
        for e in es {
            if comp[e.to as usize] == comp[s] {
                cyclic[comp[s] as usize] = true;
            }
        }
    }
    let mut reach = vec![vec![false; count]; count];
    // Components are numbered sinks first, so successors are already complete.
    for c in 0..count {
        reach[c][c] = true;
        for &s in &members[c] {
            for e in &nfa.edges[s as usize] {
                let d = comp[e.to as usize] as usize;
                if d != c {
                    let (lo, hi) = reach.split_at_mut(c);
                    for (x, r) in hi[0].iter_mut().zip(&lo[d]) {
                        *x |= r;
                    }
                }
            }
        }
    }
    Components {
        comp,
        count,
        cyclic,
        reach,
        members,
    }
}

fn same_atomic(nfa: &Nfa, a: u32, b: u32) -> bool {
    a != b && nfa.atomic[a as usize].is_some() && nfa.atomic[a as usize] == nfa.atomic[b as usize]
}

/// Where a state q reaches itself on one word in two different ways.
#[derive(Debug, Clone)]
pub struct EdaWitness {
    pub state: u32,
    /// The word: at each step, the alphabet classes (a bitset) any of which will do.
    pub pump: Vec<ClassSet>,
}

/// Every EDA witness, at most one per component of the pair graph.
pub fn eda(
    nfa: &Nfa,
    comps: &Components,
    budget: &mut u64,
) -> Result<Vec<EdaWitness>, OutOfBudget> {
    let mut out = Vec::new();
    for c in 0..comps.count {
        if !comps.cyclic[c] {
            continue;
        }
        let members = &comps.members[c];
        let in_c = |s: u32| comps.comp[s as usize] as usize == c;
        // Pair graph restricted to this component.
        let mut ids: HashMap<(u32, u32), u32> = HashMap::new();
        let mut nodes: Vec<(u32, u32)> = Vec::new();
        // (to, the two labels, divergent)
        let mut adj: Vec<Vec<PairEdge>> = Vec::new();
        let mut queue = VecDeque::new();
        for &q in members {
            ids.insert((q, q), nodes.len() as u32);
            nodes.push((q, q));
            adj.push(Vec::new());
            queue.push_back(nodes.len() - 1);
        }
        while let Some(i) = queue.pop_front() {
            let (p, q) = nodes[i];
            for (i1, e1) in nfa.edges[p as usize].iter().enumerate() {
                if !in_c(e1.to) {
                    continue;
                }
                for (i2, e2) in nfa.edges[q as usize].iter().enumerate() {
                    if !in_c(e2.to) {
                        continue;
                    }
                    if *budget == 0 {
                        return Err(OutOfBudget);
                    }
                    *budget -= 1;
                    if !nfa.intersects(e1.label, e2.label) {
                        continue;
                    }
                    let (a, b) = (e1.to, e2.to);
                    if same_atomic(nfa, a, b) {
                        continue;
                    }
                    let divergent = p == q
                        && i1 != i2
                        && a == b
                        && !(nfa.atomic[p as usize].is_some()
                            && nfa.atomic[p as usize] == nfa.atomic[a as usize]);
                    let j = match ids.get(&(a, b)) {
                        Some(&j) => j,
                        None => {
                            let j = nodes.len() as u32;
                            ids.insert((a, b), j);
                            nodes.push((a, b));
                            adj.push(Vec::new());
                            queue.push_back(j as usize);
                            j
                        }
                    };
                    adj[i].push((j, (e1.label, e2.label), divergent));
                }
            }
        }
        let plain: Vec<Vec<u32>> = adj
            .iter()
            .map(|v| v.iter().map(|x| x.0).collect())
            .collect();
        let (pc, pcount) = scc(&plain);
        let mut done = vec![false; pcount];
        for (i, &(p, q)) in nodes.iter().enumerate() {
            if p != q {
                continue;
            }
            let k = pc[i] as usize;
            if done[k] {
                continue;
            }
            let in_k = |j: u32| pc[j as usize] as usize == k;
            // Find an off-diagonal node or a divergent edge inside this component.
            let mut target: Option<(u32, Option<(u32, LabelPair)>)> = None;
            for (j, &(a, b)) in nodes.iter().enumerate() {
                if in_k(j as u32) && a != b {
                    target = Some((j as u32, None));
                    break;
                }
            }
            if target.is_none() {
                'outer: for (j, es) in adj.iter().enumerate() {
                    if !in_k(j as u32) {
                        continue;
                    }
                    for &(t, labels, div) in es {
                        if div && in_k(t) {
                            target = Some((j as u32, Some((t, labels))));
                            break 'outer;
                        }
                    }
                }
            }
            let Some((mid, via)) = target else {
                continue;
            };
            done[k] = true;
            let start = i as u32;
            let mut steps = path(&adj, start, mid, &in_k);
            let back_from = match via {
                Some((t, labels)) => {
                    steps.push(labels);
                    t
                }
                None => mid,
            };
            steps.extend(path(&adj, back_from, start, &in_k));
            let pump: Vec<ClassSet> = steps.iter().map(|&(a, b)| and(nfa, &[a, b])).collect();
            if pump.is_empty() {
                continue;
            }
            out.push(EdaWitness { state: p, pump });
        }
    }
    Ok(out)
}

/// Label pairs along a shortest path from `from` to `to` staying where `keep` holds
/// (empty when from == to).
fn path(adj: &[Vec<PairEdge>], from: u32, to: u32, keep: &dyn Fn(u32) -> bool) -> Vec<(u32, u32)> {
    if from == to {
        return Vec::new();
    }
    let mut prev: HashMap<u32, (u32, (u32, u32))> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    while let Some(v) = queue.pop_front() {
        for &(w, labels, _) in &adj[v as usize] {
            if !keep(w) || w == from || prev.contains_key(&w) {
                continue;
            }
            prev.insert(w, (v, labels));
            if w == to {
                let mut out = Vec::new();
                let mut k = w;
                while k != from {
                    let (p, c) = prev[&k];
                    out.push(c);
                    k = p;
                }
                out.reverse();
                return out;
            }
            queue.push_back(w);
        }
    }
    Vec::new()
}

/// Where p != q and p -> p, p -> q, q -> q all read one word.
#[derive(Debug, Clone)]
pub struct IdaWitness {
    pub from: u32,
    pub to: u32,
    pub word: Vec<ClassSet>,
}

type Triple = (u32, u32, u32);

/// The IDA witness between two cyclic components, if any.
pub fn ida_between(
    nfa: &Nfa,
    comps: &Components,
    c1: usize,
    c2: usize,
    budget: &mut u64,
) -> Result<Option<IdaWitness>, OutOfBudget> {
    let comp = |s: u32| comps.comp[s as usize] as usize;
    let between = |s: u32| comps.reach[c1][comp(s)] && comps.reach[comp(s)][c2];
    for &p in &comps.members[c1] {
        for &q in &comps.members[c2] {
            let start = (p, p, q);
            let goal = (p, q, q);
            let mut prev: HashMap<Triple, (Triple, ClassSet)> = HashMap::new();
            let mut queue = VecDeque::from([start]);
            while let Some((x, y, z)) = queue.pop_front() {
                for e1 in &nfa.edges[x as usize] {
                    if comp(e1.to) != c1 {
                        continue;
                    }
                    for e2 in &nfa.edges[y as usize] {
                        if !between(e2.to) || !nfa.intersects(e1.label, e2.label) {
                            continue;
                        }
                        if same_atomic(nfa, e1.to, e2.to) {
                            continue;
                        }
                        for e3 in &nfa.edges[z as usize] {
                            if *budget == 0 {
                                return Err(OutOfBudget);
                            }
                            *budget -= 1;
                            if comp(e3.to) != c2 || same_atomic(nfa, e2.to, e3.to) {
                                continue;
                            }
                            let l1 = nfa.label(e1.label);
                            let l2 = nfa.label(e2.label);
                            let l3 = nfa.label(e3.label);
                            let Some(_) = (0..nfa.classes.len()).find(|&c| {
                                (l1[c / 64] & l2[c / 64] & l3[c / 64]) >> (c % 64) & 1 == 1
                            }) else {
                                continue;
                            };
                            let next = (e1.to, e2.to, e3.to);
                            if prev.contains_key(&next) {
                                continue;
                            }
                            prev.insert(
                                next,
                                ((x, y, z), and(nfa, &[e1.label, e2.label, e3.label])),
                            );
                            if next == goal {
                                let mut word = Vec::new();
                                let mut k = next;
                                loop {
                                    let (pk, c) = prev[&k].clone();
                                    word.push(c);
                                    k = pk;
                                    if k == start {
                                        break;
                                    }
                                }
                                word.reverse();
                                return Ok(Some(IdaWitness {
                                    from: p,
                                    to: q,
                                    word,
                                }));
                            }
                            queue.push_back(next);
                        }
                    }
                }
            }
        }
    }
    Ok(None)
}

/// Chains of cyclic components linked by IDA witnesses, longest first.
pub fn ida_chains(
    nfa: &Nfa,
    comps: &Components,
    budget: &mut u64,
) -> Result<Vec<Vec<IdaWitness>>, OutOfBudget> {
    let cyc: Vec<usize> = (0..comps.count).filter(|&c| comps.cyclic[c]).collect();
    let mut links: HashMap<usize, Vec<(usize, IdaWitness)>> = HashMap::new();
    for &a in &cyc {
        for &b in &cyc {
            if a != b && comps.reach[a][b] {
                if let Some(w) = ida_between(nfa, comps, a, b, budget)? {
                    links.entry(a).or_default().push((b, w));
                }
            }
        }
    }
    // Longest chain starting at each component (components are numbered sinks first).
    let mut best = vec![0usize; comps.count];
    let mut next: Vec<Option<usize>> = vec![None; comps.count];
    for &c in &cyc {
        best[c] = 1;
        if let Some(ls) = links.get(&c) {
            for (i, (d, _)) in ls.iter().enumerate() {
                if best[*d] + 1 > best[c] {
                    best[c] = best[*d] + 1;
                    next[c] = Some(i);
                }
            }
        }
    }
    let mut chains: Vec<Vec<IdaWitness>> = Vec::new();
    let mut seen: std::collections::HashSet<Vec<(u32, u32)>> = Default::default();
    let mut add = |ch: &[IdaWitness], chains: &mut Vec<Vec<IdaWitness>>| {
        let key: Vec<(u32, u32)> = ch.iter().map(|w| (w.from, w.to)).collect();
        if !ch.is_empty() && seen.insert(key) {
            chains.push(ch.to_vec());
        }
    };
    for &c in &cyc {
        let mut ch = Vec::new();
        let mut cur = c;
        while let Some(i) = next[cur] {
            let (d, w) = &links[&cur][i];
            ch.push(w.clone());
            cur = *d;
        }
        for len in (1..=ch.len()).rev() {
            for s in 0..=ch.len() - len {
                add(&ch[s..s + len], &mut chains);
            }
        }
    }
    for ls in links.values() {
        for (_, w) in ls {
            add(std::slice::from_ref(w), &mut chains);
        }
    }
    chains.sort_by_key(|c| std::cmp::Reverse(c.len()));
    chains.truncate(512);
    Ok(chains)
}

/// A shortest word from the start state to `target`.
pub fn word_to(nfa: &Nfa, target: u32) -> Option<Vec<usize>> {
    if target == 0 || nfa.search_states.contains(&target) {
        // A search state behaves like the start state until an attempt begins.
        return Some(Vec::new());
    }
    let mut prev: HashMap<u32, (u32, usize)> = HashMap::new();
    let mut queue = VecDeque::from([0u32]);
    while let Some(v) = queue.pop_front() {
        for e in &nfa.edges[v as usize] {
            if e.to == 0 || prev.contains_key(&e.to) {
                continue;
            }
            let class = nfa.common_classes(e.label, e.label).next()?;
            prev.insert(e.to, (v, class));
            if e.to == target {
                let mut out = Vec::new();
                let mut k = target;
                while k != 0 {
                    let (p, c) = prev[&k];
                    out.push(c);
                    k = p;
                }
                out.reverse();
                return Some(out);
            }
            queue.push_back(e.to);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nfa::{build, MatchMode};
    use crate::parse::{parse, Mode};
    use crate::Flavor;

    fn eda_count(p: &str) -> usize {
        let nfa = build(
            &parse(p, Flavor::Pcre, Mode::default()).unwrap().node,
            MatchMode::Prefix,
            100,
        )
        .unwrap();
        let comps = components(&nfa);
        eda(&nfa, &comps, &mut 1_000_000).unwrap().len()
    }

    fn chain_len(p: &str) -> usize {
        let nfa = build(
            &parse(p, Flavor::Pcre, Mode::default()).unwrap().node,
            MatchMode::Prefix,
            100,
        )
        .unwrap();
        let comps = components(&nfa);
        ida_chains(&nfa, &comps, &mut 1_000_000)
            .unwrap()
            .first()
            .map_or(0, |c| c.len())
    }

    #[test]
    fn scc_finds_cycles() {
        let adj = vec![vec![1], vec![2], vec![0, 3], vec![]];
        let (comp, n) = scc(&adj);
        assert_eq!(n, 2);
        assert_eq!(comp[0], comp[1]);
        assert_eq!(comp[1], comp[2]);
        assert_ne!(comp[2], comp[3]);
    }

    #[test]
    fn eda_needs_two_ways_around_a_loop() {
        assert!(eda_count("(a|a)*") > 0);
        assert!(eda_count("(a*)*") > 0);
        assert_eq!(eda_count("(a|b)*"), 0);
        assert_eq!(eda_count("(ab|a)*c"), 0);
        assert_eq!(eda_count("a*a*"), 0);
    }

    #[test]
    fn ida_chain_counts_overlapping_loops() {
        assert_eq!(chain_len("a*b*"), 0);
        assert_eq!(chain_len("a*a*"), 1);
        assert_eq!(chain_len("a*a*a*"), 2);
        assert_eq!(chain_len("\\d*0*\\d*"), 2);
        assert_eq!(chain_len("a*ba*"), 0);
    }
}
