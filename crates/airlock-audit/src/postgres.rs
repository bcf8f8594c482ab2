//! The PostgreSQL backend, for several gateway instances sharing one log. Appends from all
//! instances extend one chain: each batch is a transaction that locks the chain-head row
//! (`SELECT ... FOR UPDATE`), so writers from any number of processes queue on it. Migrations run
//! under a transaction-scoped advisory lock so that instances starting together migrate once.
//!
//! Connections are plain TCP or Unix sockets (no TLS in this build: `sslmode=require` fails
//! to connect rather than falling back to plaintext). A closed connection is reopened on next use.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use tokio::sync::{mpsc, oneshot};
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Config, IsolationLevel, NoTls, Row, Statement};

use crate::event::{chain_after, AuditEvent, GENESIS_HASH};
use crate::keys::KeyInfo;
use crate::query::{Param, Query};
use crate::rows::{RawRow, COLUMNS};
use crate::verify::{Verifier, VerifyReport};
use crate::{redact_url, AuditError, AuditRecord};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/postgres/0001_init.sql"),
    include_str!("migrations/postgres/0002_prune.sql"),
];
/// The advisory lock key taken while migrating ("airlock" in ASCII).
const MIGRATION_LOCK: i64 = 0x0061_6972_6c6f_636b;
const MAX_BATCH: usize = 512;
/// Records read per round trip while verifying.
const VERIFY_PAGE: i64 = 5000;

type Reply<T> = oneshot::Sender<Result<T, AuditError>>;

pub(crate) struct PgStore {
    config: Config,
    location: String,
    shared: RwLock<Arc<Client>>,
    /// Set when an operation saw the shared session die before the client noticed.
    stale: AtomicBool,
    appends: mpsc::UnboundedSender<(AuditEvent, Reply<()>)>,
}

fn err<'a>(
    location: &'a str,
    action: &'static str,
) -> impl FnOnce(tokio_postgres::Error) -> AuditError + 'a {
    move |source| AuditError::Postgres {
        location: location.to_string(),
        action,
        source,
    }
}

/// Runs `$op`, an expression on the shared client `$c`, and when it failed because the session
/// is gone (server restart, killed session), once more on a new connection.
macro_rules! retry {
    ($store:expr, |$c:ident| $op:expr) => {{
        let $c = $store.client().await?;
        match $op {
            Err(e) if connection_lost(&e) => {
                $store.mark_stale();
                let $c = $store.client().await?;
                $op
            }
            r => r,
        }
    }};
}

async fn connect(config: &Config, loc: &str) -> Result<Client, AuditError> {
    let (client, conn) = config
        .connect(NoTls)
        .await
        .map_err(err(loc, "connecting"))?;
    tokio::spawn(async move {
        // A broken connection shows as a closed client, which is reopened on next use.
        let _ = conn.await;
    });
    Ok(client)
}

async fn migrate(client: &mut Client, loc: &str) -> Result<(), AuditError> {
    let latest = MIGRATIONS.len() as i64;
    let tx = client
        .transaction()
        .await
        .map_err(err(loc, "starting the migration"))?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await
        .map_err(err(loc, "taking the migration lock"))?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS airlock_schema (
             id SMALLINT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)",
    )
    .await
    .map_err(err(loc, "creating the schema version table"))?;
    let found: i64 = tx
        .query_opt("SELECT version FROM airlock_schema WHERE id = 1", &[])
        .await
        .map_err(err(loc, "reading the schema version"))?
        .map(|r| r.try_get(0))
        .transpose()
        .map_err(err(loc, "reading the schema version"))?
        .unwrap_or(0);
    if found > latest {
        return Err(AuditError::SchemaTooNew {
            location: loc.to_string(),
            found,
            supported: latest,
        });
    }
    for sql in MIGRATIONS.iter().skip(usize::try_from(found).unwrap_or(0)) {
        tx.batch_execute(sql)
            .await
            .map_err(err(loc, "applying a schema migration"))?;
    }
    tx.execute(
        "INSERT INTO airlock_schema (id, version) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        &[&latest],
    )
    .await
    .map_err(err(loc, "recording the schema version"))?;
    tx.commit()
        .await
        .map_err(err(loc, "committing the migration"))
}

impl PgStore {
    pub(crate) async fn open(url: &str) -> Result<Arc<PgStore>, AuditError> {
        let location = redact_url(url);
        let config: Config =
            url.parse()
                .map_err(|e: tokio_postgres::Error| AuditError::BadUrl {
                    url: location.clone(),
                    reason: e.to_string(),
                })?;
        let mut writer = connect(&config, &location).await?;
        migrate(&mut writer, &location).await?;
        let shared = connect(&config, &location).await?;
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(writer_task(config.clone(), location.clone(), writer, rx));
        Ok(Arc::new(PgStore {
            config,
            location,
            shared: RwLock::new(Arc::new(shared)),
            stale: AtomicBool::new(false),
            appends: tx,
        }))
    }

    /// The shared connection for single statements, reopened when it has closed.
    async fn client(&self) -> Result<Arc<Client>, AuditError> {
        let current = Arc::clone(&self.shared.read().unwrap_or_else(|p| p.into_inner()));
        if !current.is_closed() && !self.stale.swap(false, Ordering::SeqCst) {
            return Ok(current);
        }
        let fresh = Arc::new(connect(&self.config, &self.location).await?);
        *self.shared.write().unwrap_or_else(|p| p.into_inner()) = Arc::clone(&fresh);
        Ok(fresh)
    }

    /// Queues every event before waiting, so the writer commits them together.
    fn mark_stale(&self) {
        self.stale.store(true, Ordering::SeqCst);
    }

    pub(crate) async fn append(&self, events: Vec<AuditEvent>) -> Result<(), AuditError> {
        let gone = || AuditError::WriterGone {
            location: self.location.clone(),
        };
        let mut replies = Vec::with_capacity(events.len());
        for ev in events {
            let (tx, rx) = oneshot::channel();
            self.appends.send((ev, tx)).map_err(|_| gone())?;
            replies.push(rx);
        }
        let mut first_err = None;
        for rx in replies {
            if let Err(e) = rx.await.map_err(|_| gone()).and_then(|r| r) {
                first_err.get_or_insert(e);
            }
        }
        first_err.map_or(Ok(()), Err)
    }

    pub(crate) async fn query(&self, q: &Query) -> Result<Vec<AuditRecord>, AuditError> {
        let loc = &self.location;
        let (clause, params) = q.where_clause(|n| format!("${n}"));
        let limit = q.limit.map_or("ALL".to_string(), |l| l.to_string());
        let sql =
            format!("SELECT {COLUMNS} FROM airlock_audit{clause} ORDER BY seq DESC LIMIT {limit}");
        let values: Vec<Box<dyn ToSql + Sync + Send>> = params
            .into_iter()
            .map(|p| -> Box<dyn ToSql + Sync + Send> {
                match p {
                    Param::Int(i) => Box::new(i),
                    Param::Text(t) => Box::new(t),
                }
            })
            .collect();
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref() as _).collect();
        let rows = retry!(self, |c| c
            .query(&sql, &refs)
            .await
            .map_err(err(loc, "querying the audit log")))?;
        let mut out = rows
            .iter()
            .map(|r| {
                decode(r).map_err(|(seq, reason)| AuditError::Corrupt {
                    location: loc.clone(),
                    seq,
                    reason,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        out.reverse();
        Ok(out)
    }

    pub(crate) async fn record_at(&self, seq: i64) -> Result<Option<AuditRecord>, AuditError> {
        let loc = &self.location;
        let row = retry!(self, |c| c
            .query_opt(
                &format!("SELECT {COLUMNS} FROM airlock_audit WHERE seq = $1"),
                &[&seq],
            )
            .await
            .map_err(err(loc, "reading a record")))?;
        row.map(|r| {
            decode(&r).map_err(|(seq, reason)| AuditError::Corrupt {
                location: loc.clone(),
                seq,
                reason,
            })
        })
        .transpose()
    }

    pub(crate) async fn verify(&self) -> Result<VerifyReport, AuditError> {
        let loc = &self.location;
        // Its own connection: a long snapshot must not hold up the shared one.
        let mut client = connect(&self.config, loc).await?;
        let tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await
            .map_err(err(loc, "starting a read transaction"))?;
        let (head_seq, head_hash, base_seq, base_hash): (i64, String, i64, String) = tx
            .query_opt(
                "SELECT seq, hash, base_seq, base_hash FROM airlock_audit_head WHERE id = 1",
                &[],
            )
            .await
            .map_err(err(loc, "reading the chain head"))?
            .map(|r| {
                Ok::<_, tokio_postgres::Error>((
                    r.try_get(0)?,
                    r.try_get(1)?,
                    r.try_get(2)?,
                    r.try_get(3)?,
                ))
            })
            .transpose()
            .map_err(err(loc, "reading the chain head"))?
            .unwrap_or((
                -1,
                "(the chain head row is missing)".to_string(),
                0,
                GENESIS_HASH.to_string(),
            ));
        let stmt = tx
            .prepare(&format!(
                "SELECT {COLUMNS} FROM airlock_audit WHERE seq > $1 ORDER BY seq LIMIT $2"
            ))
            .await
            .map_err(err(loc, "preparing the chain walk"))?;
        let mut v = Verifier::new(base_seq, base_hash);
        let mut after = i64::MIN;
        'walk: loop {
            let rows = tx
                .query(&stmt, &[&after, &VERIFY_PAGE])
                .await
                .map_err(err(loc, "walking the chain"))?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                after = row.try_get(0).unwrap_or(after);
                if !v.push(decode(row)) {
                    break 'walk;
                }
            }
        }
        tx.commit()
            .await
            .map_err(err(loc, "ending the read transaction"))?;
        Ok(v.finish(head_seq, head_hash))
    }

    /// Deletes records up to `seq` and moves the chain's base there, holding the chain head
    /// locked like an append.
    pub(crate) async fn prune_through(&self, seq: i64) -> Result<u64, AuditError> {
        let loc = &self.location;
        let mut client = connect(&self.config, loc).await?;
        let tx = client
            .transaction()
            .await
            .map_err(err(loc, "starting a prune"))?;
        let base: i64 = tx
            .query_one(
                "SELECT base_seq FROM airlock_audit_head WHERE id = 1 FOR UPDATE",
                &[],
            )
            .await
            .and_then(|r| r.try_get(0))
            .map_err(err(loc, "locking the chain head"))?;
        if seq <= base {
            return Ok(0);
        }
        let hash: String = tx
            .query_one("SELECT hash FROM airlock_audit WHERE seq = $1", &[&seq])
            .await
            .and_then(|r| r.try_get(0))
            .map_err(err(loc, "reading the new base record"))?;
        let n = tx
            .execute("DELETE FROM airlock_audit WHERE seq <= $1", &[&seq])
            .await
            .map_err(err(loc, "deleting pruned records"))?;
        tx.execute(
            "UPDATE airlock_audit_head SET base_seq = $1, base_hash = $2 WHERE id = 1",
            &[&seq, &hash],
        )
        .await
        .map_err(err(loc, "moving the chain base"))?;
        tx.commit().await.map_err(err(loc, "committing a prune"))?;
        Ok(n)
    }

    /// The last seq whose record and every one before it are older than `before_ms`.
    pub(crate) async fn prune_point(&self, before_ms: i64) -> Result<i64, AuditError> {
        let row = retry!(self, |c| c
            .query_one(
                "SELECT COALESCE((SELECT MIN(seq) FROM airlock_audit WHERE time_ms >= $1) - 1,
                                 (SELECT seq FROM airlock_audit_head WHERE id = 1))",
                &[&before_ms],
            )
            .await
            .map_err(err(&self.location, "finding the records to prune")))?;
        row.try_get(0)
            .map_err(err(&self.location, "finding the records to prune"))
    }

    pub(crate) async fn insert_key(&self, info: KeyInfo, hash: String) -> Result<(), AuditError> {
        retry!(self, |c| c
            .execute(
                "INSERT INTO airlock_keys (id, token_hash, user_name, team, created_ms)
                 VALUES ($1, $2, $3, $4, $5)",
                &[&info.id, &hash, &info.user, &info.team, &info.created_ms],
            )
            .await
            .map_err(err(&self.location, "storing a new key")))?;
        Ok(())
    }

    pub(crate) async fn key_by_hash(&self, hash: String) -> Result<Option<KeyInfo>, AuditError> {
        let row = retry!(self, |c| c
            .query_opt(
                "SELECT id, user_name, team, created_ms, revoked_ms FROM airlock_keys
                 WHERE token_hash = $1",
                &[&hash],
            )
            .await
            .map_err(err(&self.location, "looking up a key")))?;
        row.map(|r| key_row(&r, &self.location)).transpose()
    }

    pub(crate) async fn list_keys(&self) -> Result<Vec<KeyInfo>, AuditError> {
        let rows = retry!(self, |c| c
            .query(
                "SELECT id, user_name, team, created_ms, revoked_ms FROM airlock_keys
                 ORDER BY created_ms, id",
                &[],
            )
            .await
            .map_err(err(&self.location, "listing keys")))?;
        rows.iter().map(|r| key_row(r, &self.location)).collect()
    }

    pub(crate) async fn revoke_key(&self, id: String, now: i64) -> Result<bool, AuditError> {
        let n = retry!(self, |c| c
            .execute(
                "UPDATE airlock_keys SET revoked_ms = $2 WHERE id = $1 AND revoked_ms IS NULL",
                &[&id, &now],
            )
            .await
            .map_err(err(&self.location, "revoking a key")))?;
        Ok(n > 0)
    }

    pub(crate) async fn vault_put(
        &self,
        scope: String,
        placeholder: String,
        sealed: Vec<u8>,
        expires_ms: i64,
    ) -> Result<(), AuditError> {
        retry!(self, |c| c
            .execute(
                "INSERT INTO airlock_vault (scope, placeholder, sealed, expires_ms)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (scope, placeholder)
                 DO UPDATE SET sealed = excluded.sealed, expires_ms = excluded.expires_ms",
                &[&scope, &placeholder, &sealed, &expires_ms],
            )
            .await
            .map_err(err(&self.location, "storing a vault entry")))?;
        Ok(())
    }

    pub(crate) async fn vault_get(
        &self,
        scope: String,
        placeholder: String,
        now: i64,
    ) -> Result<Option<Vec<u8>>, AuditError> {
        let row = retry!(self, |c| c
            .query_opt(
                "SELECT sealed FROM airlock_vault
                 WHERE scope = $1 AND placeholder = $2 AND expires_ms > $3",
                &[&scope, &placeholder, &now],
            )
            .await
            .map_err(err(&self.location, "reading a vault entry")))?;
        row.map(|r| r.try_get(0))
            .transpose()
            .map_err(err(&self.location, "reading a vault entry"))
    }

    pub(crate) async fn purge_expired(&self, now: i64) -> Result<u64, AuditError> {
        retry!(self, |c| c
            .execute("DELETE FROM airlock_vault WHERE expires_ms <= $1", &[&now])
            .await
            .map_err(err(&self.location, "purging expired vault entries")))
    }
}

fn key_row(r: &Row, loc: &str) -> Result<KeyInfo, AuditError> {
    let get = || -> Result<KeyInfo, tokio_postgres::Error> {
        Ok(KeyInfo {
            id: r.try_get(0)?,
            user: r.try_get(1)?,
            team: r.try_get(2)?,
            created_ms: r.try_get(3)?,
            revoked: r.try_get::<_, Option<i64>>(4)?.is_some(),
        })
    };
    get().map_err(err(loc, "reading a key"))
}

fn decode(r: &Row) -> Result<AuditRecord, (i64, String)> {
    let seq: i64 = r.try_get(0).unwrap_or(-1);
    let raw = || -> Result<RawRow, tokio_postgres::Error> {
        Ok(RawRow {
            seq,
            time_ms: r.try_get(1)?,
            request_id: r.try_get(2)?,
            user: r.try_get(3)?,
            team: r.try_get(4)?,
            client: r.try_get(5)?,
            endpoint: r.try_get(6)?,
            model_requested: r.try_get(7)?,
            model_used: r.try_get(8)?,
            upstream: r.try_get(9)?,
            decision: r.try_get(10)?,
            box_level: r.try_get(11)?,
            findings: r.try_get(12)?,
            redactions: r.try_get(13)?,
            fingerprints: r.try_get(14)?,
            input_tokens: r.try_get(15)?,
            output_tokens: r.try_get(16)?,
            latency_us: r.try_get(17)?,
            status: r.try_get(18)?,
            error: r.try_get(19)?,
            prev_hash: r.try_get(20)?,
            hash: r.try_get(21)?,
        })
    };
    raw().map_err(|e| (seq, e.to_string()))?.decode()
}

async fn writer_task(
    config: Config,
    location: String,
    client: Client,
    mut rx: mpsc::UnboundedReceiver<(AuditEvent, Reply<()>)>,
) {
    // On failure the first batch reconnects (and reports the error to its callers).
    let mut client = Writer::prepare(client, &location).await.ok();
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(item) => batch.push(item),
                Err(_) => break,
            }
        }
        let events: Vec<AuditEvent> = batch.iter().map(|(e, _)| e.clone()).collect();
        let mut result = append_events(&config, &location, &mut client, events.clone()).await;
        let lost = match &result {
            Err(e) => connection_lost(e) || client.as_ref().is_none_or(|w| w.client.is_closed()),
            Ok(()) => false,
        };
        if lost {
            // The connection died (server restart, killed session): once more on a new one.
            client = None;
            result = append_events(&config, &location, &mut client, events).await;
        }
        match result {
            Ok(()) => {
                for (_, reply) in batch {
                    let _ = reply.send(Ok(()));
                }
            }
            Err(e) if batch.len() == 1 => {
                if let Some((_, reply)) = batch.into_iter().next() {
                    let _ = reply.send(Err(e));
                }
            }
            Err(_) => {
                // One answer per caller: retry each event alone.
                for (ev, reply) in batch {
                    let r = append_events(&config, &location, &mut client, vec![ev]).await;
                    let _ = reply.send(r);
                }
            }
        }
    }
}

/// Whether `e` means the session is gone (closed socket, `FATAL`, connection or shutdown
/// error codes), so that a new connection may succeed where this one failed.
fn connection_lost(e: &AuditError) -> bool {
    let AuditError::Postgres { source, .. } = e else {
        return false;
    };
    source.is_closed()
        || source
            .as_db_error()
            .is_some_and(|d| matches!(d.severity(), "FATAL" | "PANIC"))
        || source
            .code()
            .is_some_and(|c| c.code().starts_with("08") || c.code().starts_with("57P"))
}

/// The writer's connection and its prepared insert (prepared once per connection).
struct Writer {
    client: Client,
    insert: Statement,
}

impl Writer {
    async fn connect(config: &Config, loc: &str) -> Result<Writer, AuditError> {
        Writer::prepare(connect(config, loc).await?, loc).await
    }

    async fn prepare(client: Client, loc: &str) -> Result<Writer, AuditError> {
        let insert = client
            .prepare(&format!(
                "INSERT INTO airlock_audit ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, \
                 $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)"
            ))
            .await
            .map_err(err(loc, "preparing an append"))?;
        Ok(Writer { client, insert })
    }
}

async fn append_events(
    config: &Config,
    loc: &str,
    slot: &mut Option<Writer>,
    events: Vec<AuditEvent>,
) -> Result<(), AuditError> {
    let writer = match slot {
        Some(w) if !w.client.is_closed() => w,
        _ => slot.insert(Writer::connect(config, loc).await?),
    };
    let stmt = writer.insert.clone();
    let tx = writer
        .client
        .transaction()
        .await
        .map_err(err(loc, "starting an append"))?;
    let head = tx
        .query_opt(
            "SELECT seq, hash FROM airlock_audit_head WHERE id = 1 FOR UPDATE",
            &[],
        )
        .await
        .map_err(err(loc, "locking the chain head"))?;
    let Some(head) = head else {
        return Err(AuditError::Corrupt {
            location: loc.to_string(),
            seq: 0,
            reason: "the chain head row (airlock_audit_head id 1) is missing; refusing to append"
                .to_string(),
        });
    };
    let (seq, hash): (i64, String) = (|| Ok((head.try_get(0)?, head.try_get(1)?)))()
        .map_err(err(loc, "reading the chain head"))?;
    let records = chain_after(seq, &hash, events);
    for rec in &records {
        let r = RawRow::from_record(rec);
        tx.execute(
            &stmt,
            &[
                &r.seq,
                &r.time_ms,
                &r.request_id,
                &r.user,
                &r.team,
                &r.client,
                &r.endpoint,
                &r.model_requested,
                &r.model_used,
                &r.upstream,
                &r.decision,
                &r.box_level,
                &r.findings,
                &r.redactions,
                &r.fingerprints,
                &r.input_tokens,
                &r.output_tokens,
                &r.latency_us,
                &r.status,
                &r.error,
                &r.prev_hash,
                &r.hash,
            ],
        )
        .await
        .map_err(err(loc, "appending a record"))?;
    }
    if let Some(last) = records.last() {
        tx.execute(
            "UPDATE airlock_audit_head SET seq = $1, hash = $2 WHERE id = 1",
            &[&last.seq, &last.hash],
        )
        .await
        .map_err(err(loc, "advancing the chain head"))?;
    }
    tx.commit().await.map_err(err(loc, "committing an append"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_migration_per_schema_version() {
        assert_eq!(super::MIGRATIONS.len() as i64, crate::SCHEMA_VERSION);
    }
}
