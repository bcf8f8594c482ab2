//! In-process detection speed on prompt-sized inputs: what the paste guard and the gateway
//! pay per request. `cargo bench -p airlock-secrets --bench detect`

use airlock_secrets::Detector;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// A realistic prompt: prose, a code snippet, a config excerpt, with one secret in it.
fn prompt(size: usize) -> Vec<u8> {
    let block = "I'm getting a timeout when the worker connects to the queue. Here is the code:\n\
```python\nimport os\nimport pika\n\ndef connect():\n    params = pika.ConnectionParameters(host=os.environ['MQ_HOST'], heartbeat=30)\n    return pika.BlockingConnection(params)\n```\n\
and the settings file:\n```yaml\nqueue:\n  name: jobs\n  prefetch: 16\n  retry_delay_ms: 250\n```\n\
It works locally but fails in staging after about ten minutes. Any idea why?\n";
    let mut out = String::new();
    while out.len() < size {
        out.push_str(block);
    }
    out.truncate(size - 60);
    out.push_str("\ndb_password = \"Xk9#mQ2vLpZr\"\n"); // airlock:allow synthetic benchmark fixture
    out.into_bytes()
}

fn bench(c: &mut Criterion) {
    let detector = Detector::builtin();
    for size in [1024usize, 8 * 1024] {
        let input = prompt(size);
        let mut g = c.benchmark_group("scan");
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function(format!("prompt_{}k", size / 1024), |b| {
            b.iter(|| detector.scan(black_box(&input)))
        });
        g.finish();
    }
    c.bench_function("build_detector", |b| b.iter(Detector::builtin));
}

criterion_group!(benches, bench);
criterion_main!(benches);
