//! `airlock gateway`: runs the gateway between coding assistants and model providers;
//! `airlock gateway setup` prints how to point each assistant at it.

use std::net::SocketAddr;
use std::process::ExitCode;

use std::sync::Arc;

use airlock_gateway::config::parse_review;
use airlock_gateway::{Gateway, GatewayConfig, Overrides};
use airlock_policy::{AnswerReview, GatewayAuth};
use airlock_secrets::DetectorConfig;
use anyhow::{bail, Context as _, Result};
use clap::{Args, Subcommand, ValueEnum};

use crate::context::Context;
use crate::GlobalArgs;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct GatewayArgs {
    #[command(subcommand)]
    command: Option<GatewayCommand>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand)]
enum GatewayCommand {
    /// Print the settings that point each coding assistant and SDK at the gateway.
    Setup(SetupArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum AuthArg {
    Keys,
    None,
}

#[derive(Args)]
struct RunArgs {
    /// Address to listen on [env: AIRLOCK_GATEWAY_LISTEN] [file: gateway.listen] [default: 127.0.0.1:8787]
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// Whether clients need a gateway key [env: AIRLOCK_GATEWAY_AUTH] [default: keys]
    #[arg(long, value_enum)]
    auth: Option<AuthArg>,
    /// Audit store: SQLite path, sqlite://... or postgres://... [env: AIRLOCK_GATEWAY_AUDIT,
    /// AIRLOCK_DATABASE_URL] [default: the data folder's airlock-audit.db]
    #[arg(long, value_name = "URL")]
    audit: Option<String>,
    /// What to do when the answer reviewer finds insecure code: annotate, block or off
    /// [env: AIRLOCK_GATEWAY_ANSWER_REVIEW]
    #[arg(long, value_name = "MODE", value_parser = parse_review_arg)]
    answer_review: Option<AnswerReview>,
    /// Largest request body accepted, in bytes [env: AIRLOCK_GATEWAY_MAX_BODY_BYTES]
    #[arg(long, value_name = "BYTES")]
    max_body_bytes: Option<u64>,
    /// Seconds to wait for an upstream to answer or send the next chunk
    /// [env: AIRLOCK_GATEWAY_UPSTREAM_TIMEOUT_SECS]
    #[arg(long, value_name = "SECS")]
    upstream_timeout_secs: Option<u64>,
    /// Seconds the shared placeholder vault (in the audit database) keeps a value, so that
    /// every instance can restore it; 0 turns the vault off [env: AIRLOCK_GATEWAY_VAULT_TTL_SECS]
    /// [default: 86400]
    #[arg(long, value_name = "SECS")]
    vault_ttl_secs: Option<u64>,
    /// Point an upstream elsewhere: NAME=URL, repeatable [env: AIRLOCK_UPSTREAM_<NAME>_URL]
    #[arg(long = "upstream", value_name = "NAME=URL")]
    upstreams: Vec<String>,
}

fn parse_review_arg(s: &str) -> Result<AnswerReview, String> {
    parse_review(s).ok_or_else(|| "expected annotate, block or off".to_string())
}

#[derive(Args)]
struct SetupArgs {
    /// The gateway's URL as clients reach it [default: from the listen address]
    #[arg(long)]
    url: Option<String>,
}

pub fn run(global: &GlobalArgs, args: GatewayArgs) -> Result<ExitCode> {
    match args.command {
        Some(GatewayCommand::Setup(s)) => setup(global, s),
        None => serve(global, args.run),
    }
}

fn overrides(a: &RunArgs) -> Result<Overrides> {
    let mut upstream_urls = Vec::new();
    for u in &a.upstreams {
        let Some((name, url)) = u.split_once('=') else {
            bail!("--upstream {u}: write NAME=URL, e.g. --upstream ollama=http://127.0.0.1:11434");
        };
        upstream_urls.push((name.trim().to_string(), url.trim().to_string()));
    }
    Ok(Overrides {
        listen: a.listen,
        auth: a.auth.map(|a| match a {
            AuthArg::Keys => GatewayAuth::Keys,
            AuthArg::None => GatewayAuth::None,
        }),
        audit: a.audit.clone(),
        answer_review: a.answer_review,
        max_body_bytes: a.max_body_bytes,
        upstream_timeout_secs: a.upstream_timeout_secs,
        vault_ttl_secs: a.vault_ttl_secs,
        upstream_urls,
        default_audit: airlock_audit::default_database_path().map(|p| p.display().to_string()),
    })
}

fn serve(global: &GlobalArgs, a: RunArgs) -> Result<ExitCode> {
    let ctx = Context::load(global)?;
    let flags = overrides(&a)?;
    let config = GatewayConfig::resolve(ctx.policy.gateway(), &|k| std::env::var(k).ok(), &flags)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Some(url) = &config.audit {
        if let Ok(airlock_audit::DatabaseLocation::Sqlite(path)) =
            airlock_audit::DatabaseLocation::parse(url)
        {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating the audit folder {}", dir.display()))?;
            }
        }
    }
    // In prompts an `airlock:allow` comment is text like any other: it must not turn
    // detection off for what is sent to a model.
    let detector = ctx.detector(DetectorConfig {
        honor_allow_comments: false,
        ..DetectorConfig::default()
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listen = config.listen;
        let secret_from_env = config.secret_from_env;
        let secret_env = ctx.policy.gateway().secret_env.clone();
        let gateway = Gateway::new(
            config,
            ctx.policy,
            detector,
            Some(Arc::new(CodeReviewer::default())),
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        let addr = listener.local_addr()?;
        eprintln!("airlock gateway: listening on http://{addr}");
        if !secret_from_env {
            eprintln!(
                "airlock gateway: {secret_env} is not set; placeholders are keyed with a random \
                 secret and change when the gateway restarts"
            );
        }
        gateway.serve(listener, shutdown_signal()).await?;
        eprintln!("airlock gateway: stopped");
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("airlock gateway: shutting down, letting requests in flight finish");
}

fn setup(global: &GlobalArgs, a: SetupArgs) -> Result<ExitCode> {
    let ctx = Context::load(global)?;
    let url = match a.url {
        Some(u) => u.trim_end_matches('/').to_string(),
        None => {
            let listen = std::env::var("AIRLOCK_GATEWAY_LISTEN")
                .ok()
                .and_then(|v| v.parse::<SocketAddr>().ok())
                .unwrap_or(ctx.policy.gateway().listen);
            let host = if listen.ip().is_unspecified() {
                "127.0.0.1".to_string()
            } else if listen.is_ipv6() {
                format!("[{}]", listen.ip())
            } else {
                listen.ip().to_string()
            };
            format!("http://{host}:{}", listen.port())
        }
    };
    print!("{}", setup_text(&url));
    Ok(ExitCode::SUCCESS)
}

/// The settings for each assistant, pointing at `url`.
pub fn setup_text(url: &str) -> String {
    format!(
        r#"# airlock gateway at {url}
# Each client uses a gateway key (from `airlock keys create --user NAME`, or one of
# AIRLOCK_GATEWAY_KEYS) in place of the provider's API key. The provider keys stay with
# the gateway (OPENAI_API_KEY, ANTHROPIC_API_KEY in its environment).
export AIRLOCK_GATEWAY_KEY=...   # your gateway key

## Claude Code
export ANTHROPIC_BASE_URL={url}
export ANTHROPIC_AUTH_TOKEN="$AIRLOCK_GATEWAY_KEY"

## Codex CLI (~/.codex/config.toml)
model_provider = "airlock"
model = "gpt-5-codex"

[model_providers.airlock]
name = "airlock"
base_url = "{url}/v1"
env_key = "AIRLOCK_GATEWAY_KEY"
wire_api = "responses"

## aider
export OPENAI_API_BASE={url}/v1
export OPENAI_API_KEY="$AIRLOCK_GATEWAY_KEY"
aider --model openai/gpt-4.1
# Claude models through the gateway:
export ANTHROPIC_API_BASE={url}
export ANTHROPIC_API_KEY="$AIRLOCK_GATEWAY_KEY"
aider --model anthropic/claude-sonnet-4-5

## Continue (~/.continue/config.yaml)
models:
  - name: GPT-4.1 via airlock
    provider: openai
    model: gpt-4.1
    apiBase: {url}/v1
    apiKey: ${{{{ secrets.AIRLOCK_GATEWAY_KEY }}}}
  - name: Claude via airlock
    provider: anthropic
    model: claude-sonnet-4-5
    apiBase: {url}/v1/
    apiKey: ${{{{ secrets.AIRLOCK_GATEWAY_KEY }}}}

## llm (extra-openai-models.yaml in `dirname "$(llm logs path)"`)
- model_id: airlock-gpt-4.1
  model_name: gpt-4.1
  api_base: {url}/v1
  api_key_name: airlock
# then: llm keys set airlock  (paste the gateway key)

## OpenAI SDK (Python)
from openai import OpenAI
client = OpenAI(base_url="{url}/v1", api_key=os.environ["AIRLOCK_GATEWAY_KEY"])

## Anthropic SDK (Python)
from anthropic import Anthropic
client = Anthropic(base_url="{url}", api_key=os.environ["AIRLOCK_GATEWAY_KEY"])

## Ollama clients
export OLLAMA_HOST={url}
"#
    )
}

/// The gateway's answer review: the code analyzer on each fenced block of the answer.
#[derive(Default)]
pub struct CodeReviewer {
    analyzer: airlock_code::Analyzer,
}

impl airlock_gateway::AnswerReviewer for CodeReviewer {
    fn review(&self, answer_markdown: &str) -> Vec<airlock_gateway::AnswerFinding> {
        airlock_code::review_markdown(&self.analyzer, answer_markdown)
            .into_iter()
            .filter(|b| b.finding.confidence >= airlock_types::Confidence::Medium)
            .map(|b| airlock_gateway::AnswerFinding {
                rule_id: b.finding.rule_id,
                title: b.finding.title,
                cwe: Some(b.finding.cwe),
                severity: b.finding.severity,
                line: b.answer_line,
                message: b.finding.message,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use airlock_gateway::AnswerReviewer;

    use super::CodeReviewer;

    #[test]
    fn reviews_code_blocks_of_an_answer_with_answer_lines() {
        let answer = "Here is the handler:\n\n```python\nfrom flask import request\ndef find(cur):\n    cur.execute(\"SELECT * FROM t WHERE n = '\" + request.args['n'] + \"'\")\n```\n\nAnd a safe one:\n\n```\ndef add(a, b):\n    return a + b\n```\n";
        let found = CodeReviewer::default().review(answer);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule_id, "sql-injection");
        assert_eq!(found[0].cwe, Some(89));
        assert_eq!(found[0].line, 6);
    }
}
