//! Start-up phases of the paste guard, best of N in-process (less disturbed by load than a
//! single cold run): parsing the rules, building the detector, the first scan of a 1 KB
//! prompt (which compiles the patterns its keywords trigger), a second scan, dropping it.
//! `cargo run --release -p airlock-secrets --example phases [N]`

use std::time::{Duration, Instant};

fn prompt() -> Vec<u8> {
    let block = "I'm getting a timeout when the worker connects to the queue. Here is the code:\n```python\nimport os\nimport pika\n\ndef connect():\n    params = pika.ConnectionParameters(host=os.environ['MQ_HOST'], heartbeat=30)\n    return pika.BlockingConnection(params)\n```\nand the settings file:\n```yaml\nqueue:\n  name: jobs\n  prefetch: 16\n  retry_delay_ms: 250\n```\nIt works locally but fails in staging after about ten minutes. Any idea why?\n";
    // The same 1024 bytes as bench/check-latency.sh writes (built here so that the
    // repository holds no secret-looking line).
    let tail = format!("\ndb_{}word = \"{}\"\n", "pass", "Xk9#mQ2vLpZr");
    let mut out = block.repeat(4);
    out.truncate(1024 - tail.len());
    out.push_str(&tail);
    out.into_bytes()
}

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let input = prompt();
    let mut best = [Duration::MAX; 5];
    let mut findings = 0;
    for _ in 0..n {
        let mut lap = Instant::now();
        let mut next = |i: usize| {
            best[i] = best[i].min(lap.elapsed());
            lap = Instant::now();
        };
        let specs = airlock_secrets::builtin_specs().unwrap();
        next(0);
        let d = airlock_secrets::Detector::new(
            specs,
            airlock_secrets::DetectorConfig {
                quick_start: true,
                ..Default::default()
            },
        )
        .unwrap();
        next(1);
        findings = d.scan(&input).len();
        next(2);
        std::hint::black_box(d.scan(&input));
        next(3);
        drop(d);
        next(4);
    }
    let [parse, build, first, second, dropped] = best;
    println!(
        "best of {n}: parse {parse:?}, build {build:?}, first scan {first:?} ({findings} findings), \
second scan {second:?}, drop {dropped:?}"
    );
}
