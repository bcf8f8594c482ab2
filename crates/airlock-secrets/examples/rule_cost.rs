//! Which rules cost the most: runs each rule's pattern alone over every file under a
//! directory and prints the slowest. `cargo run --release -p airlock-secrets --example rule_cost -- DIR`

use std::time::{Duration, Instant};

use airlock_secrets::Detector;

mod common;

use common::walk;

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let mut files = Vec::new();
    walk(std::path::Path::new(&dir), &mut files);
    let total: usize = files.iter().map(Vec::len).sum();
    let d = Detector::builtin();
    let t = Instant::now();
    let mut n = 0;
    for f in &files {
        n += d.scan(f).len();
    }
    let whole = t.elapsed();
    println!(
        "{} files, {:.1} MB, full scan {:?} ({:.1} MB/s), {n} findings",
        files.len(),
        total as f64 / 1e6,
        whole,
        total as f64 / 1e6 / whole.as_secs_f64()
    );
    for (label, config) in [
        (
            "no personal data",
            airlock_secrets::DetectorConfig {
                personal_data: false,
                ..Default::default()
            },
        ),
        (
            "no generic",
            airlock_secrets::DetectorConfig {
                generic: false,
                personal_data: false,
                ..Default::default()
            },
        ),
    ] {
        let d2 = Detector::new(airlock_secrets::builtin_specs().unwrap(), config).unwrap();
        let t = Instant::now();
        for f in &files {
            d2.scan(f);
        }
        let e = t.elapsed();
        println!(
            "{label}: {e:?} ({:.1} MB/s)",
            total as f64 / 1e6 / e.as_secs_f64()
        );
    }
    {
        let mut kws: Vec<String> = d.rules().iter().flat_map(|r| r.keywords.clone()).collect();
        kws.sort();
        kws.dedup();
        for (label, kind) in [
            ("dfa", aho_corasick::AhoCorasickKind::DFA),
            (
                "contiguous nfa",
                aho_corasick::AhoCorasickKind::ContiguousNFA,
            ),
        ] {
            let ac = aho_corasick::AhoCorasickBuilder::new()
                .kind(Some(kind))
                .ascii_case_insensitive(true)
                .build(&kws)
                .unwrap();
            let t = Instant::now();
            let mut n = 0;
            for f in &files {
                n += ac.find_overlapping_iter(f).count();
            }
            let e = t.elapsed();
            println!(
                "automaton {label} ({} keywords) overlapping: {e:?} ({:.1} MB/s), {n} hits",
                kws.len(),
                total as f64 / 1e6 / e.as_secs_f64()
            );
            let ac2 = aho_corasick::AhoCorasickBuilder::new()
                .kind(Some(kind))
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .ascii_case_insensitive(true)
                .build(&kws)
                .unwrap();
            let t = Instant::now();
            let mut n = 0;
            for f in &files {
                n += ac2.find_iter(f).count();
            }
            let e = t.elapsed();
            println!(
                "automaton {label} leftmost: {e:?} ({:.1} MB/s), {n} hits",
                total as f64 / 1e6 / e.as_secs_f64()
            );
        }
    }
    {
        let mut kw_rules: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for r in d.rules() {
            for k in &r.keywords {
                kw_rules
                    .entry(k.clone())
                    .or_default()
                    .push(r.spec.id.clone());
            }
        }
        let kws: Vec<&String> = kw_rules.keys().collect();
        let ac = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&kws)
            .unwrap();
        let mut counts = vec![0usize; kws.len()];
        for f in &files {
            for m in ac.find_overlapping_iter(f) {
                counts[m.pattern().as_usize()] += 1;
            }
        }
        let mut top: Vec<(usize, &String)> = counts
            .iter()
            .zip(&kws)
            .map(|(c, k)| (c * kw_rules[*k].len(), *k))
            .collect();
        top.sort();
        for (c, k) in top.iter().rev().take(15) {
            println!(
                "keyword {k:?}: {c} rule runs ({:?})",
                &kw_rules[*k][..kw_rules[*k].len().min(4)]
            );
        }
    }
    let lowered: Vec<Vec<u8>> = files.iter().map(|f| f.to_ascii_lowercase()).collect();
    let mut costs: Vec<(Duration, String, usize)> = Vec::new();
    for rule in d.rules() {
        let c = rule.compiled().expect("compiles");
        let kws: Vec<Vec<u8>> = rule
            .keywords
            .iter()
            .map(|k| k.as_bytes().to_ascii_lowercase())
            .collect();
        let mut fired = 0;
        let mut run = Duration::ZERO;
        for (f, lower) in files.iter().zip(&lowered) {
            if !kws.is_empty() && !kws.iter().any(|k| memchr::memmem::find(lower, k).is_some()) {
                continue;
            }
            let t = Instant::now();
            fired += 1;
            for _ in c.regex.captures_iter(f) {}
            run += t.elapsed();
        }
        costs.push((run, rule.spec.id.clone(), fired));
    }
    costs.sort();
    println!(
        "sum of rule time: {:?}",
        costs.iter().map(|c| c.0).sum::<Duration>()
    );
    for (t, id, fired) in costs.iter().rev().take(25) {
        println!("{t:>12?}  {id}  (ran on {fired} files)");
    }
}
