//! Every built-in rule's positive examples must be found (by that rule) and its negative
//! examples must produce no finding of that rule.

use airlock_secrets::{builtin_specs, Detector, DetectorConfig};

fn detector() -> Detector {
    Detector::new(
        builtin_specs().expect("rules parse"),
        DetectorConfig::default(),
    )
    .expect("rules compile")
}

#[test]
fn every_rule_has_examples_and_they_hold() {
    let d = detector();
    let mut failures = Vec::new();
    for rule in d.rules() {
        let id = &rule.spec.id;
        if rule.spec.examples.is_empty() {
            failures.push(format!("{id}: no positive example"));
        }
        for ex in &rule.spec.examples {
            let found = d.scan(ex.as_bytes());
            if !found.iter().any(|f| &f.rule_id == id) {
                let got: Vec<_> = found.iter().map(|f| f.rule_id.as_str()).collect();
                failures.push(format!("{id}: example not found (got {got:?}): {ex}"));
            }
        }
        for ex in &rule.spec.negative_examples {
            if d.scan(ex.as_bytes()).iter().any(|f| &f.rule_id == id) {
                failures.push(format!("{id}: negative example matched: {ex}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn rule_ids_are_unique_and_documented() {
    let specs = builtin_specs().unwrap();
    let mut ids = std::collections::HashSet::new();
    for s in &specs {
        assert!(ids.insert(s.id.clone()), "duplicate id {}", s.id);
        assert!(
            !s.description.trim().is_empty(),
            "{} lacks a description",
            s.id
        );
        assert!(!s.title.trim().is_empty(), "{} lacks a title", s.id);
    }
}

/// The paste guard's detector (`quick_start`: a keyword set instead of the automaton)
/// finds exactly what `scan`'s does, on every example of every rule and on all of them
/// at once.
#[test]
fn quick_start_finds_the_same() {
    let full = detector();
    let quick = Detector::new(
        builtin_specs().expect("rules parse"),
        DetectorConfig {
            quick_start: true,
            ..DetectorConfig::default()
        },
    )
    .expect("rules compile");
    let scan = |d: &Detector, text: &str| -> Vec<String> {
        d.scan(text.as_bytes())
            .iter()
            .map(|f| format!("{} {:?} {:?} {}", f.rule_id, f.span, f.confidence, f.title))
            .collect()
    };
    let mut all = String::new();
    for rule in full.rules() {
        for ex in rule
            .spec
            .examples
            .iter()
            .chain(&rule.spec.negative_examples)
        {
            assert_eq!(scan(&quick, ex), scan(&full, ex), "{}: {ex}", rule.spec.id);
            all.push_str(ex);
            all.push('\n');
        }
    }
    assert!(!scan(&full, &all).is_empty());
    assert_eq!(scan(&quick, &all), scan(&full, &all));
}
