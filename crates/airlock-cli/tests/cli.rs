//! The commands on files and standard input.

use std::fs;

use serde_json::Value;

use crate::{airlock, airlock_stdin, stderr, stdout, GH_TOKEN};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn scan_finds_secret_and_masks_it() {
    let dir = tmp();
    fs::write(
        dir.path().join("config.py"),
        format!("TOKEN = \"{GH_TOKEN}\"\n"),
    )
    .unwrap();
    fs::write(dir.path().join("clean.py"), "print('hello')\n").unwrap();
    let out = airlock(dir.path(), &["scan", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("github-pat"), "{text}");
    assert!(text.contains("config.py:1:10"), "{text}");
    assert!(!text.contains(GH_TOKEN), "secret printed: {text}");
    assert!(!stderr(&out).contains(GH_TOKEN));
}

#[test]
fn scan_show_secrets_prints_raw_value() {
    let dir = tmp();
    fs::write(
        dir.path().join("a.env"),
        format!("GITHUB_TOKEN={GH_TOKEN}\n"),
    )
    .unwrap();
    let out = airlock(dir.path(), &["scan", ".", "--show-secrets"]);
    assert!(stdout(&out).contains(GH_TOKEN));
}

#[test]
fn scan_clean_tree_exits_zero() {
    let dir = tmp();
    fs::write(
        dir.path().join("main.rs"),
        "fn main() { let key = std::env::var(\"API_KEY\"); }\n",
    )
    .unwrap();
    let out = airlock(dir.path(), &["scan", "."]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn scan_missing_path_is_an_error() {
    let dir = tmp();
    let out = airlock(dir.path(), &["scan", "does-not-exist"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does-not-exist"));
}

#[test]
fn scan_sarif_carries_cwe_tags_and_locations() {
    let dir = tmp();
    fs::write(
        dir.path().join("c.yaml"),
        format!("github:\n  token: {GH_TOKEN}\n"),
    )
    .unwrap();
    let out = airlock(dir.path(), &["scan", ".", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).expect("sarif is json");
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rule = &run["tool"]["driver"]["rules"][0];
    let tags: Vec<&str> = rule["properties"]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(tags.contains(&"CWE-798"), "{tags:?}");
    assert!(rule["help"]["text"].as_str().unwrap().len() > 20);
    let res = &run["results"][0];
    assert_eq!(
        res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "c.yaml"
    );
    assert_eq!(
        res["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains(GH_TOKEN));
}

#[test]
fn scan_json_and_gitignore_and_binary() {
    let dir = tmp();
    fs::write(dir.path().join(".gitignore"), "ignored/\n").unwrap();
    fs::create_dir(dir.path().join("ignored")).unwrap();
    fs::write(dir.path().join("ignored/x.txt"), format!("{GH_TOKEN}\n")).unwrap();
    let mut bin = b"\x00\x01binary".to_vec();
    bin.extend_from_slice(GH_TOKEN.as_bytes());
    fs::write(dir.path().join("blob.bin"), bin).unwrap();
    fs::write(
        dir.path().join("app.min.js"),
        format!("var t=\"{GH_TOKEN}\";"),
    )
    .unwrap();
    let out = airlock(dir.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn scan_personal_data_reports_low_confidence_personal_findings() {
    // E-mail addresses, phone numbers and IP addresses are low-confidence findings: asked for
    // with --personal-data, the default floor (medium) must not drop them; without the flag
    // they stay quiet, and an explicit --min-confidence still applies.
    let dir = tmp();
    fs::write(
        dir.path().join("contacts.txt"),
        "Contact: jane.doe@airlock-fixture.dev\nCall (415) 555-0123.\nserver 81.2.69.160\n",
    )
    .unwrap();
    let rules = |args: &[&str]| -> Vec<String> {
        let out = airlock(dir.path(), args);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut ids: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap_or_default().to_string())
            .collect();
        ids.sort();
        ids
    };
    let plain = rules(&["scan", ".", "--no-code", "--format", "json"]);
    assert!(plain.is_empty(), "{plain:?}");
    let asked = rules(&[
        "scan",
        ".",
        "--no-code",
        "--personal-data",
        "--format",
        "json",
    ]);
    assert_eq!(
        asked,
        [
            "email-address",
            "ipv4-public",
            "phone-number-north-american"
        ],
        "{asked:?}"
    );
    let strict = rules(&[
        "scan",
        ".",
        "--no-code",
        "--personal-data",
        "--min-confidence",
        "medium",
        "--format",
        "json",
    ]);
    assert!(strict.is_empty(), "{strict:?}");
}

#[test]
fn scan_handles_invalid_utf8() {
    let dir = tmp();
    let mut content = b"\xff\xfe garbage \xc3\x28\n".to_vec();
    content.extend_from_slice(format!("token = {GH_TOKEN}\n").as_bytes());
    fs::write(dir.path().join("weird.txt"), content).unwrap();
    let out = airlock(dir.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["line"], 2);
}

#[test]
fn inline_allow_comment_suppresses() {
    let dir = tmp();
    fs::write(
        dir.path().join("t.py"),
        format!("T = \"{GH_TOKEN}\"  # airlock:allow test fixture\n"),
    )
    .unwrap();
    let out = airlock(dir.path(), &["scan", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn baseline_accepts_known_findings_even_after_moving() {
    let dir = tmp();
    fs::write(dir.path().join("a.py"), format!("T = \"{GH_TOKEN}\"\n")).unwrap();
    let out = airlock(dir.path(), &["baseline", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let base = fs::read_to_string(dir.path().join(".airlock-baseline.json")).unwrap();
    assert!(!base.contains(GH_TOKEN), "baseline stores the secret");
    // The same secret on another line of another file is still the known one.
    fs::remove_file(dir.path().join("a.py")).unwrap();
    fs::write(dir.path().join("b.py"), format!("\n\nX = \"{GH_TOKEN}\"\n")).unwrap();
    let out = airlock(dir.path(), &["scan", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stderr(&out).contains("accepted by the baseline"));
    // A new secret is still reported.
    fs::write(dir.path().join("c.py"), "db_password = \"Xk9#mQ2vLpZ\"\n").unwrap();
    let out = airlock(dir.path(), &["scan", "."]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn check_box3_exits_one_and_clean_exits_zero() {
    let dir = tmp();
    let out = airlock_stdin(
        dir.path(),
        &["check"],
        Some(format!("here is my token {GH_TOKEN}").as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("box 3"));
    assert!(!stdout(&out).contains(GH_TOKEN));
    let out = airlock_stdin(
        dir.path(),
        &["check", "-"],
        Some(b"how do I reverse a list in python?"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("box 1"));
}

#[test]
fn redact_keeps_other_bytes_and_map_restores_only_reversible() {
    let dir = tmp();
    let text = format!(
        "token: {GH_TOKEN}\ncontact: jane.doe@airlock-fixture.dev\ntoken again: {GH_TOKEN}\n"
    );
    let map = dir.path().join("map.json");
    let out = airlock_stdin(
        dir.path(),
        &["redact", "--map", map.to_str().unwrap()],
        Some(text.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let red = stdout(&out);
    assert!(!red.contains(GH_TOKEN));
    assert!(red.starts_with("token: [["), "{red}");
    assert!(red.contains("\ntoken again: [["));
    let ph: Vec<&str> = red
        .lines()
        .filter(|l| l.starts_with("token"))
        .map(|l| l.split_once(": ").unwrap().1)
        .collect();
    assert_eq!(ph[0], ph[1], "same value, same placeholder");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&map).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert!(
        !fs::read_to_string(&map).unwrap().contains(GH_TOKEN),
        "map stores the secret"
    );
    let out = airlock_stdin(
        dir.path(),
        &["restore", "--map", map.to_str().unwrap()],
        Some(red.as_bytes()),
    );
    let back = stdout(&out);
    assert!(!back.contains(GH_TOKEN), "secrets are never restored");
    if red.contains("[[EMAIL") {
        assert!(back.contains("jane.doe@airlock-fixture.dev"), "{back}");
    }
}

#[test]
fn redact_binary_input_does_not_fail() {
    let dir = tmp();
    let mut input: Vec<u8> = (0..=255u8).collect();
    input.extend_from_slice(GH_TOKEN.as_bytes());
    input.extend_from_slice(b"\xff\xfe");
    let out = airlock_stdin(dir.path(), &["redact"], Some(&input));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(&out.stdout[..256], &input[..256]);
    assert!(out.stdout.ends_with(b"]]\xff\xfe"));
}

#[test]
fn rules_list_and_explain() {
    let dir = tmp();
    let out = airlock(dir.path(), &["rules", "list"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("github-pat"));
    assert!(stdout(&out).contains("generic-secret-assignment"));
    let out = airlock(dir.path(), &["explain", "github-pat"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("CWE-798"));
    let out = airlock(dir.path(), &["explain", "no-such-rule"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_check_reports_failing_examples() {
    let dir = tmp();
    let good = dir.path().join("good.toml");
    fs::write(&good, "[[rule]]\nid = \"acme-key\"\ntitle = \"Acme key\"\nkeywords = [\"acme_\"]\npattern = '''\\bacme_[a-z0-9]{16}\\b'''\ndescription = \"Acme internal API key\"\nexamples = [\"k = acme_q7w2e9r4t1y6u3i8\"]\nnegative_examples = [\"acme_short\"]\n").unwrap();
    let out = airlock(dir.path(), &["rules", "check", good.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "[[rule]]\nid = \"acme-key\"\ntitle = \"Acme key\"\nkeywords = [\"acme_\"]\npattern = '''\\bacme_[a-z0-9]{16}\\b'''\ndescription = \"d\"\nexamples = [\"acme_nope\"]\n").unwrap();
    let out = airlock(dir.path(), &["rules", "check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("example not matched"));
}

#[test]
fn policy_init_check_render_and_broken_policy() {
    let dir = tmp();
    let out = airlock(dir.path(), &["policy", "init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = airlock(dir.path(), &["policy", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = airlock(dir.path(), &["policy", "render"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("box 3") || stdout(&out).contains("Box 3"),
        "{}",
        stdout(&out)
    );
    let out = airlock(dir.path(), &["policy", "render", "--format", "html"]);
    assert!(stdout(&out).contains("<html"));
    // A typo in the policy is an error with file:line, and every command refuses to run.
    fs::write(
        dir.path().join("airlock.toml"),
        "version = 1\n\n[bxes]\ncredential = 3\n",
    )
    .unwrap();
    let out = airlock(dir.path(), &["policy", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("airlock.toml:3"), "{err}");
    let out = airlock_stdin(dir.path(), &["check"], Some(b"hello"));
    assert_eq!(
        out.status.code(),
        Some(2),
        "fails closed on a broken policy"
    );
}

#[test]
fn policy_paths_and_org_terms_drive_the_box() {
    let dir = tmp();
    fs::write(
        dir.path().join("airlock.toml"),
        "version = 1\n[organization]\nname = \"Acme\"\ncodenames = [\"BLUEBIRD\"]\ninternal_domains = [\"corp.acme-fixture.dev\"]\n[[paths]]\nglob = \"src/auth/**\"\nbox = 3\nreason = \"authentication code\"\n",
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("src/auth")).unwrap();
    fs::write(dir.path().join("src/auth/login.py"), "def login(): pass\n").unwrap();
    fs::write(
        dir.path().join("src/notes.md"),
        "Project BLUEBIRD launches on db01.corp.acme-fixture.dev\n",
    )
    .unwrap();
    fs::write(dir.path().join("src/util.py"), "x = 1\n").unwrap();
    let out = airlock(dir.path(), &["classify", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    let box_of = |p: &str| {
        files
            .iter()
            .find(|f| f["path"] == p)
            .map(|f| f["box"].as_u64().unwrap())
    };
    assert_eq!(box_of("src/auth/login.py"), Some(3), "{v}");
    assert_eq!(box_of("src/notes.md"), Some(2), "{v}");
    assert_eq!(box_of("src/util.py"), Some(1), "{v}");
    let out = airlock(dir.path(), &["check", "src/auth/login.py"]);
    assert_eq!(out.status.code(), Some(1), "path rule puts it in box 3");
    let out = airlock_stdin(
        dir.path(),
        &["redact"],
        Some(b"ask BLUEBIRD team at db01.corp.acme-fixture.dev"),
    );
    let red = stdout(&out);
    assert!(
        !red.contains("BLUEBIRD") && !red.contains("db01.corp"),
        "{red}"
    );
}

/// A file larger than the read window (8 MiB) is scanned window by window: every secret in
/// it is reported exactly once, at its own line and column, also where windows share their
/// edges, and a file of that size is not skipped.
#[test]
fn scan_of_a_file_larger_than_the_window_reports_each_secret_once() {
    let dir = tmp();
    let mut text = String::new();
    let mut want = Vec::new();
    let mut line = 0usize;
    while text.len() < 20 << 20 {
        line += 1;
        if line.is_multiple_of(997) {
            // Columns vary so that a wrong offset shows.
            let indent = " ".repeat(line % 7);
            text.push_str(&format!("{indent}token = \"{GH_TOKEN}\"\n"));
            want.push((line, line % 7 + 10));
        } else {
            text.push_str(&format!(
                "filler line {line} of a large generated log file\n"
            ));
        }
    }
    fs::write(dir.path().join("big.log"), &text).unwrap();
    let out = airlock(dir.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut got: Vec<(usize, usize)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["rule"], "github-pat", "{f}");
            (
                f["line"].as_u64().unwrap() as usize,
                f["column"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    got.sort();
    assert_eq!(got.len(), want.len(), "each secret once");
    assert_eq!(got, want);
    assert!(!stdout(&out).contains(GH_TOKEN));
    // classify reads it the same way: box 3, each secret counted once.
    let out = airlock(dir.path(), &["classify", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["box"], 3, "{v}");
    let reasons = v["files"][0]["reasons"].to_string();
    assert!(
        reasons.contains(&format!("content: {} credential findings", want.len())),
        "{reasons}"
    );
}
