//! Append throughput of the audit store: sequential appends (one request at a time), concurrent
//! appends (many requests in flight, committed together by group commit), `append_many`
//! batches (a queue-draining writer), then a full chain verification.
//!
//! ```text
//! cargo run --release -p airlock-audit --example append_bench -- [URL] [EVENTS] [TASKS]
//! ```
//! URL defaults to a new SQLite file in a temporary folder; pass `postgres://...` for PostgreSQL.

use std::collections::BTreeMap;
use std::time::Instant;

use airlock_audit::{AuditEvent, AuditStore};

fn event(i: u64) -> AuditEvent {
    AuditEvent {
        time_ms: airlock_audit::time::now_ms(),
        request_id: format!("bench-{i}"),
        user: Some("alice".into()),
        team: Some("payments".into()),
        client: Some("claude-code/1.0".into()),
        endpoint: "/v1/messages".into(),
        model_requested: Some("claude-sonnet".into()),
        model_used: Some("claude-sonnet".into()),
        upstream: Some("anthropic".into()),
        decision: "redact".into(),
        box_level: 2,
        findings: BTreeMap::from([("email".into(), 2), ("aws-access-key".into(), 1)]),
        redactions: 3,
        fingerprints: vec!["hmac:3f9a0c11d2".into(), "hmac:77aa01bc9e".into()],
        input_tokens: Some(1200),
        output_tokens: Some(300),
        latency_us: 850_000,
        status: 200,
        error: None,
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = tempfile::tempdir()?;
    let url = args
        .next()
        .unwrap_or_else(|| dir.path().join("bench.db").display().to_string());
    let events: u64 = args.next().map_or(Ok(5000), |s| s.parse())?;
    let tasks: u64 = args.next().map_or(Ok(64), |s| s.parse())?;
    let store = AuditStore::open(&url).await?;
    println!("backend: {}", store.backend_name());

    let start = Instant::now();
    for i in 0..events {
        store.append(event(i)).await?;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "sequential: {events} appends in {secs:.2} s = {:.0} appends/s ({:.0} us each)",
        events as f64 / secs,
        secs * 1e6 / events as f64
    );

    let start = Instant::now();
    let mut handles = Vec::new();
    for t in 0..tasks {
        let store = store.clone();
        let per_task = events / tasks;
        handles.push(tokio::spawn(async move {
            for i in 0..per_task {
                store.append(event(1_000_000 + t * per_task + i)).await?;
            }
            Ok::<_, airlock_audit::AuditError>(())
        }));
    }
    for h in handles {
        h.await??;
    }
    let secs = start.elapsed().as_secs_f64();
    let n = events / tasks * tasks;
    println!(
        "concurrent ({tasks} tasks): {n} appends in {secs:.2} s = {:.0} appends/s",
        n as f64 / secs
    );

    let start = Instant::now();
    let batch = 64;
    let mut i = 2_000_000;
    while i < 2_000_000 + events {
        store
            .append_many((i..i + batch).map(event).collect())
            .await?;
        i += batch;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "append_many (batches of {batch}): {} appends in {secs:.2} s = {:.0} appends/s",
        i - 2_000_000,
        (i - 2_000_000) as f64 / secs
    );

    let start = Instant::now();
    let report = store.verify().await?;
    println!(
        "verify: {} records in {:.2} s, intact: {}",
        report.records,
        start.elapsed().as_secs_f64(),
        report.is_intact()
    );
    Ok(())
}
