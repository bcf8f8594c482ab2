//! Helpers shared by the test modules: what the analyzer reports, by line and rule.

use airlock_code::{Analyzer, Language};

/// `(line, rule)` of every finding in `src`.
pub fn rules(src: &str, lang: Language) -> Vec<(usize, String)> {
    Analyzer::new()
        .analyze(src, lang)
        .into_iter()
        .map(|f| (f.line, f.rule_id))
        .collect()
}

/// Whether `rule` reports anything in `src`.
pub fn reported(src: &str, lang: Language, rule: &str) -> bool {
    rules(src, lang).iter().any(|(_, r)| r == rule)
}

/// Whether `rule` reports on `line` of `src`.
pub fn reported_at(src: &str, lang: Language, line: usize, rule: &str) -> bool {
    rules(src, lang)
        .iter()
        .any(|(l, r)| *l == line && r == rule)
}
