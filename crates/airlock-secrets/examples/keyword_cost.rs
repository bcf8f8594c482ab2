//! Where the keyword pair_hits spends its time: loads every text file under a directory, times the
//! keyword search alone (automaton and keyword set) and the full scan, and prints the
//! keywords with the most hits and how many rule windows they open.
//! `cargo run --release -p airlock-secrets --example keyword_cost -- DIR [TOP]`

use std::collections::HashMap;

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use airlock_secrets::keywords::{Hit, KeywordSet};
use airlock_secrets::{Detector, DetectorConfig};

mod common;

use common::{thread_cpu, walk};

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let top: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let mut files = Vec::new();
    walk(std::path::Path::new(&dir), &mut files);
    let total: usize = files.iter().map(Vec::len).sum();
    let mb = total as f64 / 1e6;

    // As `airlock scan` builds it: no personal-data rules.
    let config = DetectorConfig {
        personal_data: false,
        ..Default::default()
    };
    let d = Detector::new(airlock_secrets::builtin_specs().unwrap(), config.clone()).unwrap();
    // The same keyword list the engine builds: rule keywords, generic, encoded triggers.
    let mut patterns: Vec<String> = Vec::new();
    let mut rules_of: Vec<usize> = Vec::new();
    let mut index = HashMap::new();
    for rule in d.rules() {
        for k in &rule.keywords {
            let slot = *index.entry(k.clone()).or_insert_with(|| {
                patterns.push(k.clone());
                rules_of.push(0);
                patterns.len() - 1
            });
            rules_of[slot] += 1;
        }
    }
    for k in airlock_secrets::generic::Generic::new().keywords() {
        patterns.push(k.to_string());
        rules_of.push(0);
    }
    println!(
        "{} files, {mb:.1} MB, {} keywords",
        files.len(),
        patterns.len()
    );

    if std::env::var_os("PAIRS").is_some() {
        pair_stats(&patterns, &files);
    }
    let mut lens = std::collections::BTreeMap::new();
    for p in &patterns {
        *lens.entry(p.len().min(5)).or_insert(0) += 1;
        if p.len() <= 3 {
            print!("{p:?} ");
        }
    }
    println!("\nlengths (5 = 5+): {lens:?}");
    let only_set = std::env::var_os("ONLY_SET").is_some();
    for kind in [AhoCorasickKind::ContiguousNFA, AhoCorasickKind::DFA] {
        if only_set {
            break;
        }
        let ac = AhoCorasickBuilder::new()
            .kind(Some(kind))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(&patterns)
            .unwrap();
        let t = thread_cpu();
        let n: usize = files.iter().map(|f| ac.find_iter(f).count()).sum();
        println!(
            "{kind:?} leftmost non-overlapping: {:?}, {n} hits, {} bytes",
            thread_cpu() - t,
            ac.memory_usage()
        );
        let ac = AhoCorasickBuilder::new()
            .kind(Some(kind))
            .ascii_case_insensitive(true)
            .build(&patterns)
            .unwrap();
        let t = thread_cpu();
        let n: usize = files
            .iter()
            .map(|f| ac.find_overlapping_iter(f).count())
            .sum();
        println!(
            "{kind:?} overlapping: {:?}, {n} hits, {} bytes",
            thread_cpu() - t,
            ac.memory_usage()
        );
    }
    let mut count = vec![0usize; patterns.len()];
    if !only_set {
        let ac = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .unwrap();
        let t = thread_cpu();
        let mut n = 0usize;
        for f in &files {
            for m in ac.find_overlapping_iter(f) {
                n += 1;
                count[m.pattern().as_usize()] += 1;
            }
        }
        let e = thread_cpu() - t;
        println!(
            "automaton (overlapping): {e:?} ({:.0} MB/s), {n} hits",
            mb / e.as_secs_f64()
        );
    }
    let streams = airlock_secrets::keywords::Automaton::new(&patterns).unwrap();
    let t = thread_cpu();
    let mut hits: Vec<Hit> = Vec::new();
    let mut n3 = 0usize;
    for f in &files {
        hits.clear();
        streams.find_all(f, &mut hits);
        n3 += hits.len();
    }
    let e = thread_cpu() - t;
    println!(
        "streamed DFA: {e:?} ({:.0} MB/s), {n3} hits",
        mb / e.as_secs_f64()
    );
    if std::env::var_os("CHECK").is_some() {
        let ac = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(&patterns)
            .unwrap();
        let mut bad = 0;
        for f in &files {
            hits.clear();
            streams.find_all(f, &mut hits);
            let want: Vec<Hit> = ac
                .find_overlapping_iter(f)
                .map(|m| Hit {
                    pattern: m.pattern().as_u32(),
                    start: m.start(),
                    end: m.end(),
                })
                .collect();
            if hits != want {
                bad += 1;
            }
        }
        println!("streamed DFA differs from the automaton on {bad} files");
    }
    let set = KeywordSet::new(&patterns).unwrap();
    let t = thread_cpu();
    let mut hits: Vec<Hit> = Vec::new();
    let mut n2 = 0usize;
    for f in &files {
        hits.clear();
        set.find_all(f, &mut hits);
        n2 += hits.len();
    }
    let e = thread_cpu() - t;
    println!(
        "keyword set: {e:?} ({:.0} MB/s), {n2} hits",
        mb / e.as_secs_f64()
    );

    if only_set {
        return;
    }
    let t = thread_cpu();
    let mut findings = 0;
    for f in &files {
        findings += d.scan(f).len();
    }
    let e = thread_cpu() - t;
    println!(
        "full scan: {e:?} ({:.0} MB/s), {findings} findings",
        mb / e.as_secs_f64()
    );

    let specs: Vec<_> = airlock_secrets::builtin_specs()
        .unwrap()
        .into_iter()
        .filter(|s| s.min_digits.is_none())
        .collect();
    let d2 = Detector::new(specs, config).unwrap();
    let t = thread_cpu();
    let mut findings = 0;
    for f in &files {
        findings += d2.scan(f).len();
    }
    let e = thread_cpu() - t;
    println!(
        "full scan without the rules that run on every line with digits: {e:?} ({:.0} MB/s), {findings} findings",
        mb / e.as_secs_f64()
    );
    let mut order: Vec<usize> = (0..patterns.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(count[i] * rules_of[i].max(1)));
    println!("hits x rules  hits  rules  keyword");
    for &i in order.iter().take(top) {
        println!(
            "{:>11} {:>7} {:>5}  {:?}",
            count[i] * rules_of[i].max(1),
            count[i],
            rules_of[i],
            patterns[i]
        );
    }
}

#[allow(dead_code)]
pub fn pair_stats(patterns: &[String], files: &[Vec<u8>]) {
    let mut pairs = vec![false; 1 << 16];
    let mut ones = [false; 256];
    for p in patterns {
        let b = p.as_bytes();
        if b.len() >= 2 {
            pairs[(b[0] | 0x20) as usize | (((b[1] | 0x20) as usize) << 8)] = true;
        } else {
            ones[(b[0] | 0x20) as usize] = true;
        }
    }
    let mut tri = vec![false; 1 << 24];
    let mut prefix_count: HashMap<[u8; 3], usize> = HashMap::new();
    for p in patterns {
        let b = p.as_bytes();
        if b.len() >= 3 {
            tri[(b[0] | 0x20) as usize
                | (((b[1] | 0x20) as usize) << 8)
                | (((b[2] | 0x20) as usize) << 16)] = true;
        }
    }
    let mut tri_hits = 0usize;
    for f in files {
        for w in f.windows(3) {
            if tri[(w[0] | 0x20) as usize
                | (((w[1] | 0x20) as usize) << 8)
                | (((w[2] | 0x20) as usize) << 16)]
            {
                tri_hits += 1;
                *prefix_count
                    .entry([w[0] | 0x20, w[1] | 0x20, w[2] | 0x20])
                    .or_default() += 1;
            }
        }
    }
    let mut pc: Vec<_> = prefix_count.into_iter().collect();
    pc.sort_by_key(|e| std::cmp::Reverse(e.1));
    println!(
        "3-byte prefixes: {} distinct, pair_hits {tri_hits}",
        tri.iter().filter(|&&b| b).count()
    );
    for (k, c) in pc.iter().take(30) {
        println!("  {c:>9} {:?}", String::from_utf8_lossy(k));
    }
    let (mut pos, mut pair_hits, mut one_hits) = (0usize, 0usize, 0usize);
    for f in files {
        for w in f.windows(2) {
            pos += 1;
            if pairs[(w[0] | 0x20) as usize | (((w[1] | 0x20) as usize) << 8)] {
                pair_hits += 1;
            }
            if ones[(w[0] | 0x20) as usize] {
                one_hits += 1;
            }
        }
    }
    println!(
        "pair filter passes {:.2}% of positions, one-byte keywords {:.2}%, {} distinct pairs",
        100.0 * pair_hits as f64 / pos as f64,
        100.0 * one_hits as f64 / pos as f64,
        pairs.iter().filter(|&&b| b).count()
    );
}
