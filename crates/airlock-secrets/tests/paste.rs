//! What developers paste into an assistant: each fix made for the paste guard, as a
//! vulnerable text (the secret must be found whole) and its safe twin (nothing, or less).

use airlock_secrets::{redact, Detector, RedactionMap};
use airlock_types::Kind;

fn detector() -> &'static Detector {
    static D: std::sync::OnceLock<Detector> = std::sync::OnceLock::new();
    D.get_or_init(Detector::builtin)
}

/// The secrets found (personal data and addresses are their own kinds).
fn values(text: &str) -> Vec<String> {
    detector()
        .scan(text.as_bytes())
        .into_iter()
        .filter(|f| !f.kind.restorable())
        .map(|f| text[f.span.start..f.span.end].to_string())
        .collect()
}

fn redacted(text: &str) -> String {
    let findings = detector().scan(text.as_bytes());
    let r = redact(text.as_bytes(), &findings, &mut RedactionMap::default());
    String::from_utf8(r.output).unwrap()
}

#[test]
fn a_whole_line_assignment_value_runs_to_the_next_space() {
    // `.env`, `export`, compose list items, YAML: `&`, `)` and `]` belong to the value.
    for (text, want) in [
        (
            "POSTGRES_PASSWORD=Fixture&Granite4730",
            "Fixture&Granite4730",
        ),
        (
            "SECRET_KEY=1cx^zv)1r04x65=_gml-cqw+9gapt1m+nux_*!hv#yj_tgnzq8",
            "1cx^zv)1r04x65=_gml-cqw+9gapt1m+nux_*!hv#yj_tgnzq8",
        ),
        (
            "      - MYSQL_PASSWORD=Synth&Fixture]42",
            "Synth&Fixture]42",
        ),
        (
            "export DJANGO_SECRET_KEY=k#8v(q)1r04x65=_gml-cqw+9gapt1m+nux_*!hv;",
            "k#8v(q)1r04x65=_gml-cqw+9gapt1m+nux_*!hv",
        ),
        ("  password: Fixture&Pw%2931", "Fixture&Pw%2931"),
    ] {
        assert_eq!(values(text), [want], "{text}");
    }
    // Inside a line, the old delimiters stand: a query string, an object literal, a call.
    assert_eq!(
        values("curl 'https://api.airlock-fixture.dev/x?user=ops&password=Fixture9Pw&ssl=1'"),
        ["Fixture9Pw"]
    );
    assert_eq!(
        values("connect(host, password=Fixture9Pw, port=5432)"),
        ["Fixture9Pw"]
    );
    // A whole-line assignment of an identifier or an expression is still not a literal.
    for text in [
        "  pass: someVariable,",
        // A type annotation in a struct: the line holds a field, not a value.
        "    password: Option<BoxNumber>,",
        "    password: HashMap<String, Vec<u8>>,",
        "export DB_PASSWORD=$(cat /run/secrets/db);",
        "DB_PASSWORD=${DB_PASSWORD}",
        "db_password: ENC[AES256_GCM,data:W3PiZ6lD6bpfAdI=,iv:2qF98ZkchgfWF4tZo8fok6zY0ZLNRV3wFpl8n2iyC7I=,tag:FzoL+CZHkLEqfWKniRApBA==,type:str]",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}

#[test]
fn a_dotted_password_is_a_literal_when_its_pieces_are_random() {
    assert_eq!(values("MYSQL_PASSWORD=h0VFBa72D.0xTa"), ["h0VFBa72D.0xTa"]);
    for text in [
        "password = config.db_password",
        "MYSQL_PASSWORD=settings.MysqlPassword",
        "password: app.secrets.database",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}

#[test]
fn a_parameter_expansion_names_a_variable() {
    for text in [
        "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}",
        "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-Fixture9Pw}",
        "DATABASE_URL=postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db:5432/app",
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
    assert_eq!(
        values("      POSTGRES_PASSWORD: Fixture-Pw-2931"),
        ["Fixture-Pw-2931"]
    );
}

#[test]
fn masked_values_and_interface_labels_are_not_secrets() {
    for text in [
        "password: ••••••••",
        "api_key: ●●●●●●●●●●",
        r#"  "login.password": "Passwort","#,
        r#"  "login.forgot_password": "Passwort vergessen?","#,
        r#"  "settings.api_key": "API-Schlüssel","#,
        r#"  "reset.password": "Mot de passe oublié","#,
        r#"  "login.password_hint": "Forgot password?","#,
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
    for (text, want) in [
        ("password: •Fixture9Pw", "•Fixture9Pw"),
        (r#"  "password": "Passwort2931!","#, "Passwort2931!"),
    ] {
        assert_eq!(values(text), [want], "{text}");
    }
}

#[test]
fn a_public_key_is_not_a_key() {
    assert!(
        values("# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")
            .is_empty()
    );
    assert_eq!(
        values("# secret key: q3Zt8WmK2pV9xR4nB7cL1yH6fJ0sD5gA"),
        ["q3Zt8WmK2pV9xR4nB7cL1yH6fJ0sD5gA"]
    );
}

#[test]
fn rails_secret_key_base() {
    let key = "fcd2402541c15aab96f644296e35f52f4501e6b6d9d2d85664620b6447b98f7d";
    assert_eq!(values(&format!("  secret_key_base: {key}")), [key]);
    assert!(values(r#"  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>"#).is_empty());
}

#[test]
fn a_dense_random_salt_holding_template_characters_is_still_random() {
    // WordPress salts draw from all printable characters: `{{`, `${` or a leading `%` in
    // them are chance.
    for salt in [
        "2Tp,@?*bG5x?}H`G>0?TC92fj^[Pd_6=m{{<x:7_bQZZ[pz;Pj=6[CkN/qzQ8s}n",
        "%bl&@5=s6ucpPl{[.ZIp`3+^3*E,4;MRdgMGdO},h{g#s39Rn+Zb~z5{FS$t]u4O",
    ] {
        let text = format!("define( 'SECURE_AUTH_KEY',  '{salt}' );");
        assert_eq!(values(&text), [salt], "{text}");
    }
    for text in [
        "define( 'AUTH_KEY', '{{ wp_auth_key }}' );",
        "define( 'AUTH_KEY', 'put your unique phrase here' );",
        "define( 'AUTH_KEY', '${WORDPRESS_AUTH_KEY}' );",
        // Dense, but a sequence: a sample.
        r#"oauth_token = "APP7F9K2M4P6Q8R1.v1.XYZ123_ABC-DEF456_GHI789.abcdef1234567890abcdef""#,
    ] {
        assert!(values(text).is_empty(), "{text}: {:?}", values(text));
    }
}

#[test]
fn every_occurrence_of_a_found_secret_is_redacted() {
    let text = r#"services:
  cache:
    command: redis-server --requirepass qX7_rD3s-9QmZ --appendonly yes
    healthcheck:
      test: ["CMD", "redis-cli", "-a", "qX7_rD3s-9QmZ", "ping"]
  mysql:
    environment:
      - MYSQL_ROOT_PASSWORD=Sv3t.Rk0w-P8yj
      - WORDPRESS_DB_PASSWORD=Sv3t.Rk0w-P8yj
"#;
    let out = redacted(text);
    assert!(!out.contains("qX7_rD3s-9QmZ"), "{out}");
    assert!(!out.contains("Sv3t.Rk0w-P8yj"), "{out}");
    // One value, one placeholder, wherever it stands.
    assert_eq!(out.matches("[[PASSWORD_1]]").count(), 2, "{out}");
    assert!(
        out.contains(r#""redis-cli", "-a", "[[PASSWORD_1]]", "ping"]"#),
        "{out}"
    );

    // Only whole occurrences: not inside a longer token, not short values, not personal
    // data, not on a line marked allowed.
    let text = "API_TOKEN=Tk9mP3vN7qR2xW4z\nother = Tk9mP3vN7qR2xW4zExtra\n";
    assert_eq!(values(text), ["Tk9mP3vN7qR2xW4z"]);
    let text = "DB_PASSWORD=Pw9!x\nlabel: Pw9!x\n";
    assert_eq!(values(text), ["Pw9!x"]);
    let text = "API_TOKEN=Tk9mP3vN7qR2xW4z\necho Tk9mP3vN7qR2xW4z # airlock:allow fixture\n";
    assert_eq!(values(text), ["Tk9mP3vN7qR2xW4z"]);
    let found = detector()
        .scan(b"owner: jane.fixture@airlock-fixture.dev\ncc: jane.fixture@airlock-fixture.dev\n");
    assert!(found.iter().all(|f| f.kind == Kind::PersonalData));
    assert_eq!(found.len(), 2);
}

#[test]
fn an_azure_connection_string_keeps_its_account_and_endpoint() {
    let key =
        "AirlockSyntheticFixture0nyXxeEQK+t7Y/ztzbBLMKk+8am4goAhDgvr9uLGgNWDJUQlk+Yej/PLCsfkcdm==";
    let text = format!(
        "DefaultEndpointsProtocol=https;AccountName=airlockfixture;AccountKey={key};EndpointSuffix=core.windows.net"
    );
    assert_eq!(values(&text), [key]);
    let out = redacted(&text);
    assert!(
        out.starts_with("DefaultEndpointsProtocol=https;AccountName=airlockfixture;AccountKey=[["),
        "{out}"
    );
    assert!(out.ends_with("]];EndpointSuffix=core.windows.net"), "{out}");

    let sb = "AirlockSynthFixtureuRi7B60vYC+qP1jBofPAeZB9=";
    let text = format!(
        "Endpoint=sb://airlock-fixture.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={sb}"
    );
    assert_eq!(values(&text), [sb]);
    // Without a key there is nothing to report.
    assert!(values("DefaultEndpointsProtocol=https;AccountName=airlockfixture;AccountKey=<your-account-key>;EndpointSuffix=core.windows.net").is_empty());
}
