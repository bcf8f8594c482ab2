//! airlock's record of what went through the gateway: a tamper-evident (hash-chained) audit log,
//! the gateway keys, and the placeholder vault shared by gateway instances.
//!
//! One [`AuditStore`] fronts two backends: SQLite (a local file in WAL mode, the default) and
//! PostgreSQL (several gateway instances behind a load balancer). Both keep one chain: each
//! append reads and advances a chain-head row inside a transaction that serializes writers
//! (`BEGIN IMMEDIATE` in SQLite, `SELECT ... FOR UPDATE` in PostgreSQL).
//!
//! The store holds metadata only: finding kinds and counts, keyed fingerprints, token counts,
//! never a prompt, a response or a secret. Keys are kept as SHA-256 hashes of their tokens.
//!
//! ```no_run
//! # async fn demo() -> Result<(), airlock_audit::AuditError> {
//! use airlock_audit::{AuditEvent, AuditStore, Query};
//! let store = AuditStore::open("airlock-audit.db").await?;
//! store.append(AuditEvent { request_id: "r1".into(), decision: "allow".into(), ..Default::default() }).await?;
//! assert!(store.verify().await?.is_intact());
//! let last_day = store.query(&Query { limit: Some(50), ..Query::default() }).await?;
//! # Ok(()) }
//! ```

mod error;
mod event;
mod keys;
mod postgres;
mod query;
mod rows;
mod sqlite;
pub mod time;
mod verify;

use std::path::PathBuf;
use std::sync::Arc;

pub use error::AuditError;
pub use event::{
    canonical_bytes, record_hash, AuditEvent, AuditRecord, DECISIONS, GENESIS_HASH, MAX_ERROR_CHARS,
};
pub use keys::{looks_like_token, token_hash, KeyInfo, AUTH_CACHE_TTL, TOKEN_PREFIX};
pub use query::Query;
pub use verify::{BrokenRecord, VerifyReport};

/// The schema version this build writes; a database with a higher one is refused.
pub const SCHEMA_VERSION: i64 = 2;

/// The environment variable naming the database when `--database-url` is not given.
pub const DATABASE_URL_ENV: &str = "AIRLOCK_DATABASE_URL";

/// Where a database lives, parsed from a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseLocation {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL connection string (`postgres://user@host:port/db?options`).
    Postgres(String),
}

impl DatabaseLocation {
    /// Parses a plain path, `sqlite://path` (`sqlite:///abs/path` for an absolute one),
    /// `sqlite:path`, or `postgres://...` / `postgresql://...`.
    pub fn parse(url: &str) -> Result<DatabaseLocation, AuditError> {
        let bad = |reason: &str| AuditError::BadUrl {
            url: redact_url(url),
            reason: reason.to_string(),
        };
        if url.trim().is_empty() {
            return Err(bad("it is empty"));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseLocation::Postgres(url.to_string()));
        }
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if rest.is_empty() {
                return Err(bad("no file after sqlite://"));
            }
            return Ok(DatabaseLocation::Sqlite(PathBuf::from(rest)));
        }
        if let Some((scheme, _)) = url.split_once("://") {
            return Err(bad(&format!(
                "unsupported scheme {scheme:?} (use a file path, sqlite://PATH or postgres://...)"
            )));
        }
        Ok(DatabaseLocation::Sqlite(PathBuf::from(url)))
    }
}

/// `url` with any password replaced by `***`, for messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let tail = redact_password_param(tail);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => format!("{scheme}://{userinfo}@{host}{tail}"),
        },
        None => format!("{scheme}://{authority}{tail}"),
    }
}

fn redact_password_param(tail: &str) -> String {
    let Some((path, query)) = tail.split_once('?') else {
        return tail.to_string();
    };
    let params: Vec<String> = query
        .split('&')
        .map(|kv| match kv.split_once('=') {
            Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
            _ => kv.to_string(),
        })
        .collect();
    format!("{path}?{}", params.join("&"))
}

/// The default SQLite file: `$XDG_DATA_HOME/airlock/airlock-audit.db`, else
/// `~/.local/share/airlock/airlock-audit.db`; `None` when neither variable is set.
pub fn default_database_path() -> Option<PathBuf> {
    let nonempty = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base =
        nonempty("XDG_DATA_HOME").or_else(|| nonempty("HOME").map(|h| h.join(".local/share")))?;
    Some(base.join("airlock").join("airlock-audit.db"))
}

/// Largest sealed value the vault takes.
pub const MAX_SEALED_BYTES: usize = 1 << 20;

fn check_vault_key(scope: &str, placeholder: &str) -> Result<(), AuditError> {
    for (what, v) in [("scope", scope), ("placeholder", placeholder)] {
        if v.is_empty() || v.len() > 256 {
            return Err(AuditError::InvalidArgument(format!(
                "a vault {what} must be 1 to 256 bytes"
            )));
        }
    }
    Ok(())
}

#[derive(Clone)]
enum Backend {
    Sqlite(Arc<sqlite::SqliteStore>),
    Postgres(Arc<postgres::PgStore>),
}

/// The audit log, gateway keys and placeholder vault, on SQLite or PostgreSQL. Cheap to clone;
/// clones share connections and the authentication cache.
#[derive(Clone)]
pub struct AuditStore {
    backend: Backend,
    auth_cache: Arc<keys::AuthCache>,
}

impl std::fmt::Debug for AuditStore {
    /// Names the backend only: a database URL may carry a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditStore")
            .field("backend", &self.backend_name())
            .finish_non_exhaustive()
    }
}

impl AuditStore {
    /// Opens the database at `url` (a plain path, `sqlite://path` or `postgres://...`), creating
    /// it when missing, and migrates it to [`SCHEMA_VERSION`]. Refuses a newer schema.
    pub async fn open(url: &str) -> Result<AuditStore, AuditError> {
        let backend = match DatabaseLocation::parse(url)? {
            DatabaseLocation::Sqlite(path) => {
                let store = tokio::task::spawn_blocking(move || sqlite::SqliteStore::open(&path))
                    .await
                    .map_err(|e| AuditError::Task {
                        location: url.to_string(),
                        reason: e.to_string(),
                    })??;
                Backend::Sqlite(store)
            }
            DatabaseLocation::Postgres(conn) => {
                Backend::Postgres(postgres::PgStore::open(&conn).await?)
            }
        };
        Ok(AuditStore {
            backend,
            auth_cache: Arc::default(),
        })
    }

    /// Which kind of database this is: `"sqlite"` or `"postgres"`.
    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Validates `ev` ([`AuditEvent::validate`]) and appends it to the chain. Returns once the
    /// record is committed. Concurrent appends are committed together in one transaction.
    pub async fn append(&self, ev: AuditEvent) -> Result<(), AuditError> {
        self.append_many(vec![ev]).await
    }

    /// Appends several events in order, committed together where possible (one transaction
    /// instead of one each): a background writer that drains a queue should call this with
    /// everything it has. Validates every event first and writes none if one is invalid;
    /// returns the first error otherwise.
    pub async fn append_many(&self, events: Vec<AuditEvent>) -> Result<(), AuditError> {
        let events = events
            .into_iter()
            .map(AuditEvent::validate)
            .collect::<Result<Vec<_>, _>>()?;
        if events.is_empty() {
            return Ok(());
        }
        match &self.backend {
            Backend::Sqlite(s) => s.append(events).await,
            Backend::Postgres(p) => p.append(events).await,
        }
    }

    /// Records matching `q`, oldest first (the most recent `q.limit` when a limit is given).
    pub async fn query(&self, q: &Query) -> Result<Vec<AuditRecord>, AuditError> {
        match &self.backend {
            Backend::Sqlite(s) => s.query(q).await,
            Backend::Postgres(p) => p.query(q).await,
        }
    }

    /// Walks the whole chain in one consistent snapshot and reports the first broken record.
    pub async fn verify(&self) -> Result<VerifyReport, AuditError> {
        match &self.backend {
            Backend::Sqlite(s) => s.verify().await,
            Backend::Postgres(p) => p.verify().await,
        }
    }

    /// [`verify`](Self::verify), then checks that each anchored record `(seq, hash)` still has
    /// that hash. Anchors are hashes written down earlier, outside the database (`verify` prints
    /// the head's): someone who rewrites the whole chain, head included, keeps it internally valid
    /// but cannot keep an earlier record's hash once anything at or before it changed.
    pub async fn verify_anchored(
        &self,
        anchors: &[(i64, String)],
    ) -> Result<VerifyReport, AuditError> {
        let mut report = self.verify().await?;
        if report.broken.is_some() {
            return Ok(report);
        }
        for (seq, want) in anchors {
            let found = self.record_at(*seq).await?;
            let reason = match found {
                None => format!("the anchored record {seq} does not exist"),
                Some(r) if !r.hash.eq_ignore_ascii_case(want) => format!(
                    "record {seq} has hash {}, but the anchor says {want}: the chain was \
                     rewritten up to or before it",
                    r.hash
                ),
                Some(_) => continue,
            };
            report.broken = Some(BrokenRecord { seq: *seq, reason });
            break;
        }
        Ok(report)
    }

    /// Deletes the records older than `before_ms` (the oldest part of the chain: up to the first
    /// record at or after that time) and returns how many. The head row keeps the last deleted
    /// record's seq and hash as the chain's base, so what remains still verifies. Refuses to
    /// prune a broken chain: that would delete the evidence.
    pub async fn prune_before(&self, before_ms: i64) -> Result<u64, AuditError> {
        let report = self.verify().await?;
        if let Some(b) = report.broken {
            return Err(AuditError::ChainBroken {
                seq: b.seq,
                reason: b.reason,
            });
        }
        let through = match &self.backend {
            Backend::Sqlite(s) => s.prune_point(before_ms).await?,
            Backend::Postgres(p) => p.prune_point(before_ms).await?,
        };
        match &self.backend {
            Backend::Sqlite(s) => s.prune_through(through).await,
            Backend::Postgres(p) => p.prune_through(through).await,
        }
    }

    /// The record at position `seq`, if there is one.
    pub async fn record_at(&self, seq: i64) -> Result<Option<AuditRecord>, AuditError> {
        match &self.backend {
            Backend::Sqlite(s) => s.record_at(seq).await,
            Backend::Postgres(p) => p.record_at(seq).await,
        }
    }

    /// Creates a key for `user` (and `team`). Returns the token, which is not stored and cannot
    /// be shown again, and the key's public information.
    pub async fn create_key(
        &self,
        user: &str,
        team: Option<&str>,
    ) -> Result<(String, KeyInfo), AuditError> {
        keys::check_name("user", user)?;
        if let Some(t) = team {
            keys::check_name("team", t)?;
        }
        let token = keys::new_token()?;
        let info = KeyInfo {
            id: keys::new_key_id()?,
            user: user.to_string(),
            team: team.map(str::to_string),
            created_ms: time::now_ms(),
            revoked: false,
        };
        let hash = token_hash(&token);
        match &self.backend {
            Backend::Sqlite(s) => s.insert_key(info.clone(), hash).await?,
            Backend::Postgres(p) => p.insert_key(info.clone(), hash).await?,
        }
        Ok((token, info))
    }

    /// The key of `token`; `None` when the token is unknown, malformed or revoked. Answers are
    /// cached for [`AUTH_CACHE_TTL`], so a revocation elsewhere takes effect within that time.
    pub async fn authenticate(&self, token: &str) -> Result<Option<KeyInfo>, AuditError> {
        if !looks_like_token(token) {
            return Ok(None);
        }
        let hash = token_hash(token);
        if let Some(hit) = self.auth_cache.get(&hash) {
            return Ok(hit);
        }
        let found = match &self.backend {
            Backend::Sqlite(s) => s.key_by_hash(hash.clone()).await?,
            Backend::Postgres(p) => p.key_by_hash(hash.clone()).await?,
        };
        let found = found.filter(|k| !k.revoked);
        self.auth_cache.put(hash, found.clone());
        Ok(found)
    }

    /// Every key, revoked ones included, oldest first.
    pub async fn list_keys(&self) -> Result<Vec<KeyInfo>, AuditError> {
        match &self.backend {
            Backend::Sqlite(s) => s.list_keys().await,
            Backend::Postgres(p) => p.list_keys().await,
        }
    }

    /// Revokes key `id`. True when it was active; false when there is no such key or it was
    /// already revoked. Takes effect at once through this store (and its clones).
    pub async fn revoke_key(&self, id: &str) -> Result<bool, AuditError> {
        let now = time::now_ms();
        let done = match &self.backend {
            Backend::Sqlite(s) => s.revoke_key(id.to_string(), now).await?,
            Backend::Postgres(p) => p.revoke_key(id.to_string(), now).await?,
        };
        self.auth_cache.clear();
        Ok(done)
    }

    /// Stores (or replaces) the sealed value of `placeholder` in `scope` for `ttl`.
    pub async fn vault_put(
        &self,
        scope: &str,
        placeholder: &str,
        sealed: &[u8],
        ttl: std::time::Duration,
    ) -> Result<(), AuditError> {
        check_vault_key(scope, placeholder)?;
        if sealed.len() > MAX_SEALED_BYTES {
            return Err(AuditError::InvalidArgument(format!(
                "a sealed vault value of {} bytes is over the limit of {MAX_SEALED_BYTES}",
                sealed.len()
            )));
        }
        let ttl_ms = i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX);
        let expires = time::now_ms().saturating_add(ttl_ms);
        let (s, p, v) = (scope.to_string(), placeholder.to_string(), sealed.to_vec());
        match &self.backend {
            Backend::Sqlite(st) => st.vault_put(s, p, v, expires).await,
            Backend::Postgres(pg) => pg.vault_put(s, p, v, expires).await,
        }
    }

    /// Stores (or replaces) several `(scope, placeholder, sealed)` entries for `ttl`, in one
    /// transaction where the backend allows: what a write-behind cache hands the store.
    pub async fn vault_put_many(
        &self,
        entries: Vec<(String, String, Vec<u8>)>,
        ttl: std::time::Duration,
    ) -> Result<(), AuditError> {
        for (scope, placeholder, sealed) in &entries {
            check_vault_key(scope, placeholder)?;
            if sealed.len() > MAX_SEALED_BYTES {
                return Err(AuditError::InvalidArgument(format!(
                    "a sealed vault value of {} bytes is over the limit of {MAX_SEALED_BYTES}",
                    sealed.len()
                )));
            }
        }
        if entries.is_empty() {
            return Ok(());
        }
        let ttl_ms = i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX);
        let expires = time::now_ms().saturating_add(ttl_ms);
        match &self.backend {
            Backend::Sqlite(st) => st.vault_put_many(entries, expires).await,
            Backend::Postgres(pg) => {
                for (s, p, v) in entries {
                    pg.vault_put(s, p, v, expires).await?;
                }
                Ok(())
            }
        }
    }

    /// The sealed value of `placeholder` in `scope`, unless missing or expired.
    pub async fn vault_get(
        &self,
        scope: &str,
        placeholder: &str,
    ) -> Result<Option<Vec<u8>>, AuditError> {
        check_vault_key(scope, placeholder)?;
        let (s, p, now) = (scope.to_string(), placeholder.to_string(), time::now_ms());
        match &self.backend {
            Backend::Sqlite(st) => st.vault_get(s, p, now).await,
            Backend::Postgres(pg) => pg.vault_get(s, p, now).await,
        }
    }

    /// Deletes expired vault entries; returns how many.
    pub async fn purge_expired(&self) -> Result<u64, AuditError> {
        let now = time::now_ms();
        match &self.backend {
            Backend::Sqlite(s) => s.purge_expired(now).await,
            Backend::Postgres(p) => p.purge_expired(now).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            DatabaseLocation::parse("sqlite:///var/lib/a.db").unwrap(),
            DatabaseLocation::Sqlite("/var/lib/a.db".into())
        );
        assert_eq!(
            DatabaseLocation::parse("a.db").unwrap(),
            DatabaseLocation::Sqlite("a.db".into())
        );
        assert!(matches!(
            DatabaseLocation::parse("postgresql://u@h/db").unwrap(),
            DatabaseLocation::Postgres(_)
        ));
        let url = "mysql://root:hunter2@h/db"; // airlock:allow synthetic test value
        let e = DatabaseLocation::parse(url).unwrap_err().to_string();
        assert!(
            e.contains("unsupported scheme") && !e.contains("hunter2"),
            "{e}"
        );
        assert!(DatabaseLocation::parse("").is_err());
    }

    #[test]
    fn passwords_are_redacted() {
        let url = "postgres://app:s3cret@db:5432/audit?sslmode=disable&password=x"; // airlock:allow synthetic test value
        let want = "postgres://app:***@db:5432/audit?sslmode=disable&password=***"; // airlock:allow redacted form
        assert_eq!(redact_url(url), want);
        assert_eq!(redact_url("postgres://db/audit"), "postgres://db/audit");
    }
}
