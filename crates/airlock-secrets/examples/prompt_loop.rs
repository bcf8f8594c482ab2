//! Scans an 8 KB prompt in a loop, for profiling the per-request path with `perf`.
//! `cargo run --release -p airlock-secrets --example prompt_loop`

fn main() {
    let block = "I'm getting a timeout when the worker connects to the queue. Here is the code:\n```python\nimport os\nimport pika\n\ndef connect():\n    params = pika.ConnectionParameters(host=os.environ['MQ_HOST'], heartbeat=30)\n    return pika.BlockingConnection(params)\n```\nand the settings file:\n```yaml\nqueue:\n  name: jobs\n  prefetch: 16\n  retry_delay_ms: 250\n```\nIt works locally but fails in staging after about ten minutes. Any idea why?\n";
    let text = block.repeat(8192 / block.len() + 1);
    let d = airlock_secrets::Detector::builtin();
    let t = std::time::Instant::now();
    let n = 20_000;
    for _ in 0..n {
        std::hint::black_box(d.scan(text.as_bytes()));
    }
    println!("{:?} per scan of {} bytes", t.elapsed() / n, text.len());
}
