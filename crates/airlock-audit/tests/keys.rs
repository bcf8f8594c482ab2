//! Gateway keys: a token is shown once, stored only as a hash, authenticates until revoked, and a
//! revocation through another handle (another gateway instance) takes effect within the cache TTL.

use std::time::Duration;

use airlock_audit::{looks_like_token, AUTH_CACHE_TTL};

use crate::{both_backends, Db};

async fn create_authenticate_revoke(db: Db) {
    let store = db.open().await;
    let (token, info) = store.create_key("alice", Some("payments")).await.unwrap();
    assert!(looks_like_token(&token), "{token}");
    assert!(token.starts_with("alk_") && token.len() >= 36);
    assert_eq!(info.user, "alice");
    assert_eq!(info.team.as_deref(), Some("payments"));
    assert!(!info.revoked);

    let got = store
        .authenticate(&token)
        .await
        .unwrap()
        .expect("valid token");
    assert_eq!(got, info);
    let (other, _) = store.create_key("bob", None).await.unwrap();
    assert_ne!(other, token);
    assert_eq!(
        store.authenticate(&other).await.unwrap().unwrap().user,
        "bob"
    );

    let mut wrong = token.clone();
    wrong.pop();
    wrong.push(if token.ends_with('A') { 'B' } else { 'A' });
    assert_eq!(store.authenticate(&wrong).await.unwrap(), None);
    assert_eq!(store.authenticate("").await.unwrap(), None);
    assert_eq!(store.authenticate("Bearer nonsense").await.unwrap(), None);

    let keys = store.list_keys().await.unwrap();
    assert_eq!(keys.len(), 2);
    assert!(keys.iter().any(|k| k.id == info.id));

    assert!(store.revoke_key(&info.id).await.unwrap());
    assert_eq!(
        store.authenticate(&token).await.unwrap(),
        None,
        "revoked at once"
    );
    assert!(
        !store.revoke_key(&info.id).await.unwrap(),
        "already revoked"
    );
    assert!(!store.revoke_key("key_doesnotexist").await.unwrap());
    let keys = store.list_keys().await.unwrap();
    assert!(keys.iter().find(|k| k.id == info.id).unwrap().revoked);
    assert!(store.authenticate(&other).await.unwrap().is_some());
}
both_backends!(create_authenticate_revoke);

async fn revocation_elsewhere_takes_effect_within_ttl(db: Db) {
    let gateway = db.open().await;
    let admin = db.open().await;
    let (token, info) = admin.create_key("carol", None).await.unwrap();
    assert!(gateway.authenticate(&token).await.unwrap().is_some());
    assert!(admin.revoke_key(&info.id).await.unwrap());
    tokio::time::sleep(AUTH_CACHE_TTL + Duration::from_millis(200)).await;
    assert_eq!(gateway.authenticate(&token).await.unwrap(), None);
}
both_backends!(revocation_elsewhere_takes_effect_within_ttl);

#[tokio::test]
async fn the_token_is_never_stored() {
    let db = Db::sqlite();
    let store = db.open().await;
    let (token, _) = store.create_key("dave", None).await.unwrap();
    drop(store);
    let Db::Sqlite { path, .. } = &db else {
        unreachable!()
    };
    let mut bytes = std::fs::read(path).unwrap();
    if let Ok(wal) = std::fs::read(path.with_extension("db-wal")) {
        bytes.extend(wal);
    }
    let hay = String::from_utf8_lossy(&bytes);
    assert!(!hay.contains(&token));
    assert!(!hay.contains(&token[4..]));
}

#[tokio::test]
async fn bad_names_are_refused() {
    let store = Db::sqlite().open().await;
    assert!(store.create_key("", None).await.is_err());
    assert!(store.create_key("eve\nroot", None).await.is_err());
    assert!(store.create_key("eve", Some("")).await.is_err());
}
