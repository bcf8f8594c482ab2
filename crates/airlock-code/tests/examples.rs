//! Every rule's bad examples fire and its good examples stay quiet.

use airlock_code::{Analyzer, Language};

#[test]
fn every_bad_example_fires_and_every_good_one_is_quiet() {
    let analyzer = Analyzer::new();
    let mut failures = Vec::new();
    for rule in analyzer.rules() {
        for (i, ex) in rule.spec.example.iter().enumerate() {
            let lang = Language::from_name(&ex.lang).expect("example language");
            let bad = analyzer.analyze(&ex.bad, lang);
            if !bad.iter().any(|f| f.rule_id == rule.spec.id) {
                failures.push(format!(
                    "{} example {i} ({}): bad example not reported; got {:?}",
                    rule.spec.id,
                    ex.lang,
                    bad.iter().map(|f| &f.rule_id).collect::<Vec<_>>()
                ));
            }
            let good = analyzer.analyze(&ex.good, lang);
            if let Some(f) = good.iter().find(|f| f.rule_id == rule.spec.id) {
                failures.push(format!(
                    "{} example {i} ({}): good example reported at line {}: {}",
                    rule.spec.id, ex.lang, f.line, f.message
                ));
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
