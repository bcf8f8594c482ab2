//! Streaming load for `bench/gateway.sh`: `stream_load URL KEY BODY.json CONCURRENCY [ROUNDS]`
//! sends ROUNDS rounds of CONCURRENCY streaming requests at once and prints, per line:
//! `ttfb_p50_us ttfb_p99_us max_gap_ms streams failed seconds`: time to the first byte of
//! the answer, the longest pause between two chunks of one stream (a stall), how many
//! streams completed, how many failed, and the wall time. With CONCURRENCY 1 it measures
//! ROUNDS sequential streams (time to first byte one request at a time).

use std::time::{Duration, Instant};

use futures_util::StreamExt;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let url = args.next().expect("URL");
    let key = args.next().unwrap_or_default();
    let body = std::fs::read(args.next().expect("BODY.json")).expect("reading the body");
    let concurrency: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(1);
    let rounds: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(1);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency.max(1))
        .tcp_nodelay(true)
        .build()
        .unwrap();
    let started = Instant::now();
    let mut ttfb = Vec::new();
    let mut max_gap = Duration::ZERO;
    let (mut ok, mut failed) = (0usize, 0usize);
    for _ in 0..rounds {
        let mut tasks = Vec::with_capacity(concurrency);
        for _ in 0..concurrency {
            let client = client.clone();
            let url = url.clone();
            let key = key.clone();
            let body = body.clone();
            tasks.push(tokio::spawn(async move {
                let t0 = Instant::now();
                let mut req = client
                    .post(&url)
                    .header("content-type", "application/json")
                    .body(body);
                if !key.is_empty() {
                    req = req.bearer_auth(&key);
                }
                let resp = req.send().await.ok()?;
                if !resp.status().is_success() {
                    return None;
                }
                let mut s = resp.bytes_stream();
                let mut first = None;
                let mut last = Instant::now();
                let mut gap = Duration::ZERO;
                let mut bytes = 0usize;
                while let Some(chunk) = s.next().await {
                    let chunk = chunk.ok()?;
                    let now = Instant::now();
                    if first.is_none() && !chunk.is_empty() {
                        first = Some(now - t0);
                    } else {
                        gap = gap.max(now - last);
                    }
                    last = now;
                    bytes += chunk.len();
                }
                (bytes > 0).then_some((first?, gap))
            }));
        }
        for t in tasks {
            match t.await.ok().flatten() {
                Some((first, gap)) => {
                    ok += 1;
                    ttfb.push(first);
                    max_gap = max_gap.max(gap);
                }
                None => failed += 1,
            }
        }
    }
    ttfb.sort();
    let pick = |q: f64| {
        ttfb.get(((ttfb.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .map_or(0, |d| d.as_micros())
    };
    println!(
        "{} {} {} {ok} {failed} {:.2}",
        pick(0.5),
        pick(0.99),
        max_gap.as_millis(),
        started.elapsed().as_secs_f64()
    );
}
