//! The organization's vocabulary, compiled into the real detector, finds what it should.

use airlock_policy::{Policy, CODENAME_RULE_ID, INTERNAL_HOST_RULE_ID, MARKER_RULE_ID};
use airlock_secrets::{builtin_specs, Detector, DetectorConfig};
use airlock_types::{Confidence, Kind};

use crate::parse::acme;

fn detector(policy: &Policy) -> Detector {
    Detector::new(policy.detector_rules(), DetectorConfig::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// (rule id, matched text) of every finding.
fn found(d: &Detector, text: &str) -> Vec<(String, String)> {
    d.scan(text.as_bytes())
        .into_iter()
        .map(|f| {
            (
                f.rule_id.clone(),
                String::from_utf8(f.secret.expose().clone()).unwrap(),
            )
        })
        .collect()
}

fn has(d: &Detector, text: &str, rule: &str, value: &str) -> bool {
    found(d, text).iter().any(|(r, v)| r == rule && v == value)
}

#[test]
fn each_generated_rule_is_documented() {
    let specs = acme().detector_rules();
    let ids: Vec<&str> = specs.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            INTERNAL_HOST_RULE_ID,
            CODENAME_RULE_ID,
            MARKER_RULE_ID,
            "acme-employee-id"
        ]
    );
    for s in &specs[..3] {
        assert!(!s.title.is_empty() && !s.description.is_empty(), "{}", s.id);
        assert!(!s.examples.is_empty(), "{}", s.id);
        assert!(s.placeholder.is_some(), "{}", s.id);
        assert!(s.description.contains("Acme Corp"), "{}", s.description);
    }
    assert_eq!(specs[0].placeholder.as_deref(), Some("INTERNAL_HOST"));
    assert_eq!(specs[1].placeholder.as_deref(), Some("CODENAME"));
    assert_eq!(specs[2].placeholder.as_deref(), Some("MARKER"));
    assert_eq!(specs[0].kind, Kind::Infrastructure);
    assert_eq!(specs[1].kind, Kind::Organization);
    assert_eq!(specs[2].confidence, Confidence::High);
    assert_eq!(specs[0].keywords, ["acme.internal", "corp.acme.com"]);
}

#[test]
fn every_example_fires_and_every_negative_example_stays_quiet() {
    let policy = acme();
    let d = detector(&policy);
    for spec in policy.detector_rules() {
        for ex in &spec.examples {
            assert!(
                found(&d, ex).iter().any(|(r, _)| *r == spec.id),
                "{} misses its example {ex:?}",
                spec.id
            );
        }
        for ex in &spec.negative_examples {
            assert!(
                !found(&d, ex).iter().any(|(r, _)| *r == spec.id),
                "{} fires on {ex:?}",
                spec.id
            );
        }
    }
}

#[test]
fn finds_internal_hosts() {
    let d = detector(&acme());
    assert!(has(
        &d,
        "psql -h db01.corp.acme.com -U app",
        INTERNAL_HOST_RULE_ID,
        "db01.corp.acme.com"
    ));
    assert!(has(
        &d,
        "https://grafana.eu-1.acme.internal/d/x",
        INTERNAL_HOST_RULE_ID,
        "grafana.eu-1.acme.internal"
    ));
    assert!(has(
        &d,
        "corp.acme.com",
        INTERNAL_HOST_RULE_ID,
        "corp.acme.com"
    ));
    assert!(has(
        &d,
        "HOST=API.Corp.Acme.Com",
        INTERNAL_HOST_RULE_ID,
        "API.Corp.Acme.Com"
    ));
    assert!(has(
        &d,
        "a.acme.internal,b.acme.internal",
        INTERNAL_HOST_RULE_ID,
        "b.acme.internal"
    ));
    for quiet in [
        "notcorp.acme.com",
        "corp.acme.community",
        "foo-acme.internal",
        "acme.com",
        "www.acme.org",
    ] {
        assert!(
            !found(&d, quiet)
                .iter()
                .any(|(r, _)| r == INTERNAL_HOST_RULE_ID),
            "{quiet}"
        );
    }
}

#[test]
fn finds_codenames_as_whole_words() {
    let d = detector(&acme());
    assert!(has(
        &d,
        "Kick-off for Project Falcon next week",
        CODENAME_RULE_ID,
        "Project Falcon"
    ));
    assert!(has(
        &d,
        "the project  falcon\nroadmap",
        CODENAME_RULE_ID,
        "project  falcon"
    ));
    assert!(has(
        &d,
        "// bluebird: remove after launch",
        CODENAME_RULE_ID,
        "bluebird"
    ));
    assert!(!found(&d, "bluebirds sing; Project Falconer")
        .iter()
        .any(|(r, _)| r == CODENAME_RULE_ID));
}

#[test]
fn finds_markers() {
    let d = detector(&acme());
    assert!(has(
        &d,
        "/* ACME CONFIDENTIAL */",
        MARKER_RULE_ID,
        "ACME CONFIDENTIAL"
    ));
    assert!(has(
        &d,
        "Internal only - draft",
        MARKER_RULE_ID,
        "Internal only"
    ));
}

#[test]
fn finds_custom_patterns() {
    let d = detector(&acme());
    assert!(has(
        &d,
        "owner: EMP-123456",
        "acme-employee-id",
        "EMP-123456"
    ));
    assert!(!found(&d, "EMP-12345")
        .iter()
        .any(|(r, _)| r == "acme-employee-id"));
}

#[test]
fn joins_the_built_in_rules() {
    let mut specs = builtin_specs().unwrap();
    specs.extend(acme().detector_rules());
    let d = Detector::new(specs, DetectorConfig::default()).unwrap_or_else(|e| panic!("{e}"));
    let text = "BLUEBIRD lives on db01.corp.acme.com";
    let ids: Vec<String> = found(&d, text).into_iter().map(|(r, _)| r).collect();
    assert!(ids.contains(&CODENAME_RULE_ID.to_string()), "{ids:?}");
    assert!(ids.contains(&INTERNAL_HOST_RULE_ID.to_string()), "{ids:?}");
}

#[test]
fn no_vocabulary_no_rules() {
    assert!(Policy::default().detector_rules().is_empty());
}
