//! Property tests: random patterns over a tiny alphabet, the verdict checked against the
//! backtracking matcher in both directions (reported attacks blow up at the reported rate,
//! patterns reported linear stay linear on adversarial inputs).

use airlock_redos::{analyze_with, Complexity, Flavor, MatchMode, Options};
use proptest::prelude::*;

use crate::common::{big_stack, confirm};

fn pattern() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("a".to_string()),
        Just("b".to_string()),
        Just("a".to_string()),
        Just("[ab]".to_string()),
        Just(".".to_string()),
    ];
    let body = leaf.prop_recursive(4, 16, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(x, y)| format!("{x}{y}")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(x, y, z)| format!("{x}{y}{z}")),
            (inner.clone(), inner.clone()).prop_map(|(x, y)| format!("(?:{x}|{y})")),
            inner.clone().prop_map(|x| format!("(?:{x}|)")),
            (inner, 0..12usize).prop_map(|(x, q)| {
                let q = [
                    "*", "+", "?", "{1,3}", "*?", "++", "*", "+?", "??", "{2}", "{0,2}", "*+",
                ][q];
                format!("(?:{x}){q}")
            }),
        ]
    });
    (any::<bool>(), body, any::<bool>()).prop_map(|(start, body, end)| {
        format!(
            "{}{body}{}",
            if start { "^" } else { "" },
            if end { "$" } else { "" }
        )
    })
}

fn check(p: String, mode: MatchMode) {
    let opts = Options {
        mode,
        ..Options::default()
    };
    let a = analyze_with(&p, Flavor::Java, "", &opts).expect("generated patterns are valid");
    assert_ne!(
        a.complexity,
        Complexity::Unknown,
        "{p}: small patterns must be decided"
    );
    big_stack(move || confirm(&p, Flavor::Java, mode, &a));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn verdict_matches_backtracking_search(p in pattern()) {
        check(p, MatchMode::Search);
    }

    #[test]
    fn verdict_matches_backtracking_anchored(p in pattern()) {
        check(p, MatchMode::Prefix);
    }
}
