//! `[gateway]`: where the gateway listens, which model providers it forwards to, how
//! clients authenticate, and what it does with answers. Plain data; the gateway crate
//! layers environment variables and flags on top.

use std::net::SocketAddr;

/// The kind of model provider an upstream is: it decides the wire format and how the
/// provider key is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UpstreamKind {
    /// api.openai.com: Chat Completions, Completions, Responses, Embeddings, Models.
    Openai,
    /// api.anthropic.com: Messages and token counting.
    Anthropic,
    /// Azure OpenAI: OpenAI's wire format under `/openai/deployments/{model}` with `api-key`.
    Azure,
    /// Any server speaking OpenAI's wire format (vLLM, llama.cpp, LM Studio).
    OpenaiCompatible,
    /// Ollama: its own `/api/chat` and `/api/generate`, and OpenAI's and Anthropic's formats.
    Ollama,
}

impl UpstreamKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UpstreamKind::Openai => "openai",
            UpstreamKind::Anthropic => "anthropic",
            UpstreamKind::Azure => "azure",
            UpstreamKind::OpenaiCompatible => "openai-compatible",
            UpstreamKind::Ollama => "ollama",
        }
    }
}

/// How clients prove they may use the gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GatewayAuth {
    /// Every route but `/healthz` needs a gateway key.
    Keys,
    /// No key: only for a gateway bound to loopback on a single-user machine.
    None,
}

/// What the gateway does when the answer reviewer finds insecure code in an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerReview {
    /// Add a note after the answer listing the findings.
    Annotate,
    /// Stop the answer and tell the client why.
    Block,
    /// Do not review answers.
    Off,
}

impl AnswerReview {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerReview::Annotate => "annotate",
            AnswerReview::Block => "block",
            AnswerReview::Off => "off",
        }
    }
}

/// `[[gateway.upstreams]]`: one model provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    /// Lower-case name; also the provider part of "provider/model" in `[models]`.
    pub name: String,
    pub kind: UpstreamKind,
    /// Where the provider is, without a trailing `/`, e.g. `https://api.openai.com`.
    pub base_url: String,
    /// The environment variable holding the provider key; the key itself is never in
    /// the file and never sent to clients.
    pub api_key_env: Option<String>,
    /// Model globs this upstream serves (without the provider part).
    pub models: Vec<String>,
    /// Azure's `api-version` query parameter.
    pub api_version: Option<String>,
}

/// `[gateway]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gateway {
    pub listen: SocketAddr,
    pub auth: GatewayAuth,
    /// Environment variable with comma-separated static gateway keys.
    pub keys_env: Option<String>,
    /// The audit store: a SQLite path, `sqlite://...` or `postgres://...`.
    pub audit: Option<String>,
    /// Environment variable with the secret that keys placeholders and seals the vault.
    pub secret_env: String,
    pub max_body_bytes: u64,
    pub upstream_timeout_secs: u64,
    /// How long the shared placeholder vault keeps a value (seconds); 0 turns it off.
    pub vault_ttl_secs: u64,
    pub answer_review: AnswerReview,
    /// "provider/model" that box-3 content is rerouted to instead of being blocked.
    pub box3_route: Option<String>,
    pub upstreams: Vec<Upstream>,
}

/// How long the placeholder vault keeps values by default: a day.
pub const DEFAULT_VAULT_TTL_SECS: u64 = 24 * 60 * 60;

/// The gateway's default port.
pub const DEFAULT_GATEWAY_PORT: u16 = 8787;

impl Default for Gateway {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Gateway {
            listen: SocketAddr::from(([127, 0, 0, 1], DEFAULT_GATEWAY_PORT)),
            auth: GatewayAuth::Keys,
            keys_env: Some("AIRLOCK_GATEWAY_KEYS".into()),
            audit: None,
            secret_env: "AIRLOCK_GATEWAY_SECRET".into(),
            max_body_bytes: 32 * 1024 * 1024,
            upstream_timeout_secs: 600,
            vault_ttl_secs: DEFAULT_VAULT_TTL_SECS,
            answer_review: AnswerReview::Annotate,
            box3_route: None,
            upstreams: vec![
                Upstream {
                    name: "openai".into(),
                    kind: UpstreamKind::Openai,
                    base_url: "https://api.openai.com".into(),
                    api_key_env: Some("OPENAI_API_KEY".into()),
                    models: s(&[
                        "gpt-*",
                        "o1*",
                        "o3*",
                        "o4*",
                        "chatgpt-*",
                        "codex-*",
                        "text-embedding-*",
                    ]),
                    api_version: None,
                },
                Upstream {
                    name: "anthropic".into(),
                    kind: UpstreamKind::Anthropic,
                    base_url: "https://api.anthropic.com".into(),
                    api_key_env: Some("ANTHROPIC_API_KEY".into()),
                    models: s(&["claude-*"]),
                    api_version: None,
                },
                Upstream {
                    name: "ollama".into(),
                    kind: UpstreamKind::Ollama,
                    base_url: "http://127.0.0.1:11434".into(),
                    api_key_env: None,
                    models: Vec::new(),
                    api_version: None,
                },
            ],
        }
    }
}
