//! The shared placeholder vault: a placeholder one gateway instance issued is restored by
//! another instance on the same database (SQLite file, or PostgreSQL when
//! `AIRLOCK_TEST_POSTGRES_URL` is set), in whole and streamed answers; never for another
//! user, never under another secret, never after its TTL, and never stored in plaintext.

use std::time::Duration;

use serde_json::{json, Value};

use crate::harness::{self, Env, Setup, EMAIL, GATEWAY_KEY};

const OTHER_KEY: &str = "gw-test-OTHERFAKEFAKE";

/// A database both instances use.
enum Db {
    Sqlite(tempfile::TempDir),
    Postgres(String),
}

impl Db {
    fn url(&self) -> String {
        match self {
            Db::Sqlite(dir) => dir.path().join("audit.db").display().to_string(),
            Db::Postgres(url) => url.clone(),
        }
    }

    async fn postgres(test: &str) -> Option<Db> {
        let Some(base) = std::env::var("AIRLOCK_TEST_POSTGRES_URL")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test} on PostgreSQL: AIRLOCK_TEST_POSTGRES_URL is not set"
            );
            return None;
        };
        // PostgreSQL cuts names at 63 bytes: keep them short and unique.
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let name = format!(
            "airlock_gw_{}_{}_{}",
            std::process::id(),
            airlock_audit::time::now_ms(),
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let (client, conn) = tokio_postgres::connect(&base, tokio_postgres::NoTls)
            .await
            .expect("connect to AIRLOCK_TEST_POSTGRES_URL");
        tokio::spawn(conn);
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        let (head, query) = match base.split_once('?') {
            Some((h, q)) => (h.to_string(), format!("?{q}")),
            None => (base.clone(), String::new()),
        };
        let scheme_end = head.find("://").map_or(0, |i| i + 3);
        let host = match head[scheme_end..].find('/') {
            Some(i) => head[..scheme_end + i].to_string(),
            None => head.clone(),
        };
        Some(Db::Postgres(format!("{host}/{name}{query}")))
    }
}

async fn instance(db: &Db, secret: &str, ttl_secs: Option<u64>) -> Env {
    let mut setup = Setup::default();
    setup.env.insert("AIRLOCK_GATEWAY_AUDIT".into(), db.url());
    setup.env.insert(
        "AIRLOCK_GATEWAY_KEYS".into(),
        format!("{GATEWAY_KEY},{OTHER_KEY}"),
    );
    setup
        .env
        .insert("AIRLOCK_GATEWAY_SECRET".into(), secret.into());
    if let Some(t) = ttl_secs {
        setup
            .env
            .insert("AIRLOCK_GATEWAY_VAULT_TTL_SECS".into(), t.to_string());
    }
    harness::start(setup).await
}

fn chat(text: &str, stream: bool) -> Value {
    json!({"model": "gpt-4o", "stream": stream, "messages": [{"role": "user", "content": text}]})
}

/// The answer's text, whole or streamed.
async fn ask(env: &Env, key: &str, text: &str, stream: bool) -> String {
    let r = env
        .http
        .post(env.url("/v1/chat/completions"))
        .bearer_auth(key)
        .json(&chat(text, stream))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    if !stream {
        let v: Value = r.json().await.unwrap();
        return v["choices"][0]["message"]["content"]
            .as_str()
            .unwrap()
            .to_string();
    }
    let body = r.text().await.unwrap();
    harness::sse_events(&body)
        .into_iter()
        .filter(|(_, d)| d != "[DONE]")
        .filter_map(|(_, d)| serde_json::from_str::<Value>(&d).ok())
        .filter_map(|v| {
            v["choices"][0]["delta"]["content"]
                .as_str()
                .map(str::to_string)
        })
        .collect()
}

/// Asks `env` until `text`'s placeholder comes back restored (the first instance writes
/// behind its requests), or gives up.
async fn ask_until_restored(env: &Env, text: &str, stream: bool) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        last = ask(env, GATEWAY_KEY, text, stream).await;
        if last.contains(EMAIL) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    last
}

async fn a_placeholder_from_one_instance_is_restored_by_another(db: Db) {
    let secret = "shared-secret-0123456789";
    let a = instance(&db, secret, None).await;
    let b = instance(&db, secret, None).await;

    // Instance A redacts the address and restores it in its own answer.
    let answer = ask(&a, GATEWAY_KEY, &format!("mail {EMAIL}"), false).await;
    assert!(answer.contains(EMAIL), "{answer}");
    let sent = a.fake.last().body["messages"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!sent.contains(EMAIL));
    let placeholder = sent
        .split_whitespace()
        .find(|w| w.starts_with("[[") && w.ends_with("]]"))
        .expect("a placeholder went upstream")
        .to_string();

    // Instance B never saw the address; its provider answers with A's placeholder (as a
    // provider-side conversation would), and B restores it from the shared vault, in a
    // whole answer and in a stream where it arrives in pieces.
    let text = format!("write to {placeholder} today");
    let whole = ask_until_restored(&b, &text, false).await;
    assert_eq!(whole, format!("You said: write to {EMAIL} today"));
    let streamed = ask(&b, GATEWAY_KEY, &text, true).await;
    assert_eq!(streamed, format!("You said: write to {EMAIL} today"));
    // A fresh instance meets it first in a stream, split across events: it asks the
    // database while holding back the pieces.
    let d = instance(&db, secret, None).await;
    let streamed = ask(&d, GATEWAY_KEY, &text, true).await;
    assert_eq!(streamed, format!("You said: write to {EMAIL} today"));

    // Another user of the same instance does not get it.
    let other = ask(&b, OTHER_KEY, &text, false).await;
    assert!(
        other.contains(&placeholder) && !other.contains(EMAIL),
        "{other}"
    );
    let other = ask(&b, OTHER_KEY, &text, true).await;
    assert!(
        other.contains(&placeholder) && !other.contains(EMAIL),
        "{other}"
    );

    // An instance keyed with another secret cannot open it.
    let c = instance(&db, "another-secret-0123456789", None).await;
    let foreign = ask(&c, GATEWAY_KEY, &text, false).await;
    assert!(foreign.contains(&placeholder) && !foreign.contains(EMAIL));

    // The database holds the value sealed, never in plaintext; nor does the audit log.
    if let Db::Sqlite(dir) = &db {
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            assert!(
                !bytes.windows(EMAIL.len()).any(|w| w == EMAIL.as_bytes()),
                "the address is in the database files in plaintext"
            );
        }
    }
    let store = airlock_audit::AuditStore::open(&db.url()).await.unwrap();
    let records = store.query(&airlock_audit::Query::default()).await.unwrap();
    assert!(!format!("{records:?}").contains(EMAIL));
}

async fn vault_entries_expire(db: Db) {
    let secret = "shared-secret-0123456789";
    let a = instance(&db, secret, Some(1)).await;
    let answer = ask(&a, GATEWAY_KEY, &format!("mail {EMAIL}"), false).await;
    assert!(answer.contains(EMAIL));
    let sent = a.fake.last().body.to_string();
    let start = sent.find("[[").unwrap();
    let end = sent[start..].find("]]").unwrap() + start + 2;
    let placeholder = sent[start..end].to_string();
    let text = format!("write to {placeholder}");
    // Restorable by a second instance while it lives...
    let b = instance(&db, secret, Some(1)).await;
    assert!(ask_until_restored(&b, &text, false).await.contains(EMAIL));
    // ...and by no new instance once the TTL has passed.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let c = instance(&db, secret, Some(1)).await;
    let late = ask(&c, GATEWAY_KEY, &text, false).await;
    assert!(
        late.contains(&placeholder) && !late.contains(EMAIL),
        "{late}"
    );
}

macro_rules! both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(super::Db::Sqlite(tempfile::tempdir().unwrap())).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(db) = super::Db::postgres(stringify!($name)).await {
                    super::$name(db).await;
                }
            }
        }
    };
}

both_backends!(a_placeholder_from_one_instance_is_restored_by_another);
both_backends!(vault_entries_expire);

/// Without a vault (TTL 0) an instance restores only its own request's placeholders.
#[tokio::test]
async fn a_zero_ttl_turns_the_vault_off() {
    let db = Db::Sqlite(tempfile::tempdir().unwrap());
    let secret = "shared-secret-0123456789";
    let a = instance(&db, secret, Some(0)).await;
    assert!(ask(&a, GATEWAY_KEY, &format!("mail {EMAIL}"), false)
        .await
        .contains(EMAIL));
    let sent = a.fake.last().body.to_string();
    let start = sent.find("[[").unwrap();
    let end = sent[start..].find("]]").unwrap() + start + 2;
    let text = format!("write to {}", &sent[start..end]);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let answer = ask(&a, GATEWAY_KEY, &text, false).await;
    assert!(!answer.contains(EMAIL), "{answer}");
}
