//! Scans every file under a directory in memory, one thread, as `airlock scan --no-code`
//! does (no personal data): the engine's throughput without the file system, for `perf`.
//! Reports wall and CPU time (the thread's, from the scheduler: less disturbed by load).
//! `cargo run --release -p airlock-secrets --example scan_files -- DIR`
//!
//! With `KWCMP=1` it instead compares the keyword pass of `scan` (Aho-Corasick DFA) with
//! the quick-start `KeywordSet`: build and scan times, and that their matches are identical
//! on every file.

use std::time::Instant;

mod common;

use common::{thread_cpu as cpu, walk};

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let mut files = Vec::new();
    walk(std::path::Path::new(&dir), &mut files);
    let total: usize = files.iter().map(Vec::len).sum();
    let config = airlock_secrets::DetectorConfig {
        personal_data: false,
        ..Default::default()
    };
    let d =
        airlock_secrets::Detector::new(airlock_secrets::builtin_specs().unwrap(), config).unwrap();
    if std::env::var_os("KWCMP").is_some() {
        let mut kws: Vec<String> = d.rules().iter().flat_map(|r| r.keywords.clone()).collect();
        kws.extend(
            [
                "pass",
                "pwd",
                "pw",
                "secret",
                "token",
                "key",
                "cred",
                "auth",
                "private",
                "salt",
                "signature",
            ]
            .map(String::from),
        );
        let c = cpu();
        let ac = aho_corasick::AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(&kws)
            .unwrap();
        let b1 = cpu() - c;
        let c = cpu();
        let set = airlock_secrets::keywords::KeywordSet::new(&kws).unwrap();
        let b2 = cpu() - c;
        let c = cpu();
        let mut n1 = 0;
        for f in &files {
            n1 += ac.find_overlapping_iter(f).count();
        }
        let e1 = cpu() - c;
        let c = cpu();
        let mut n2 = 0;
        let mut out = Vec::new();
        for f in &files {
            out.clear();
            set.find_all(f, &mut out);
            n2 += out.len();
        }
        let e2 = cpu() - c;
        println!("{} keywords: automaton build {b1:?} scan {e1:?} ({n1} hits); set build {b2:?} scan {e2:?} ({n2} hits)", kws.len());
        for f in &files {
            out.clear();
            set.find_all(f, &mut out);
            let a: Vec<_> = ac
                .find_overlapping_iter(f)
                .map(|m| (m.pattern().as_u32(), m.start(), m.end()))
                .collect();
            let b: Vec<_> = out.iter().map(|h| (h.pattern, h.start, h.end)).collect();
            assert_eq!(a, b);
        }
        println!("identical");
        return;
    }
    let t = Instant::now();
    let c = cpu();
    let mut n = 0;
    for f in &files {
        n += d.scan(f).len();
    }
    let e = t.elapsed();
    let ec = cpu() - c;
    println!(
        "{} files, {:.1} MB: {e:?} ({:.1} MB/s), cpu {ec:?} ({:.1} MB/cpu-s), {n} findings",
        files.len(),
        total as f64 / 1e6,
        total as f64 / 1e6 / e.as_secs_f64(),
        total as f64 / 1e6 / ec.as_secs_f64()
    );
}
