//! Times `analyze` over `benches/corpus.txt` (one JavaScript regex literal a line) and prints
//! the verdicts and the per-pattern time: `cargo run --release --example corpus_speed`.

use std::time::Instant;

use airlock_redos::{analyze, Flavor};

fn main() {
    let corpus = include_str!("../benches/corpus.txt");
    let patterns: Vec<&str> = corpus.lines().filter(|l| !l.is_empty()).collect();
    let verbose = std::env::args().any(|a| a == "-v");
    let mut times = Vec::new();
    let mut counts = std::collections::BTreeMap::new();
    for p in &patterns {
        let rounds = 20;
        let t = Instant::now();
        let mut last = None;
        for _ in 0..rounds {
            last = Some(analyze(p, Flavor::JavaScript, ""));
        }
        let per = t.elapsed().as_secs_f64() / rounds as f64;
        times.push((per, *p));
        let verdict = match last.expect("ran") {
            Ok(a) => a.complexity.to_string(),
            Err(e) => format!("error: {e}"),
        };
        if verbose {
            println!("{:>9.1} us  {verdict:22} {p}", per * 1e6);
        }
        *counts.entry(verdict).or_insert(0) += 1;
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: f64 = times.iter().map(|t| t.0).sum();
    let n = times.len();
    println!("patterns: {n}");
    println!("mean: {:.1} us", total / n as f64 * 1e6);
    println!("median: {:.1} us", times[n / 2].0 * 1e6);
    println!("p95: {:.1} us", times[n * 95 / 100].0 * 1e6);
    println!("max: {:.1} us ({})", times[n - 1].0 * 1e6, times[n - 1].1);
    for (v, c) in counts {
        println!("{c:4} {v}");
    }
}
