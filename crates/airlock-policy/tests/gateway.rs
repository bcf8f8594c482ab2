//! The `[gateway]` section: defaults, every key, errors that point at their line, and the
//! rendered policy.

use airlock_policy::{AnswerReview, GatewayAuth, Policy, UpstreamKind};

const GATEWAY: &str = r#"version = 1

[models]
box3 = ["local/*"]

[gateway]
listen = "0.0.0.0:9000"
auth = "keys"
keys_env = "ACME_GATEWAY_KEYS"
audit = "postgres://audit@db/airlock"
secret_env = "ACME_PLACEHOLDER_SECRET"
max_body_bytes = 1048576
upstream_timeout_secs = 30
answer_review = "block"
box3_route = "local/qwen2.5-coder"

[[gateway.upstreams]]
name = "azure"
kind = "azure"
base_url = "https://acme.openai.azure.com/"
api_key_env = "AZURE_OPENAI_API_KEY"
models = ["gpt-4.1*"]
api_version = "2024-10-21"

[[gateway.upstreams]]
name = "local"
kind = "openai-compatible"
base_url = "http://127.0.0.1:8000"
"#;

#[test]
fn without_the_section_the_defaults_apply_and_nothing_is_rendered() {
    let p = Policy::parse("version = 1\n", "airlock.toml").unwrap();
    assert!(!p.has_gateway_section());
    let g = p.gateway();
    assert_eq!(g.listen.to_string(), "127.0.0.1:8787");
    assert_eq!(g.auth, GatewayAuth::Keys);
    assert_eq!(g.answer_review, AnswerReview::Annotate);
    let names: Vec<&str> = g.upstreams.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["openai", "anthropic", "ollama"]);
    assert!(!p.render_markdown().contains("## The gateway"));
}

#[test]
fn every_key_is_read() {
    let p = Policy::parse(GATEWAY, "airlock.toml").unwrap();
    let g = p.gateway();
    assert_eq!(g.listen.to_string(), "0.0.0.0:9000");
    assert_eq!(g.keys_env.as_deref(), Some("ACME_GATEWAY_KEYS"));
    assert_eq!(g.audit.as_deref(), Some("postgres://audit@db/airlock"));
    assert_eq!(g.secret_env, "ACME_PLACEHOLDER_SECRET");
    assert_eq!((g.max_body_bytes, g.upstream_timeout_secs), (1048576, 30));
    assert_eq!(g.answer_review, AnswerReview::Block);
    assert_eq!(g.box3_route.as_deref(), Some("local/qwen2.5-coder"));
    assert_eq!(g.upstreams.len(), 2);
    assert_eq!(g.upstreams[0].kind, UpstreamKind::Azure);
    assert_eq!(g.upstreams[0].base_url, "https://acme.openai.azure.com");
    assert_eq!(g.upstreams[1].api_key_env, None);
    let md = p.render_markdown();
    assert!(md.contains("## The gateway"), "{md}");
    assert!(
        md.contains("| `azure` | azure | `https://acme.openai.azure.com` | `gpt-4.1*` |"),
        "{md}"
    );
    assert!(
        md.contains("Requests with box 3 content go only to `local/qwen2.5-coder`"),
        "{md}"
    );
    assert!(
        md.contains("answers with insecure code are stopped"),
        "{md}"
    );
}

fn error(text: &str) -> String {
    Policy::parse(text, "airlock.toml")
        .expect_err("the policy should be refused")
        .to_string()
}

#[test]
fn mistakes_point_at_their_line() {
    let e = error("[gateway]\nlisten = \"localhost\"\n");
    assert!(e.starts_with("airlock.toml:2:"), "{e}");
    assert!(e.contains("not an address to listen on"), "{e}");

    let e = error("[gateway]\nlistn = \"127.0.0.1:1\"\n");
    assert!(e.contains("did you mean `listen`"), "{e}");

    let e = error("[gateway]\n\n[[gateway.upstreams]]\nname = \"x\"\nkind = \"openai\"\nbase_url = \"https://x\"\napi_key_env = \"sk-live-abc\"\n");
    assert!(e.starts_with("airlock.toml:7:"), "{e}");
    assert!(e.contains("never write a key into this file"), "{e}");

    let e = error("[gateway]\n\n[[gateway.upstreams]]\nname = \"x\"\nkind = \"gemini\"\nbase_url = \"https://x\"\n");
    assert!(e.starts_with("airlock.toml:5:"), "{e}");

    let e = error("[gateway]\n[[gateway.upstreams]]\nname = \"a\"\nkind = \"openai\"\nbase_url = \"https://a\"\n[[gateway.upstreams]]\nname = \"a\"\nkind = \"openai\"\nbase_url = \"https://b\"\n");
    assert!(e.contains("duplicate upstream name `a`"), "{e}");
    assert!(e.starts_with("airlock.toml:7:"), "{e}");

    let e = error("[gateway]\n[[gateway.upstreams]]\nname = \"a\"\nkind = \"openai\"\nbase_url = \"api.openai.com\"\n");
    assert!(e.contains("is not a base URL"), "{e}");

    let e = error("[gateway]\n[[gateway.upstreams]]\nname = \"az\"\nkind = \"azure\"\nbase_url = \"https://a\"\n");
    assert!(e.contains("needs `api_version`"), "{e}");

    let e = error("[gateway]\nbox3_route = \"nowhere/model\"\n");
    assert!(e.contains("box3_route names no upstream `nowhere`"), "{e}");

    let e = error("[gateway]\nmax_body_bytes = 0\n");
    assert!(e.starts_with("airlock.toml:2:"), "{e}");
}
