//! Classification: path and content together, with reasons that never hold a secret.

use airlock_policy::{Policy, Reason};
use airlock_types::{BoxLevel, Confidence, Finding, Kind, Redacted, Severity, Span};

use crate::parse::acme;

fn finding(rule_id: &str, kind: Kind, secret: &str) -> Finding {
    Finding {
        rule_id: rule_id.into(),
        title: rule_id.into(),
        kind,
        severity: Severity::High,
        confidence: Confidence::High,
        span: Span::new(0, secret.len()),
        secret: Redacted::new(secret.as_bytes().to_vec()),
        placeholder: "X".into(),
    }
}

const AWS: &str = "AKIAAIRLOCKSYNTHETIC";

#[test]
fn nothing_found_and_no_path_rule_is_box_one() {
    let c = acme().classify(Some("src/main.rs"), &[]);
    assert_eq!(c.box_level, BoxLevel::Safe);
    assert!(c.reasons.is_empty());
    assert_eq!(acme().classify(None, &[]).box_level, BoxLevel::Safe);
}

#[test]
fn the_path_alone_decides() {
    let c = acme().classify(Some("src/auth/session.rs"), &[]);
    assert_eq!(c.box_level, BoxLevel::Never);
    assert_eq!(c.reasons.len(), 1);
    assert_eq!(
        c.reasons[0].to_string(),
        "path matches `src/auth/**` (authentication code)"
    );
}

#[test]
fn content_raises_the_box_above_the_path() {
    let findings = [
        finding("aws-access-key-id", Kind::Credential, AWS),
        finding("email-address", Kind::PersonalData, "jane@example.org"),
        finding(
            "github-pat",
            Kind::Credential,
            "ghp_SyntheticValueForAirlockTests00000000",
        ),
        finding("acme-employee-id", Kind::PersonalData, "EMP-123456"),
    ];
    let c = acme().classify(Some("docs/setup.md"), &findings);
    assert_eq!(c.box_level, BoxLevel::Never);
    let shown: Vec<String> = c.reasons.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        shown,
        [
            "content: 2 credential findings (aws-access-key-id, github-pat)",
            // email-address is turned off in [allow] rules of the ACME policy.
            "content: 1 personal-data finding (acme-employee-id)",
            "path matches `docs/**` (public documentation)",
        ]
    );
    for s in &shown {
        for f in &findings {
            assert!(
                !s.contains(std::str::from_utf8(f.secret.expose()).unwrap()),
                "{s}"
            );
        }
    }
    assert!(matches!(
        c.reasons[0],
        Reason::Content {
            count: 2,
            kind: Kind::Credential,
            ..
        }
    ));
}

#[test]
fn the_path_box_holds_when_content_is_lower() {
    let findings = [finding("internal-ip", Kind::Infrastructure, "10.0.0.1")];
    let c = acme().classify(Some("src/auth/config.rs"), &findings);
    assert_eq!(c.box_level, BoxLevel::Never);
    assert_eq!(c.reasons[0].box_level(), BoxLevel::Never);
    assert!(matches!(c.reasons[0], Reason::Path { .. }));
    assert_eq!(c.reasons[1].box_level(), BoxLevel::Caution);
}

#[test]
fn confidentiality_markers_take_their_own_box() {
    let p = acme();
    let marker = finding(
        airlock_policy::MARKER_RULE_ID,
        Kind::Organization,
        "ACME CONFIDENTIAL",
    );
    let codename = finding(
        airlock_policy::CODENAME_RULE_ID,
        Kind::Organization,
        "BLUEBIRD",
    );
    assert_eq!(p.box_for_finding(&codename), BoxLevel::Caution);
    assert_eq!(p.box_for_finding(&marker), BoxLevel::Never);
    let c = p.classify(None, std::slice::from_ref(&codename));
    assert_eq!(c.box_level, BoxLevel::Caution);
    let c = p.classify(None, &[codename, marker]);
    assert_eq!(c.box_level, BoxLevel::Never);
    assert_eq!(
        c.reasons[0].to_string(),
        "content: 2 organization findings (org-codename, org-marker)"
    );
}

#[test]
fn kinds_in_box_one_still_give_a_reason() {
    let p = Policy::parse("[boxes]\npersonal-data = 1\n", "airlock.toml").unwrap();
    let c = p.classify(
        None,
        &[finding("email-address", Kind::PersonalData, "a@b.example")],
    );
    assert_eq!(c.box_level, BoxLevel::Safe);
    assert_eq!(c.reasons.len(), 1);
}
