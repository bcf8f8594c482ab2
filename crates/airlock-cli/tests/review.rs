//! `airlock review` and the code rules in `scan`, through the real binary.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::{airlock, airlock_stdin, stderr, stdout, GH_TOKEN};

const VULNERABLE_PY: &str = "from flask import request\n\ndef find(cursor):\n    name = request.args.get(\"name\")\n    cursor.execute(\"SELECT * FROM users WHERE name = '\" + name + \"'\")\n";

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn review_snippet_on_stdin_shows_line_cwe_and_fix() {
    let dir = tempfile::tempdir().unwrap();
    let out = airlock_stdin(
        dir.path(),
        &["review", "-", "--lang", "python"],
        Some(VULNERABLE_PY.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("sql-injection"), "{text}");
    assert!(text.contains("<stdin>:5:5"), "{text}");
    assert!(text.contains("CWE-89"), "{text}");
    assert!(text.contains("fix:"), "{text}");
    // The safe twin is quiet.
    let safe = VULNERABLE_PY.replace(
        "\"SELECT * FROM users WHERE name = '\" + name + \"'\"",
        "\"SELECT * FROM users WHERE name = %s\", (name,)",
    );
    let out = airlock_stdin(
        dir.path(),
        &["review", "-", "--lang", "py"],
        Some(safe.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn review_rejects_unknown_language_and_non_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let out = airlock_stdin(dir.path(), &["review", "-", "--lang", "cobol"], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown language `cobol`"),
        "{}",
        stderr(&out)
    );
    let out = airlock_stdin(
        dir.path(),
        &["review", "-", "--lang", "python"],
        Some(b"x = 1\n\xff\xfe\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
}

#[test]
fn scan_sarif_reports_code_rules_with_cwe_tags_and_help() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("app.py"), VULNERABLE_PY).unwrap();
    let out = airlock(dir.path(), &["scan", ".", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let run = &doc["runs"][0];
    let rule = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "sql-injection")
        .expect("rule in driver");
    let tags: Vec<&str> = rule["properties"]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert!(tags.contains(&"CWE-89"), "{tags:?}");
    assert!(rule["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("Insecure (python)"));
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "sql-injection")
        .unwrap();
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
    // --no-code turns the review off.
    let out = airlock(dir.path(), &["scan", ".", "--no-code"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn suppression_needs_a_reason_and_secrets_stay_masked() {
    let dir = tempfile::tempdir().unwrap();
    let with = VULNERABLE_PY.replace(
        "'\")\n",
        "'\")  # airlock:allow sql-injection -- names come from a fixed list\n",
    );
    fs::write(dir.path().join("a.py"), with).unwrap();
    let without = VULNERABLE_PY.replace("'\")\n", "'\")  # airlock:allow sql-injection\n");
    fs::write(dir.path().join("b.py"), without).unwrap();
    fs::write(
        dir.path().join("c.py"),
        format!("API_TOKEN = \"{GH_TOKEN}\"\n"),
    )
    .unwrap();
    let out = airlock(
        dir.path(),
        &["review", ".", "--format", "json", "--no-deps"],
    );
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    let at = |file: &str, rule: &str| {
        findings
            .iter()
            .any(|f| f["path"].as_str().unwrap().ends_with(file) && f["rule"] == rule)
    };
    assert!(!at("a.py", "sql-injection"), "suppressed with a reason");
    assert!(
        at("b.py", "sql-injection"),
        "a suppression without a reason does not count"
    );
    assert!(at("c.py", "hardcoded-credential"));
    assert!(!stdout(&out).contains(GH_TOKEN));
    let human = airlock(dir.path(), &["review", "c.py", "--no-deps"]);
    assert!(!stdout(&human).contains(GH_TOKEN), "{}", stdout(&human));
}

#[test]
fn review_staged_reports_only_added_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    fs::write(d.join("old.py"), VULNERABLE_PY).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "old code"]);
    // A new function with the same flaw, added below the old one.
    let added = format!("{VULNERABLE_PY}\ndef find2(cursor):\n    q = request.args[\"q\"]\n    cursor.execute(\"DELETE FROM t WHERE q = '%s'\" % q)\n");
    fs::write(d.join("old.py"), added).unwrap();
    git(d, &["add", "."]);
    let out = airlock(d, &["review", "--staged", "--format", "json", "--no-deps"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let lines: Vec<i64> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_i64().unwrap())
        .collect();
    assert_eq!(lines, vec![9], "only the added line: {}", stdout(&out));
    git(d, &["commit", "-qm", "new code"]);
    let out = airlock(
        d,
        &[
            "review",
            "--diff",
            "HEAD~1",
            "--format",
            "json",
            "--no-deps",
        ],
    );
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        doc["findings"].as_array().unwrap().len(),
        1,
        "{}",
        stdout(&out)
    );
}

#[test]
fn explain_and_list_cover_code_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = airlock(dir.path(), &["explain", "redos"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("CWE-1333")
            && text.contains("Insecure (javascript)")
            && text.contains("Instead"),
        "{text}"
    );
    let out = airlock(dir.path(), &["rules", "list"]);
    let text = stdout(&out);
    assert!(
        text.contains("command-injection")
            && text.contains("CWE-78")
            && text.contains("hallucinated-package"),
        "{text}"
    );
}

#[test]
fn review_names_the_reviewers_the_policy_requires() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("airlock.toml"),
        "[[review]]\npaths = [\"src/auth/**\"]\nreviewers = [\"@security-team\"]\n\n[[review]]\npaths = [\"src/**\"]\nreviewers = [\"@leads\"]\nmin_severity = \"high\"\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("src/auth")).unwrap();
    fs::write(
        root.join("src/auth/session.py"),
        "def ttl():\n    return 3600\n",
    )
    .unwrap();
    fs::write(
        root.join("src/util.py"),
        "def add(a, b):\n    return a + b\n",
    )
    .unwrap();
    // A clean change under src/auth still needs the security team; nothing needs the leads.
    let out = airlock(root, &["review", "src", "--offline", "--no-deps"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "review required by @security-team (changes under src/auth/**): src/auth/session.py"
        ),
        "{err}"
    );
    assert!(!err.contains("@leads"), "{err}");
    assert!(!err.contains("src/util.py"), "{err}");
    // A high-severity finding elsewhere under src/ brings in the leads, for that file only.
    fs::write(root.join("src/report.py"), VULNERABLE_PY).unwrap();
    let out = airlock(
        root,
        &[
            "review",
            "src",
            "--offline",
            "--no-deps",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("review required by @leads (high findings under src/**): src/report.py"),
        "{err}"
    );
    let json: Value = serde_json::from_str(&stdout(&out)).expect("json on stdout");
    assert!(json["findings"].as_array().is_some_and(|f| !f.is_empty()));
}

/// A credential only the secrets engine recognizes (a password inside a connection string,
/// a generic password the code rule passes over) is a review finding too, masked; a line a
/// code rule already reported as a hard-coded credential (the token) is not reported
/// twice; personal data is not a review finding.
#[test]
fn review_reports_hardcoded_credentials_from_the_secrets_engine() {
    let dir = tempfile::tempdir().unwrap();
    let password = "AirlockFixturePw7Rv2"; // airlock:allow (synthetic)
    let cs = format!(
        "class Db {{\n    const string Conn = \"Server=db;Database=app;User Id=sa;Password={password};\";\n    const string Mail = \"jane.doe@example.org\";\n}}\n"
    );
    fs::write(dir.path().join("Db.cs"), &cs).unwrap();
    let js = format!(
        "const token = \"{GH_TOKEN}\";\nconst db = connect({{ password: \"{password}\" }});\n"
    );
    fs::write(dir.path().join("app.js"), &js).unwrap();
    // A script without an extension is code by its `#!` line; a plain text file is not
    // reviewed (the secrets scan is `airlock scan`'s job).
    let conn = format!("conn = \"Server=db;Database=app;User Id=sa;Password={password};\"\n");
    fs::write(
        dir.path().join("backup"),
        format!("#!/usr/bin/env python3\n{conn}"),
    )
    .unwrap();
    fs::write(dir.path().join("notes"), format!("to connect:\n{conn}")).unwrap();
    let out = airlock(
        dir.path(),
        &["review", ".", "--format", "json", "--no-deps"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains(password), "raw secret in the report: {text}");
    assert!(!text.contains(GH_TOKEN), "raw token in the report: {text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    let found: Vec<(String, u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let on = |path: &str, line: u64| -> Vec<&str> {
        found
            .iter()
            .filter(|(p, l, _)| p == path && *l == line)
            .map(|(_, _, r)| r.as_str())
            .collect()
    };
    assert_eq!(
        on("Db.cs", 2),
        vec!["connection-string-password"],
        "{found:?}"
    );
    assert!(on("Db.cs", 3).is_empty(), "{found:?}");
    // Found by the code rule or by the secrets engine, once either way.
    assert_eq!(on("app.js", 1), vec!["hardcoded-credential"], "{found:?}");
    assert_eq!(on("app.js", 2).len(), 1, "{found:?}");
    assert_eq!(on("backup", 2).len(), 1, "{found:?}");
    assert!(found.iter().all(|(p, _, _)| p != "notes"), "{found:?}");
}

/// A hard-coded key passed to a call is masked, not the call around it: the reader sees
/// which API got the key.
#[test]
fn review_masks_the_key_in_a_call_not_the_call() {
    let dir = tempfile::tempdir().unwrap();
    let key = "AirlockFixtureSecret9"; // airlock:allow (synthetic)
    let src = format!("const token = jwt.sign({{ user: \"bob\" }}, '{key}');\n");
    let out = airlock_stdin(
        dir.path(),
        &["review", "-", "--lang", "js"],
        Some(src.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("hardcoded-credential"), "{text}");
    assert!(!text.contains(key), "raw key in the report: {text}");
    assert!(text.contains("jwt.sign({ user: \""), "{text}");
    // In a shell line every word may be the secret: the whole span stays hidden.
    let sh = format!("curl -u admin:{key} https://example.com/\n");
    let out = airlock_stdin(
        dir.path(),
        &["review", "-", "--lang", "shell"],
        Some(sh.as_bytes()),
    );
    assert!(!stdout(&out).contains(key), "{}", stdout(&out));
}
