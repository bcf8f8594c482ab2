//! Starts the fake provider and a real gateway on loopback ports, wired together through
//! the same environment variables a deployment uses.

use std::collections::HashMap;
use std::sync::Arc;

use airlock_gateway::{AnswerReviewer, Gateway, GatewayConfig, Overrides};
use airlock_policy::Policy;
use airlock_secrets::{builtin_specs, Detector, DetectorConfig};
use tokio::sync::oneshot;

use crate::fake::{self, Fake};

pub const GATEWAY_KEY: &str = "gw-test-FAKEFAKEFAKE";
pub const OPENAI_KEY: &str = "sk-test-FAKEFAKEFAKEFAKE";
pub const ANTHROPIC_KEY: &str = "sk-ant-test-FAKEFAKEFAKE";
/// Personal data (box 2 by default): redacted and restored.
pub const EMAIL: &str = "jane.doe@airlock-fixture.dev";
/// An AWS key id (box 3 by default): blocked. Synthetic, in the rules' fixture style.
pub const AWS_KEY: &str = "AKIA2AIRLOCKTEST7QZX";

pub struct Env {
    pub base: String,
    pub fake: Fake,
    pub fake_url: String,
    pub http: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    pub server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Env {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A POST with the gateway key, as an SDK sends it.
    pub async fn post(&self, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.http
            .post(self.url(path))
            .bearer_auth(GATEWAY_KEY)
            .json(&body)
            .send()
            .await
            .expect("the gateway answers")
    }

    pub async fn post_anthropic(&self, body: serde_json::Value) -> reqwest::Response {
        self.http
            .post(self.url("/v1/messages"))
            .header("x-api-key", GATEWAY_KEY)
            .header("anthropic-version", "2023-06-01")
            .header("anthropic-beta", "interleaved-thinking-2025-05-14")
            .json(&body)
            .send()
            .await
            .expect("the gateway answers")
    }

    /// Stops accepting connections and waits for the server to drain.
    pub async fn shutdown(&mut self) {
        if let Some(s) = self.shutdown.take() {
            let _ = s.send(());
        }
        if let Some(h) = self.server.take() {
            h.await.unwrap().unwrap();
        }
    }
}

pub struct Setup {
    pub policy: String,
    pub env: HashMap<String, String>,
    pub flags: Overrides,
    pub reviewer: Option<Arc<dyn AnswerReviewer>>,
}

impl Default for Setup {
    fn default() -> Self {
        let mut env = HashMap::new();
        env.insert("AIRLOCK_GATEWAY_KEYS".into(), GATEWAY_KEY.into());
        env.insert("OPENAI_API_KEY".into(), OPENAI_KEY.into());
        env.insert("ANTHROPIC_API_KEY".into(), ANTHROPIC_KEY.into());
        env.insert(
            "AIRLOCK_GATEWAY_SECRET".into(),
            "test-secret-0123456789".into(),
        );
        Setup {
            policy: "version = 1\n".into(),
            env,
            flags: Overrides::default(),
            reviewer: None,
        }
    }
}

pub fn detector(policy: &Policy) -> Detector {
    let mut specs = builtin_specs().unwrap();
    specs.extend(policy.detector_rules());
    specs.retain(|s| policy.is_rule_enabled(&s.id));
    Detector::new(
        specs,
        DetectorConfig {
            honor_allow_comments: false,
            ..DetectorConfig::default()
        },
    )
    .unwrap()
}

pub async fn start(mut setup: Setup) -> Env {
    let (fake_url, fake) = fake::start().await;
    for name in ["OPENAI", "ANTHROPIC", "OLLAMA"] {
        setup
            .env
            .entry(format!("AIRLOCK_UPSTREAM_{name}_URL"))
            .or_insert_with(|| fake_url.clone());
    }
    let policy = Policy::parse(&setup.policy, "airlock.toml").expect("test policy parses");
    let env = setup.env.clone();
    let mut config =
        GatewayConfig::resolve(policy.gateway(), &|k| env.get(k).cloned(), &setup.flags)
            .expect("test config resolves");
    config.listen = "127.0.0.1:0".parse().unwrap();
    let det = detector(&policy);
    let gw = Gateway::new(config, policy, det, setup.reviewer)
        .await
        .expect("gateway builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = oneshot::channel::<()>();
    let server = tokio::spawn(gw.serve(listener, async move {
        let _ = rx.await;
    }));
    Env {
        base: format!("http://{addr}"),
        fake,
        fake_url,
        http: reqwest::Client::new(),
        shutdown: Some(tx),
        server: Some(server),
    }
}

pub async fn start_default() -> Env {
    start(Setup::default()).await
}

/// Reads an SSE body into (event, data) pairs.
pub fn sse_events(text: &str) -> Vec<(Option<String>, String)> {
    text.split("\n\n")
        .filter(|e| !e.trim().is_empty())
        .map(|e| {
            let mut name = None;
            let mut data = String::new();
            for l in e.lines() {
                if let Some(v) = l.strip_prefix("event: ") {
                    name = Some(v.to_string());
                } else if let Some(v) = l.strip_prefix("data: ") {
                    data.push_str(v);
                }
            }
            (name, data)
        })
        .collect()
}
