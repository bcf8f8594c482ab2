//! `airlock audit` and `airlock keys` through the real binary, on a real SQLite file (and on the
//! PostgreSQL test server when `AIRLOCK_TEST_POSTGRES_URL` is set).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use airlock_audit::{AuditEvent, AuditStore};

use crate::{stderr, stdout};

/// Runs airlock with a clean database environment: no `AIRLOCK_DATABASE_URL` unless given, and a
/// data folder inside `dir`.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_airlock"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("AIRLOCK_POLICY")
        .env_remove("AIRLOCK_DATABASE_URL")
        .env("XDG_DATA_HOME", dir.join("xdg"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run airlock")
}

fn event(i: i64, user: &str, decision: &str) -> AuditEvent {
    AuditEvent {
        time_ms: 1_700_000_000_000 + i * 60_000,
        request_id: format!("req-{i}"),
        user: Some(user.into()),
        team: Some("payments".into()),
        client: Some("=cmd|calc".into()),
        endpoint: "/v1/chat/completions".into(),
        model_requested: Some("gpt-4o".into()),
        model_used: Some("gpt-4o".into()),
        upstream: Some("openai".into()),
        decision: decision.into(),
        box_level: if decision == "block" { 3 } else { 1 },
        findings: BTreeMap::from([("email".to_string(), 1)]),
        redactions: 1,
        fingerprints: vec!["hmac:0a1b2c".into()],
        input_tokens: Some(10),
        output_tokens: Some(20),
        latency_us: 1500,
        status: 200,
        error: None,
    }
}

fn seed(db: &Path) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let store = AuditStore::open(&db.display().to_string()).await.unwrap();
        for i in 0..6 {
            let (user, decision) = match i {
                1 | 3 => ("bob", "allow"),
                4 => ("alice", "block"),
                _ => ("alice", "redact"),
            };
            store.append(event(i, user, decision)).await.unwrap();
        }
    });
}

fn seeded() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.db");
    seed(&db);
    let url = db.display().to_string();
    (dir, db, url)
}

#[test]
fn keys_create_list_revoke() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let url = d.join("keys.db").display().to_string();
    let db = ["--database-url", url.as_str()];

    let out = run(
        d,
        &[
            &["keys", "create", "--user", "alice", "--team", "payments"][..],
            &db,
        ]
        .concat(),
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let token = stdout(&out).trim().to_string();
    assert!(token.starts_with("alk_") && token.len() == 44, "{token}");
    assert!(!token.contains('\n'));
    assert!(stderr(&out).contains("shown only once"), "{}", stderr(&out));

    let out = run(d, &[&["keys", "list"][..], &db].concat(), &[]);
    assert!(out.status.success());
    let list = stdout(&out);
    assert!(list.contains("alice") && list.contains("payments") && list.contains("active"));
    assert!(
        !list.contains(&token[4..]),
        "list must never show the token"
    );

    let out = run(
        d,
        &[&["keys", "list", "--format", "json"][..], &db].concat(),
        &[],
    );
    let keys: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let id = keys[0]["id"].as_str().unwrap().to_string();
    assert!(keys[0].get("token").is_none());

    let out = run(
        d,
        &[&["keys", "revoke", id.as_str()][..], &db].concat(),
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(d, &[&["keys", "list"][..], &db].concat(), &[]);
    assert!(stdout(&out).contains("revoked"));
    let out = run(
        d,
        &[&["keys", "revoke", id.as_str()][..], &db].concat(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no active key"), "{}", stderr(&out));

    let out = run(
        d,
        &[&["keys", "create", "--user", ""][..], &db].concat(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn keys_create_json_shows_the_token_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = dir.path().join("k.db").display().to_string();
    let out = run(
        dir.path(),
        &[
            "keys",
            "create",
            "--user",
            "bob",
            "--format",
            "json",
            "--database-url",
            &url,
        ],
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v["token"].as_str().unwrap().starts_with("alk_"));
    assert_eq!(v["user"], "bob");
    assert!(v["id"].as_str().unwrap().starts_with("key_"));
}

#[test]
fn database_precedence_flag_env_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Neither flag nor environment: the data folder.
    let out = run(d, &["keys", "create", "--user", "a"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(d.join("xdg/airlock/airlock-audit.db").exists());
    // The environment variable.
    let env_db = d.join("env.db").display().to_string();
    let out = run(
        d,
        &["keys", "create", "--user", "b"],
        &[("AIRLOCK_DATABASE_URL", &env_db)],
    );
    assert!(out.status.success());
    let list = stdout(&run(d, &["keys", "list", "--database-url", &env_db], &[]));
    assert!(list.contains(" b ") && !list.contains(" a "), "{list}");
    // The flag wins over the environment.
    let flag_db = d.join("flag.db").display().to_string();
    let out = run(
        d,
        &["keys", "create", "--user", "c", "--database-url", &flag_db],
        &[("AIRLOCK_DATABASE_URL", &env_db)],
    );
    assert!(out.status.success());
    assert!(stdout(&run(d, &["keys", "list", "--database-url", &flag_db], &[])).contains(" c "));
    // Reading a log that does not exist is an error, not a new empty file.
    let out = run(d, &["audit", "--database-url", "missing.db"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no audit database"),
        "{}",
        stderr(&out)
    );
    assert!(!d.join("missing.db").exists());
}

#[test]
fn audit_table_and_filters() {
    let (dir, _db, url) = seeded();
    let d = dir.path();
    let out = run(d, &["audit", "--database-url", &url], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert_eq!(table.lines().count(), 7, "{table}");
    assert!(table.starts_with("SEQ"));
    assert!(
        table.contains("email=1") && table.contains("2023-11-14 22:13:20"),
        "{table}"
    );

    let out = run(
        d,
        &[
            "audit",
            "--database-url",
            &url,
            "--user",
            "bob",
            "--format",
            "jsonl",
        ],
        &[],
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["user"] == "bob"));

    let out = run(
        d,
        &[
            "audit",
            "--database-url",
            &url,
            "--decision",
            "block",
            "--format",
            "json",
        ],
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["request_id"], "req-4");
    assert_eq!(v[0]["findings"]["email"], 1);
    assert!(v[0]["time"].as_str().unwrap().ends_with('Z'));

    let out = run(
        d,
        &[
            "audit",
            "--database-url",
            &url,
            "--limit",
            "2",
            "--format",
            "json",
        ],
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v[0]["request_id"], "req-4");
    assert_eq!(v[1]["request_id"], "req-5");

    let out = run(
        d,
        &[
            "audit",
            "--database-url",
            &url,
            "--since",
            "2023-11-14T22:14:00Z",
            "--until",
            "2023-11-14T22:16:00Z",
            "--format",
            "jsonl",
        ],
        &[],
    );
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));

    // Everything seeded is from 2023: nothing in the last 24 hours.
    let out = run(d, &["audit", "--database-url", &url, "--since", "24h"], &[]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("no audit records match"));

    let out = run(
        d,
        &["audit", "--database-url", &url, "--decision", "maybe"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        d,
        &["audit", "--database-url", &url, "--since", "last tuesday"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid time"));
}

#[test]
fn audit_csv_export() {
    let (dir, _db, url) = seeded();
    let out = run(
        dir.path(),
        &["audit", "--database-url", &url, "--format", "csv"],
        &[],
    );
    assert!(out.status.success());
    let csv = stdout(&out);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(lines[0].starts_with("seq,time,request_id,user,team,client"));
    let cols: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(cols.len(), 22, "{}", lines[1]);
    assert_eq!(cols[0], "1");
    assert_eq!(cols[5], "'=cmd|calc", "formula-like text is defused");
    assert_eq!(cols[20].len(), 64);
}

#[test]
fn verify_passes_then_detects_tampering() {
    let (dir, db, url) = seeded();
    let out = run(
        dir.path(),
        &["audit", "verify", "--database-url", &url],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("intact: 6 records"),
        "{}",
        stdout(&out)
    );

    let anchor = stdout(&out)
        .split("--anchor ")
        .nth(1)
        .expect("verify prints an anchor")
        .trim()
        .to_string();
    let out = run(
        dir.path(),
        &[
            "audit",
            "verify",
            "--database-url",
            &url,
            "--anchor",
            &anchor,
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let wrong = format!("6:{}", "ab".repeat(32));
    let out = run(
        dir.path(),
        &[
            "audit",
            "verify",
            "--database-url",
            &url,
            "--anchor",
            &wrong,
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("rewritten"), "{}", stdout(&out));
    let out = run(
        dir.path(),
        &[
            "audit",
            "verify",
            "--database-url",
            &url,
            "--anchor",
            "six:abc",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));

    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE airlock_audit SET decision = 'allow' WHERE seq = 5",
        [],
    )
    .unwrap();
    drop(conn);
    let out = run(
        dir.path(),
        &["audit", "verify", "--database-url", &url],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("BROKEN at record 5"),
        "{}",
        stdout(&out)
    );

    let out = run(
        dir.path(),
        &[
            "audit",
            "verify",
            "--database-url",
            &url,
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["broken"]["seq"], 5);
}

#[test]
fn prune_then_verify() {
    let (dir, _db, url) = seeded();
    let d = dir.path();
    // Seeded events are one minute apart from 2023-11-14T22:13:20Z: two are before 22:15.
    let out = run(
        d,
        &[
            "audit",
            "prune",
            "--before",
            "2023-11-14T22:15:00Z",
            "--database-url",
            &url,
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("pruned 2 records"),
        "{}",
        stderr(&out)
    );
    let out = run(
        d,
        &["audit", "--database-url", &url, "--format", "csv"],
        &[],
    );
    assert_eq!(stdout(&out).lines().count(), 5, "header + 4 records");
    let out = run(d, &["audit", "verify", "--database-url", &url], &[]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("intact: 4 records"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn postgres_through_the_binary() {
    let Some(url) = std::env::var("AIRLOCK_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED postgres_through_the_binary: AIRLOCK_TEST_POSTGRES_URL is not set"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let user = format!("cli-test-{}", std::process::id());
    let out = run(
        dir.path(),
        &["keys", "create", "--user", &user, "--database-url", &url],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("alk_"));
    let out = run(
        dir.path(),
        &["keys", "list", "--format", "json"],
        &[("AIRLOCK_DATABASE_URL", &url)],
    );
    let keys: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mine = keys
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["user"] == user.as_str())
        .expect("the new key is listed");
    let id = mine["id"].as_str().unwrap();
    let out = run(
        dir.path(),
        &["keys", "revoke", id, "--database-url", &url],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Records written through the library, read back through the binary.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let store = AuditStore::open(&url).await.unwrap();
        store
            .append_many(vec![event(1, &user, "allow"), event(2, &user, "block")])
            .await
            .unwrap();
    });
    let out = run(
        dir.path(),
        &[
            "audit",
            "--user",
            &user,
            "--format",
            "jsonl",
            "--database-url",
            &url,
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["decision"], "block");
    let out = run(
        dir.path(),
        &["audit", "verify", "--database-url", &url],
        &[],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("intact"));
}
