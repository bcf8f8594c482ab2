//! Property tests: random patterns over a tiny alphabet, the verdict checked against the
//! backtracking matcher in both directions (reported attacks blow up at the reported rate,
//! patterns reported linear stay linear on adversarial inputs). Seeds are fixed so CI is
//! deterministic; change them (or raise `cases`) to explore further.

use airlock_redos::ast::Node;
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
        Just("\\b".to_string()),
        Just(" ".to_string()),
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

fn nullable(n: &Node) -> bool {
    match n {
        Node::Set(_) | Node::Backref(_) => false,
        Node::Concat(v) => v.iter().all(nullable),
        Node::Alt(v) => v.iter().any(nullable),
        Node::Repeat { node, min, .. } => *min == 0 || nullable(node),
        Node::Group { node, .. } | Node::Atomic(node) => nullable(node),
        _ => true,
    }
}

/// Patterns both the `regex` crate and the matcher accept (no possessive or atomic parts).
fn plain_pattern() -> impl Strategy<Value = String> {
    pattern().prop_filter("regex crate syntax", |p| {
        !p.contains("++") && !p.contains("*+") && !p.contains("(?>")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, rng_seed: RngSeed::Fixed(0x5eed_0003), ..ProptestConfig::default() })]

    /// The instrumented matcher is the yardstick of every other test, so it is checked against
    /// an independent engine: same match or no match, same leftmost-first span.
    #[test]
    fn matcher_agrees_with_the_regex_crate(p in plain_pattern(), input in "[abc \n]{0,12}") {
        let re = regex::Regex::new(&p).expect("valid for the regex crate");
        let ours = airlock_redos::matcher::run(&p, Flavor::Rust, "", &input, MatchMode::Search, 10_000_000)
            .expect("parses");
        prop_assert!(!ours.aborted);
        let theirs = re.find(&input).map(|m| (m.start(), m.end()));
        prop_assert_eq!(ours.matched, theirs.is_some(), "pattern {:?} on {:?}", p, input);
        // Spans too, except where engines disagree among themselves: how a loop treats an
        // iteration that matched nothing (JavaScript rejects it and backtracks into the body,
        // PCRE and the regex crate stop the loop there).
        let tree = airlock_redos::parse::parse(&p, Flavor::Rust, Default::default()).unwrap().node;
        if !tree.any(&|n| matches!(n, Node::Repeat { node, .. } if nullable(node))) {
            prop_assert_eq!(ours.span, theirs, "pattern {:?} on {:?}", p, input);
        }
    }
}
