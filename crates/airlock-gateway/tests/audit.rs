//! Every request leaves one audit record, with kinds and counts but never values.

use std::time::Duration;

use airlock_audit::{AuditStore, Query};
use serde_json::json;

use crate::harness::{self, Setup, AWS_KEY, EMAIL};

#[tokio::test]
async fn requests_are_recorded_without_the_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.db");
    let mut setup = Setup::default();
    setup
        .env
        .insert("AIRLOCK_GATEWAY_AUDIT".into(), db.display().to_string());
    let env = harness::start(setup).await;
    let r = env
        .post("/v1/chat/completions", json!({"model": "gpt-4o", "messages": [{"role": "user", "content": format!("to {EMAIL}")}]}))
        .await;
    assert_eq!(r.status(), 200);
    let r = env
        .post("/v1/chat/completions", json!({"model": "gpt-4o", "messages": [{"role": "user", "content": format!("key {AWS_KEY}")}]}))
        .await;
    assert_eq!(r.status(), 403);
    let r = env
        .http
        .post(env.url("/v1/messages"))
        .header("x-api-key", "sk-test-FAKEFAKEWRONG")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    let store = AuditStore::open(&db.display().to_string()).await.unwrap();
    let mut records = Vec::new();
    for _ in 0..50 {
        records = store.query(&Query::default()).await.unwrap();
        if records.len() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(records.len(), 3);
    let redact = &records[0].event;
    assert_eq!(redact.decision, "redact");
    assert_eq!(redact.box_level, 2);
    assert_eq!(redact.findings.get("personal-data"), Some(&1));
    assert_eq!(redact.redactions, 1);
    assert_eq!(redact.model_used.as_deref(), Some("openai/gpt-4o"));
    assert_eq!(redact.user.as_deref(), Some("static-key-1"));
    assert_eq!(redact.input_tokens, Some(11));
    let block = &records[1].event;
    assert_eq!(block.decision, "block");
    assert_eq!(block.status, 403);
    assert_eq!(block.box_level, 3);
    let denied = &records[2].event;
    assert_eq!((denied.status, denied.decision.as_str()), (401, "error"));
    assert_eq!(denied.error.as_deref(), Some("invalid_api_key"));
    assert_eq!(denied.endpoint, "/v1/messages");
    assert!(denied.user.is_none());
    let all = format!("{records:?}");
    assert!(!all.contains(EMAIL) && !all.contains(AWS_KEY));
}

/// Records are written behind the requests; when the store stops taking them, the gateway
/// refuses requests (fail closed) until a write succeeds again.
#[tokio::test]
async fn a_broken_audit_store_stops_requests_until_it_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.db");
    let mut setup = Setup::default();
    setup
        .env
        .insert("AIRLOCK_GATEWAY_AUDIT".into(), db.display().to_string());
    let env = harness::start(setup).await;
    let body = json!({"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]});
    assert_eq!(
        env.post("/v1/chat/completions", body.clone())
            .await
            .status(),
        200
    );

    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.execute_batch("ALTER TABLE airlock_audit_head RENAME TO broken_head")
        .unwrap();
    // The next record fails to be written; from then on requests are refused.
    let mut refused = None;
    for _ in 0..100 {
        let r = env.post("/v1/chat/completions", body.clone()).await;
        if r.status() != 200 {
            refused = Some(r);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let r = refused.expect("requests are refused while the audit store fails");
    assert_eq!(r.status(), 500);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "airlock_audit_failed");

    conn.execute_batch("ALTER TABLE broken_head RENAME TO airlock_audit_head")
        .unwrap();
    let mut served = false;
    for _ in 0..100 {
        if env
            .post("/v1/chat/completions", body.clone())
            .await
            .status()
            == 200
        {
            served = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        served,
        "requests are served again once the store takes records"
    );
}
