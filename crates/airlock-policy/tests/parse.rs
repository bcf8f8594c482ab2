//! The template, the defaults, a full policy, and finding the file.

use airlock_policy::{discover, Action, Policy, DEFAULT_POLICY_TOML};
use airlock_types::{BoxLevel, Kind, Severity};

/// The example policy of the design, every section filled in.
pub const ACME: &str = r#"
version = 1

[organization]
name = "Acme Corp"
internal_domains = ["acme.internal", "corp.acme.com"]
codenames = ["Project Falcon", "BLUEBIRD"]
confidentiality_markers = ["ACME CONFIDENTIAL", "INTERNAL ONLY"]

[[organization.patterns]]
id = "acme-employee-id"
title = "Acme employee id"
pattern = '''\bEMP-\d{6}\b'''
kind = "personal-data"
keywords = ["EMP-"]

[boxes]
credential = 3
private-key = 3
password = 3
connection-string = 3
personal-data = 2
infrastructure = 2
organization = 2

[[paths]]
glob = "src/auth/**"
box = 3
reason = "authentication code"

[[paths]]
glob = "docs/**"
box = 1
reason = "public documentation"

[actions]
box1 = "allow"
box2 = "redact"
box3 = "block"

[allow]
paths = ["tests/fixtures/**"]
rules = ["email-address"]

[models]
box1 = ["*"]
box2 = ["openai/gpt-4.1*", "anthropic/claude-*"]
box3 = ["ollama/*"]

[[review]]
paths = ["src/auth/**", "migrations/**"]
reviewers = ["@security-team"]
min_severity = "high"

[prompts]
requirements = ["Use parameterized queries for all database access.", "Hash passwords with Argon2id or bcrypt.", "Read secrets from the environment, never hard-code them."]
"#;

pub fn acme() -> Policy {
    Policy::parse(ACME, "airlock.toml").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_template_parses_to_the_defaults() {
    let parsed =
        Policy::parse(DEFAULT_POLICY_TOML, "airlock.toml").unwrap_or_else(|e| panic!("{e}"));
    let default = Policy::default();
    assert_eq!(parsed.organization(), default.organization());
    assert_eq!(parsed.boxes(), default.boxes());
    assert_eq!(parsed.path_rules(), default.path_rules());
    assert_eq!(parsed.actions(), default.actions());
    assert_eq!(parsed.allow(), default.allow());
    assert_eq!(parsed.models(), default.models());
    assert_eq!(parsed.review_rules(), default.review_rules());
    assert_eq!(parsed.prompts(), default.prompts());
    assert!(parsed.detector_rules().is_empty());
}

#[test]
fn an_empty_file_is_the_defaults() {
    let empty = Policy::parse("", "airlock.toml").unwrap();
    assert_eq!(empty.boxes(), Policy::default().boxes());
    assert_eq!(empty.path_rules(), Policy::default().path_rules());
    assert_eq!(empty.prompts(), Policy::default().prompts());
}

#[test]
fn every_key_of_the_template_is_explained() {
    // A key is explained by a comment on its line, a comment above it in its table, or a
    // comment above its table's header (for a repeated [[table]], above its first header).
    let lines: Vec<&str> = DEFAULT_POLICY_TOML.lines().map(str::trim).collect();
    let comment_above = |i: usize| {
        lines[..i]
            .iter()
            .rev()
            .find(|l| !l.is_empty())
            .is_some_and(|l| l.starts_with('#'))
    };
    let mut explained_headers: Vec<&str> = Vec::new();
    let mut header: Option<(usize, &str)> = None;
    let mut header_explained = true;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with('[') {
            header_explained = comment_above(i) || explained_headers.contains(line);
            if header_explained {
                explained_headers.push(line);
            }
            header = Some((i, line));
            continue;
        }
        let Some((key, _)) = line.split_once(" = ") else {
            continue;
        };
        if line.starts_with('#') || line.starts_with('"') {
            continue;
        }
        let start = header.map(|h| h.0 + 1).unwrap_or(0);
        let commented_in_table = lines[start..i].iter().any(|l| l.starts_with('#'));
        assert!(
            line.contains(" # ") || commented_in_table || header_explained,
            "template line {}: key `{key}` has no comment",
            i + 1
        );
    }
}

#[test]
fn defaults_are_the_three_box_rule() {
    let p = Policy::default();
    for k in [
        Kind::Credential,
        Kind::PrivateKey,
        Kind::Password,
        Kind::ConnectionString,
    ] {
        assert_eq!(p.box_for_kind(k), BoxLevel::Never, "{k}");
    }
    for k in [Kind::PersonalData, Kind::Infrastructure, Kind::Organization] {
        assert_eq!(p.box_for_kind(k), BoxLevel::Caution, "{k}");
    }
    assert_eq!(p.action(BoxLevel::Safe), Action::Allow);
    assert_eq!(p.action(BoxLevel::Caution), Action::Redact);
    assert_eq!(p.action(BoxLevel::Never), Action::Block);
    assert_eq!(
        p.box_for_path("deploy/.env").map(|b| b.0),
        Some(BoxLevel::Never)
    );
    assert_eq!(
        p.box_for_path("certs/server.pem").map(|b| b.0),
        Some(BoxLevel::Never)
    );
    assert_eq!(
        p.box_for_path("home/.ssh/id_ed25519").map(|b| b.0),
        Some(BoxLevel::Never)
    );
    assert_eq!(p.box_for_path("src/main.rs"), None);
    assert!(p.source().is_none());
}

#[test]
fn a_full_policy_reads_every_section() {
    let p = acme();
    let org = p.organization();
    assert_eq!(org.name.as_deref(), Some("Acme Corp"));
    assert_eq!(org.internal_domains, ["acme.internal", "corp.acme.com"]);
    assert_eq!(org.codenames, ["Project Falcon", "BLUEBIRD"]);
    assert_eq!(org.marker_box, BoxLevel::Never);
    assert_eq!(org.patterns[0].kind, Kind::PersonalData);
    assert_eq!(org.patterns[0].severity, Severity::Medium);

    assert_eq!(
        p.box_for_path("src/auth/login.rs"),
        Some((BoxLevel::Never, "authentication code", "src/auth/**"))
    );
    assert_eq!(
        p.box_for_path("./docs/intro.md").map(|b| b.0),
        Some(BoxLevel::Safe)
    );
    assert_eq!(p.box_for_path("src/main.rs"), None);
    // A file's own [[paths]] replace the defaults.
    assert_eq!(p.box_for_path(".env"), None);

    assert!(p.is_path_allowed("tests/fixtures/keys/a.pem"));
    assert!(!p.is_path_allowed("tests/unit.rs"));
    assert!(p.is_rule_allowed("email-address"));
    assert!(!p.is_rule_enabled("email-address"));
    assert!(p.is_rule_enabled("github-pat"));

    assert!(p.is_model_approved(BoxLevel::Safe, "anyone/any-model"));
    assert!(p.is_model_approved(BoxLevel::Caution, "openai/gpt-4.1-mini"));
    assert!(p.is_model_approved(BoxLevel::Caution, "anthropic/claude-sonnet-4"));
    assert!(!p.is_model_approved(BoxLevel::Caution, "openai/gpt-3.5-turbo"));
    assert!(p.is_model_approved(BoxLevel::Never, "ollama/llama3"));
    assert!(!p.is_model_approved(BoxLevel::Never, "openai/gpt-4.1"));

    let review = p.review_rules_for_path("migrations/001_init.sql");
    assert_eq!(review.len(), 1);
    assert_eq!(review[0].reviewers, ["@security-team"]);
    assert_eq!(review[0].min_severity, Some(Severity::High));
    assert!(p.review_rules_for_path("src/main.rs").is_empty());
    assert_eq!(p.prompts().requirements.len(), 3);
}

#[test]
fn highest_box_wins_among_paths() {
    let p = Policy::parse(
        r#"
[[paths]]
glob = "src/**"
box = 2
reason = "source"

[[paths]]
glob = "src/auth/**"
box = 3
reason = "authentication code"
"#,
        "airlock.toml",
    )
    .unwrap();
    assert_eq!(
        p.box_for_path("src/auth/x.rs"),
        Some((BoxLevel::Never, "authentication code", "src/auth/**"))
    );
    assert_eq!(p.box_for_path("src/x.rs").map(|b| b.2), Some("src/**"));
}

#[test]
fn partial_sections_keep_the_other_defaults() {
    let p = Policy::parse(
        "[boxes]\npersonal-data = 3\n[actions]\nbox2 = \"block\"\n[models]\nbox2 = []\n",
        "x",
    )
    .unwrap();
    assert_eq!(p.box_for_kind(Kind::PersonalData), BoxLevel::Never);
    assert_eq!(p.box_for_kind(Kind::Infrastructure), BoxLevel::Caution);
    assert_eq!(p.action(BoxLevel::Caution), Action::Block);
    assert_eq!(p.action(BoxLevel::Never), Action::Block);
    assert!(p.models().box2.is_empty());
    assert_eq!(p.models().box1, ["*"]);
    assert!(!p.is_model_approved(BoxLevel::Caution, "openai/gpt-4.1"));
}

#[test]
fn load_and_discover_find_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/c");
    std::fs::create_dir_all(&nested).unwrap();
    let file = dir.path().join("a/airlock.toml");
    std::fs::write(&file, ACME).unwrap();
    assert_eq!(discover(&nested), Some(file.clone()));
    assert_eq!(discover(&dir.path().join("a")), Some(file.clone()));
    let loaded = Policy::load(&file).unwrap();
    assert_eq!(loaded.source(), Some(file.as_path()));
    assert_eq!(loaded.organization().name.as_deref(), Some("Acme Corp"));

    std::fs::write(nested.join("notes.txt"), "x").unwrap();
    assert_eq!(discover(&nested.join("notes.txt")), Some(file.clone()));

    let missing = Policy::load(&dir.path().join("nope.toml")).unwrap_err();
    assert!(
        missing
            .to_string()
            .contains("nope.toml: cannot read the policy file"),
        "{missing}"
    );

    std::fs::write(&file, "bxes = 1\n").unwrap();
    let err = Policy::load(&file).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}:1:1: unknown field `bxes`", file.display())),
        "{err}"
    );
}
