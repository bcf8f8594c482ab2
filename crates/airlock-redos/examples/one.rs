//! Analyzes one pattern many times (for profiling): `cargo run --release --example one -- PATTERN [N]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(
            airlock_redos::analyze(&args[1], airlock_redos::Flavor::JavaScript, "").ok(),
        );
    }
    println!("{:.1} us", t.elapsed().as_secs_f64() / n as f64 * 1e6);
}
