//! The one error type of the audit store: what failed, where (which database, which record),
//! and what to do about it. Messages never carry a token, a sealed value or an event's content.

use std::path::PathBuf;

/// Everything that can go wrong in the audit store.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// The database URL is not a path, `sqlite://path` or `postgres://...`.
    #[error("invalid database URL {url:?}: {reason}")]
    BadUrl { url: String, reason: String },

    /// The database was written by a newer airlock.
    #[error(
        "{location}: the audit database has schema version {found}, but this airlock supports \
         at most version {supported}; upgrade airlock (never downgrade a shared database)"
    )]
    SchemaTooNew {
        location: String,
        found: i64,
        supported: i64,
    },

    /// Creating the folder that holds the SQLite file failed.
    #[error("cannot create the folder {}: {source}", path.display())]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },

    /// An SQLite call failed.
    #[error("{location}: SQLite error while {action}: {source}")]
    Sqlite {
        location: String,
        action: &'static str,
        source: rusqlite::Error,
    },

    /// A PostgreSQL call failed.
    #[error("{location}: PostgreSQL error while {action}: {source}")]
    Postgres {
        location: String,
        action: &'static str,
        source: tokio_postgres::Error,
    },

    /// A stored row cannot be read back (a column holds something airlock never writes).
    #[error("{location}: audit record {seq} is unreadable: {reason}")]
    Corrupt {
        location: String,
        seq: i64,
        reason: String,
    },

    /// An event that cannot be stored as given.
    #[error("invalid audit event: {0}")]
    InvalidEvent(String),

    /// A key name, vault scope, placeholder or value that cannot be stored as given.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),

    /// A time or duration argument (`--since`, `--until`) that cannot be parsed.
    #[error("invalid time {input:?}: {reason} (use RFC 3339 like 2026-01-31T12:00:00Z, a date like 2026-01-31, or a span like 90s, 30m, 24h, 7d, 2w)")]
    BadTime { input: String, reason: String },

    /// An operation that needs an intact chain found it broken.
    #[error(
        "the audit chain is broken at record {seq} ({reason}); refusing to prune it (that would \
         delete the evidence): investigate with `airlock audit verify`"
    )]
    ChainBroken { seq: i64, reason: String },

    /// The operating system's random number generator failed; no key is made without it.
    #[error("the system random number generator failed: {0}")]
    Random(String),

    /// The background writer stopped (its thread panicked or the runtime is shutting down).
    #[error("{location}: the audit writer has stopped; the event was not recorded")]
    WriterGone { location: String },

    /// A blocking task could not be joined.
    #[error("{location}: a database task failed: {reason}")]
    Task { location: String, reason: String },
}
