//! Rewrites of rule patterns made for speed find exactly what the longer form found.

use airlock_secrets::builtin_specs;

/// The rules named `<service>-legacy-token` and their kin match a name holding a service
/// word and a secret word in either order, then an assignment and the value. They once
/// began each order with `[\w.\-]{0,40}`, which lets the match start up to 40 name
/// characters earlier and changes nothing else: the name part must still reach the end of
/// the run of name characters (only there can an assignment follow), so the secret and the
/// end of the match are the same. The lazy DFA of the longer form had many more states to
/// build (about a fifth of the time of the whole `github-legacy-token` rule in the corpus
/// scan). This checks the claim on generated names and values.
#[test]
fn name_rules_without_a_leading_name_prefix_find_the_same_secrets() {
    let prefix = r"[\w.\-]{0,40}";
    let mut checked = 0;
    for spec in builtin_specs().expect("built-in rules parse") {
        let Some(short) = spec.pattern.as_deref() else {
            continue;
        };
        let Some(rest) = short.strip_prefix("(?i:(?:") else {
            continue;
        };
        if !short.contains("|(?:token|") {
            continue;
        }
        let service: Vec<&str> = rest[..rest.find(')').expect("group")]
            .split('|')
            .map(|w| w.trim_start_matches(r"\b"))
            .collect();
        let long = format!("(?i:{prefix}(?:{rest}").replacen(
            "|(?:token|",
            &format!("|{prefix}(?:token|"),
            1,
        );
        let compile = |p: &str| {
            regex::bytes::RegexBuilder::new(p)
                .unicode(false)
                .size_limit(1 << 24)
                .build()
                .expect("compiles")
        };
        let (short_re, long_re) = (compile(short), compile(&long));
        let hex = "0123456789abcdef0123456789abcdef01234567";
        let mut pieces: Vec<&str> = vec![
            "token",
            "secret",
            "key",
            "pat",
            "pat_",
            "Password",
            "_",
            "-",
            ".",
            "x",
            "Ab9",
            "->",
            " = ",
            "=",
            ": ",
            ":=",
            "\"",
            "'",
            "]",
            " is ",
            " ",
            "\n",
            ">",
            "(",
            "os.getenv(\"",
            "gh_",
            "GH-",
            hex,
            "11",
            "ZQ9xk_w2-Lp8mN4rT7yB",
            ";",
            "&",
            ",",
        ];
        pieces.extend(&service);
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..1 + next(24) {
                text.push_str(pieces[next(pieces.len())]);
            }
            let found = |re: &regex::bytes::Regex| -> Vec<(Option<(usize, usize)>, usize)> {
                re.captures_iter(text.as_bytes())
                    .map(|c| {
                        (
                            c.name("secret").map(|m| (m.start(), m.end())),
                            c.get(0).expect("match").end(),
                        )
                    })
                    .collect()
            };
            assert_eq!(found(&short_re), found(&long_re), "{}: {text:?}", spec.id);
        }
        checked += 1;
    }
    assert!(checked >= 17, "only {checked} rules of this form");
}
