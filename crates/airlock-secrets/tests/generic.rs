//! The generic assignment detector through the public API, on syntaxes that need more
//! than `name = "value"`.

use airlock_secrets::Detector;

/// What the detector reports as a secret (personal data such as an email is its own kind).
fn values(text: &str) -> Vec<String> {
    Detector::builtin()
        .scan(text.as_bytes())
        .into_iter()
        .filter(|f| f.kind != airlock_types::Kind::PersonalData)
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}

#[test]
fn fallbacks_annotations_and_escaped_quotes() {
    let cases = [
        (
            r#"PASSWORD = os.environ.get("PASSWORD") or "at5G6zi!m""#,
            "at5G6zi!m",
        ),
        (
            r#"if SECRET := getenv("DB_SECRET", "Gh3imN1s-Xq9Lw2Tz"):"#,
            "Gh3imN1s-Xq9Lw2Tz",
        ),
        (r#"val password: String = "exord13Paw64""#, "exord13Paw64"),
        (r#"def connect(passwd: str = "cq2tPr1a2"):"#, "cq2tPr1a2"),
        (
            r#"<a href="?token=&quot;g1re0g1T0keN3zWx&quot;">"#,
            "g1re0g1T0keN3zWx",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(values(text), [want], "{text}");
    }
    for text in [
        r#"token = os.environ.get("TOKEN") or default_token"#,
        r#"password = env.get("PASSWORD", "")"#,
        r#"pc.password = provider["password"] or self._play_context.password"#,
        r#"'User-Name', 'User-Password', 'CHAP-Password', 'NAS-IP-Address'"#,
        "/// DFA](crate::dfa::onepass::DFA) can handle",
        "api_token: e31060a7-21fc-e277-6240-25983c6c4592",
        "password: my@user.com",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}
