//! Parser coverage: dialect syntax, flags, escapes, and errors with byte offsets. Parsed
//! meaning is checked by running the matcher, not by inspecting the tree.

use airlock_redos::{analyze, matcher, Complexity, Flavor, MatchMode, RegexError};

fn matches(pattern: &str, flavor: Flavor, flags: &str, input: &str) -> bool {
    matcher::run(pattern, flavor, flags, input, MatchMode::Search, 1_000_000)
        .unwrap_or_else(|e| panic!("{pattern}: {e}"))
        .matched
}

fn err(pattern: &str, flavor: Flavor) -> RegexError {
    match analyze(pattern, flavor, "") {
        Err(e) => e,
        Ok(a) => panic!("{pattern:?} should be rejected, got {a:?}"),
    }
}

#[test]
fn malformed_patterns_report_the_byte_offset() {
    use Flavor::*;
    assert_eq!(
        err("ab(c", JavaScript),
        RegexError::UnclosedGroup { offset: 2 }
    );
    assert_eq!(
        err("ab)c", Python),
        RegexError::UnmatchedParen { offset: 2 }
    );
    assert_eq!(
        err("x[abc", Java),
        RegexError::UnterminatedClass { offset: 1 }
    );
    assert_eq!(
        err("*a", JavaScript),
        RegexError::NothingToRepeat { offset: 0 }
    );
    assert_eq!(err("a|+", Pcre), RegexError::NothingToRepeat { offset: 2 });
    assert_eq!(
        err("a**", JavaScript),
        RegexError::NestedQuantifier { offset: 2 }
    );
    assert_eq!(
        err("a*+", JavaScript),
        RegexError::NestedQuantifier { offset: 2 }
    );
    assert!(matches!(
        err("é[z-a]", Ruby),
        RegexError::BadRange {
            offset: 3,
            lo: 'z',
            hi: 'a'
        }
    ));
    assert!(matches!(
        err("a{3,2}", Python),
        RegexError::BadRepeat { offset: 1, .. }
    ));
    assert!(matches!(
        err("a{x}", Java),
        RegexError::BadRepeat { offset: 1, .. }
    ));
    assert_eq!(
        err("ab\\", DotNet),
        RegexError::TrailingBackslash { offset: 2 }
    );
    assert!(matches!(
        err("(a)\\k<b>", JavaScript),
        RegexError::UndefinedGroup { offset: 3, .. }
    ));
    assert!(matches!(
        err("(a)(?P=b)", Python),
        RegexError::UndefinedGroup { offset: 3, .. }
    ));
    assert!(matches!(
        err("a\\q", Python),
        RegexError::BadEscape { offset: 1, .. }
    ));
    assert!(matches!(
        err("\\u12", Java),
        RegexError::BadEscape { offset: 0, .. }
    ));
    assert!(matches!(
        err("(?<>a)", Java),
        RegexError::BadGroup { offset: 0, .. }
    ));
    assert_eq!(
        analyze("a", JavaScript, "q").unwrap_err(),
        RegexError::UnknownFlag { flag: 'q' }
    );
    // The message says what and where.
    let msg = err("ab(c", JavaScript).to_string();
    assert!(msg.contains("byte 2") && msg.contains(')'), "{msg}");
    assert_eq!(err("x[abc", Java).offset(), Some(1));
}

#[test]
fn lenient_where_engines_are() {
    // A `{` that is not a repetition is a literal in JavaScript, Python, PCRE.
    assert!(matches("a{x}", Flavor::JavaScript, "", "a{x}"));
    assert!(matches("a{,2}b", Flavor::Python, "", "aab"));
    assert!(matches("\\q", Flavor::JavaScript, "", "q"));
    assert!(matches("[]a]", Flavor::Python, "", "]"));
    assert!(matches("^[^]$", Flavor::JavaScript, "", "\n"));
}

#[test]
fn escapes() {
    use Flavor::*;
    for (p, f) in [
        ("^\\x41$", JavaScript),
        ("^\\u0041$", Java),
        ("^\\u{41}$", JavaScript),
        ("^\\x{41}$", Pcre),
        ("^\\101$", Pcre),
        ("^\\U00000041$", Python),
        ("^\\cA$", JavaScript),
    ] {
        let want = if p.contains("\\c") { "\u{1}" } else { "A" };
        assert!(matches(p, f, "", want), "{p}");
        assert!(!matches(p, f, "", "B"), "{p}");
    }
    assert!(matches("^\\d\\w\\s$", Python, "", "1a "));
    assert!(!matches("^\\D$", Python, "", "1"));
    assert!(matches(
        "^\\t\\n\\r\\f\\v$",
        JavaScript,
        "",
        "\t\n\r\x0c\x0b"
    ));
    assert!(matches("\\bfoo\\b", JavaScript, "", "a foo b"));
    assert!(!matches("\\bfoo\\b", JavaScript, "", "afoo"));
    assert!(matches("^\\Qa.b\\E$", Java, "", "a.b"));
    assert!(!matches("^\\Qa.b\\E$", Java, "", "axb"));
    assert!(matches("^\\p{L}+$", Java, "", "héllo"));
    assert!(matches("\\Afoo\\z", Ruby, "", "foo"));
}

#[test]
fn classes() {
    use Flavor::*;
    assert!(matches("^[a-c]+$", JavaScript, "", "abcab"));
    assert!(!matches("^[a-c]+$", JavaScript, "", "abd"));
    assert!(matches("^[^a-c]$", JavaScript, "", "d"));
    assert!(!matches("^[^a-c]$", JavaScript, "", "b"));
    assert!(matches("^[\\d\\s-]+$", Python, "", "1 2-3"));
    assert!(matches("^[[:alpha:]]+$", Pcre, "", "abc"));
    assert!(!matches("^[[:digit:]]+$", Pcre, "", "abc"));
    assert!(matches("^[a-z&&[^aeiou]]+$", Java, "", "bcd"));
    assert!(!matches("^[a-z&&[^aeiou]]+$", Java, "", "bad"));
    assert!(matches("^[a-]$", JavaScript, "", "-"));
    // Case-insensitive classes fold before negation: [^a] excludes A too.
    assert!(!matches("^[^a]$", JavaScript, "i", "A"));
    assert!(matches("^[a-z]$", JavaScript, "i", "Q"));
}

#[test]
fn groups_in_each_syntax() {
    use Flavor::*;
    assert!(matches("^(?<y>\\d+)-\\k<y>$", JavaScript, "", "12-12"));
    assert!(!matches("^(?<y>\\d+)-\\k<y>$", JavaScript, "", "12-13"));
    assert!(matches("^(?P<y>a)(?P=y)$", Python, "", "aa"));
    assert!(matches("^(?'y'a)\\k'y'$", DotNet, "", "aa"));
    assert!(matches("^(a)(b)\\2\\1$", Pcre, "", "abba"));
    assert!(matches("^(?:ab)+$", Ruby, "", "abab"));
    assert!(matches("^(?>ab|a)c$", Pcre, "", "abc"));
    // Atomic: once `a+` took every a, it gives none back.
    assert!(!matches("^(?>a+)a$", Pcre, "", "aaa"));
    assert!(!matches("^a++a$", Java, "", "aaa"));
    assert!(matches("^a+?a$", Java, "", "aaa"));
    assert!(matches("foo(?=bar)", JavaScript, "", "foobar"));
    assert!(!matches("foo(?!bar)", JavaScript, "", "foobar"));
    assert!(matches("(?<=\\$)\\d+", JavaScript, "", "$42"));
    assert!(matches("a(?#comment)b", Python, "", "ab"));
}

#[test]
fn flags_inline_and_argument() {
    use Flavor::*;
    assert!(matches("(?i)^abc$", Python, "", "ABC"));
    assert!(matches("^a(?i:b)c$", Java, "", "aBc"));
    assert!(!matches("^a(?i:b)c$", Java, "", "aBC"));
    assert!(matches("^abc$", JavaScript, "i", "AbC"));
    assert!(!matches("^a.c$", JavaScript, "", "a\nc"));
    assert!(matches("^a.c$", JavaScript, "s", "a\nc"));
    assert!(matches("^b$", JavaScript, "m", "a\nb\nc"));
    assert!(!matches("^b$", JavaScript, "", "a\nb\nc"));
    // Ruby: ^ and $ are line anchors, and /m is dot-all.
    assert!(matches("^b$", Ruby, "", "a\nb\nc"));
    assert!(matches("a.c", Ruby, "m", "a\nc"));
    assert!(matches("(?x) a + # one or more\n b", Pcre, "", "aab"));
    assert!(matches("a b", Pcre, "", "a b"));
}

#[test]
fn case_insensitivity_changes_the_verdict() {
    // a and A are different characters, so the alternatives never overlap...
    let a = analyze("^(a|A)+$", Flavor::JavaScript, "").unwrap();
    assert_eq!(a.complexity, Complexity::Linear);
    // ...until the i flag makes them the same, inline or as an argument.
    let a = analyze("^(a|A)+$", Flavor::JavaScript, "i").unwrap();
    assert_eq!(a.complexity, Complexity::Exponential);
    let a = analyze("(?i)^(a|A)+$", Flavor::Python, "").unwrap();
    assert_eq!(a.complexity, Complexity::Exponential);
}

#[test]
fn unicode_patterns() {
    let a = analyze("^(é|é)+$", Flavor::JavaScript, "").unwrap();
    assert_eq!(a.complexity, Complexity::Exponential);
    assert!(a.attack.unwrap().pump.contains('é'));
    let a = analyze("^(\\u00e9|é)+$", Flavor::Java, "").unwrap();
    assert_eq!(a.complexity, Complexity::Exponential);
}

#[test]
fn approximations_are_noted() {
    let a = analyze("^(a)\\1$", Flavor::Pcre, "").unwrap();
    assert!(
        a.notes.iter().any(|n| n.contains("backreference")),
        "{:?}",
        a.notes
    );
    let a = analyze("^(?=a)a$", Flavor::Pcre, "").unwrap();
    assert!(
        a.notes.iter().any(|n| n.contains("lookaround")),
        "{:?}",
        a.notes
    );
    let a = analyze("(a)?(?(1)b|c)", Flavor::Pcre, "").unwrap();
    assert_eq!(a.complexity, Complexity::Unknown);
    assert!(
        a.notes.iter().any(|n| n.contains("conditional")),
        "{:?}",
        a.notes
    );
    let a = analyze("(a(?R)?b)", Flavor::Pcre, "").unwrap();
    assert_eq!(a.complexity, Complexity::Unknown);
}

#[test]
fn display() {
    assert_eq!(Complexity::Exponential.to_string(), "exponential");
    assert_eq!(Complexity::Polynomial(3).to_string(), "polynomial O(n^3)");
    assert_eq!(Complexity::Linear.to_string(), "linear");
}

#[test]
fn linear_engines_reject_backtracking_only_syntax() {
    for p in ["a(?=b)", "(?<!a)b", "(a)\\1", "(?>a)"] {
        for f in [Flavor::Go, Flavor::Rust] {
            assert!(
                matches!(analyze(p, f, ""), Err(RegexError::BadGroup { .. })),
                "{p} {f:?}"
            );
        }
        assert!(analyze(p, Flavor::Pcre, "").is_ok(), "{p}");
    }
    assert_eq!(
        analyze("(?P<x>a+)+", Flavor::Go, "").unwrap().complexity,
        Complexity::Linear
    );
}

#[test]
fn flavor_by_language_name() {
    assert_eq!(Flavor::for_language("TypeScript"), Some(Flavor::JavaScript));
    assert_eq!(Flavor::for_language("kotlin"), Some(Flavor::Java));
    assert_eq!(Flavor::for_language("PHP"), Some(Flavor::Pcre));
    assert_eq!(Flavor::for_language("c#"), Some(Flavor::DotNet));
    assert_eq!(Flavor::for_language("golang"), Some(Flavor::Go));
    assert_eq!(Flavor::for_language("cobol"), None);
}
