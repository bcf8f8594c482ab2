//! Criterion benchmark: `analyze` over the 216 regex literals of `benches/corpus.txt`.
//! Run with `cargo bench -p airlock-redos --bench analyze`.

use airlock_redos::{analyze, Flavor};
use criterion::{criterion_group, criterion_main, Criterion};

fn corpus(c: &mut Criterion) {
    let patterns: Vec<&str> = include_str!("corpus.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect();
    c.bench_function("analyze_corpus_216", |b| {
        b.iter(|| {
            for p in &patterns {
                let _ = std::hint::black_box(analyze(p, Flavor::JavaScript, ""));
            }
        })
    });
    c.bench_function("analyze_email_exponential", |b| {
        b.iter(|| {
            analyze(
                std::hint::black_box(r"^\w+([\.-]?\w+)*@\w+([\.-]?\w+)*(\.\w{2,3})+$"),
                Flavor::JavaScript,
                "",
            )
        })
    });
    c.bench_function("analyze_date_linear", |b| {
        b.iter(|| {
            analyze(
                std::hint::black_box(r"^\d{4}-\d{2}-\d{2}$"),
                Flavor::JavaScript,
                "",
            )
        })
    });
}

criterion_group!(benches, corpus);
criterion_main!(benches);
