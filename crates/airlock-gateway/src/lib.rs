//! airlock's gateway as a library: an HTTP proxy between coding assistants and model
//! providers that speaks OpenAI's, Anthropic's and Ollama's wire formats, inspects every
//! text-bearing field of each request with the secrets engine, redacts, blocks, refuses
//! or reroutes by policy, adds the policy's security requirements, restores redacted
//! values in answers (streams included), hands answers to a code reviewer, and records
//! every request in the audit store off the critical path.
//!
//! Build a [`Gateway`] from a [`GatewayConfig`], the [`airlock_policy::Policy`] and a
//! [`airlock_secrets::Detector`], then [`Gateway::serve`] it on a listener.

pub mod audit;
pub mod auth;
pub mod client;
pub mod config;
pub mod dialect;
pub mod error;
pub mod inspect;
pub mod metrics;
pub mod prompts;
pub mod restore;
pub mod review;
pub mod router;
pub mod server;
pub mod stream;
pub mod upstream;
pub mod vault;

use std::future::Future;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use airlock_policy::{GatewayAuth, Policy};
use airlock_secrets::Detector;

pub use config::{GatewayConfig, Overrides, UpstreamConfig};
pub use dialect::{Dialect, Endpoint};
pub use error::{ConfigError, RequestError};
pub use metrics::Metrics;
pub use review::{AnswerFinding, AnswerReviewer, NoReview};

use crate::audit::AuditWriter;
use crate::auth::Authenticator;
use crate::server::Shared;

/// A configured gateway, ready to serve.
pub struct Gateway {
    shared: Arc<Shared>,
    audit_task: Option<tokio::task::JoinHandle<()>>,
    vault_task: Option<tokio::task::JoinHandle<()>>,
}

impl Gateway {
    /// Builds the gateway: opens the audit store if one is configured (its keys then
    /// authenticate clients) and the HTTP client for upstreams. `reviewer` reviews
    /// answers; `None` reviews nothing.
    pub async fn new(
        config: GatewayConfig,
        policy: Policy,
        detector: Detector,
        reviewer: Option<Arc<dyn AnswerReviewer>>,
    ) -> Result<Gateway, ConfigError> {
        let metrics = Arc::new(Metrics::default());
        let (store, audit, audit_task) = match &config.audit {
            Some(url) => {
                let store = airlock_audit::AuditStore::open(url)
                    .await
                    .map_err(|e| ConfigError::Audit(e.to_string()))?;
                let (w, task) = AuditWriter::start(store.clone(), metrics.clone());
                (Some(store), w, Some(task))
            }
            None => (None, AuditWriter::disabled(metrics.clone()), None),
        };
        let client =
            client::UpstreamClient::new(config.upstream_timeout).map_err(ConfigError::Client)?;
        let auth = Arc::new(Authenticator::new(
            config.auth == GatewayAuth::Keys,
            &config.static_keys,
            store.clone(),
        ));
        let mut seed = [0u8; 4];
        getrandom::getrandom(&mut seed).map_err(|e| ConfigError::Random(e.to_string()))?;
        let id_prefix = format!(
            "req_{:02x}{:02x}{:02x}{:02x}_",
            seed[0], seed[1], seed[2], seed[3]
        );
        let requirements = prompts::requirements_text(&policy.prompts().requirements);
        let clean_cache = inspect::CleanCache::new(config.secret.expose());
        let (vault, vault_task) = match &store {
            Some(store) if !config.vault_ttl.is_zero() => {
                let (v, t) = vault::Vault::start(
                    store.clone(),
                    config.secret.expose(),
                    config.vault_ttl,
                    metrics.clone(),
                );
                (Some(v), Some(t))
            }
            _ => (None, None),
        };
        Ok(Gateway {
            shared: Arc::new(Shared {
                config,
                policy,
                detector,
                client,
                metrics,
                audit,
                auth,
                reviewer,
                requirements,
                request_ids: AtomicU64::new(1),
                id_prefix,
                clean_cache,
                vault,
            }),
            audit_task,
            vault_task,
        })
    }

    /// The gateway's routes, e.g. to serve them on a listener of one's own.
    pub fn router(&self) -> axum::Router {
        router::router(self.shared.clone())
    }

    pub fn metrics(&self) -> Arc<Metrics> {
        self.shared.metrics.clone()
    }

    pub fn config(&self) -> &GatewayConfig {
        &self.shared.config
    }

    /// Serves until `shutdown` completes, then stops accepting connections, lets
    /// requests and streams in flight finish, and writes the queued audit records.
    pub async fn serve(
        self,
        listener: tokio::net::TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        use axum::serve::ListenerExt;
        let app = self.router();
        // Answers go out in several small writes (headers, then stream chunks): without
        // TCP_NODELAY, Nagle's algorithm holds them back waiting for ACKs.
        let listener = listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await?;
        let Gateway {
            shared,
            audit_task,
            vault_task,
        } = self;
        if let Some(v) = &shared.vault {
            // Its writer ends once the queued values are written.
            v.close();
        }
        drop(shared);
        if let Some(task) = vault_task {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), task).await;
        }
        if let Some(task) = audit_task {
            // The writer ends once every request's handle on it is gone.
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), task).await;
        }
        Ok(())
    }
}
