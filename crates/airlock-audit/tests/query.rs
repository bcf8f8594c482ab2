//! Query filters: time range, user, team, decision, model (asked for or used) and limit.

use airlock_audit::{AuditStore, Query};

use crate::{both_backends, event, Db};

async fn seed(store: &AuditStore) {
    for i in 0..10_i64 {
        let mut ev = event(i);
        if i % 2 == 1 {
            ev.user = Some("bob".into());
            ev.team = Some("search".into());
        }
        if i == 7 {
            ev.decision = "block".into();
            ev.status = 403;
        }
        if i == 8 {
            ev.decision = "reroute".into();
            ev.model_used = Some("local-llama".into());
        }
        store.append(ev).await.unwrap();
    }
}

fn ids(recs: &[airlock_audit::AuditRecord]) -> Vec<String> {
    recs.iter().map(|r| r.event.request_id.clone()).collect()
}

async fn filters(db: Db) {
    let store = db.open().await;
    seed(&store).await;
    let q = |f: fn(&mut Query)| {
        let mut q = Query::default();
        f(&mut q);
        q
    };
    let all = store.query(&Query::default()).await.unwrap();
    assert_eq!(all.len(), 10);
    assert_eq!(all[0].seq, 1);

    let bob = store
        .query(&q(|q| q.user = Some("bob".into())))
        .await
        .unwrap();
    assert_eq!(ids(&bob), ["req-1", "req-3", "req-5", "req-7", "req-9"]);
    let search = store
        .query(&q(|q| q.team = Some("search".into())))
        .await
        .unwrap();
    assert_eq!(search.len(), 5);
    let blocked = store
        .query(&q(|q| q.decision = Some("block".into())))
        .await
        .unwrap();
    assert_eq!(ids(&blocked), ["req-7"]);
    let llama = store
        .query(&q(|q| q.model = Some("local-llama".into())))
        .await
        .unwrap();
    assert_eq!(ids(&llama), ["req-8"]);
    let sonnet = store
        .query(&q(|q| q.model = Some("claude-sonnet".into())))
        .await
        .unwrap();
    assert_eq!(sonnet.len(), 10, "model matches the model asked for too");

    let t0 = event(0).time_ms;
    let range = store
        .query(&Query {
            since_ms: Some(t0 + 2000),
            until_ms: Some(t0 + 5000),
            ..Query::default()
        })
        .await
        .unwrap();
    assert_eq!(ids(&range), ["req-2", "req-3", "req-4"]);

    let last3 = store.query(&q(|q| q.limit = Some(3))).await.unwrap();
    assert_eq!(
        ids(&last3),
        ["req-7", "req-8", "req-9"],
        "most recent, oldest first"
    );
    let combined = store
        .query(&Query {
            user: Some("bob".into()),
            since_ms: Some(t0 + 4000),
            limit: Some(2),
            ..Query::default()
        })
        .await
        .unwrap();
    assert_eq!(ids(&combined), ["req-7", "req-9"]);
    let none = store
        .query(&q(|q| q.user = Some("nobody".into())))
        .await
        .unwrap();
    assert!(none.is_empty());
}
both_backends!(filters);
