//! Property tests: random patterns over a tiny alphabet, the verdict checked against the
//! backtracking matcher in both directions (reported attacks blow up at the reported rate,
//! patterns reported linear stay linear on adversarial inputs). Seeds are fixed so CI is
//! deterministic; change them (or raise `cases`) to explore further.

use airlock_redos::{analyze_with, Complexity, Flavor, MatchMode, Options};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

use crate::common::{big_stack, confirm};

fn pattern() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("a".to_string()),
        Just("b".to_string()),
        Just("a".to_string()),
        Just("[ab]".to_string()),
        Just(".".to_string()),
        Just("\\n".to_string()),
        Just("[^a]".to_string()),
    ];
    let body = leaf.prop_recursive(4, 16, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(x, y)| format!("{x}{y}")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(x, y, z)| format!("{x}{y}{z}")),
            (inner.clone(), inner.clone()).prop_map(|(x, y)| format!("(?:{x}|{y})")),
            inner.clone().prop_map(|x| format!("(?:{x}|)")),
            inner.clone().prop_map(|x| format!("(?>{x})")),
            (inner, 0..12usize).prop_map(|(x, q)| {
                let q = [
                    "*", "+", "?", "{1,3}", "*?", "++", "*", "+?", "??", "{2}", "{0,2}", "*+",
                ][q];
                format!("(?:{x}){q}")
            }),
        ]
    });
    (0..3usize, any::<bool>(), body, any::<bool>()).prop_map(|(flags, start, body, end)| {
        // Multi-line mode makes ^ and $ line anchors: the NFA's line-start state and
        // "accept before a newline" get exercised.
        let flags = ["", "(?m)", "(?s)"][flags];
        let start = if start { "^" } else { "" };
        let end = if end { "$" } else { "" };
        format!("{flags}{start}{body}{end}")
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
    #![proptest_config(ProptestConfig { cases: 200, rng_seed: RngSeed::Fixed(0x5eed_0001), ..ProptestConfig::default() })]

    #[test]
    fn verdict_matches_backtracking_search(p in pattern()) {
        check(p, MatchMode::Search);
    }

    #[test]
    fn verdict_matches_backtracking_anchored(p in pattern()) {
        check(p, MatchMode::Prefix);
    }
}

/// Strings made of regex syntax, so the fuzzing reaches deep into the parser.
fn syntax_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("("),
        Just(")"),
        Just("(?:"),
        Just("(?<n>"),
        Just("(?P<n>"),
        Just("(?'n'"),
        Just("(?="),
        Just("(?!"),
        Just("(?<="),
        Just("(?<!"),
        Just("(?>"),
        Just("(?i)"),
        Just("(?x)"),
        Just("(?#"),
        Just("["),
        Just("]"),
        Just("[^"),
        Just("-"),
        Just("[:alpha:]"),
        Just("&&"),
        Just("|"),
        Just("*"),
        Just("+"),
        Just("?"),
        Just("{"),
        Just("}"),
        Just("{2,"),
        Just("{,3}"),
        Just("{1,2}"),
        Just(","),
        Just("\\"),
        Just("\\d"),
        Just("\\x"),
        Just("\\x4"),
        Just("\\u{"),
        Just("\\u00e9"),
        Just("\\p{L}"),
        Just("\\k<n>"),
        Just("\\1"),
        Just("\\12"),
        Just("\\0"),
        Just("\\Q"),
        Just("\\E"),
        Just("\\c"),
        Just("\\b"),
        Just("^"),
        Just("$"),
        Just("."),
        Just("a"),
        Just("é"),
        Just("日"),
        Just(" "),
        Just("#"),
        Just("\n"),
        Just("(?P=n)"),
        Just("\\g{-1}"),
        Just("(?("),
        Just("(?R)"),
        Just("(*"),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, rng_seed: RngSeed::Fixed(0x5eed_0002), ..ProptestConfig::default() })]

    /// The code analyzer calls this on whatever literal it finds: it must never panic or hang,
    /// and an error must point inside the pattern.
    #[test]
    fn any_input_gives_a_verdict_or_an_error(p in syntax_soup(), f in 0..8usize, flags in "[imsx]{0,2}") {
        let flavor = [
            Flavor::JavaScript, Flavor::Python, Flavor::Java, Flavor::Pcre,
            Flavor::Ruby, Flavor::DotNet, Flavor::Go, Flavor::Rust,
        ][f];
        let opts = Options { analyze_linear_engines: true, ..Options::default() };
        match analyze_with(&p, flavor, &flags, &opts) {
            Ok(a) => prop_assert_eq!(a.attack.is_some(), a.complexity.is_vulnerable()),
            Err(e) => {
                let off = e.offset().expect("pattern errors carry an offset");
                prop_assert!(off <= p.len() && p.is_char_boundary(off), "{e} for {p:?}");
            }
        }
    }
}
