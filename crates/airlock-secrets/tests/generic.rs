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

/// Environment variables written as `name`/`value` pairs (Kubernetes, ECS, Helm): the value
/// belongs to the name given beside it.
#[test]
fn name_value_pairs() {
    let cases = [
        (
            "env:\n  - name: CO_API_KEY\n    value: \"Qm7vXc2LpR9sKd4TzW8nHb3Jy6Gf1Ae5\"\n",
            "Qm7vXc2LpR9sKd4TzW8nHb3Jy6Gf1Ae5",
        ),
        (
            "        - name: DB_PASSWORD\n          value: Fixture-9f3kQ2v\n",
            "Fixture-9f3kQ2v",
        ),
        (
            r#"{"name": "STRIPE_SECRET_KEY", "value": "Zk4mQ8vN2xL7pR3tY9wB6cH1"}"#,
            "Zk4mQ8vN2xL7pR3tY9wB6cH1",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(values(text), [want], "{text}");
    }
    for text in [
        // The value comes from a Secret: nothing is written here.
        "  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n",
        // A list of names, and a name that is not a `name` key's value.
        "  - name: API_TOKEN\n  - name: OTHER\n",
        "username: DB_PASSWORD\nvalue: Fixture-9f3kQ2v\n",
        // A public or id value keeps its meaning.
        "  - name: AUTH_TOKEN\n    value: \"${AUTH_TOKEN}\"\n",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}

/// An unquoted value without digits is a literal in configuration syntax when it looks
/// random, and a reference when it reads as a name.
#[test]
fn unquoted_values_without_digits() {
    assert_eq!(
        values("apikey: QXNkZmhqa2xQcWVy_WzXvYt\n"),
        ["QXNkZmhqa2xQcWVy_WzXvYt"]
    );
    assert_eq!(
        values("export DEPLOY_TOKEN=QXNkZmhqa2xQcWVy_WzXvYt\n"),
        ["QXNkZmhqa2xQcWVy_WzXvYt"]
    );
    for text in [
        "token = get_session_token\n",
        "secret_key = settings.SECRET_KEY\n",
        "api_key: ApiKeyFromVault\n",
        "      key: playbook_on_no_hosts_matched_msg\n",
        "  - key: ui_changepwd_confirmpwd_label\n",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}

/// XML element text is a literal, even when it has no digits.
#[test]
fn xml_element_text() {
    assert_eq!(
        values("<settings>\n<password>plainSecret</password>\n</settings>\n"),
        ["plainSecret"]
    );
    for text in [
        "<password>${db.password}</password>\n",
        "<password>password</password>\n",
        "<passphrase>gpgPassphrase</passphrase>\n",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}

/// Format strings are templates, not secrets.
#[test]
fn format_templates() {
    for text in [
        r#"format_password = "prefix_{}".format(dynamic_value1)"#,
        r#"format_password = "prefix_{0}".format(dynamic_value2)"#,
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
    assert_eq!(values(r#"password = "Pr3fix{Xk9mQ2""#), ["Pr3fix{Xk9mQ2"]);
}

/// A secret word with a number after it is still that word: `VisionKey2`, `api_token1`.
#[test]
fn numbered_secret_names() {
    assert_eq!(
        values("const string VisionKey2 = \"c3d9f1a7e5b24680a1c3e5f7b9d2e4f6\";\n"),
        ["c3d9f1a7e5b24680a1c3e5f7b9d2e4f6"]
    );
    assert_eq!(
        values("API_TOKEN_1=Qw7mZ2kT9xN4vB1pL6hR3sD8\n"),
        ["Qw7mZ2kT9xN4vB1pL6hR3sD8"]
    );
    // The numbered word still has to be a secret word: `sha256`, `keyboard2` are not.
    for text in [
        "const string sha256 = \"c3d9f1a7e5b24680a1c3e5f7b9d2e4f6\";\n",
        "keyboard2 = \"Qw7mZ2kT9xN4vB1pL6hR3sD8\"\n",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}

/// Interface text under a password name (a translation file's labels and messages) is not a
/// password; a passphrase may be a sentence, and a password with a digit or a symbol is one.
#[test]
fn interface_text_is_not_a_password() {
    for text in [
        "  \"one_time_password\": \"Engangskode:\",\n",
        "  \"sendOneTimePassword\": \"Send engangskode\",\n",
        "  \"intro_new_password\": \"Lag et nytt passord og skriv det inn her. Passordet må ha minst 6 tegn.\",\n",
        "  \"createPassword\": \"Opprett et passord, minst 6 tegn.\",\n",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
    assert_eq!(
        values("  \"admin_password\": \"Send3ngangskode!\",\n"),
        ["Send3ngangskode!"]
    );
    assert_eq!(
        values("passphrase: \"hello, le soleil brille, brille, brille!\"\n"),
        ["hello, le soleil brille, brille, brille!"]
    );
}

/// Swift and Kotlin optionals: `name: Type! = expression` declares, it assigns no literal.
#[test]
fn optional_type_annotations() {
    assert!(values("var txtFieldPassword: UITextField! = nil\n").is_empty());
    assert!(values("var password: String? = nil\n").is_empty());
    assert_eq!(
        values("var password: String? = \"Qw7mZ2kT9x!\"\n"),
        ["Qw7mZ2kT9x!"]
    );
    // A base64 value ends in `=` with no space before it: still a value.
    assert_eq!(
        values("api_key: UXc3bVoya1Q5eE40dkIxcEw2aFIz==\n"),
        ["UXc3bVoya1Q5eE40dkIxcEw2aFIz=="]
    );
}

/// A label word before the secret (a Jenkins `credentials.xml` `<secret>{svc ... <secret>}`,
/// `Token <secret>`) and a literal written inside `${...}` (no variable name starts with a
/// digit): the value is reported. Variable references, positional parameters, public keys,
/// labelled digests and sentences stay quiet.
#[test]
fn label_words_and_literals_in_expansion_braces() {
    let cases = [
        (
            "<secret>{svc AQAAABAAA Kq7Rm2Xv9Tz4Lp8Wn3Bc6Hd1Fj5Gy0Qs}</secret>",
            "Kq7Rm2Xv9Tz4Lp8Wn3Bc6Hd1Fj5Gy0Qs",
        ),
        (
            "api_token: \"Token Kq7Rm2Xv9Tz4Lp8Wn3Bc6Hd1Fj5Gy0Qs\"",
            "Kq7Rm2Xv9Tz4Lp8Wn3Bc6Hd1Fj5Gy0Qs",
        ),
        (
            "npmAuthToken: \"${7E3A19C4-52BD-4F08-9A6E-D1C08B35F2A7}\"",
            "7E3A19C4-52BD-4F08-9A6E-D1C08B35F2A7",
        ),
    ];
    for (text, want) in cases {
        let found = values(text);
        assert!(
            found.len() == 1 && found[0].contains(want),
            "{text}: {found:?}"
        );
    }
    for text in [
        "api_token: \"${API_TOKEN}\"",
        "api_token: \"${{ secrets.API_TOKEN }}\"",
        "password: ${1}",
        "key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq7Rm2Xv9Tz4Lp8Wn3Bc6Hd1 user@host",
        "secret: sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "secret = \"rotate with the admin tool, see Kq7Rm2Xv9Tz4Lp8Wn3Bc6Hd1Fj5Gy0Qs\"",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}
