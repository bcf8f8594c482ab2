//! Where the gateway's in-process time goes for one request body: `stages BODY.json [N]`
//! times parsing, inspection, redaction, the requirements, serialization and routing,
//! each over N rounds, and prints microseconds per round.

use std::time::Instant;

use airlock_gateway::dialect::Endpoint;
use airlock_gateway::inspect::{inspect, redact, CleanCache};
use airlock_policy::Policy;
use airlock_secrets::{Detector, DetectorConfig};
use serde_json::Value;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: stages BODY.json [N]");
    let n: u32 = args.next().and_then(|v| v.parse().ok()).unwrap_or(200);
    let bytes = std::fs::read(&path).expect("reading the body");
    let policy = Policy::default();
    let detector = Detector::new(
        airlock_secrets::builtin_specs().expect("rules"),
        DetectorConfig {
            honor_allow_comments: false,
            ..DetectorConfig::default()
        },
    )
    .expect("detector");
    let cache = CleanCache::new(b"bench-secret-0123456789");
    let req = airlock_gateway::prompts::requirements_text(&policy.prompts().requirements);
    let time = |name: &str, f: &mut dyn FnMut()| {
        f();
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        println!(
            "{name:<28} {:>9.1} us",
            t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        );
    };
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    time("parse", &mut || {
        let _v: Value = serde_json::from_slice(&bytes).unwrap();
    });
    time("inspect (no cache)", &mut || {
        let _ = inspect(&detector, &policy, &v, None);
    });
    time("inspect (clean cache warm)", &mut || {
        let _ = inspect(&detector, &policy, &v, Some(&cache));
    });
    let ins = inspect(&detector, &policy, &v, Some(&cache));
    println!("findings {}", ins.findings.len());
    time("redact (clone incl.)", &mut || {
        let mut w = v.clone();
        let _ = redact(&mut w, &ins, b"bench-secret-0123456789");
    });
    time("clone", &mut || {
        let _w = v.clone();
    });
    time("inject (clone incl.)", &mut || {
        let mut w = v.clone();
        if let Some(t) = &req {
            airlock_gateway::prompts::inject(Endpoint::ChatCompletions, &mut w, t);
        }
    });
    time("serialize", &mut || {
        let _ = serde_json::to_vec(&v).unwrap();
    });
}
