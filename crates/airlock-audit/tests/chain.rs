//! The hash chain: intact after normal use and concurrent writers; tampering with a record
//! directly in the database (edit, delete, reorder, cut the end, rewrite a hash) is reported at
//! the first broken record.

use airlock_audit::{record_hash, AuditStore, Query};

use crate::{append_n, both_backends, event, Db};

async fn intact_after_appends(db: Db) {
    let store = db.open().await;
    let empty = store.verify().await.unwrap();
    assert!(empty.is_intact());
    assert_eq!((empty.records, empty.head_seq), (0, 0));
    append_n(&store, 1, 20).await;
    let r = store.verify().await.unwrap();
    assert!(r.is_intact(), "{r:?}");
    assert_eq!((r.records, r.head_seq), (20, 20));
    let recs = store.query(&Query::default()).await.unwrap();
    assert_eq!(recs.len(), 20);
    assert_eq!(recs[0].event, event(1));
    assert_eq!(recs[19].hash, r.head_hash);
    // Reopening continues the same chain.
    drop(store);
    let store = db.open().await;
    append_n(&store, 21, 2).await;
    assert!(store.verify().await.unwrap().is_intact());
}
both_backends!(intact_after_appends);

async fn broken_at(db: &Db, tamper: &str) -> (i64, String) {
    let store = db.open().await;
    append_n(&store, 1, 5).await;
    assert!(store.verify().await.unwrap().is_intact());
    db.exec(tamper).await;
    let r = store.verify().await.unwrap();
    let b = r.broken.expect("tampering must be detected");
    (b.seq, b.reason)
}

async fn detects_edited_record(db: Db) {
    let (seq, reason) = broken_at(
        &db,
        "UPDATE airlock_audit SET user_name = 'mallory' WHERE seq = 3",
    )
    .await;
    assert_eq!(seq, 3);
    assert!(reason.contains("edited"), "{reason}");
}
both_backends!(detects_edited_record);

async fn detects_edited_findings(db: Db) {
    let (seq, _) = broken_at(
        &db,
        "UPDATE airlock_audit SET findings = '{\"email\":1}' WHERE seq = 2",
    )
    .await;
    assert_eq!(seq, 2);
}
both_backends!(detects_edited_findings);

async fn detects_deleted_record(db: Db) {
    let (seq, reason) = broken_at(&db, "DELETE FROM airlock_audit WHERE seq = 3").await;
    assert_eq!(seq, 3);
    assert!(reason.contains("missing"), "{reason}");
}
both_backends!(detects_deleted_record);

async fn detects_reordered_records(db: Db) {
    let (seq, reason) = broken_at(
        &db,
        "UPDATE airlock_audit SET seq = -2 WHERE seq = 2;
         UPDATE airlock_audit SET seq = 2 WHERE seq = 3;
         UPDATE airlock_audit SET seq = 3 WHERE seq = -2;",
    )
    .await;
    assert_eq!(seq, 2);
    assert!(reason.contains("prev_hash"), "{reason}");
}
both_backends!(detects_reordered_records);

async fn detects_cut_off_end(db: Db) {
    let (seq, reason) = broken_at(&db, "DELETE FROM airlock_audit WHERE seq >= 4").await;
    assert_eq!(seq, 4);
    assert!(reason.contains("deleted from the end"), "{reason}");
}
both_backends!(detects_cut_off_end);

/// An attacker who edits a record and recomputes its hash breaks the link to the next one.
async fn detects_rewritten_hash(db: Db) {
    let store = db.open().await;
    append_n(&store, 1, 5).await;
    let recs = store.query(&Query::default()).await.unwrap();
    let mut forged = recs[2].event.clone();
    forged.decision = "allow".into();
    let hash = record_hash(&recs[2].prev_hash, 3, &forged);
    db.exec(&format!(
        "UPDATE airlock_audit SET decision = 'allow', hash = '{hash}' WHERE seq = 3"
    ))
    .await;
    let b = store.verify().await.unwrap().broken.expect("detected");
    assert_eq!(b.seq, 4, "{}", b.reason);
}
both_backends!(detects_rewritten_hash);

/// Someone with write access who rewrites a record and recomputes every later hash and the head
/// keeps the chain internally valid; an anchor taken before shows the rewrite.
async fn anchors_detect_a_rewritten_chain(db: Db) {
    let store = db.open().await;
    append_n(&store, 1, 5).await;
    let before = store.verify().await.unwrap();
    let anchor = (before.head_seq, before.head_hash.clone());
    assert!(store
        .verify_anchored(std::slice::from_ref(&anchor))
        .await
        .unwrap()
        .is_intact());

    let recs = store.query(&Query::default()).await.unwrap();
    let mut prev = recs[1].hash.clone();
    let mut sql = String::new();
    for r in &recs[2..] {
        let mut ev = r.event.clone();
        if r.seq == 3 {
            ev.decision = "allow".into();
        }
        let hash = record_hash(&prev, r.seq, &ev);
        sql += &format!(
            "UPDATE airlock_audit SET decision = '{}', prev_hash = '{prev}', hash = '{hash}' \
             WHERE seq = {};",
            ev.decision, r.seq
        );
        prev = hash;
    }
    sql += &format!("UPDATE airlock_audit_head SET hash = '{prev}' WHERE id = 1;");
    db.exec(&sql).await;

    assert!(
        store.verify().await.unwrap().is_intact(),
        "a full rewrite is internally valid"
    );
    let r = store.verify_anchored(&[anchor]).await.unwrap();
    let b = r.broken.expect("the anchor shows the rewrite");
    assert_eq!(b.seq, 5);
    assert!(b.reason.contains("rewritten"), "{}", b.reason);
    let missing = store.verify_anchored(&[(99, "00".into())]).await.unwrap();
    assert!(missing.broken.unwrap().reason.contains("does not exist"));
}
both_backends!(anchors_detect_a_rewritten_chain);

/// Two store handles (two connections, as two gateway processes would have) and many tasks
/// appending at once still make one valid chain with every event in it.
async fn concurrent_writers_keep_one_chain(db: Db) {
    let a = db.open().await;
    let b = db.open().await;
    let mut tasks = Vec::new();
    for t in 0..8_i64 {
        let store: AuditStore = if t % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            append_n(&store, t * 1000, 50).await;
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let r = a.verify().await.unwrap();
    assert!(r.is_intact(), "{r:?}");
    assert_eq!(r.records, 400);
    let recs = b.query(&Query::default()).await.unwrap();
    let mut ids: Vec<_> = recs.iter().map(|r| r.event.request_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 400);
}
both_backends!(concurrent_writers_keep_one_chain);

/// A batch is appended in order, committed together, and a batch with one invalid event writes
/// nothing.
async fn append_many_in_order(db: Db) {
    let store = db.open().await;
    store
        .append_many((1..=300).map(event).collect())
        .await
        .unwrap();
    let mut bad = vec![event(301), event(302)];
    bad[1].decision = "unknown".into();
    assert!(store.append_many(bad).await.is_err());
    store.append_many(Vec::new()).await.unwrap();
    let r = store.verify().await.unwrap();
    assert!(r.is_intact(), "{r:?}");
    assert_eq!(r.records, 300);
    let recs = store.query(&Query::default()).await.unwrap();
    assert!(recs.iter().zip(1..).all(|(r, i)| r.event == event(i)));
}
both_backends!(append_many_in_order);

async fn missing_head_row_refuses_appends(db: Db) {
    let store = db.open().await;
    append_n(&store, 1, 2).await;
    db.exec("DELETE FROM airlock_audit_head").await;
    assert!(store.append(event(3)).await.is_err());
    let b = store.verify().await.unwrap().broken.expect("detected");
    assert!(b.reason.contains("head row"), "{}", b.reason);
}
both_backends!(missing_head_row_refuses_appends);

#[tokio::test]
async fn invalid_events_are_refused() {
    let db = Db::sqlite();
    let store = db.open().await;
    let mut ev = event(1);
    ev.decision = "shrug".into();
    let e = store.append(ev).await.unwrap_err().to_string();
    assert!(e.contains("decision"), "{e}");
    let mut ev = event(1);
    ev.fingerprints = vec!["AKIA raw secret value".into()];
    assert!(store.append(ev).await.is_err());
    assert_eq!(store.verify().await.unwrap().records, 0);
}

/// A PostgreSQL restart or a killed session must not stop the log: the store reconnects.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_reconnects_after_its_sessions_are_killed() {
    let Some(db) = Db::postgres("reconnect").await else {
        return;
    };
    let store = db.open().await;
    append_n(&store, 1, 3).await;
    db.exec(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .await;
    // Right after the kill: a read on the shared session, then appends on the writer's.
    assert!(store.list_keys().await.unwrap().is_empty());
    append_n(&store, 4, 3).await;
    let (token, _) = store.create_key("after-restart", None).await.unwrap();
    assert!(store.authenticate(&token).await.unwrap().is_some());
    let r = store.verify().await.unwrap();
    assert!(r.is_intact() && r.records == 6, "{r:?}");
}

/// Not a test on its own: the body of the writer processes started by
/// `several_processes_share_one_chain` (this test binary, run again with `AIRLOCK_AUDIT_CHILD_URL`).
#[tokio::test]
async fn child_writer_process() {
    let (Ok(url), Ok(id)) = (
        std::env::var("AIRLOCK_AUDIT_CHILD_URL"),
        std::env::var("AIRLOCK_AUDIT_CHILD_ID"),
    ) else {
        return;
    };
    let id: i64 = id.parse().unwrap();
    let store = AuditStore::open(&url).await.unwrap();
    // Singles and batches, so that transactions of different sizes interleave.
    for i in 0..40 {
        store.append(event(id * 10_000 + i)).await.unwrap();
    }
    store
        .append_many((40..100).map(|i| event(id * 10_000 + i)).collect())
        .await
        .unwrap();
}

/// Several gateway processes writing to one database at the same time extend one valid chain.
async fn several_processes_share_one_chain(db: Db) {
    drop(db.open().await);
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (1..=3)
        .map(|id| {
            std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "chain::child_writer_process",
                    "--test-threads",
                    "1",
                ])
                .env("AIRLOCK_AUDIT_CHILD_URL", db.url())
                .env("AIRLOCK_AUDIT_CHILD_ID", id.to_string())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a writer process failed");
    }
    let store = db.open().await;
    let r = store.verify().await.unwrap();
    assert!(r.is_intact(), "{r:?}");
    assert_eq!(r.records, 300);
}
both_backends!(several_processes_share_one_chain);

/// Pruning deletes the oldest records, the rest still verifies from the new base, and tampering
/// with what remains still shows.
async fn prune_keeps_the_rest_verifiable(db: Db) {
    let store = db.open().await;
    append_n(&store, 0, 10).await;
    // event(i) is at t0 + i s: everything before event(4).
    let n = store.prune_before(event(4).time_ms).await.unwrap();
    assert_eq!(n, 4);
    let r = store.verify().await.unwrap();
    assert!(r.is_intact(), "{r:?}");
    assert_eq!((r.records, r.base_seq, r.head_seq), (6, 4, 10));
    assert_eq!(
        store.prune_before(event(4).time_ms).await.unwrap(),
        0,
        "idempotent"
    );
    append_n(&store, 10, 2).await;
    assert!(store.verify().await.unwrap().is_intact());
    let recs = store.query(&Query::default()).await.unwrap();
    assert_eq!(recs.first().unwrap().seq, 5);

    // Deleting the first remaining record is still caught.
    db.exec("DELETE FROM airlock_audit WHERE seq = 5").await;
    let b = store.verify().await.unwrap().broken.expect("detected");
    assert_eq!(b.seq, 5);
    // And a broken chain is never pruned.
    let e = store.prune_before(i64::MAX).await.unwrap_err().to_string();
    assert!(e.contains("refusing to prune"), "{e}");
}
both_backends!(prune_keeps_the_rest_verifiable);

async fn prune_everything(db: Db) {
    let store = db.open().await;
    append_n(&store, 0, 3).await;
    assert_eq!(store.prune_before(i64::MAX).await.unwrap(), 3);
    let r = store.verify().await.unwrap();
    assert!(r.is_intact() && r.records == 0 && r.base_seq == 3, "{r:?}");
    append_n(&store, 3, 2).await;
    let r = store.verify().await.unwrap();
    assert!(r.is_intact() && r.records == 2 && r.head_seq == 5, "{r:?}");
}
both_backends!(prune_everything);
