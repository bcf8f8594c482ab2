//! Turning ambiguity witnesses into checked attacks: candidate pumps, suffixes, the growth
//! measurement, and the re-analysis of atomic, possessive and lookaround bodies and of bounded
//! repetitions.

use crate::{
    analysis, ast, attack, charset, matcher, nfa, Attack, Complexity, Flavor, MatchMode, Options,
};

/// Pump counts at which a candidate attack must make every attempt fail.
const CHECK_REPEATS: [usize; 5] = [4, 5, 7, 16, 33];

/// A private-use character that marks where a replaced subtree was.
const MARK: char = '\u{F8FF}';

/// Paths (child indices) to atomic groups, possessive loops and lookarounds.
fn opaque_nodes(node: &ast::Node, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    use ast::Node;
    match node {
        Node::Atomic(_)
        | Node::Look { .. }
        | Node::Repeat {
            greed: ast::Greed::Possessive,
            ..
        } => out.push(path.clone()),
        _ => {}
    }
    let children: Vec<&Node> = match node {
        Node::Concat(v) | Node::Alt(v) => v.iter().collect(),
        Node::Repeat { node, .. }
        | Node::Group { node, .. }
        | Node::Atomic(node)
        | Node::Look { node, .. } => {
            vec![node]
        }
        _ => Vec::new(),
    };
    for (i, c) in children.into_iter().enumerate() {
        path.push(i);
        opaque_nodes(c, path, out);
        path.pop();
    }
}

fn child(node: &ast::Node, i: usize) -> Option<&ast::Node> {
    use ast::Node;
    match node {
        Node::Concat(v) | Node::Alt(v) => v.get(i),
        Node::Repeat { node, .. }
        | Node::Group { node, .. }
        | Node::Atomic(node)
        | Node::Look { node, .. } => Some(node),
        _ => None,
    }
}

fn replace_at(node: &ast::Node, path: &[usize], with: &ast::Node) -> ast::Node {
    use ast::Node;
    let Some((&i, rest)) = path.split_first() else {
        return with.clone();
    };
    let mut n = node.clone();
    match &mut n {
        Node::Concat(v) | Node::Alt(v) => v[i] = replace_at(&v[i], rest, with),
        Node::Repeat { node, .. }
        | Node::Group { node, .. }
        | Node::Atomic(node)
        | Node::Look { node, .. } => **node = replace_at(node, rest, with),
        _ => {}
    }
    n
}

/// Blow-ups the main analysis cannot see: inside an atomic group, a possessive loop's body or a
/// lookaround, a body that fails on its own still backtracks through all its ways. Each body is
/// analyzed alone; a candidate is reported only if the backtracking matcher, run on the whole
/// pattern, confirms the exponential growth.
pub(crate) fn inner_blowup(
    root: &ast::Node,
    groups: u32,
    flavor: Flavor,
    opts: &Options,
) -> Option<(Attack, f64, &'static str)> {
    use ast::Node;
    let mut paths = Vec::new();
    opaque_nodes(root, &mut Vec::new(), &mut paths);
    for path in paths.iter().take(3) {
        let mut node = root;
        for &i in path {
            node = child(node, i)?;
        }
        let (body, what) = match node {
            Node::Atomic(b) => (&**b, "an atomic group"),
            Node::Look { node, .. } => (&**node, "a lookaround"),
            Node::Repeat { node, .. } => (&**node, "a possessive loop"),
            _ => continue,
        };
        let Ok(sub) = nfa::build(body, MatchMode::Prefix, opts.max_positions) else {
            continue;
        };
        let mut budget = opts.budget;
        let Ok(Some((Complexity::Exponential, inner, _, _))) = find(&sub, &mut budget) else {
            continue;
        };
        // Reach the body from the start of the whole pattern.
        let marked = replace_at(root, path, &Node::Set(charset::CharSet::single(MARK)));
        let Ok(outer) = nfa::build(&marked, opts.mode, opts.max_positions) else {
            continue;
        };
        let mark_class = outer.class_of(MARK);
        let Some(mark_state) = outer
            .edges
            .iter()
            .flatten()
            .find(|e| outer.label_has(e.label, mark_class) && !outer.search_states.contains(&e.to))
            .map(|e| e.to)
        else {
            continue;
        };
        let Some(mut lead) = analysis::word_to(&outer, mark_state) else {
            continue;
        };
        lead.pop();
        let attack = Attack {
            prefix: to_string(&outer, &lead) + &inner.prefix,
            pump: inner.pump,
            suffix: inner.suffix,
        };
        if let Some(growth) = confirm_exponential(root, groups, flavor, opts.mode, &attack) {
            return Some((attack, growth, what));
        }
    }
    None
}

/// Runs the matcher: from a pump count n where the work is not trivial, 8 more pumps must
/// multiply the steps by 100, twice (polynomials slow down, exponentials do not). Returns the
/// log2 of the first factor.
pub(crate) fn confirm_exponential(
    root: &ast::Node,
    groups: u32,
    flavor: Flavor,
    mode: MatchMode,
    attack: &Attack,
) -> Option<f64> {
    const LIMIT: u64 = 300_000;
    // The matcher recurses once or more per character: keep inputs short enough for the
    // caller's stack (a 2 MiB thread is enough).
    const MAX_INPUT: usize = 400;
    if attack.build(33 + 16).chars().count() > MAX_INPUT {
        return None;
    }
    let run = |n: usize| matcher::run_node(root, groups, flavor, &attack.build(n), mode, LIMIT);
    let mut n = 1;
    let s1 = loop {
        let o = run(n);
        if o.aborted || n > 32 {
            return None;
        }
        if o.steps >= 200 {
            break o.steps;
        }
        n += 1;
    };
    let o2 = run(n + 8);
    if !o2.aborted && o2.steps < 100 * s1 {
        return None;
    }
    if !o2.aborted {
        let o3 = run(n + 16);
        if !o3.aborted && o3.steps < 100 * o2.steps {
            return None;
        }
    }
    Some((o2.steps as f64 / s1 as f64).log2())
}

/// The tree with every `{n,m}` whose range spans at least two counts made unbounded.
pub(crate) fn relax_bounds(node: &ast::Node, changed: &mut bool) -> ast::Node {
    use ast::Node;
    match node {
        Node::Concat(v) => Node::Concat(v.iter().map(|n| relax_bounds(n, changed)).collect()),
        Node::Alt(v) => Node::Alt(v.iter().map(|n| relax_bounds(n, changed)).collect()),
        Node::Repeat {
            node,
            min,
            max,
            greed,
        } => {
            let max = match max {
                Some(m) if *m >= min + 2 => {
                    *changed = true;
                    None
                }
                other => *other,
            };
            Node::Repeat {
                node: Box::new(relax_bounds(node, changed)),
                min: *min,
                max,
                greed: *greed,
            }
        }
        Node::Group { node, index } => Node::Group {
            node: Box::new(relax_bounds(node, changed)),
            index: *index,
        },
        Node::Atomic(n) => Node::Atomic(Box::new(relax_bounds(n, changed))),
        other => other.clone(),
    }
}

fn to_string(nfa: &nfa::Nfa, classes: &[usize]) -> String {
    classes.iter().map(|&c| nfa.reps[c]).collect()
}

/// The prefix leading to `state` and the concrete pumps worth trying for a pump given as
/// class sets: one chosen to keep attempts failing, and the plain first-class choice.
fn candidates(
    sim: &attack::Sim<'_>,
    state: u32,
    sets: &[analysis::ClassSet],
) -> Vec<(Vec<usize>, Vec<Vec<usize>>)> {
    let mut prefixes: Vec<Vec<usize>> = analysis::word_to(sim.nfa, state).into_iter().collect();
    // Only when the start state can enter the pattern where the search state cannot.
    let anchored_entries = sim.nfa.edges[0].len() > sim.nfa.edges[state as usize].len();
    if sim.nfa.search_states.contains(&state) && anchored_entries {
        // Pumping from the very start may let a start-anchored alternative match
        // (`^\s+|\s+$`): also try after one character that starts nothing.
        if let Some(c) = neutral_class(sim.nfa, state) {
            prefixes.push(vec![c]);
        }
    }
    prefixes
        .into_iter()
        .map(|prefix| {
            let pumps = pumps_for(sim, &prefix, sets);
            (prefix, pumps)
        })
        .collect()
}

/// A class that takes the start state to the search state `m` and into no position.
fn neutral_class(nfa: &nfa::Nfa, m: u32) -> Option<usize> {
    let to_m: Vec<u32> = nfa.edges[0]
        .iter()
        .filter(|e| e.to == m)
        .map(|e| e.label)
        .collect();
    let into_regex: Vec<u32> = nfa.edges[0]
        .iter()
        .filter(|e| !nfa.search_states.contains(&e.to))
        .map(|e| e.label)
        .collect();
    let all: Vec<usize> = to_m
        .iter()
        .flat_map(|&l| (0..nfa.classes.len()).filter(move |&c| nfa.label_has(l, c)))
        .collect();
    all.iter()
        .copied()
        .find(|&c| !into_regex.iter().any(|&l| nfa.label_has(l, c)))
        .or_else(|| all.first().copied())
}

fn pumps_for(
    sim: &attack::Sim<'_>,
    prefix: &[usize],
    sets: &[analysis::ClassSet],
) -> Vec<Vec<usize>> {
    let chosen = sim.concretize(prefix, sets);
    let first: Vec<usize> = sets
        .iter()
        .filter_map(|set| (0..sim.nfa.classes.len()).find(|&c| (set[c / 64] >> (c % 64)) & 1 == 1))
        .collect();
    let mut pumps = vec![chosen.clone(), first];
    // Single substitutions into the chosen pump: repeating the pump may reach an accepting
    // state that one pass does not show (`[ab]+a` needs the pump `b`, not `a`).
    for (i, set) in sets.iter().enumerate().take(4) {
        for c in (0..sim.nfa.classes.len())
            .filter(|&c| (set[c / 64] >> (c % 64)) & 1 == 1)
            .take(4)
        {
            let mut p = chosen.clone();
            if i < p.len() {
                p[i] = c;
                pumps.push(p);
            }
        }
        if pumps.len() >= 12 {
            break;
        }
    }
    let mut seen = std::collections::HashSet::new();
    pumps.retain(|p| !p.is_empty() && p.len() == sets.len() && seen.insert(p.clone()));
    pumps
}

/// A checked attack for `prefix pump^n suffix`: the suffix, and the measured growth.
fn try_attack(
    sim: &attack::Sim<'_>,
    prefix: &[usize],
    pump: &[usize],
    n: usize,
    budget: &mut u64,
) -> Option<(Vec<usize>, f64)> {
    // Cheap first: an attempt that already succeeds while pumping rules the candidate out.
    if !sim.survives_pumping(prefix, pump, 6) {
        return None;
    }
    let suffix = sim.find_suffix(prefix, pump, budget)?;
    let cost = (prefix.len() + pump.len() * 64 + suffix.len()) as u64 * sim.nfa.len() as u64;
    *budget = budget.checked_sub(cost * CHECK_REPEATS.len() as u64)?;
    if !CHECK_REPEATS
        .iter()
        .all(|&k| sim.rejects(prefix, pump, &suffix, k))
    {
        return None;
    }
    let growth =
        sim.log2_cost(prefix, pump, &suffix, 2 * n) - sim.log2_cost(prefix, pump, &suffix, n);
    Some((suffix, growth))
}

/// The complexity, the attack, its measured growth, and the bound of a pumped loop that is
/// really a bounded repetition.
pub(crate) type Found = (Complexity, Attack, f64, Option<u32>);

/// For each state whose every cycle needs the back edge of a `{n,m}` treated as unbounded:
/// the smallest such m.
fn loop_bounds(nfa: &nfa::Nfa, comps: &analysis::Components) -> Vec<Option<u32>> {
    let free: Vec<Vec<u32>> = nfa
        .edges
        .iter()
        .map(|es| {
            es.iter()
                .filter(|e| e.bound.is_none())
                .map(|e| e.to)
                .collect()
        })
        .collect();
    let (fc, _) = analysis::scc(&free);
    let mut free_cyclic = vec![false; nfa.len()];
    for (s, es) in free.iter().enumerate() {
        if es.iter().any(|&t| fc[t as usize] == fc[s]) {
            free_cyclic[s] = true;
        }
    }
    // A state is on an unbounded cycle if any state of its bound-free component is.
    let mut comp_free_cyclic = std::collections::HashSet::new();
    for s in 0..nfa.len() {
        if free_cyclic[s] {
            comp_free_cyclic.insert(fc[s]);
        }
    }
    let mut comp_bound: Vec<Option<u32>> = vec![None; comps.count];
    for (s, es) in nfa.edges.iter().enumerate() {
        for e in es {
            let c = comps.comp[s] as usize;
            if let Some(b) = e.bound {
                if comps.comp[e.to as usize] as usize == c {
                    comp_bound[c] = Some(comp_bound[c].map_or(b, |x| x.min(b)));
                }
            }
        }
    }
    (0..nfa.len())
        .map(|s| {
            if comp_free_cyclic.contains(&fc[s]) {
                None
            } else {
                comp_bound[comps.comp[s] as usize]
            }
        })
        .collect()
}

/// Candidate attacks tried before giving up with `Unknown`.
const MAX_CANDIDATES: usize = 1000;

pub(crate) fn find(
    nfa: &nfa::Nfa,
    budget: &mut u64,
) -> Result<Option<Found>, analysis::OutOfBudget> {
    let comps = analysis::components(nfa);
    let sim = attack::Sim::new(nfa);
    let make = |prefix: &[usize], pump: &[usize], suffix: &[usize]| Attack {
        prefix: to_string(nfa, prefix),
        pump: to_string(nfa, pump),
        suffix: to_string(nfa, suffix),
    };
    let witnesses = analysis::eda(nfa, &comps, budget)?;
    for w in &witnesses {
        for (prefix, pump) in candidates(&sim, w.state, &w.pump)
            .into_iter()
            .flat_map(|(prefix, pumps)| pumps.into_iter().map(move |p| (prefix.clone(), p)))
        {
            if let Some((suffix, growth)) = try_attack(&sim, &prefix, &pump, 12, budget) {
                if growth >= 4.0 {
                    return Ok(Some((
                        Complexity::Exponential,
                        make(&prefix, &pump, &suffix),
                        growth,
                        None,
                    )));
                }
            }
        }
    }
    let chains = analysis::ida_chains(nfa, &comps, budget)?;
    let mut best: Option<(f64, u32, Attack, Option<u32>)> = None;
    let bounds = loop_bounds(nfa, &comps);
    let mut tried: std::collections::HashSet<(Vec<usize>, Vec<usize>)> = Default::default();
    let mut tried_sets: std::collections::HashSet<(u32, Vec<analysis::ClassSet>)> =
        Default::default();
    for chain in &chains {
        let degree = chain.len() as u32 + 1;
        let bound = chain
            .iter()
            .map(|w| w.from)
            .chain(chain.last().map(|w| w.to))
            .filter_map(|st| bounds[st as usize])
            .min();
        if best
            .as_ref()
            .is_some_and(|b| b.1 >= degree && b.0 >= degree as f64 - 0.6)
        {
            break;
        }
        let mut sets: Vec<Vec<analysis::ClassSet>> =
            vec![chain.iter().flat_map(|w| w.word.iter().cloned()).collect()];
        for w in chain {
            if !sets.contains(&w.word) {
                sets.push(w.word.clone());
            }
        }
        for set in &sets {
            if !tried_sets.insert((chain[0].from, set.clone())) {
                continue;
            }
            for (prefix, pump) in candidates(&sim, chain[0].from, set)
                .into_iter()
                .flat_map(|(prefix, pumps)| pumps.into_iter().map(move |p| (prefix.clone(), p)))
            {
                if !tried.insert((prefix.clone(), pump.clone())) {
                    continue;
                }
                if tried.len() > MAX_CANDIDATES {
                    return Err(analysis::OutOfBudget);
                }
                let Some((suffix, growth)) = try_attack(&sim, &prefix, &pump, 40, budget) else {
                    continue;
                };
                if growth >= degree as f64 - 0.6 {
                    return Ok(Some((
                        Complexity::Polynomial(degree),
                        make(&prefix, &pump, &suffix),
                        growth,
                        bound,
                    )));
                }
                if growth >= 1.5 && best.as_ref().is_none_or(|b| growth > b.0) {
                    let k = (growth.round() as u32).clamp(2, degree);
                    best = Some((growth, k, make(&prefix, &pump, &suffix), bound));
                }
            }
        }
    }
    Ok(best.map(|(g, k, a, b)| (Complexity::Polynomial(k), a, g, b)))
}

/// The tree the automaton is built from, closer to what the engine matches than "treat it as
/// empty": a backreference becomes a copy of its group (the same text again, so at most the
/// group's language; `("|')(\\?.)*?\1` must find its closing quote), and a positive lookahead
/// that ends the pattern becomes its body kept atomic (the match succeeds exactly when the body
/// matches there: `(x*)+(?=$)` fails on `xxx!` like `(x*)+$`).
pub(crate) fn for_automaton(root: &ast::Node, copy_backrefs: bool) -> ast::Node {
    use ast::Node;
    let mut groups = std::collections::HashMap::new();
    collect_groups(root, &mut groups);
    let expanded = if copy_backrefs && root.any(&|n| matches!(n, Node::Backref(_))) {
        expand_backrefs(root, &groups, 0)
    } else {
        root.clone()
    };
    tail_lookahead(&expanded)
}

fn collect_groups<'a>(
    node: &'a ast::Node,
    out: &mut std::collections::HashMap<u32, &'a ast::Node>,
) {
    use ast::Node;
    if let Node::Group { node: inner, index } = node {
        out.entry(*index).or_insert(&**inner);
    }
    match node {
        Node::Concat(v) | Node::Alt(v) => v.iter().for_each(|n| collect_groups(n, out)),
        Node::Repeat { node, .. }
        | Node::Group { node, .. }
        | Node::Atomic(node)
        | Node::Look { node, .. } => collect_groups(node, out),
        _ => {}
    }
}

fn expand_backrefs(
    node: &ast::Node,
    groups: &std::collections::HashMap<u32, &ast::Node>,
    depth: u32,
) -> ast::Node {
    use ast::Node;
    let rec = |n: &Node| expand_backrefs(n, groups, depth);
    match node {
        Node::Backref(i) => match groups.get(i) {
            // A group that refers to itself, or copies nested too deep: the empty string
            // (what a reference to a group that has not matched yet matches in JavaScript).
            Some(g) if depth < 3 && !g.any(&|n| matches!(n, Node::Backref(j) if j == i)) => {
                expand_backrefs(g, groups, depth + 1)
            }
            _ => Node::Empty,
        },
        Node::Concat(v) => Node::Concat(v.iter().map(rec).collect()),
        Node::Alt(v) => Node::Alt(v.iter().map(rec).collect()),
        Node::Repeat {
            node,
            min,
            max,
            greed,
        } => Node::Repeat {
            node: Box::new(rec(node)),
            min: *min,
            max: *max,
            greed: *greed,
        },
        Node::Group { node, index } => Node::Group {
            node: Box::new(rec(node)),
            index: *index,
        },
        Node::Atomic(n) => Node::Atomic(Box::new(rec(n))),
        Node::Look {
            node,
            ahead,
            negate,
        } => Node::Look {
            node: Box::new(rec(node)),
            ahead: *ahead,
            negate: *negate,
        },
        other => other.clone(),
    }
}

fn tail_lookahead(node: &ast::Node) -> ast::Node {
    use ast::Node;
    match node {
        Node::Look {
            node,
            ahead: true,
            negate: false,
        } => Node::Atomic(node.clone()),
        Node::Concat(v) if !v.is_empty() => {
            let mut v = v.clone();
            let last = v.len() - 1;
            v[last] = tail_lookahead(&v[last]);
            Node::Concat(v)
        }
        Node::Alt(v) => Node::Alt(v.iter().map(tail_lookahead).collect()),
        Node::Group { node, index } => Node::Group {
            node: Box::new(tail_lookahead(node)),
            index: *index,
        },
        other => other.clone(),
    }
}

/// Matcher runs spent on [`priority_blowup`] candidates, at most.
const PRIORITY_RUNS: usize = 12;

/// An exponential ambiguity whose attack the automaton check rejects because the pattern still
/// matches in the end: a backtracking engine explores a greedy optional group, or an earlier
/// alternative, completely before it takes the way that succeeds (`^(?:\s+(\\\\|\\.)+")?`,
/// `((a+)*$|[^]+)`). Such a candidate is reported only if the backtracking matcher, run on the
/// whole pattern, shows the exponential growth.
pub(crate) fn priority_blowup(
    nfa: &nfa::Nfa,
    root: &ast::Node,
    groups: u32,
    flavor: Flavor,
    mode: MatchMode,
    budget: u64,
) -> Option<(Attack, f64)> {
    let comps = analysis::components(nfa);
    let sim = attack::Sim::new(nfa);
    let mut budget = budget;
    let witnesses = analysis::eda(nfa, &comps, &mut budget).ok()?;
    let mut runs = 0;
    for w in witnesses.iter().take(3) {
        for (prefix, pumps) in candidates(&sim, w.state, &w.pump) {
            for pump in pumps.iter().take(2) {
                let suffixes = std::iter::once(Vec::new())
                    .chain((0..nfa.classes.len()).take(4).map(|c| vec![c]));
                for suffix in suffixes {
                    runs += 1;
                    if runs > PRIORITY_RUNS {
                        return None;
                    }
                    let attack = Attack {
                        prefix: to_string(nfa, &prefix),
                        pump: to_string(nfa, pump),
                        suffix: to_string(nfa, &suffix),
                    };
                    if let Some(growth) = confirm_exponential(root, groups, flavor, mode, &attack) {
                        return Some((attack, growth));
                    }
                }
            }
        }
    }
    None
}
