//! The placeholder vault: values live until their TTL, are shared between handles, are replaced
//! on put, and expired ones are purged.

use std::time::Duration;

use crate::{both_backends, Db};

async fn vault_ttl_and_purge(db: Db) {
    let a = db.open().await;
    let b = db.open().await;
    a.vault_put(
        "session-1",
        "<EMAIL_1>",
        b"sealed-1",
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    a.vault_put(
        "session-1",
        "<EMAIL_2>",
        b"sealed-2",
        Duration::from_millis(300),
    )
    .await
    .unwrap();
    a.vault_put(
        "session-2",
        "<EMAIL_1>",
        &[0, 255, 7],
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    assert_eq!(
        b.vault_get("session-1", "<EMAIL_1>")
            .await
            .unwrap()
            .as_deref(),
        Some(&b"sealed-1"[..])
    );
    assert_eq!(
        b.vault_get("session-2", "<EMAIL_1>")
            .await
            .unwrap()
            .as_deref(),
        Some(&[0, 255, 7][..])
    );
    assert!(b
        .vault_get("session-1", "<EMAIL_2>")
        .await
        .unwrap()
        .is_some());
    assert_eq!(b.vault_get("session-3", "<EMAIL_1>").await.unwrap(), None);

    a.vault_put(
        "session-1",
        "<EMAIL_1>",
        b"resealed",
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    assert_eq!(
        b.vault_get("session-1", "<EMAIL_1>")
            .await
            .unwrap()
            .as_deref(),
        Some(&b"resealed"[..])
    );

    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        b.vault_get("session-1", "<EMAIL_2>").await.unwrap(),
        None,
        "expired"
    );
    assert_eq!(a.purge_expired().await.unwrap(), 1);
    assert_eq!(a.purge_expired().await.unwrap(), 0);
    assert!(b
        .vault_get("session-1", "<EMAIL_1>")
        .await
        .unwrap()
        .is_some());
}
both_backends!(vault_ttl_and_purge);

#[tokio::test]
async fn vault_refuses_bad_keys_and_huge_values() {
    let store = Db::sqlite().open().await;
    let ttl = Duration::from_secs(1);
    assert!(store.vault_put("", "<X>", b"v", ttl).await.is_err());
    assert!(store
        .vault_put("s", &"p".repeat(300), b"v", ttl)
        .await
        .is_err());
    let huge = vec![0u8; airlock_audit::MAX_SEALED_BYTES + 1];
    assert!(store.vault_put("s", "<X>", &huge, ttl).await.is_err());
    assert!(store.vault_get("s", "").await.is_err());
}

async fn vault_put_many_stores_every_entry(db: Db) {
    let a = db.open().await;
    let b = db.open().await;
    a.vault_put_many(
        vec![
            ("s1".into(), "<A>".into(), b"one".to_vec()),
            ("s1".into(), "<B>".into(), b"two".to_vec()),
            ("s2".into(), "<A>".into(), b"three".to_vec()),
        ],
        Duration::from_secs(60),
    )
    .await
    .unwrap();
    assert_eq!(
        b.vault_get("s1", "<B>").await.unwrap().as_deref(),
        Some(&b"two"[..])
    );
    assert_eq!(
        b.vault_get("s2", "<A>").await.unwrap().as_deref(),
        Some(&b"three"[..])
    );
    // Refused as a whole when one entry is bad.
    assert!(a
        .vault_put_many(
            vec![
                ("s3".into(), "<A>".into(), b"ok".to_vec()),
                (String::new(), "<A>".into(), b"bad".to_vec()),
            ],
            Duration::from_secs(60),
        )
        .await
        .is_err());
    assert_eq!(b.vault_get("s3", "<A>").await.unwrap(), None);
}
both_backends!(vault_put_many_stores_every_entry);
