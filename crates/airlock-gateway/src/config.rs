//! The gateway's resolved configuration: the policy file's `[gateway]` section with
//! environment variables (`AIRLOCK_GATEWAY_*`) and flags layered on top, in that order of
//! precedence (flags > environment > file > defaults), and the secrets it names read from
//! the environment.

use std::net::SocketAddr;
use std::time::Duration;

use airlock_policy::{AnswerReview, Gateway, GatewayAuth, Upstream};
use airlock_types::Redacted;

use crate::error::ConfigError;

/// Values given on the command line; each overrides the environment and the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub listen: Option<SocketAddr>,
    pub auth: Option<GatewayAuth>,
    pub audit: Option<String>,
    pub answer_review: Option<AnswerReview>,
    pub max_body_bytes: Option<u64>,
    pub upstream_timeout_secs: Option<u64>,
    pub vault_ttl_secs: Option<u64>,
    /// `NAME=URL`: replaces the base URL of the upstream NAME.
    pub upstream_urls: Vec<(String, String)>,
    /// The audit store used when neither flags, environment nor file name one (the CLI
    /// passes the data folder's database, the one `airlock audit` reads).
    pub default_audit: Option<String>,
}

/// One upstream with its key read from the environment.
#[derive(Debug, Clone)]
pub struct UpstreamConfig {
    pub spec: Upstream,
    /// The provider key; `None` when the upstream needs none (a local server).
    pub api_key: Option<Redacted<String>>,
}

/// Everything the gateway needs to run.
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    pub listen: SocketAddr,
    pub auth: GatewayAuth,
    /// Static gateway keys (from the variable `keys_env` names).
    pub static_keys: Vec<Redacted<String>>,
    pub audit: Option<String>,
    /// Keys the placeholders (HMAC) and seals vault entries.
    pub secret: Redacted<Vec<u8>>,
    /// Whether `secret` came from the environment; otherwise it is random per process and
    /// placeholders change across restarts.
    pub secret_from_env: bool,
    pub max_body_bytes: usize,
    pub upstream_timeout: Duration,
    /// How long the shared placeholder vault keeps a value; zero: no vault.
    pub vault_ttl: Duration,
    pub answer_review: AnswerReview,
    pub box3_route: Option<String>,
    pub upstreams: Vec<UpstreamConfig>,
}

impl GatewayConfig {
    /// Resolves `file` (the policy's `[gateway]`), the environment (read through `env`, so
    /// that tests need not touch the process environment) and `flags`.
    pub fn resolve(
        file: &Gateway,
        env: &dyn Fn(&str) -> Option<String>,
        flags: &Overrides,
    ) -> Result<GatewayConfig, ConfigError> {
        let var = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        let mut g = file.clone();

        if let Some(v) = var("AIRLOCK_GATEWAY_LISTEN") {
            g.listen = v.trim().parse().map_err(|_| ConfigError::Env {
                name: "AIRLOCK_GATEWAY_LISTEN".into(),
                message: "expected an IP address and port, e.g. 127.0.0.1:8787".into(),
            })?;
        }
        if let Some(v) = var("AIRLOCK_GATEWAY_AUTH") {
            g.auth = match v.trim() {
                "keys" => GatewayAuth::Keys,
                "none" => GatewayAuth::None,
                _ => return Err(env_err("AIRLOCK_GATEWAY_AUTH", "expected `keys` or `none`")),
            };
        }
        // The gateway's own variable first, then the one `airlock audit` and `keys` read.
        if let Some(v) = var("AIRLOCK_GATEWAY_AUDIT").or_else(|| var("AIRLOCK_DATABASE_URL")) {
            g.audit = Some(v);
        }
        if let Some(v) = var("AIRLOCK_GATEWAY_ANSWER_REVIEW") {
            g.answer_review = parse_review(&v).ok_or_else(|| {
                env_err(
                    "AIRLOCK_GATEWAY_ANSWER_REVIEW",
                    "expected annotate, block or off",
                )
            })?;
        }
        if let Some(v) = var("AIRLOCK_GATEWAY_MAX_BODY_BYTES") {
            g.max_body_bytes = v.trim().parse().map_err(|_| {
                env_err(
                    "AIRLOCK_GATEWAY_MAX_BODY_BYTES",
                    "expected a number of bytes",
                )
            })?;
        }
        if let Some(v) = var("AIRLOCK_GATEWAY_UPSTREAM_TIMEOUT_SECS") {
            g.upstream_timeout_secs = v.trim().parse().map_err(|_| {
                env_err(
                    "AIRLOCK_GATEWAY_UPSTREAM_TIMEOUT_SECS",
                    "expected a number of seconds",
                )
            })?;
        }
        if let Some(v) = var("AIRLOCK_GATEWAY_VAULT_TTL_SECS") {
            g.vault_ttl_secs = v.trim().parse().map_err(|_| {
                env_err(
                    "AIRLOCK_GATEWAY_VAULT_TTL_SECS",
                    "expected a number of seconds (0: no vault)",
                )
            })?;
        }
        // AIRLOCK_UPSTREAM_<NAME>_URL points one upstream elsewhere (a test server, a proxy).
        for u in &mut g.upstreams {
            let name = format!("AIRLOCK_UPSTREAM_{}_URL", env_suffix(&u.name));
            if let Some(v) = var(&name) {
                u.base_url = checked_url(&v)
                    .ok_or_else(|| env_err(&name, "expected an http:// or https:// URL"))?;
            }
        }

        if let Some(v) = flags.listen {
            g.listen = v;
        }
        if let Some(v) = flags.auth {
            g.auth = v;
        }
        if let Some(v) = &flags.audit {
            g.audit = Some(v.clone());
        }
        if let Some(v) = flags.answer_review {
            g.answer_review = v;
        }
        if let Some(v) = flags.max_body_bytes {
            g.max_body_bytes = v;
        }
        if let Some(v) = flags.upstream_timeout_secs {
            g.upstream_timeout_secs = v;
        }
        if let Some(v) = flags.vault_ttl_secs {
            g.vault_ttl_secs = v;
        }
        if g.audit.is_none() {
            g.audit.clone_from(&flags.default_audit);
        }
        for (name, url) in &flags.upstream_urls {
            let u = g
                .upstreams
                .iter_mut()
                .find(|u| &u.name == name)
                .ok_or_else(|| ConfigError::UnknownUpstream(name.clone()))?;
            u.base_url = checked_url(url).ok_or_else(|| ConfigError::Flag {
                flag: "--upstream".into(),
                message: format!("`{url}` is not an http:// or https:// URL"),
            })?;
        }

        let static_keys: Vec<Redacted<String>> = g
            .keys_env
            .as_deref()
            .and_then(&var)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(|k| Redacted::new(k.to_string()))
                    .collect()
            })
            .unwrap_or_default();
        if g.auth == GatewayAuth::Keys && static_keys.is_empty() && g.audit.is_none() {
            return Err(ConfigError::NoKeys {
                keys_env: g
                    .keys_env
                    .clone()
                    .unwrap_or_else(|| "AIRLOCK_GATEWAY_KEYS".into()),
            });
        }
        if g.auth == GatewayAuth::None && !g.listen.ip().is_loopback() {
            return Err(ConfigError::OpenOnNetwork(g.listen));
        }

        let (secret, secret_from_env) = match var(&g.secret_env) {
            Some(s) if s.len() >= 16 => (s.into_bytes(), true),
            Some(_) => {
                return Err(env_err(
                    &g.secret_env,
                    "the placeholder secret must be at least 16 characters",
                ))
            }
            None => {
                let mut b = vec![0u8; 32];
                getrandom::getrandom(&mut b).map_err(|e| ConfigError::Random(e.to_string()))?;
                (b, false)
            }
        };

        let upstreams = g
            .upstreams
            .iter()
            .map(|u| UpstreamConfig {
                spec: u.clone(),
                api_key: u
                    .api_key_env
                    .as_deref()
                    .and_then(&var)
                    .map(|k| Redacted::new(k.trim().to_string())),
            })
            .collect();

        Ok(GatewayConfig {
            listen: g.listen,
            auth: g.auth,
            static_keys,
            audit: g.audit,
            secret: Redacted::new(secret),
            secret_from_env,
            max_body_bytes: usize::try_from(g.max_body_bytes).unwrap_or(usize::MAX),
            upstream_timeout: Duration::from_secs(g.upstream_timeout_secs),
            vault_ttl: Duration::from_secs(g.vault_ttl_secs),
            answer_review: g.answer_review,
            box3_route: g.box3_route,
            upstreams,
        })
    }
}

fn env_err(name: &str, message: &str) -> ConfigError {
    ConfigError::Env {
        name: name.into(),
        message: message.into(),
    }
}

/// `openai-compatible` -> `OPENAI_COMPATIBLE`.
pub fn env_suffix(name: &str) -> String {
    name.to_ascii_uppercase().replace('-', "_")
}

fn checked_url(v: &str) -> Option<String> {
    let v = v.trim().trim_end_matches('/');
    (v.starts_with("http://") || v.starts_with("https://")).then(|| v.to_string())
}

/// `annotate` | `block` | `off`.
pub fn parse_review(v: &str) -> Option<AnswerReview> {
    match v.trim() {
        "annotate" => Some(AnswerReview::Annotate),
        "block" => Some(AnswerReview::Block),
        "off" => Some(AnswerReview::Off),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn resolve(
        file: &Gateway,
        e: &HashMap<String, String>,
        f: &Overrides,
    ) -> Result<GatewayConfig, ConfigError> {
        GatewayConfig::resolve(file, &|k| e.get(k).cloned(), f)
    }

    #[test]
    fn flags_beat_environment_beat_file_beat_defaults() {
        let file = Gateway {
            listen: "127.0.0.1:1111".parse().unwrap(),
            max_body_bytes: 10,
            upstream_timeout_secs: 20,
            ..Gateway::default()
        };
        let e = env(&[
            ("AIRLOCK_GATEWAY_KEYS", "k1, k2"),
            ("AIRLOCK_GATEWAY_LISTEN", "127.0.0.1:2222"),
            ("AIRLOCK_GATEWAY_MAX_BODY_BYTES", "30"),
            ("AIRLOCK_UPSTREAM_OPENAI_URL", "http://127.0.0.1:9/"),
            ("OPENAI_API_KEY", "sk-test-FAKEFAKE"),
        ]);
        let flags = Overrides {
            listen: Some("127.0.0.1:3333".parse().unwrap()),
            ..Overrides::default()
        };
        let c = resolve(&file, &e, &flags).unwrap();
        assert_eq!(c.listen.port(), 3333, "flag over environment");
        assert_eq!(c.max_body_bytes, 30, "environment over file");
        assert_eq!(c.upstream_timeout.as_secs(), 20, "file over default");
        assert_eq!(c.static_keys.len(), 2);
        assert_eq!(c.upstreams[0].spec.base_url, "http://127.0.0.1:9");
        assert_eq!(
            c.upstreams[0].api_key.as_ref().unwrap().expose(),
            "sk-test-FAKEFAKE"
        );
        assert!(c.upstreams[1].api_key.is_none(), "no ANTHROPIC_API_KEY set");
        assert!(!c.secret_from_env);
        // Debug output never shows keys.
        assert!(!format!("{c:?}").contains("sk-test-FAKEFAKE"));
    }

    #[test]
    fn keys_are_required_unless_auth_is_none_on_loopback() {
        let file = Gateway::default();
        let e = env(&[]);
        assert!(matches!(
            resolve(&file, &e, &Overrides::default()),
            Err(ConfigError::NoKeys { .. })
        ));
        let none = Overrides {
            auth: Some(GatewayAuth::None),
            ..Overrides::default()
        };
        assert!(resolve(&file, &e, &none).is_ok());
        let open = Overrides {
            auth: Some(GatewayAuth::None),
            listen: Some("0.0.0.0:8787".parse().unwrap()),
            ..Overrides::default()
        };
        assert!(matches!(
            resolve(&file, &e, &open),
            Err(ConfigError::OpenOnNetwork(_))
        ));
        // A key store (the audit database) is a source of keys.
        let store = Overrides {
            default_audit: Some("/tmp/x.db".into()),
            ..Overrides::default()
        };
        assert_eq!(
            resolve(&file, &e, &store).unwrap().audit.as_deref(),
            Some("/tmp/x.db")
        );
    }

    #[test]
    fn a_short_placeholder_secret_is_refused() {
        let e = env(&[
            ("AIRLOCK_GATEWAY_KEYS", "k"),
            ("AIRLOCK_GATEWAY_SECRET", "short"),
        ]);
        assert!(matches!(
            resolve(&Gateway::default(), &e, &Overrides::default()),
            Err(ConfigError::Env { .. })
        ));
    }
}
