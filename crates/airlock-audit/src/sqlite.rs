//! The SQLite backend (the default): one file in WAL mode. A dedicated writer thread owns the
//! write connection and commits appends in batches (group commit), each batch one
//! `BEGIN IMMEDIATE` transaction that reads and advances the chain head, so several processes
//! sharing the file still extend one chain. Reads run on a small pool of read-only connections
//! on tokio's blocking threads, so nothing here blocks the async runtime.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use tokio::sync::oneshot;

use crate::event::{chain_after, AuditEvent, GENESIS_HASH};
use crate::keys::KeyInfo;
use crate::query::{Param, Query};
use crate::rows::{RawRow, COLUMNS};
use crate::verify::{Verifier, VerifyReport};
use crate::{AuditError, AuditRecord};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/sqlite/0001_init.sql"),
    include_str!("migrations/sqlite/0002_prune.sql"),
];
/// Events committed in one transaction at most.
const MAX_BATCH: usize = 512;
/// How long a writer waits for another process's write transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
const MAX_IDLE_READERS: usize = 4;

type Reply<T> = oneshot::Sender<Result<T, AuditError>>;

enum Job {
    /// Events appended in order, answered once: one wake-up of the writer per batch.
    Append(Vec<AuditEvent>, Reply<()>),
    Run(Box<dyn FnOnce(&mut Connection) + Send>),
}

pub(crate) struct SqliteStore {
    path: PathBuf,
    location: String,
    writer: Mutex<mpsc::Sender<Job>>,
    readers: Mutex<Vec<Connection>>,
}

fn err<'a>(
    location: &'a str,
    action: &'static str,
) -> impl FnOnce(rusqlite::Error) -> AuditError + 'a {
    move |source| AuditError::Sqlite {
        location: location.to_string(),
        action,
        source,
    }
}

fn migrate(conn: &mut Connection, location: &str) -> Result<(), AuditError> {
    let latest = MIGRATIONS.len() as i64;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err(location, "starting the migration"))?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS airlock_schema (
             id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)",
    )
    .map_err(err(location, "creating the schema version table"))?;
    let found: i64 = tx
        .query_row("SELECT version FROM airlock_schema WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(err(location, "reading the schema version"))?
        .unwrap_or(0);
    if found > latest {
        return Err(AuditError::SchemaTooNew {
            location: location.to_string(),
            found,
            supported: latest,
        });
    }
    for sql in MIGRATIONS.iter().skip(usize::try_from(found).unwrap_or(0)) {
        tx.execute_batch(sql)
            .map_err(err(location, "applying a schema migration"))?;
    }
    tx.execute(
        "INSERT INTO airlock_schema (id, version) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        [latest],
    )
    .map_err(err(location, "recording the schema version"))?;
    tx.commit()
        .map_err(err(location, "committing the migration"))
}

/// Switches to WAL. On a new file, several processes opening at once race for the lock this
/// needs, and SQLite answers BUSY without waiting: retry until the busy timeout.
fn set_wal(conn: &Connection, location: &str) -> Result<(), AuditError> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(err(location, "switching to WAL mode")(e)),
        }
    }
}

impl SqliteStore {
    /// Opens (creating when missing) the database at `path` and migrates it.
    pub(crate) fn open(path: &Path) -> Result<Arc<SqliteStore>, AuditError> {
        let location = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| AuditError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let mut conn = Connection::open(path).map_err(err(&location, "opening the database"))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(err(&location, "setting the busy timeout"))?;
        // WAL: readers never block the writer. NORMAL: no fsync per commit (the WAL is synced
        // at checkpoints), so one append costs tens of microseconds, not a disk flush; a crash
        // of the process loses nothing committed, a power cut may lose the last commits, and
        // the chain stays valid either way.
        set_wal(&conn, &location)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err(&location, "setting synchronous mode"))?;
        migrate(&mut conn, &location)?;
        let (tx, rx) = mpsc::channel();
        let thread_location = location.clone();
        std::thread::Builder::new()
            .name("airlock-audit-writer".into())
            .spawn(move || writer_loop(conn, rx, &thread_location))
            .map_err(|e| AuditError::Task {
                location: location.clone(),
                reason: format!("cannot start the writer thread: {e}"),
            })?;
        Ok(Arc::new(SqliteStore {
            path: path.to_path_buf(),
            location,
            writer: Mutex::new(tx),
            readers: Mutex::new(Vec::new()),
        }))
    }

    fn gone(&self) -> AuditError {
        AuditError::WriterGone {
            location: self.location.clone(),
        }
    }

    fn send(&self, job: Job) -> Result<(), AuditError> {
        let writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        writer.send(job).map_err(|_| self.gone())
    }

    /// Hands the events to the writer as one job, so that it wakes once for them and
    /// commits them together (with any other caller's events queued meanwhile).
    pub(crate) async fn append(&self, events: Vec<AuditEvent>) -> Result<(), AuditError> {
        let (tx, rx) = oneshot::channel();
        self.send(Job::Append(events, tx))?;
        rx.await.map_err(|_| self.gone()).and_then(|r| r)
    }

    /// Runs `f` on the writer thread.
    async fn write<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection, &str) -> Result<T, AuditError> + Send + 'static,
    ) -> Result<T, AuditError> {
        let (tx, rx) = oneshot::channel();
        let location = self.location.clone();
        self.send(Job::Run(Box::new(move |conn| {
            let _ = tx.send(f(conn, &location));
        })))?;
        rx.await.map_err(|_| self.gone())?
    }

    /// Runs `f` with a pooled read-only connection on a blocking thread.
    async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Connection, &str) -> Result<T, AuditError> + Send + 'static,
    ) -> Result<T, AuditError> {
        let me = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let idle = me.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let conn = match idle {
                Some(c) => c,
                None => me.open_reader()?,
            };
            let out = f(&conn, &me.location);
            let mut pool = me.readers.lock().unwrap_or_else(|p| p.into_inner());
            if pool.len() < MAX_IDLE_READERS {
                pool.push(conn);
            }
            out
        })
        .await
        .map_err(|e| AuditError::Task {
            location: self.location.clone(),
            reason: e.to_string(),
        })?
    }

    fn open_reader(&self) -> Result<Connection, AuditError> {
        let loc = &self.location;
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(err(loc, "opening a read connection"))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(err(loc, "setting the busy timeout"))?;
        Ok(conn)
    }

    pub(crate) async fn query(self: &Arc<Self>, q: &Query) -> Result<Vec<AuditRecord>, AuditError> {
        let (clause, params) = q.where_clause(|n| format!("?{n}"));
        let limit = q.limit.map_or(-1, i64::from);
        self.read(move |conn, loc| {
            let sql = format!(
                "SELECT {COLUMNS} FROM airlock_audit{clause} ORDER BY seq DESC LIMIT {limit}"
            );
            let mut stmt = conn.prepare(&sql).map_err(err(loc, "preparing a query"))?;
            let values: Vec<rusqlite::types::Value> = params
                .into_iter()
                .map(|p| match p {
                    Param::Int(i) => rusqlite::types::Value::Integer(i),
                    Param::Text(t) => rusqlite::types::Value::Text(t),
                })
                .collect();
            let rows = stmt
                .query_map(rusqlite::params_from_iter(values), raw_row)
                .map_err(err(loc, "querying the audit log"))?;
            let mut out = Vec::new();
            for row in rows {
                let row = row.map_err(err(loc, "reading the audit log"))?;
                out.push(row.decode().map_err(|(seq, reason)| AuditError::Corrupt {
                    location: loc.to_string(),
                    seq,
                    reason,
                })?);
            }
            out.reverse();
            Ok(out)
        })
        .await
    }

    pub(crate) async fn record_at(
        self: &Arc<Self>,
        seq: i64,
    ) -> Result<Option<AuditRecord>, AuditError> {
        self.read(move |conn, loc| {
            let raw = conn
                .query_row(
                    &format!("SELECT {COLUMNS} FROM airlock_audit WHERE seq = ?1"),
                    [seq],
                    raw_row,
                )
                .optional()
                .map_err(err(loc, "reading a record"))?;
            raw.map(|r| {
                r.decode().map_err(|(seq, reason)| AuditError::Corrupt {
                    location: loc.to_string(),
                    seq,
                    reason,
                })
            })
            .transpose()
        })
        .await
    }

    pub(crate) async fn verify(self: &Arc<Self>) -> Result<VerifyReport, AuditError> {
        self.read(|conn, loc| {
            // One read transaction: the head and the records are the same snapshot.
            let tx = conn
                .unchecked_transaction()
                .map_err(err(loc, "starting a read transaction"))?;
            let (head_seq, head_hash, base_seq, base_hash): (i64, String, i64, String) = tx
                .query_row(
                    "SELECT seq, hash, base_seq, base_hash FROM airlock_audit_head WHERE id = 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()
                .map_err(err(loc, "reading the chain head"))?
                .unwrap_or((
                    -1,
                    "(the chain head row is missing)".to_string(),
                    0,
                    GENESIS_HASH.to_string(),
                ));
            let mut v = Verifier::new(base_seq, base_hash);
            let mut stmt = tx
                .prepare(&format!("SELECT {COLUMNS} FROM airlock_audit ORDER BY seq"))
                .map_err(err(loc, "preparing the chain walk"))?;
            let mut rows = stmt.query([]).map_err(err(loc, "walking the chain"))?;
            while let Some(row) = rows.next().map_err(err(loc, "walking the chain"))? {
                let decoded = match raw_row(row) {
                    Ok(raw) => raw.decode(),
                    Err(e) => Err((row.get(0).unwrap_or(-1), e.to_string())),
                };
                if !v.push(decoded) {
                    break;
                }
            }
            Ok(v.finish(head_seq, head_hash))
        })
        .await
    }

    /// Deletes records up to `seq` and moves the chain's base there.
    pub(crate) async fn prune_through(&self, seq: i64) -> Result<u64, AuditError> {
        self.write(move |conn, loc| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(err(loc, "starting a prune"))?;
            let base: i64 = tx
                .query_row(
                    "SELECT base_seq FROM airlock_audit_head WHERE id = 1",
                    [],
                    |r| r.get(0),
                )
                .map_err(err(loc, "reading the chain head"))?;
            if seq <= base {
                return Ok(0);
            }
            let hash: String = tx
                .query_row(
                    "SELECT hash FROM airlock_audit WHERE seq = ?1",
                    [seq],
                    |r| r.get(0),
                )
                .map_err(err(loc, "reading the new base record"))?;
            let n = tx
                .execute("DELETE FROM airlock_audit WHERE seq <= ?1", [seq])
                .map_err(err(loc, "deleting pruned records"))?;
            tx.execute(
                "UPDATE airlock_audit_head SET base_seq = ?1, base_hash = ?2 WHERE id = 1",
                params![seq, hash],
            )
            .map_err(err(loc, "moving the chain base"))?;
            tx.commit().map_err(err(loc, "committing a prune"))?;
            Ok(n as u64)
        })
        .await
    }

    /// The last seq whose record and every one before it are older than `before_ms`.
    pub(crate) async fn prune_point(self: &Arc<Self>, before_ms: i64) -> Result<i64, AuditError> {
        self.read(move |conn, loc| {
            conn.query_row(
                "SELECT COALESCE((SELECT MIN(seq) FROM airlock_audit WHERE time_ms >= ?1) - 1,
                                 (SELECT seq FROM airlock_audit_head WHERE id = 1))",
                [before_ms],
                |r| r.get(0),
            )
            .map_err(err(loc, "finding the records to prune"))
        })
        .await
    }

    pub(crate) async fn insert_key(&self, info: KeyInfo, hash: String) -> Result<(), AuditError> {
        self.write(move |conn, loc| {
            conn.execute(
                "INSERT INTO airlock_keys (id, token_hash, user_name, team, created_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![info.id, hash, info.user, info.team, info.created_ms],
            )
            .map_err(err(loc, "storing a new key"))?;
            Ok(())
        })
        .await
    }

    pub(crate) async fn key_by_hash(
        self: &Arc<Self>,
        hash: String,
    ) -> Result<Option<KeyInfo>, AuditError> {
        self.read(move |conn, loc| {
            conn.query_row(
                "SELECT id, user_name, team, created_ms, revoked_ms FROM airlock_keys
                 WHERE token_hash = ?1",
                [hash],
                key_row,
            )
            .optional()
            .map_err(err(loc, "looking up a key"))
        })
        .await
    }

    pub(crate) async fn list_keys(self: &Arc<Self>) -> Result<Vec<KeyInfo>, AuditError> {
        self.read(|conn, loc| {
            let mut stmt = conn
                .prepare(
                    "SELECT id, user_name, team, created_ms, revoked_ms FROM airlock_keys
                     ORDER BY created_ms, id",
                )
                .map_err(err(loc, "listing keys"))?;
            let rows = stmt
                .query_map([], key_row)
                .map_err(err(loc, "listing keys"))?;
            rows.collect::<Result<_, _>>()
                .map_err(err(loc, "listing keys"))
        })
        .await
    }

    pub(crate) async fn revoke_key(&self, id: String, now: i64) -> Result<bool, AuditError> {
        self.write(move |conn, loc| {
            let n = conn
                .execute(
                    "UPDATE airlock_keys SET revoked_ms = ?2 WHERE id = ?1 AND revoked_ms IS NULL",
                    params![id, now],
                )
                .map_err(err(loc, "revoking a key"))?;
            Ok(n > 0)
        })
        .await
    }

    pub(crate) async fn vault_put(
        &self,
        scope: String,
        placeholder: String,
        sealed: Vec<u8>,
        expires_ms: i64,
    ) -> Result<(), AuditError> {
        self.write(move |conn, loc| {
            conn.execute(
                "INSERT INTO airlock_vault (scope, placeholder, sealed, expires_ms)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (scope, placeholder)
                 DO UPDATE SET sealed = excluded.sealed, expires_ms = excluded.expires_ms",
                params![scope, placeholder, sealed, expires_ms],
            )
            .map_err(err(loc, "storing a vault entry"))?;
            Ok(())
        })
        .await
    }

    pub(crate) async fn vault_put_many(
        &self,
        entries: Vec<(String, String, Vec<u8>)>,
        expires_ms: i64,
    ) -> Result<(), AuditError> {
        self.write(move |conn, loc| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(err(loc, "starting to store vault entries"))?;
            {
                let mut stmt = tx
                    .prepare_cached(
                        "INSERT INTO airlock_vault (scope, placeholder, sealed, expires_ms)
                         VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (scope, placeholder)
                         DO UPDATE SET sealed = excluded.sealed, expires_ms = excluded.expires_ms",
                    )
                    .map_err(err(loc, "preparing to store vault entries"))?;
                for (scope, placeholder, sealed) in &entries {
                    stmt.execute(params![scope, placeholder, sealed, expires_ms])
                        .map_err(err(loc, "storing a vault entry"))?;
                }
            }
            tx.commit().map_err(err(loc, "committing vault entries"))
        })
        .await
    }

    pub(crate) async fn vault_get(
        self: &Arc<Self>,
        scope: String,
        placeholder: String,
        now: i64,
    ) -> Result<Option<Vec<u8>>, AuditError> {
        self.read(move |conn, loc| {
            conn.query_row(
                "SELECT sealed FROM airlock_vault
                 WHERE scope = ?1 AND placeholder = ?2 AND expires_ms > ?3",
                params![scope, placeholder, now],
                |r| r.get(0),
            )
            .optional()
            .map_err(err(loc, "reading a vault entry"))
        })
        .await
    }

    pub(crate) async fn purge_expired(&self, now: i64) -> Result<u64, AuditError> {
        self.write(move |conn, loc| {
            let n = conn
                .execute("DELETE FROM airlock_vault WHERE expires_ms <= ?1", [now])
                .map_err(err(loc, "purging expired vault entries"))?;
            Ok(n as u64)
        })
        .await
    }
}

fn raw_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRow> {
    Ok(RawRow {
        seq: r.get(0)?,
        time_ms: r.get(1)?,
        request_id: r.get(2)?,
        user: r.get(3)?,
        team: r.get(4)?,
        client: r.get(5)?,
        endpoint: r.get(6)?,
        model_requested: r.get(7)?,
        model_used: r.get(8)?,
        upstream: r.get(9)?,
        decision: r.get(10)?,
        box_level: r.get(11)?,
        findings: r.get(12)?,
        redactions: r.get(13)?,
        fingerprints: r.get(14)?,
        input_tokens: r.get(15)?,
        output_tokens: r.get(16)?,
        latency_us: r.get(17)?,
        status: r.get(18)?,
        error: r.get(19)?,
        prev_hash: r.get(20)?,
        hash: r.get(21)?,
    })
}

fn key_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<KeyInfo> {
    Ok(KeyInfo {
        id: r.get(0)?,
        user: r.get(1)?,
        team: r.get(2)?,
        created_ms: r.get(3)?,
        revoked: r.get::<_, Option<i64>>(4)?.is_some(),
    })
}

fn writer_loop(mut conn: Connection, rx: mpsc::Receiver<Job>, location: &str) {
    let mut pending = None;
    loop {
        let job = match pending.take() {
            Some(j) => j,
            None => match rx.recv() {
                Ok(j) => j,
                Err(_) => return,
            },
        };
        match job {
            Job::Run(f) => f(&mut conn),
            Job::Append(events, reply) => {
                let mut n = events.len();
                let mut batch = vec![(events, reply)];
                while n < MAX_BATCH {
                    match rx.try_recv() {
                        Ok(Job::Append(e, r)) => {
                            n += e.len();
                            batch.push((e, r));
                        }
                        Ok(other) => {
                            pending = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                write_batch(&mut conn, location, batch);
            }
        }
    }
}

/// Commits every job of `batch` in one transaction; when that fails, each job alone, and
/// the events of a failing job each alone, so that each caller gets its own answer and
/// every event that can be written is.
fn write_batch(conn: &mut Connection, location: &str, batch: Vec<(Vec<AuditEvent>, Reply<()>)>) {
    let all: Vec<AuditEvent> = batch.iter().flat_map(|(e, _)| e.iter().cloned()).collect();
    let single = all.len() == 1;
    match append_events(conn, location, all) {
        Ok(()) => {
            for (_, reply) in batch {
                let _ = reply.send(Ok(()));
            }
        }
        Err(e) if single => {
            if let Some((_, reply)) = batch.into_iter().next() {
                let _ = reply.send(Err(e));
            }
        }
        Err(_) => {
            for (events, reply) in batch {
                let answer = if events.len() > 1 {
                    append_events(conn, location, events.clone()).or_else(|_| {
                        let mut first = Ok(());
                        for ev in events {
                            if let Err(e) = append_events(conn, location, vec![ev]) {
                                first = first.and(Err(e));
                            }
                        }
                        first
                    })
                } else {
                    append_events(conn, location, events)
                };
                let _ = reply.send(answer);
            }
        }
    }
}

/// Records appended between two offers of the core to other threads.
const YIELD_EVERY: usize = 8;

fn append_events(
    conn: &mut Connection,
    loc: &str,
    events: Vec<AuditEvent>,
) -> Result<(), AuditError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err(loc, "starting an append"))?;
    let (seq, hash): (i64, String) = tx
        .query_row(
            "SELECT seq, hash FROM airlock_audit_head WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(err(
            loc,
            "reading the chain head (is the airlock_audit_head row missing?)",
        ))?;
    let records = chain_after(seq, &hash, events);
    {
        let mut stmt = tx
            .prepare_cached(&format!(
                "INSERT INTO airlock_audit ({COLUMNS}) VALUES \
                 (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
                 ?18, ?19, ?20, ?21, ?22)"
            ))
            .map_err(err(loc, "preparing an append"))?;
        for (i, rec) in records.iter().enumerate() {
            if i % YIELD_EVERY == YIELD_EVERY - 1 {
                // A batch takes the core for tens of microseconds a record: let a request
                // that is waiting for it (a gateway pinned to one core) go first.
                std::thread::yield_now();
            }
            let r = RawRow::from_record(rec);
            stmt.execute(params![
                r.seq,
                r.time_ms,
                r.request_id,
                r.user,
                r.team,
                r.client,
                r.endpoint,
                r.model_requested,
                r.model_used,
                r.upstream,
                r.decision,
                r.box_level,
                r.findings,
                r.redactions,
                r.fingerprints,
                r.input_tokens,
                r.output_tokens,
                r.latency_us,
                r.status,
                r.error,
                r.prev_hash,
                r.hash
            ])
            .map_err(err(loc, "appending a record"))?;
        }
    }
    if let Some(last) = records.last() {
        tx.execute(
            "UPDATE airlock_audit_head SET seq = ?1, hash = ?2 WHERE id = 1",
            params![last.seq, last.hash],
        )
        .map_err(err(loc, "advancing the chain head"))?;
    }
    tx.commit().map_err(err(loc, "committing an append"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_migration_per_schema_version() {
        assert_eq!(super::MIGRATIONS.len() as i64, crate::SCHEMA_VERSION);
    }
}
