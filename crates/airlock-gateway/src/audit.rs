//! Audit records off the request's critical path: handlers put events on a bounded
//! channel and a background task appends them to the store. A full channel drops the
//! record and counts it in `/metrics` rather than slowing requests.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use airlock_audit::{AuditEvent, AuditStore};
use tokio::sync::mpsc;

use crate::metrics::Metrics;

/// How many records may wait for the writer.
const QUEUE: usize = 16 * 1024;
/// Records written in one call at most.
const BATCH: usize = 512;

/// The sending half; cheap to clone.
#[derive(Clone)]
pub struct AuditWriter {
    tx: Option<mpsc::Sender<AuditEvent>>,
    metrics: Arc<Metrics>,
}

impl AuditWriter {
    /// A writer that keeps nothing (no store configured).
    pub fn disabled(metrics: Arc<Metrics>) -> AuditWriter {
        AuditWriter { tx: None, metrics }
    }

    /// Starts the background writer for `store`. It ends when every sender is gone,
    /// after writing what is queued.
    pub fn start(
        store: AuditStore,
        metrics: Arc<Metrics>,
    ) -> (AuditWriter, tokio::task::JoinHandle<()>) {
        let (tx, mut rx) = mpsc::channel::<AuditEvent>(QUEUE);
        let m = metrics.clone();
        let task = tokio::spawn(async move {
            let mut batch = Vec::with_capacity(BATCH);
            // Everything queued goes in one call, which the store commits in one
            // transaction: under load one commit serves many requests.
            while rx.recv_many(&mut batch, BATCH).await > 0 {
                let events = std::mem::take(&mut batch);
                let single = events.len() == 1;
                let retry = if single { Vec::new() } else { events.clone() };
                if store.append_many(events).await.is_ok() {
                    continue;
                }
                if single {
                    m.audit_failed.fetch_add(1, Ordering::Relaxed);
                    continue;
                }
                // One bad event fails the whole call; keep the others.
                for ev in retry {
                    if store.append(ev).await.is_err() {
                        m.audit_failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        });
        (
            AuditWriter {
                tx: Some(tx),
                metrics,
            },
            task,
        )
    }

    pub fn record(&self, ev: AuditEvent) {
        if let Some(tx) = &self.tx {
            if tx.try_send(ev).is_err() {
                self.metrics
                    .audit_dropped
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
