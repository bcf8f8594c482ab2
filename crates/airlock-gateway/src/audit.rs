//! Audit records off the request's critical path: handlers put events on a bounded
//! channel and a background task appends them to the store in batches. A full channel
//! drops the record and counts it in `/metrics` rather than slowing requests.
//!
//! The writer waits a moment after the first queued record ([`LINGER`]) so that under
//! load one transaction carries many requests: one commit per request cost a quarter of
//! the gateway's CPU. When the store fails, the writer says so through
//! [`AuditWriter::healthy`], and requests are refused (fail closed) until a write
//! succeeds again; the refusals are themselves recorded, which is how the writer finds
//! out that the store is back. On shutdown the writer ends only after everything queued
//! is written.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use airlock_audit::{AuditEvent, AuditStore};
use tokio::sync::mpsc;

use crate::metrics::Metrics;

/// How many records may wait for the writer.
const QUEUE: usize = 16 * 1024;
/// Records written in one call at most.
const BATCH: usize = 512;
/// How long the writer gathers records after the first one before writing them.
const LINGER: Duration = Duration::from_millis(10);

/// The sending half; cheap to clone.
#[derive(Clone)]
pub struct AuditWriter {
    tx: Option<mpsc::Sender<AuditEvent>>,
    metrics: Arc<Metrics>,
    /// False while the store fails: requests are then refused.
    healthy: Arc<AtomicBool>,
}

impl AuditWriter {
    /// A writer that keeps nothing (no store configured).
    pub fn disabled(metrics: Arc<Metrics>) -> AuditWriter {
        AuditWriter {
            tx: None,
            metrics,
            healthy: Arc::new(AtomicBool::new(true)),
        }
    }

    /// Starts the background writer for `store`. It ends when every sender is gone,
    /// after writing what is queued.
    pub fn start(
        store: AuditStore,
        metrics: Arc<Metrics>,
    ) -> (AuditWriter, tokio::task::JoinHandle<()>) {
        let (tx, mut rx) = mpsc::channel::<AuditEvent>(QUEUE);
        let m = metrics.clone();
        let healthy = Arc::new(AtomicBool::new(true));
        let h = healthy.clone();
        let task = tokio::spawn(async move {
            let mut batch = Vec::with_capacity(BATCH);
            while rx.recv_many(&mut batch, BATCH).await > 0 {
                // Gather what arrives in the next moment too: under load one transaction
                // then serves many requests. Skipped when the channel is closing.
                if batch.len() < BATCH && !rx.is_closed() {
                    tokio::time::sleep(LINGER).await;
                    while batch.len() < BATCH {
                        match rx.try_recv() {
                            Ok(ev) => batch.push(ev),
                            Err(_) => break,
                        }
                    }
                }
                let events: Vec<AuditEvent> = std::mem::take(&mut batch)
                    .into_iter()
                    .filter_map(|ev| match ev.validate() {
                        Ok(ev) => Some(ev),
                        Err(_) => {
                            // A malformed record is a bug, not a broken store.
                            m.audit_failed.fetch_add(1, Ordering::Relaxed);
                            None
                        }
                    })
                    .collect();
                let n = events.len() as u64;
                match store.append_many(events).await {
                    Ok(()) => h.store(true, Ordering::Relaxed),
                    Err(_) => {
                        // The store already retried each record alone: it is broken.
                        m.audit_failed.fetch_add(n, Ordering::Relaxed);
                        h.store(false, Ordering::Relaxed);
                    }
                }
            }
        });
        (
            AuditWriter {
                tx: Some(tx),
                metrics,
                healthy,
            },
            task,
        )
    }

    /// False while the audit store fails to take records.
    pub fn healthy(&self) -> bool {
        self.healthy.load(Ordering::Relaxed)
    }

    pub fn record(&self, ev: AuditEvent) {
        if let Some(tx) = &self.tx {
            if tx.try_send(ev).is_err() {
                self.metrics.audit_dropped.fetch_add(1, Ordering::Relaxed);
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
