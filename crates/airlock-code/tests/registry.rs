//! The rule registry: unique ids, documentation, CWE, and examples for every rule.

use std::collections::HashSet;

use airlock_code::Analyzer;

#[test]
fn rules_are_unique_documented_and_have_examples() {
    let analyzer = Analyzer::new();
    let mut ids = HashSet::new();
    assert!(
        analyzer.rules().len() >= 20,
        "only {} rules",
        analyzer.rules().len()
    );
    for r in analyzer.rules() {
        let s = &r.spec;
        assert!(ids.insert(s.id.clone()), "duplicate rule id {}", s.id);
        assert!(
            s.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            s.id
        );
        assert!(s.cwe > 0, "{} has no CWE", s.id);
        for (what, text) in [
            ("summary", &s.summary),
            ("why", &s.why),
            ("fix", &s.fix),
            ("title", &s.title),
        ] {
            assert!(text.len() >= 10, "{}: {what} too short", s.id);
        }
        assert!(!s.references.is_empty(), "{} has no references", s.id);
        assert!(!s.example.is_empty(), "{} has no examples", s.id);
        assert!(!r.languages.is_empty(), "{} applies to no language", s.id);
    }
}
