//! Integration tests of the audit store against real databases: a SQLite file in a temporary
//! folder and a real PostgreSQL server (from `AIRLOCK_TEST_POSTGRES_URL`; start one with
//! `tests/start-postgres.sh`). Every behaviour is written once and run on both backends.

mod chain;
mod keys;
mod query;
mod schema;
mod vault;

use std::collections::BTreeMap;
use std::path::PathBuf;

use airlock_audit::{AuditEvent, AuditStore};

/// A database to test against, with raw SQL access for tampering.
pub enum Db {
    Sqlite {
        _dir: tempfile::TempDir,
        path: PathBuf,
    },
    Postgres {
        url: String,
    },
}

impl Db {
    pub fn sqlite() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("audit.db");
        Db::Sqlite { _dir: dir, path }
    }

    /// A new, empty PostgreSQL database on the test server, or `None` (with a SKIPPED line on
    /// stderr) when `AIRLOCK_TEST_POSTGRES_URL` is not set.
    pub async fn postgres(test: &str) -> Option<Db> {
        let Some(base) = std::env::var("AIRLOCK_TEST_POSTGRES_URL")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            // Straight to stderr, past the test harness's capture, so a skip is never silent.
            use std::io::Write;
            static HOW: std::sync::Once = std::sync::Once::new();
            let mut err = std::io::stderr();
            HOW.call_once(|| {
                let _ = writeln!(
                    err,
                    "PostgreSQL tests SKIPPED: AIRLOCK_TEST_POSTGRES_URL is not set (export \
                     AIRLOCK_TEST_POSTGRES_URL=$(bash crates/airlock-audit/tests/start-postgres.sh))"
                );
            });
            let _ = writeln!(err, "SKIPPED {test} on PostgreSQL");
            return None;
        };
        let name = format!(
            "airlock_{test}_{}_{}",
            std::process::id(),
            airlock_audit::time::now_ms()
        );
        let (client, conn) = tokio_postgres::connect(&base, tokio_postgres::NoTls)
            .await
            .expect("connect to AIRLOCK_TEST_POSTGRES_URL");
        tokio::spawn(conn);
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        Some(Db::Postgres {
            url: with_database(&base, &name),
        })
    }

    pub fn url(&self) -> String {
        match self {
            Db::Sqlite { path, .. } => path.display().to_string(),
            Db::Postgres { url } => url.clone(),
        }
    }

    pub async fn open(&self) -> AuditStore {
        AuditStore::open(&self.url()).await.expect("open store")
    }

    /// Runs raw SQL behind airlock's back.
    pub async fn exec(&self, sql: &str) {
        match self {
            Db::Sqlite { path, .. } => {
                let conn = rusqlite::Connection::open(path).expect("open sqlite");
                conn.execute_batch(sql).expect("tamper sql");
            }
            Db::Postgres { url } => {
                let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
                    .await
                    .expect("connect");
                tokio::spawn(conn);
                client.batch_execute(sql).await.expect("tamper sql");
            }
        }
    }
}

/// `base` with its database name replaced by `db`.
fn with_database(base: &str, db: &str) -> String {
    let (head, query) = match base.split_once('?') {
        Some((h, q)) => (h, format!("?{q}")),
        None => (base, String::new()),
    };
    let scheme_end = head.find("://").map_or(0, |i| i + 3);
    let host_part = match head[scheme_end..].find('/') {
        Some(i) => &head[..scheme_end + i],
        None => head,
    };
    format!("{host_part}/{db}{query}")
}

/// Runs the test function `$name(db)` once on SQLite and once on PostgreSQL (when the test server is set).
#[macro_export]
macro_rules! both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::Db::sqlite()).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(db) = $crate::Db::postgres(stringify!($name)).await {
                    super::$name(db).await;
                }
            }
        }
    };
}

/// A typical event; `i` varies the request id and time.
pub fn event(i: i64) -> AuditEvent {
    AuditEvent {
        time_ms: 1_700_000_000_000 + i * 1000,
        request_id: format!("req-{i}"),
        user: Some("alice".into()),
        team: Some("payments".into()),
        client: Some("claude-code/1.0".into()),
        endpoint: "/v1/messages".into(),
        model_requested: Some("claude-sonnet".into()),
        model_used: Some("claude-sonnet".into()),
        upstream: Some("anthropic".into()),
        decision: "redact".into(),
        box_level: 2,
        findings: BTreeMap::from([("email".to_string(), 2), ("aws-access-key".to_string(), 1)]),
        redactions: 3,
        fingerprints: vec!["hmac:3f9a0c11".into()],
        input_tokens: Some(1200),
        output_tokens: Some(300),
        latency_us: 850_000,
        status: 200,
        error: None,
    }
}

pub async fn append_n(store: &AuditStore, from: i64, n: i64) {
    for i in from..from + n {
        store.append(event(i)).await.expect("append");
    }
}
