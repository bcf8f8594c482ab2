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

/// The byte every match needs, worked out from the parsed pattern: only what every path
/// through it must hold counts.
#[test]
fn needed_byte_counts_what_every_match_holds() {
    use airlock_secrets::rule::needed_byte;
    assert_eq!(needed_byte(r"\d{1,3}(?:\.\d{1,3}){3}"), Some((b'.', 3)));
    assert_eq!(needed_byte(r"(?:a\.){2,}|x\.y\.z\.w"), Some((b'.', 2)));
    assert_eq!(needed_byte(r"a:b:c|d\.e"), None);
    assert_eq!(needed_byte(r"a\.b|c"), None);
    assert_eq!(needed_byte(r"a:?b"), None);
    assert_eq!(needed_byte(r"[.:]x[.:]"), None);
    assert_eq!(needed_byte(r"(?P<secret>2001:db8:)"), Some((b':', 2)));
    assert_eq!(needed_byte(r"(?i)user@host"), Some((b'@', 1)));
    assert_eq!(needed_byte(r"(unclosed"), None);
    let specs = builtin_specs().expect("built-in rules parse");
    let needs = |id: &str| {
        needed_byte(
            specs
                .iter()
                .find(|s| s.id == id)
                .and_then(|s| s.pattern.as_deref())
                .expect("rule"),
        )
    };
    assert_eq!(needs("ipv4-public"), Some((b'.', 3)));
    assert_eq!(needs("ipv6-global"), Some((b':', 2)));
}

/// The run of bytes every match holds, worked out from the parsed pattern: optional parts,
/// alternatives and bytes outside the set cut it; repetitions and concatenation join it.
#[test]
fn needed_run_is_what_every_match_holds() {
    use airlock_secrets::rule::needed_run;
    let len = |p: &str| needed_run(p).map(|r| r.len);
    assert_eq!(len(r"\b\d{1,3}(?:\.\d{1,3}){3}\b"), Some(7));
    assert_eq!(len(r"x\d{6}y"), Some(6));
    // Joined across concatenation and a repetition's copies.
    assert_eq!(len(r"\d{3}(?:\d\d){2}"), Some(7));
    assert_eq!(len(r"(?:12){3}"), Some(6));
    // An optional part may be absent, an alternative may be the shorter one.
    assert_eq!(len(r"\d{3}!?\d{3}"), None);
    assert_eq!(len(r"\d{3}(?:\d{4}|!)"), None);
    assert_eq!(len(r"\d{7}|\d{6}"), Some(6));
    // A byte outside every set ends the run (`z` is in the base64url set, `!` in none).
    assert_eq!(len(r"12!3456"), None);
    assert_eq!(len(r"2001:0db8"), Some(9));
    assert_eq!(len(r"(?i:2001:db8:)"), Some(9));
    assert_eq!(len(r"\d{1,3}(?:\.\d{1,3})*"), None);
    assert_eq!(len(r"(unclosed"), None);
    let run = needed_run(r"\d{1,3}(?:\.\d{1,3}){3}").expect("run");
    assert!(run.found_in(b"host 1.2.3.4 up"));
    assert!(!run.found_in(b"1.2.3 4.5.6"));
    assert!(!run.found_in(b"1.2.3\n.4"));
    // The built-in digit-line rules: each has a run, and each of their examples holds it.
    let specs = builtin_specs().expect("built-in rules parse");
    let mut with_run = Vec::new();
    for spec in specs.iter().filter(|s| s.min_digits.is_some()) {
        let Some(run) = needed_run(spec.pattern.as_deref().expect("pattern")) else {
            continue;
        };
        with_run.push((spec.id.as_str(), run.len));
        for example in &spec.examples {
            assert!(run.found_in(example.as_bytes()), "{}: {example:?}", spec.id);
        }
    }
    for (id, want) in [
        ("ipv4-public", 7),
        ("ipv6-global", 8),
        // three parts of base64url: 24 + 1 + 6 + 1 + 27
        ("discord-bot-token-bare", 59),
        ("nats-nkey-seed", 58),
        ("sk-hex-api-key", 32),
    ] {
        assert!(with_run.contains(&(id, want)), "{id}: {with_run:?}");
    }
}

/// Addresses at the very start and end of the text, on lines next to other digit lines,
/// and a line with digits but too few dots, through the whole detector.
#[test]
fn digit_line_rules_skip_only_windows_that_cannot_match() {
    let d = airlock_secrets::Detector::builtin();
    let ips = |text: &str| -> Vec<String> {
        d.scan(text.as_bytes())
            .iter()
            .filter(|f| f.rule_id == "ipv4-public" || f.rule_id == "ipv6-global")
            .map(|f| text[f.span.start..f.span.end].to_string())
            .collect()
    };
    // Addresses from the rules' own examples (the documentation ranges are not reported).
    let small = |ips: &dyn Fn(&str) -> Vec<String>| {
        assert_eq!(ips("151.101.65.69"), vec!["151.101.65.69"]);
        assert_eq!(
            ips("151.101.65.69 is the host\nport 5353"),
            vec!["151.101.65.69"]
        );
        assert_eq!(
            ips("year 2024 and 1999\nhost: 45.33.32.156"),
            vec!["45.33.32.156"]
        );
        assert_eq!(
            ips("id 12345\nnext line 77\n133.133.17.8"),
            vec!["133.133.17.8"]
        );
        assert_eq!(
            ips("route 2606:4700:4700::1111 here"),
            vec!["2606:4700:4700::1111"]
        );
        assert_eq!(ips("1234 5678 9.9\n"), Vec::<String>::new());
    };
    small(&ips);
    assert_eq!(ips("1234:5678"), Vec::<String>::new());
    // The check applies from 32 digit windows on: the same cases among 40 other windows
    // (digit lines between lines without digits, so that they stay apart).
    let filler = "line 12345 of 99.9\nno digits here\n".repeat(40);
    for (text, want) in [
        ("151.101.65.69\n", vec!["151.101.65.69"]),
        ("host: 45.33.32.156", vec!["45.33.32.156"]),
        ("1234 5678 9.9\n", vec![]),
        (
            "route 2606:4700:4700::1111 here\n",
            vec!["2606:4700:4700::1111"],
        ),
        ("1234:5678\n", vec![]),
    ] {
        assert_eq!(ips(&format!("{text}\n{filler}")), want, "first: {text:?}");
        assert_eq!(ips(&format!("{filler}{text}")), want, "last: {text:?}");
        assert_eq!(
            ips(&format!("{filler}{text}\n{filler}")),
            want,
            "middle: {text:?}"
        );
    }
    // Once worked out for a large text, the check applies to small ones too.
    small(&ips);
}

/// The skipping run search agrees with a byte-by-byte count on many generated lines:
/// digits, dots and other bytes mixed so that runs of every length occur.
#[test]
fn run_search_agrees_with_counting_every_byte() {
    use airlock_secrets::rule::needed_run;
    let naive = |set: &dyn Fn(u8) -> bool, len: usize, text: &[u8]| {
        let mut n = 0;
        text.iter().any(|&b| {
            n = if set(b) { n + 1 } else { 0 };
            n >= len
        })
    };
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    for pattern in [r"\d{1,3}(?:\.\d{1,3}){3}", r"\d{6}", r"[0-9]{15}x"] {
        let run = needed_run(pattern).expect("run");
        let in_set = |b: u8| run.found_in(&[b; 64][..run.len]);
        for _ in 0..3000 {
            let n = next() % 60;
            let text: Vec<u8> = (0..n)
                .map(|_| match next() % 10 {
                    0 => b'.',
                    1 => b' ',
                    2 => b'x',
                    d => b'0' + d as u8,
                })
                .collect();
            assert_eq!(
                run.found_in(&text),
                naive(&in_set, run.len, &text),
                "{pattern}: {:?}",
                String::from_utf8_lossy(&text)
            );
        }
    }
}

/// A rule runs on a window around each keyword; how wide comes from its pattern. The
/// pattern's text only hints (`[^;\n]` names a line feed to exclude it), so the parsed
/// pattern decides: one line when no match can hold a line feed, a few lines when line
/// feeds come only as white space, and never narrower than the text says unless every
/// match holds one of the rule's keywords (a keyword that stands apart from the match,
/// `kind: Secret` above a manifest's `data:`, keeps the wide window).
#[test]
fn reach_comes_from_the_parsed_pattern() {
    use airlock_secrets::rule::Reach;
    let reach = |pattern: &str, keywords: &[&str]| {
        let spec = airlock_secrets::RuleSpec {
            pattern: Some(pattern.to_string()),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            ..airlock_secrets::RuleSpec::new("t", "t", "a test rule")
        };
        let rule = airlock_secrets::Rule::compile(spec).expect("rule");
        (rule.reach, rule.compiled().expect("compiled").reach)
    };
    // `\n` only inside a negated class: one line.
    assert_eq!(
        reach(
            r"(?i)\bcreate user\b[^;\n]{0,40}password '(?P<secret>[^'\n]+)'",
            &["password"]
        ),
        (Reach::Block, Reach::Line)
    );
    // Line feeds only through `\s+` and one closing byte that may be one: a few lines.
    assert_eq!(
        reach(
            r"(?i)\bcreate\s+user\b[^;\n]{0,40}password\s*'(?P<secret>[^'\n]+)'[\s;]",
            &["password"]
        ),
        (Reach::Block, Reach::Lines)
    );
    // A case-insensitive keyword written as classes still counts as held.
    assert_eq!(
        reach(r"(?i:aws)[^\n]{0,9}=(?P<secret>\w{8})", &["aws"]),
        (Reach::Block, Reach::Line)
    );
    // Written to span lines: stays a block.
    assert_eq!(
        reach(
            r"-----BEGIN KEY-----[\s\S]{0,9000}?-----END KEY-----",
            &["begin key"]
        ),
        (Reach::Block, Reach::Block)
    );
    assert_eq!(
        reach(r"(?s)token.{0,4000}end", &["token"]),
        (Reach::Block, Reach::Block)
    );
    // The keyword need not be in the match: the text's reach is kept.
    assert_eq!(
        reach(
            r"(?m)^[ \t]+\w+:[ \t]*(?P<secret>[A-Za-z0-9+/]{16,})\r?$",
            &["kind: secret"]
        ),
        (Reach::Block, Reach::Block)
    );
    // An alternative without a keyword, or an optional keyword, proves nothing.
    assert_eq!(
        reach(r"(?:aws|amazon)_key[^\n]{0,4}=(?P<secret>\w{8})", &["aws"]),
        (Reach::Block, Reach::Block)
    );
    assert_eq!(
        reach(r"(?:aws)?_key[^\n]{0,4}=(?P<secret>\w{8})", &["aws"]),
        (Reach::Block, Reach::Block)
    );
    // Already one line by its text: unchanged.
    assert_eq!(
        reach(r"ghp_[A-Za-z0-9]{36}", &["ghp_"]),
        (Reach::Line, Reach::Line)
    );
}

/// A rule narrowed to one line still finds its match in a long text, beside another
/// keyword's window, and a rule whose keyword stands apart still finds a match many lines
/// below it.
#[test]
fn narrowed_rules_find_what_they_found() {
    let d = airlock_secrets::Detector::builtin();
    let filler = "let x = compute(y);\n".repeat(40);
    let pw = format!("{}{}", "Sq7r", "xUu2zQ");
    let text = format!(
        "{filler}CREATE USER app WITH PASSWORD '{pw}';\n{filler}mysql -u root -p{pw} shop\n{filler}"
    );
    let findings = d.scan(text.as_bytes());
    let found: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule_id.as_str(), &text[f.span.start..f.span.end]))
        .collect();
    assert!(
        found.contains(&("sql-password-clause", pw.as_str())),
        "{found:?}"
    );
    assert!(
        found.contains(&("cli-password-option", pw.as_str())),
        "{found:?}"
    );
    // A Kubernetes Secret whose data is 30 lines below `kind: Secret`.
    let value = format!("{}{}", "c3VwZXJzZWNyZXQ", "tdmFsdWUtMTIzNDU2Nzg5MA==");
    let labels = "    app.example/label-n: value\n".repeat(30);
    let manifest = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  labels:\n{labels}data:\n  password: {value}\n"
    );
    let found: Vec<(String, String)> = d
        .scan(manifest.as_bytes())
        .iter()
        .map(|f| {
            (
                f.rule_id.clone(),
                manifest[f.span.start..f.span.end].to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&("kubernetes-secret-data".to_string(), value.clone())),
        "{found:?}"
    );
}
