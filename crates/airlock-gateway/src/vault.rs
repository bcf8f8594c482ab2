//! The placeholder vault shared by gateway instances: the values of restorable
//! placeholders (personal data, hostnames, codenames; never secrets), sealed with
//! ChaCha20-Poly1305 under a key derived from the placeholder secret and kept in the audit
//! database with a TTL. An instance that sees a placeholder in an answer which the request
//! did not carry (a provider-side conversation such as Responses' `previous_response_id`,
//! or a turn served by another instance) finds its value there.
//!
//! Off the hot path: new values are written behind the request by a background task (in
//! batches, one transaction each), and read from the database only when a placeholder is
//! missing from the request and from this instance's cache. Entries are scoped by user, so
//! one user's values are never restored into another user's answer. A value sealed under a
//! different secret does not open and counts as absent.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use airlock_audit::AuditStore;
use airlock_types::Redacted;
use hmac::{Hmac, Mac};
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use sha2::Sha256;
use tokio::sync::mpsc;

use crate::metrics::Metrics;

/// Entries waiting to be written at most.
const QUEUE: usize = 16 * 1024;
/// Entries written in one transaction at most.
const BATCH: usize = 256;
/// How long the writer gathers entries after the first one.
const LINGER: Duration = Duration::from_millis(2);
/// Entries this instance remembers at most; then it starts over.
const CACHE_MAX: usize = 100_000;
/// How long "not in the vault" is believed before asking the database again.
const NEGATIVE_TTL: Duration = Duration::from_secs(2);
/// How often the writer deletes expired entries.
const PURGE_EVERY: Duration = Duration::from_secs(600);
/// The format byte in front of each sealed value.
const FORMAT: u8 = 1;

/// The longest stem a placeholder may have (`[[STEM_xxxxxxxx]]`).
pub const MAX_STEM: usize = 40;
/// The longest placeholder: `[[` + stem + `_` + 8 hex digits + `]]`.
pub const MAX_PLACEHOLDER: usize = 2 + MAX_STEM + 1 + 8 + 2;

/// Whether `s` has the form of a placeholder: `[[STEM_xxxxxxxx]]`.
pub fn is_placeholder(s: &str) -> bool {
    let Some(inner) = s.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) else {
        return false;
    };
    let Some((stem, tag)) = inner.rsplit_once('_') else {
        return false;
    };
    !stem.is_empty()
        && stem.len() <= MAX_STEM
        && stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && tag.len() == 8
        && tag.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether `s` (starting with `[`) could still grow into a placeholder.
pub fn could_be_placeholder(s: &str) -> bool {
    if s.len() >= MAX_PLACEHOLDER {
        return false;
    }
    let b = s.as_bytes();
    match b.len() {
        0 => false,
        1 => b[0] == b'[',
        _ if !s.starts_with("[[") => false,
        _ => {
            let body = &s[2..];
            let body = body.strip_suffix(']').unwrap_or(body);
            body.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
        }
    }
}

/// Every complete placeholder in `text`, once each.
pub fn placeholders_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(rel) = text[at..].find("[[") {
        let start = at + rel;
        let window_end = (start + MAX_PLACEHOLDER).min(text.len());
        let mut end = window_end;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[start..end];
        match window[2..].find("]]") {
            Some(e) => {
                let p = &window[..e + 4];
                if is_placeholder(p) && !out.iter().any(|o| o == p) {
                    out.push(p.to_string());
                }
                at = start + 2;
            }
            None => at = start + 2,
        }
    }
    out
}

struct Cached {
    /// `None`: known absent (until `until`).
    value: Option<Redacted<String>>,
    until: Instant,
    /// When this instance last wrote it to the database.
    written: Option<Instant>,
}

struct Put {
    scope: String,
    placeholder: String,
    value: Redacted<String>,
}

/// The vault: a cache in front of the database, and the queue of entries to write.
pub struct Vault {
    store: AuditStore,
    key: LessSafeKey,
    ttl: Duration,
    cache: Mutex<HashMap<(String, String), Cached>>,
    tx: Mutex<Option<mpsc::Sender<Put>>>,
    metrics: Arc<Metrics>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

fn derive_key(secret: &[u8]) -> LessSafeKey {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(b"airlock placeholder vault key v1");
    let k = mac.finalize().into_bytes();
    LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &k).expect("a 32-byte key"))
}

/// The additional data a sealed value is bound to: it opens only in its own slot.
fn aad(scope: &str, placeholder: &str) -> Vec<u8> {
    let mut a = Vec::with_capacity(scope.len() + placeholder.len() + 1);
    a.extend_from_slice(scope.as_bytes());
    a.push(0);
    a.extend_from_slice(placeholder.as_bytes());
    a
}

impl Vault {
    /// A vault in `store` sealing with a key derived from `secret`, keeping values for
    /// `ttl`; and its writer task, which ends once the vault is dropped and everything
    /// queued is written.
    pub fn start(
        store: AuditStore,
        secret: &[u8],
        ttl: Duration,
        metrics: Arc<Metrics>,
    ) -> (Arc<Vault>, tokio::task::JoinHandle<()>) {
        let (tx, mut rx) = mpsc::channel::<Put>(QUEUE);
        let vault = Arc::new(Vault {
            store: store.clone(),
            key: derive_key(secret),
            ttl,
            cache: Mutex::new(HashMap::new()),
            tx: Mutex::new(Some(tx)),
            metrics: metrics.clone(),
        });
        let sealer = Sealer {
            key: derive_key(secret),
        };
        let task = tokio::spawn(async move {
            let mut batch: Vec<Put> = Vec::with_capacity(BATCH);
            let mut last_purge = Instant::now();
            while rx.recv_many(&mut batch, BATCH).await > 0 {
                if batch.len() < BATCH && !rx.is_closed() {
                    tokio::time::sleep(LINGER).await;
                    while batch.len() < BATCH {
                        match rx.try_recv() {
                            Ok(p) => batch.push(p),
                            Err(_) => break,
                        }
                    }
                }
                let entries: Vec<(String, String, Vec<u8>)> = std::mem::take(&mut batch)
                    .into_iter()
                    .filter_map(|p| {
                        let sealed = sealer.seal(&p.scope, &p.placeholder, p.value.expose())?;
                        Some((p.scope, p.placeholder, sealed))
                    })
                    .collect();
                let n = entries.len() as u64;
                match store.vault_put_many(entries, ttl).await {
                    Ok(()) => {
                        metrics.vault_puts.fetch_add(n, Ordering::Relaxed);
                    }
                    Err(_) => {
                        metrics.vault_errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
                if last_purge.elapsed() >= PURGE_EVERY {
                    last_purge = Instant::now();
                    let _ = store.purge_expired().await;
                }
            }
        });
        (vault, task)
    }

    /// Stops taking new entries; the writer ends once the queued ones are written.
    pub fn close(&self) {
        if let Ok(mut tx) = self.tx.lock() {
            tx.take();
        }
    }

    /// Remembers the values a request's redaction issued and queues the ones the database
    /// may not have (new, or last written more than a quarter of the TTL ago).
    pub fn remember<'a>(&self, scope: &str, entries: impl Iterator<Item = (&'a str, &'a str)>) {
        let now = Instant::now();
        let refresh = self.ttl / 4;
        let mut queue = Vec::new();
        if let Ok(mut cache) = self.cache.lock() {
            for (placeholder, value) in entries {
                let key = (scope.to_string(), placeholder.to_string());
                let fresh = cache.get(&key).is_some_and(|c| {
                    c.written.is_some_and(|w| now.duration_since(w) < refresh)
                        && c.value.as_ref().is_some_and(|v| v.expose() == value)
                });
                if fresh {
                    continue;
                }
                if cache.len() >= CACHE_MAX {
                    cache.clear();
                }
                cache.insert(
                    key,
                    Cached {
                        value: Some(Redacted::new(value.to_string())),
                        until: now + self.ttl,
                        written: Some(now),
                    },
                );
                queue.push(Put {
                    scope: scope.to_string(),
                    placeholder: placeholder.to_string(),
                    value: Redacted::new(value.to_string()),
                });
            }
        }
        if queue.is_empty() {
            return;
        }
        let tx = self.tx.lock().ok().and_then(|t| t.clone());
        for p in queue {
            let sent = tx.as_ref().is_some_and(|tx| tx.try_send(p).is_ok());
            if !sent {
                self.metrics.vault_errors.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// The value of `placeholder` in `scope` if this instance knows it, without waiting:
    /// `Some(None)` when it is known to be absent, `None` when the database must be asked.
    pub fn cached(&self, scope: &str, placeholder: &str) -> Option<Option<String>> {
        let cache = self.cache.lock().ok()?;
        let c = cache.get(&(scope.to_string(), placeholder.to_string()))?;
        if c.until <= Instant::now() {
            return None;
        }
        Some(c.value.as_ref().map(|v| v.expose().clone()))
    }

    /// The value of `placeholder` in `scope`: from the cache, else from the database.
    /// A database failure counts as absent: the placeholder then stays as it is.
    pub async fn lookup(&self, scope: &str, placeholder: &str) -> Option<String> {
        if let Some(hit) = self.cached(scope, placeholder) {
            return hit;
        }
        self.metrics.vault_reads.fetch_add(1, Ordering::Relaxed);
        let found = match self.store.vault_get(scope, placeholder).await {
            Ok(Some(sealed)) => self.open(scope, placeholder, &sealed),
            Ok(None) => None,
            Err(_) => {
                self.metrics.vault_errors.fetch_add(1, Ordering::Relaxed);
                return None;
            }
        };
        if found.is_some() {
            self.metrics.vault_hits.fetch_add(1, Ordering::Relaxed);
        }
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_MAX {
                cache.clear();
            }
            let until = Instant::now()
                + if found.is_some() {
                    self.ttl
                } else {
                    NEGATIVE_TTL
                };
            cache.insert(
                (scope.to_string(), placeholder.to_string()),
                Cached {
                    value: found.clone().map(Redacted::new),
                    until,
                    written: None,
                },
            );
        }
        found
    }

    fn open(&self, scope: &str, placeholder: &str, sealed: &[u8]) -> Option<String> {
        open_with(&self.key, scope, placeholder, sealed)
    }
}

fn open_with(key: &LessSafeKey, scope: &str, placeholder: &str, sealed: &[u8]) -> Option<String> {
    let (&format, rest) = sealed.split_first()?;
    if format != FORMAT || rest.len() < NONCE_LEN {
        return None;
    }
    let (nonce, ct) = rest.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
    let mut buf = ct.to_vec();
    let plain = key
        .open_in_place(nonce, Aad::from(aad(scope, placeholder)), &mut buf)
        .ok()?;
    String::from_utf8(plain.to_vec()).ok()
}

struct Sealer {
    key: LessSafeKey,
}

impl Sealer {
    fn seal(&self, scope: &str, placeholder: &str, value: &str) -> Option<Vec<u8>> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::getrandom(&mut nonce).ok()?;
        let mut buf = value.as_bytes().to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad(scope, placeholder)),
                &mut buf,
            )
            .ok()?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + buf.len());
        out.push(FORMAT);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&buf);
        Some(out)
    }
}

/// The vault scope of a caller: their user, so that values never cross users.
pub fn scope_of(user: Option<&str>) -> String {
    match user {
        Some(u) => format!("user:{u}"),
        None => "anonymous".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_forms() {
        assert!(is_placeholder("[[EMAIL_0a1b2c3d]]"));
        assert!(is_placeholder("[[INTERNAL_HOST_0a1b2c3d]]"));
        assert!(!is_placeholder("[[EMAIL_0a1b2c3]]"));
        assert!(!is_placeholder("[[EMAIL 0a1b2c3d]]"));
        assert!(!is_placeholder("[[_0a1b2c3d]]"));
        assert!(could_be_placeholder("["));
        assert!(could_be_placeholder("[[EMA"));
        assert!(could_be_placeholder("[[EMAIL_0a1b2c3d]"));
        assert!(!could_be_placeholder("[x"));
        assert!(!could_be_placeholder("[[EMAIL is"));
        assert_eq!(
            placeholders_in("a [[EMAIL_0a1b2c3d]] b [[x]] [[EMAIL_0a1b2c3d]] [[HOST_99887766]]"),
            vec!["[[EMAIL_0a1b2c3d]]", "[[HOST_99887766]]"]
        );
    }

    #[test]
    fn sealed_values_open_only_in_their_slot_and_under_their_key() {
        let s = Sealer {
            key: derive_key(b"secret-one-0123456789"),
        };
        let sealed = s
            .seal("user:a", "[[EMAIL_0a1b2c3d]]", "jane@x.dev")
            .unwrap();
        assert!(!sealed.windows(10).any(|w| w == b"jane@x.dev"));
        let k1 = derive_key(b"secret-one-0123456789");
        let k2 = derive_key(b"secret-two-0123456789");
        assert_eq!(
            open_with(&k1, "user:a", "[[EMAIL_0a1b2c3d]]", &sealed).as_deref(),
            Some("jane@x.dev")
        );
        assert_eq!(
            open_with(&k1, "user:b", "[[EMAIL_0a1b2c3d]]", &sealed),
            None
        );
        assert_eq!(
            open_with(&k1, "user:a", "[[EMAIL_99999999]]", &sealed),
            None
        );
        assert_eq!(
            open_with(&k2, "user:a", "[[EMAIL_0a1b2c3d]]", &sealed),
            None
        );
    }
}
