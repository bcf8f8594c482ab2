//! The pre-commit hook and git modes, in real temporary repositories.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::{airlock, stderr, stdout, GH_TOKEN};

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Fixture Author")
        .env("GIT_AUTHOR_EMAIL", "author@airlock-fixture.dev")
        .env("GIT_COMMITTER_NAME", "Fixture Author")
        .env("GIT_COMMITTER_EMAIL", "author@airlock-fixture.dev")
        .output()
        .expect("git runs");
    out
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert!(git(dir.path(), &["init", "-q", "-b", "main"])
        .status
        .success());
    git(dir.path(), &["config", "user.name", "Fixture Author"]);
    git(
        dir.path(),
        &["config", "user.email", "author@airlock-fixture.dev"],
    );
    git(dir.path(), &["config", "commit.gpgsign", "false"]);
    dir
}

#[test]
fn staged_scans_the_index_not_the_work_tree() {
    let dir = repo();
    let p = dir.path();
    fs::write(p.join("app.py"), format!("T = \"{GH_TOKEN}\"\n")).unwrap();
    git(p, &["add", "app.py"]);
    // Clean the work tree copy: the index still holds the secret.
    fs::write(p.join("app.py"), "T = os.environ['T']\n").unwrap();
    let out = airlock(p, &["scan", "--staged"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("app.py:1"));
    // And the reverse: a secret only in the work tree is not what is being committed.
    git(p, &["add", "app.py"]);
    fs::write(p.join("app.py"), format!("T = \"{GH_TOKEN}\"\n")).unwrap();
    let out = airlock(p, &["scan", "--staged"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn hook_blocks_a_commit_with_a_secret_and_allows_a_clean_one() {
    let dir = repo();
    let p = dir.path();
    let out = airlock(p, &["hook", "install"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(p.join(".git/hooks/pre-commit").exists());
    fs::write(p.join("ok.txt"), "nothing to see\n").unwrap();
    git(p, &["add", "ok.txt"]);
    let c = git(p, &["commit", "-q", "-m", "clean"]);
    assert!(
        c.status.success(),
        "clean commit refused: {}",
        String::from_utf8_lossy(&c.stderr)
    );
    fs::write(p.join("leak.env"), format!("GITHUB_TOKEN={GH_TOKEN}\n")).unwrap();
    git(p, &["add", "leak.env"]);
    let c = git(p, &["commit", "-q", "-m", "leak"]);
    assert!(!c.status.success(), "commit with a secret went through");
    let log = git(p, &["log", "--oneline"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).lines().count(), 1);
    // A second install replaces airlock's own hook without --force.
    assert_eq!(airlock(p, &["hook", "install"]).status.code(), Some(0));
}

#[test]
fn hook_names_the_reviewers_a_change_needs() {
    let dir = repo();
    let p = dir.path();
    assert_eq!(airlock(p, &["hook", "install"]).status.code(), Some(0));
    fs::write(
        p.join("airlock.toml"),
        "[[review]]\npaths = [\"src/auth/**\"]\nreviewers = [\"@security-team\"]\n",
    )
    .unwrap();
    fs::create_dir_all(p.join("src/auth")).unwrap();
    fs::write(p.join("src/auth/ttl.py"), "def ttl():\n    return 3600\n").unwrap();
    git(p, &["add", "."]);
    let c = git(p, &["commit", "-q", "-m", "session ttl"]);
    let err = String::from_utf8_lossy(&c.stderr);
    assert!(c.status.success(), "clean commit refused: {err}");
    assert!(
        err.contains(
            "review required by @security-team (changes under src/auth/**): src/auth/ttl.py"
        ),
        "{err}"
    );
    // A change outside those paths needs no one.
    fs::write(p.join("README.md"), "notes\n").unwrap();
    git(p, &["add", "README.md"]);
    let c = git(p, &["commit", "-q", "-m", "notes"]);
    assert!(c.status.success());
    assert!(!String::from_utf8_lossy(&c.stderr).contains("review required"));
}

#[test]
fn hook_install_refuses_to_clobber_a_foreign_hook() {
    let dir = repo();
    let p = dir.path();
    fs::write(p.join(".git/hooks/pre-commit"), "#!/bin/sh\necho mine\n").unwrap();
    let out = airlock(p, &["hook", "install"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--force"));
}

#[test]
fn git_history_reports_commit_author_and_date() {
    let dir = repo();
    let p = dir.path();
    fs::write(p.join("a.txt"), "first\n").unwrap();
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "one"]);
    fs::write(
        p.join("a.txt"),
        format!("first\nsecond\ntoken={GH_TOKEN}\n"),
    )
    .unwrap();
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "two"]);
    // Removed again: still in history.
    fs::write(p.join("a.txt"), "first\n").unwrap();
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "three"]);
    let out = airlock(p, &["scan", "--git", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["path"], "a.txt");
    assert_eq!(f["line"], 3);
    assert_eq!(f["commit"]["author"], "Fixture Author");
    assert!(f["commit"]["date"].as_str().unwrap().len() >= 10);
    let first = String::from_utf8_lossy(&git(p, &["rev-list", "--max-parents=0", "HEAD"]).stdout)
        .trim()
        .to_string();
    let out = airlock(p, &["scan", "--since", &first, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let head = String::from_utf8_lossy(&git(p, &["rev-parse", "HEAD"]).stdout)
        .trim()
        .to_string();
    let out = airlock(p, &["scan", "--since", &head]);
    assert_eq!(out.status.code(), Some(0));
}
