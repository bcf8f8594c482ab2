//! The classic patterns: each expected verdict is asserted, and every reported attack is run
//! through the backtracking matcher to show the blow-up is real.

use airlock_redos::{analyze, analyze_with, Analysis, Complexity, Flavor, MatchMode, Options};

use crate::common::{big_stack, confirm};

fn check(pattern: &str, flavor: Flavor, mode: MatchMode, expected: Complexity) -> Analysis {
    let opts = Options {
        mode,
        ..Options::default()
    };
    let a = analyze_with(pattern, flavor, "", &opts).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    assert_eq!(a.complexity, expected, "{pattern:?} ({mode:?}): {a:?}");
    let pattern = pattern.to_string();
    let a2 = a.clone();
    big_stack(move || confirm(&pattern, flavor, mode, &a2));
    a
}

use Complexity::{Exponential, Linear, Polynomial};
use Flavor::{Java, JavaScript, Pcre, Python};
use MatchMode::{Full, Prefix, Search};

#[test]
fn nested_quantifier_is_exponential() {
    // The textbook case: (a+)+ splits a run of a's in 2^n ways before `$` fails.
    let a = check("(a+)+$", JavaScript, Search, Exponential);
    let attack = a.attack.unwrap();
    assert!(attack.pump.chars().all(|c| c == 'a'));
    assert!(
        !attack.suffix.is_empty(),
        "a suffix must make `$` fail: {attack:?}"
    );
}

#[test]
fn overlapping_alternatives_are_exponential() {
    check("(a|a)*$", JavaScript, Search, Exponential);
    check("(a|aa)+$", JavaScript, Search, Exponential);
    check("^(a|a?)+$", Python, Search, Exponential);
}

#[test]
fn word_space_loop_is_exponential() {
    // `\s?` may be empty, so (\w+\s?)* is (\w+)* on words.
    check(r"(\w+\s?)*$", Python, Search, Exponential);
}

#[test]
fn owasp_patterns_are_exponential() {
    check(
        "^(([a-z])+.)+[A-Z]([a-z])+$",
        JavaScript,
        Search,
        Exponential,
    );
    check(
        r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
        JavaScript,
        Search,
        Exponential,
    );
}

#[test]
fn trailing_space_and_comment_is_polynomial() {
    // Two overlapping \s* around an optional `#`, plus every start position: O(n^3).
    check(r"\s*#?\s*$", Python, Search, Polynomial(3));
    // Anchored at the start of the call (re.match) it is one degree less.
    check(r"\s*#?\s*$", Python, Prefix, Polynomial(2));
}

#[test]
fn dot_star_chains_are_polynomial() {
    check("^.*a.*a.*$", JavaScript, Search, Polynomial(3));
    check("^.*=.*;$", Pcre, Search, Polynomial(2));
}

#[test]
fn dot_star_a_repeated_is_only_quadratic() {
    // Any text with twelve a's matches at once, so the pump cannot contain `a`; what is left is
    // the quadratic cost of scanning from every start position.
    check("(.*a){12}", JavaScript, Search, Polynomial(2));
    check("^(.*a){12}", JavaScript, Search, Linear);
}

#[test]
fn star_height_one_can_be_polynomial() {
    // No nested quantifier, yet three loops share the character 0.
    check(r"^\d*0*\d*x$", Java, Search, Polynomial(3));
    // Two adjacent loops over the same character, unanchored: n starts x n splits x n.
    check("a*a*$", JavaScript, Search, Polynomial(3));
    check("^a*a*$", JavaScript, Search, Polynomial(2));
}

#[test]
fn trim_polyfill_is_quadratic() {
    // The trim regex behind several npm advisories: the anchored alternative must not match,
    // so the attack starts with a character that is not a space.
    let a = check(
        r"^[\s\u200c]+|[\s\u200c]+$",
        JavaScript,
        Search,
        Polynomial(2),
    );
    assert!(!a.attack.unwrap().prefix.starts_with(' '));
}

#[test]
fn stack_overflow_outage_pattern() {
    // `\s+$` took Stack Overflow down in 2016: quadratic on a long run of spaces.
    check(r"\s+$", JavaScript, Search, Polynomial(2));
    check(r"^\s+$", JavaScript, Search, Linear);
}

#[test]
fn star_height_look_alikes_are_not_exponential() {
    // Nested quantifiers whose inner loop cannot overlap the outer one: no exponential
    // ambiguity. Unanchored they are still quadratic through the start positions.
    check("(a+b)+$", JavaScript, Search, Polynomial(2));
    check("^(a+b)+$", JavaScript, Search, Linear);
    check("(ab+)*c", JavaScript, Prefix, Linear);
    check(r"^(\d+)(,\d+)*$", JavaScript, Search, Linear);
    check("(a|b)*c", JavaScript, Prefix, Linear);
    check("^[a-z0-9]+(-[a-z0-9]+)*$", JavaScript, Search, Linear);
}

#[test]
fn possessive_and_atomic_cut_backtracking() {
    check("^(a++)+$", Java, Search, Linear);
    check("^(?>a+)+$", Pcre, Search, Linear);
    check("^(?>a|a)*$", Pcre, Search, Linear);
    check(r"^\d*+0*+\d*+x$", Java, Search, Linear);
    // ... while the same patterns without the cut are vulnerable.
    check("^(a+)+$", Java, Search, Exponential);
    check(r"^\d*0*\d*x$", Java, Search, Polynomial(3));
}

#[test]
fn full_match_mode() {
    // Java's matches(): the whole input must match, so `$` is implied.
    check("(a+)+", Java, Full, Exponential);
    check("(a|b)*", Java, Full, Linear);
}

#[test]
fn safe_everyday_patterns_are_linear() {
    for p in [
        r"^\d{4}-\d{2}-\d{2}$",
        r"^[A-Za-z_][A-Za-z0-9_]*$",
        r"^https?://[^\s/]+(/[^\s]*)?$",
        r"^[0-9a-f]{40}$",
        r"^(?:\+|-)?\d+(?:\.\d+)?$",
        "^(GET|POST|PUT|DELETE) ",
        "abc",
    ] {
        check(p, JavaScript, Search, Linear);
    }
}

#[test]
fn linear_engines_are_not_analyzed_unless_asked() {
    let a = analyze("(a+)+$", Flavor::Go, "").unwrap();
    assert_eq!(a.complexity, Linear);
    assert!(a.notes.iter().any(|n| n.contains("linear by construction")));
    let a = analyze("(a+)+$", Flavor::Rust, "").unwrap();
    assert_eq!(a.complexity, Linear);
    let opts = Options {
        analyze_linear_engines: true,
        ..Options::default()
    };
    let a = analyze_with("(a+)+$", Flavor::Go, "", &opts).unwrap();
    assert_eq!(a.complexity, Exponential);
}

#[test]
fn pathological_patterns_return_quickly() {
    // Work is bounded: either a verdict or Unknown, never a hang.
    let big_alt = format!(
        "^({})*$",
        (0..200)
            .map(|i| format!("a{i}"))
            .collect::<Vec<_>>()
            .join("|")
    );
    let long = "a".repeat(5000);
    for p in [
        "((((a*)*)*)*)*$",
        "(.*){16}x",
        "^(?:(?:a*)*){16}$",
        "((a|b)*(a|b)*)*c",
        "(\\w*\\s*)*$",
        "a{500}b{500}",
        "(a{1,16}){1,16}(a{1,16}){1,16}$",
        "(.*a){16}",
        big_alt.as_str(),
        long.as_str(),
    ] {
        let t = std::time::Instant::now();
        let a = analyze(p, JavaScript, "").unwrap();
        let took = t.elapsed();
        assert!(
            took.as_secs_f64() < 3.0,
            "{}: took {took:?}",
            &p[..p.len().min(40)]
        );
        if a.complexity == Complexity::Unknown {
            assert!(!a.notes.is_empty(), "Unknown must say why");
        }
    }
    let deep = format!("{}a{}", "(".repeat(300), ")".repeat(300));
    assert!(matches!(
        analyze(&deep, JavaScript, ""),
        Err(airlock_redos::RegexError::TooDeep { .. })
    ));
}

#[test]
fn bounded_repetition_that_caps_an_exponential_is_noted() {
    // No loop, so asymptotically linear; but 16 x 16 ways to split a run of a's is plenty.
    let a = analyze("^(a{1,16}){1,16}$", JavaScript, "").unwrap();
    assert_eq!(a.complexity, Linear);
    let note = a
        .notes
        .iter()
        .find(|n| n.contains("exponential"))
        .expect("a note about the cap");
    // The note is true: 30 a's and a failing character take the matcher past a million steps.
    let input = format!("{}!", "a".repeat(30));
    let o = airlock_redos::matcher::run(
        "^(a{1,16}){1,16}$",
        JavaScript,
        "",
        &input,
        Search,
        1_000_000,
    )
    .unwrap();
    assert!(o.aborted, "{note}: {o:?}");
    // A bounded repetition that caps nothing gets no such note.
    let a = analyze(r"^\d{1,3}(,\d{3})*$", JavaScript, "").unwrap();
    assert!(
        a.notes.iter().all(|n| !n.contains("exponential")),
        "{:?}",
        a.notes
    );
}

#[test]
fn blowups_inside_atomic_groups_and_lookarounds() {
    // The cut only stops backtracking *into* the group after it matched; a body that fails on
    // its own still tries all its ways. Found by analyzing the body alone, and reported only
    // once the matcher confirmed it on the whole pattern.
    for (p, f) in [
        ("(?>(a|a)*b)", Pcre),
        ("^(?:(a|a)*c)++$", Java),
        ("^(?=(a+)+$)", JavaScript),
        ("x(?=(a|aa)+c)", JavaScript),
    ] {
        let a = check(p, f, Search, Exponential);
        assert!(
            a.notes
                .iter()
                .any(|n| n.contains("confirmed by running a backtracking matcher")),
            "{p}: {:?}",
            a.notes
        );
    }
    // The safe uses of the same constructs stay unreported.
    check("^(?>a|a)*$", Pcre, Search, Linear);
    check("^(?=\\d)\\d+$", JavaScript, Search, Linear);
}

#[test]
fn anchored_degree_separates_start_position_noise() {
    // Quadratic only because every start position is retried...
    let a = analyze(r"\s+$", JavaScript, "").unwrap();
    assert_eq!((a.complexity, a.anchored), (Polynomial(2), Some(Linear)));
    // ...versus ambiguous in itself.
    let a = analyze(r"\s*#?\s*$", Python, "").unwrap();
    assert_eq!(
        (a.complexity, a.anchored),
        (Polynomial(3), Some(Polynomial(2)))
    );
    let a = analyze("(a+)+$", JavaScript, "").unwrap();
    assert_eq!(a.anchored, None);
}

#[test]
fn every_verdict_on_the_real_world_corpus_is_confirmed_by_the_matcher() {
    // The 216 literals of the speed benchmark: each verdict, vulnerable or linear, is checked
    // against the backtracking matcher like the hand-picked ones above.
    let corpus = include_str!("../benches/corpus.txt");
    let patterns: Vec<String> = corpus
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    big_stack(move || {
        for p in &patterns {
            let a = analyze(p, JavaScript, "").unwrap_or_else(|e| panic!("{p}: {e}"));
            confirm(p, JavaScript, Search, &a);
        }
    });
}

#[test]
fn runs_on_a_small_thread_stack() {
    // The code analyzer may call from worker threads with the default 2 MiB stack.
    let nested = format!("{}a{}", "(".repeat(200), ")".repeat(200));
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            for p in [
                "(?>(a|a)*b)",
                "^(?=(a+)+$)",
                "x(?=(a|aa)+c)",
                "(\\w+\\s?)*$",
                nested.as_str(),
            ] {
                assert!(analyze(p, Pcre, "").is_ok(), "{}", &p[..p.len().min(20)]);
            }
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
}

#[test]
fn anchors_in_the_middle_cut_the_ambiguity() {
    // `^` inside the loop only holds at position 0, so runs of `a` split one way.
    let a = analyze("((;|^)a+)+$", JavaScript, "").unwrap();
    assert_ne!(a.complexity, Exponential, "{a:?}");
    check("((;|,)?a+)+$", JavaScript, Search, Exponential);
    // Nothing follows `$` in single-line mode; a line anchor passes next to a newline only.
    check("a$a+a+$", JavaScript, Search, Linear);
    let multi = analyze_with("^x$\\n?a+a+$", Python, "m", &Options::default()).unwrap();
    assert!(multi.complexity.is_vulnerable(), "{multi:?}");
}

#[test]
fn a_backreference_matches_its_group_again() {
    // The quote must come back: the loop before it backtracks when it never does.
    check("(\"|')(\\\\?.)*?\\1", JavaScript, Search, Exponential);
    // One marker character repeated: the spaces split one way.
    check("^([*\\-_])(?:\\s*\\1){2,}\\s*$", Python, Search, Linear);
    // A copy admits `xaa` two ways; the real reference does not.
    let a = analyze("(?:\\1|x(.))*$", Python, "").unwrap();
    assert_ne!(a.complexity, Exponential, "{a:?}");
}

#[test]
fn a_blowup_before_the_alternative_that_succeeds_is_found() {
    // The first alternative is explored completely before `[^]+` matches.
    let a = check("((a+)*$|[^]+)", JavaScript, Search, Exponential);
    assert!(
        a.notes.iter().any(|n| n.contains("backtracking matcher")),
        "{a:?}"
    );
    // The other order succeeds at once.
    check("([^]+|(a+)*$)", JavaScript, Search, Linear);
    // A greedy optional group explored before it is skipped.
    check(
        "^(?:\\s+\"(?:[^\"\\\\]|\\\\\\\\|\\\\.)+\")?",
        JavaScript,
        Search,
        Exponential,
    );
    // A trailing lookahead decides like its body.
    check("(x*)+(?=$)", JavaScript, Search, Exponential);
    check("(x*)+(?=\\s*)", JavaScript, Search, Linear);
}
