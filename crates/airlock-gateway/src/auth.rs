//! Gateway keys: every route except `/healthz` (and `/metrics` on a loopback listener)
//! needs one, given the way the client's SDK sends its API key: `Authorization: Bearer`,
//! `x-api-key` (Anthropic) or `api-key` (Azure). The key identifies the user in audit
//! records; it is never forwarded.

use std::sync::Arc;

use airlock_audit::AuditStore;
use airlock_types::Redacted;
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

/// Who is calling.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    pub key_id: Option<String>,
    pub user: Option<String>,
    pub team: Option<String>,
}

pub struct Authenticator {
    required: bool,
    /// SHA-256 of each static key: compared as digests, so timing says nothing about
    /// the keys' bytes.
    static_keys: Vec<[u8; 32]>,
    store: Option<AuditStore>,
}

/// The outcome of checking a request's key.
pub enum AuthResult {
    Ok(Identity),
    Denied,
    /// The key store failed: fail closed.
    StoreFailed,
}

impl Authenticator {
    pub fn new(
        required: bool,
        static_keys: &[Redacted<String>],
        store: Option<AuditStore>,
    ) -> Authenticator {
        Authenticator {
            required,
            static_keys: static_keys
                .iter()
                .map(|k| Sha256::digest(k.expose().as_bytes()).into())
                .collect(),
            store,
        }
    }

    pub fn required(&self) -> bool {
        self.required
    }

    pub async fn check(self: &Arc<Self>, headers: &HeaderMap) -> AuthResult {
        if !self.required {
            return AuthResult::Ok(Identity::default());
        }
        let Some(token) = token(headers) else {
            return AuthResult::Denied;
        };
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        if let Some(i) = self.static_keys.iter().position(|k| *k == digest) {
            return AuthResult::Ok(Identity {
                key_id: Some(format!("static-{}", i + 1)),
                user: Some(format!("static-key-{}", i + 1)),
                team: None,
            });
        }
        match &self.store {
            Some(store) => match store.authenticate(token).await {
                Ok(Some(k)) if !k.revoked => AuthResult::Ok(Identity {
                    key_id: Some(k.id),
                    user: Some(k.user),
                    team: k.team,
                }),
                Ok(_) => AuthResult::Denied,
                Err(_) => AuthResult::StoreFailed,
            },
            None => AuthResult::Denied,
        }
    }
}

/// The key as the client's SDK sent it.
fn token(headers: &HeaderMap) -> Option<&str> {
    let get = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(a) = get("authorization") {
        let t = a
            .strip_prefix("Bearer ")
            .or_else(|| a.strip_prefix("bearer "))
            .unwrap_or(a);
        if !t.is_empty() {
            return Some(t.trim());
        }
    }
    get("x-api-key")
        .or_else(|| get("api-key"))
        .filter(|t| !t.is_empty())
}
