//! Counters for `/metrics` in Prometheus' text format: requests by endpoint and decision,
//! findings by kind, upstream failures, dropped audit records, streams in flight, and a
//! histogram of the time airlock itself adds to a request.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use airlock_types::Kind;

use crate::dialect::Endpoint;

pub const DECISIONS: [&str; 6] = ["allow", "redact", "block", "reroute", "refuse", "error"];
/// Upper bounds of the overhead histogram, in seconds.
const BUCKETS: [f64; 10] = [
    0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.25,
];

#[derive(Debug, Default)]
pub struct Metrics {
    requests: [[AtomicU64; DECISIONS.len()]; Endpoint::ALL.len()],
    findings: [AtomicU64; Kind::ALL.len()],
    pub upstream_errors: AtomicU64,
    pub audit_dropped: AtomicU64,
    pub audit_failed: AtomicU64,
    pub unauthorized: AtomicU64,
    pub vault_puts: AtomicU64,
    pub vault_reads: AtomicU64,
    pub vault_hits: AtomicU64,
    pub vault_errors: AtomicU64,
    pub in_flight: AtomicU64,
    overhead: [AtomicU64; BUCKETS.len() + 1],
    overhead_sum_ns: AtomicU64,
}

impl Metrics {
    pub fn request(&self, endpoint: Endpoint, decision: &str) {
        let e = Endpoint::ALL
            .iter()
            .position(|x| *x == endpoint)
            .unwrap_or(0);
        let d = DECISIONS
            .iter()
            .position(|x| *x == decision)
            .unwrap_or(DECISIONS.len() - 1);
        self.requests[e][d].fetch_add(1, Ordering::Relaxed);
    }

    pub fn finding(&self, kind: Kind) {
        if let Some(i) = Kind::ALL.iter().position(|k| *k == kind) {
            self.findings[i].fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Records the time airlock spent on a request, outside the upstream's time.
    pub fn overhead(&self, d: std::time::Duration) {
        let s = d.as_secs_f64();
        let i = BUCKETS
            .iter()
            .position(|b| s <= *b)
            .unwrap_or(BUCKETS.len());
        self.overhead[i].fetch_add(1, Ordering::Relaxed);
        self.overhead_sum_ns.fetch_add(
            u64::try_from(d.as_nanos()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    pub fn render(&self) -> String {
        let mut o = String::new();
        let _ = writeln!(
            o,
            "# HELP airlock_gateway_requests_total Requests by endpoint and decision."
        );
        let _ = writeln!(o, "# TYPE airlock_gateway_requests_total counter");
        for (e, ep) in Endpoint::ALL.iter().enumerate() {
            for (d, dec) in DECISIONS.iter().enumerate() {
                let n = self.requests[e][d].load(Ordering::Relaxed);
                let _ = writeln!(
                    o,
                    "airlock_gateway_requests_total{{endpoint=\"{}\",decision=\"{dec}\"}} {n}",
                    ep.name()
                );
            }
        }
        let _ = writeln!(
            o,
            "# HELP airlock_gateway_findings_total Sensitive values found in requests, by kind."
        );
        let _ = writeln!(o, "# TYPE airlock_gateway_findings_total counter");
        for (i, k) in Kind::ALL.iter().enumerate() {
            let _ = writeln!(
                o,
                "airlock_gateway_findings_total{{kind=\"{}\"}} {}",
                k.as_str(),
                self.findings[i].load(Ordering::Relaxed)
            );
        }
        for (name, help, v) in [
            (
                "airlock_gateway_upstream_errors_total",
                "Upstream failures and timeouts.",
                &self.upstream_errors,
            ),
            (
                "airlock_gateway_audit_dropped_total",
                "Audit records dropped because the writer fell behind.",
                &self.audit_dropped,
            ),
            (
                "airlock_gateway_audit_failed_total",
                "Audit records the store refused.",
                &self.audit_failed,
            ),
            (
                "airlock_gateway_unauthorized_total",
                "Requests without a valid gateway key.",
                &self.unauthorized,
            ),
            (
                "airlock_gateway_vault_writes_total",
                "Placeholder values written to the shared vault.",
                &self.vault_puts,
            ),
            (
                "airlock_gateway_vault_reads_total",
                "Placeholders looked up in the shared vault's database (cache misses).",
                &self.vault_reads,
            ),
            (
                "airlock_gateway_vault_hits_total",
                "Of those, placeholders found there.",
                &self.vault_hits,
            ),
            (
                "airlock_gateway_vault_errors_total",
                "Vault writes or reads that failed or were dropped.",
                &self.vault_errors,
            ),
        ] {
            let _ = writeln!(
                o,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                v.load(Ordering::Relaxed)
            );
        }
        let _ = writeln!(
            o,
            "# HELP airlock_gateway_in_flight Requests being served.\n# TYPE airlock_gateway_in_flight gauge\nairlock_gateway_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        let _ = writeln!(o, "# HELP airlock_gateway_overhead_seconds Time airlock adds to a request (inspection, redaction, restore), upstream time excluded.");
        let _ = writeln!(o, "# TYPE airlock_gateway_overhead_seconds histogram");
        let mut cum = 0;
        for (i, b) in BUCKETS.iter().enumerate() {
            cum += self.overhead[i].load(Ordering::Relaxed);
            let _ = writeln!(
                o,
                "airlock_gateway_overhead_seconds_bucket{{le=\"{b}\"}} {cum}"
            );
        }
        cum += self.overhead[BUCKETS.len()].load(Ordering::Relaxed);
        let _ = writeln!(
            o,
            "airlock_gateway_overhead_seconds_bucket{{le=\"+Inf\"}} {cum}"
        );
        let _ = writeln!(
            o,
            "airlock_gateway_overhead_seconds_sum {}",
            self.overhead_sum_ns.load(Ordering::Relaxed) as f64 / 1e9
        );
        let _ = writeln!(o, "airlock_gateway_overhead_seconds_count {cum}");
        o
    }
}
