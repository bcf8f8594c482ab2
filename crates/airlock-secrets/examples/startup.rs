//! Where start-up time goes: parsing the rule files, building the detector, a first scan.
//! `cargo run --release -p airlock-secrets --example startup`

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let specs = airlock_secrets::builtin_specs().unwrap();
    let parsed = t.elapsed();
    let n = specs.len();
    let t = Instant::now();
    let d = airlock_secrets::Detector::new(
        specs,
        airlock_secrets::DetectorConfig {
            quick_start: true,
            ..Default::default()
        },
    )
    .unwrap();
    let built = t.elapsed();
    let prompt = "Here is my code, can you help me fix the timeout? def connect(): return db.connect(host, port=5432)\n".repeat(10);
    let t = Instant::now();
    let f = d.scan(prompt.as_bytes());
    let first = t.elapsed();
    let t = Instant::now();
    d.scan(prompt.as_bytes());
    let second = t.elapsed();
    println!("{n} rules: parse {parsed:?}, build {built:?}, first scan {first:?} ({} findings), second {second:?}", f.len());
}
