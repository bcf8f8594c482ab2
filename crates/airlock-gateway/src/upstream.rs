//! Upstreams: which provider serves a request's model, and the request airlock sends it,
//! with the provider key from the environment in the provider's own header. The client's
//! credentials (its gateway key) never go upstream, and provider headers that could carry
//! state back (cookies) never come down.

use airlock_policy::UpstreamKind;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use globset::GlobBuilder;

use crate::config::UpstreamConfig;
use crate::dialect::Endpoint;

/// Where one request goes.
#[derive(Debug, Clone)]
pub struct Route<'a> {
    pub upstream: &'a UpstreamConfig,
    /// The model name as the provider knows it.
    pub model: String,
    /// "provider/model", as `[models]` globs match it.
    pub model_id: String,
}

/// Whether an upstream of `kind` speaks `endpoint`.
pub fn serves(kind: UpstreamKind, endpoint: Endpoint) -> bool {
    use Endpoint::*;
    match kind {
        UpstreamKind::Openai => matches!(
            endpoint,
            ChatCompletions | Completions | Responses | Embeddings
        ),
        UpstreamKind::Azure => matches!(
            endpoint,
            ChatCompletions | Completions | Responses | Embeddings
        ),
        UpstreamKind::OpenaiCompatible => matches!(
            endpoint,
            ChatCompletions | Completions | Embeddings | Responses
        ),
        UpstreamKind::Anthropic => matches!(endpoint, Messages | CountTokens),
        UpstreamKind::Ollama => !matches!(endpoint, CountTokens),
    }
}

/// Compiled model globs, by glob: compiling one costs tens of microseconds (it builds a
/// regex), far more than the rest of routing, so each is compiled once per process.
/// Globs come from the configuration, so the map stays small.
static GLOBS: std::sync::OnceLock<
    std::sync::RwLock<std::collections::HashMap<String, Option<globset::GlobMatcher>>>,
> = std::sync::OnceLock::new();

fn glob_match(glob: &str, model: &str) -> bool {
    let globs = GLOBS.get_or_init(Default::default);
    if let Ok(g) = globs.read() {
        // Matched in place: a cloned matcher would start with an empty regex cache.
        if let Some(m) = g.get(glob) {
            return m.as_ref().is_some_and(|m| m.is_match(model));
        }
    }
    let m = GlobBuilder::new(glob)
        .case_insensitive(true)
        .literal_separator(false)
        .build()
        .ok()
        .map(|g| g.compile_matcher());
    let hit = m.as_ref().is_some_and(|m| m.is_match(model));
    if let Ok(mut g) = globs.write() {
        g.insert(glob.to_string(), m);
    }
    hit
}

/// Picks the upstream for `model` at `endpoint`: a `name/` prefix names it outright;
/// otherwise the first upstream whose model globs match; for Ollama's own endpoints, the
/// first Ollama upstream.
pub fn route<'a>(
    upstreams: &'a [UpstreamConfig],
    endpoint: Endpoint,
    model: &str,
) -> Option<Route<'a>> {
    if let Some((prefix, rest)) = model.split_once('/') {
        if let Some(u) = upstreams
            .iter()
            .find(|u| u.spec.name == prefix && serves(u.spec.kind, endpoint))
        {
            return Some(Route {
                upstream: u,
                model: rest.to_string(),
                model_id: model.to_string(),
            });
        }
    }
    let found = upstreams
        .iter()
        .filter(|u| serves(u.spec.kind, endpoint))
        .find(|u| u.spec.models.iter().any(|g| glob_match(g, model)))
        .or_else(|| {
            matches!(endpoint, Endpoint::OllamaChat | Endpoint::OllamaGenerate)
                .then(|| {
                    upstreams
                        .iter()
                        .find(|u| u.spec.kind == UpstreamKind::Ollama)
                })
                .flatten()
        })?;
    Some(Route {
        upstream: found,
        model: model.to_string(),
        model_id: format!("{}/{model}", found.spec.name),
    })
}

/// The URL of `endpoint` at `upstream` for `model`.
pub fn url(upstream: &UpstreamConfig, endpoint: Endpoint, model: &str) -> String {
    let base = upstream.spec.base_url.trim_end_matches('/');
    match upstream.spec.kind {
        UpstreamKind::Azure => {
            let v = upstream.spec.api_version.as_deref().unwrap_or("2024-10-21");
            let op = match endpoint {
                Endpoint::Completions => "completions",
                Endpoint::Embeddings => "embeddings",
                Endpoint::Responses => return format!("{base}/openai/responses?api-version={v}"),
                _ => "chat/completions",
            };
            format!("{base}/openai/deployments/{model}/{op}?api-version={v}")
        }
        _ => {
            // A base URL written with OpenAI's `/v1` suffix still works.
            let base = base.strip_suffix("/v1").unwrap_or(base);
            format!("{base}{}", endpoint.path())
        }
    }
}

/// `url` with the client's query string (e.g. Claude Code's `?beta=true`) appended.
pub fn with_query(url: String, query: Option<&str>) -> String {
    match query.filter(|q| !q.is_empty()) {
        Some(q) if url.contains('?') => format!("{url}&{q}"),
        Some(q) => format!("{url}?{q}"),
        None => url,
    }
}

/// Client headers worth passing on: protocol versions and feature flags.
fn forwarded(name: &str) -> bool {
    matches!(
        name,
        "anthropic-version" | "anthropic-beta" | "openai-beta" | "user-agent"
    ) || name.starts_with("x-stainless-")
}

/// The headers of the request to `upstream`.
pub fn request_headers(upstream: &UpstreamConfig, client: &HeaderMap) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (name, value) in client {
        if forwarded(name.as_str()) {
            h.append(name.clone(), value.clone());
        }
    }
    h.insert("content-type", HeaderValue::from_static("application/json"));
    h.insert("accept", HeaderValue::from_static("*/*"));
    if let Some(key) = &upstream.api_key {
        let key = key.expose();
        let pair = match upstream.spec.kind {
            UpstreamKind::Anthropic => ("x-api-key", key.to_string()),
            UpstreamKind::Azure => ("api-key", key.to_string()),
            _ => ("authorization", format!("Bearer {key}")),
        };
        if let Ok(mut v) = HeaderValue::from_str(&pair.1) {
            v.set_sensitive(true);
            h.insert(HeaderName::from_static(pair.0), v);
        }
    }
    if upstream.spec.kind == UpstreamKind::Anthropic && !h.contains_key("anthropic-version") {
        h.insert("anthropic-version", HeaderValue::from_static("2023-06-01"));
    }
    h
}

/// Provider response headers passed back to the client.
pub fn response_header_allowed(name: &str) -> bool {
    matches!(
        name,
        "content-type" | "retry-after" | "request-id" | "x-request-id" | "openai-processing-ms"
    ) || name.starts_with("anthropic-ratelimit-")
        || name.starts_with("x-ratelimit-")
}

#[cfg(test)]
mod tests {
    use airlock_policy::Gateway;

    use super::*;

    fn upstreams() -> Vec<UpstreamConfig> {
        let mut ups: Vec<UpstreamConfig> = Gateway::default()
            .upstreams
            .into_iter()
            .map(|spec| UpstreamConfig {
                spec,
                api_key: None,
            })
            .collect();
        ups.push(UpstreamConfig {
            spec: airlock_policy::Upstream {
                name: "azure".into(),
                kind: UpstreamKind::Azure,
                base_url: "https://acme.openai.azure.com".into(),
                api_key_env: None,
                models: vec!["acme-*".into()],
                api_version: Some("2024-10-21".into()),
            },
            api_key: Some(airlock_types::Redacted::new("az-test-FAKE".into())),
        });
        ups
    }

    #[test]
    fn routes_by_prefix_then_by_glob() {
        let ups = upstreams();
        let r = route(&ups, Endpoint::ChatCompletions, "gpt-4o").unwrap();
        assert_eq!(
            (r.upstream.spec.name.as_str(), r.model_id.as_str()),
            ("openai", "openai/gpt-4o")
        );
        let r = route(&ups, Endpoint::ChatCompletions, "ollama/llama3").unwrap();
        assert_eq!(
            (r.upstream.spec.name.as_str(), r.model.as_str()),
            ("ollama", "llama3")
        );
        let r = route(&ups, Endpoint::Messages, "claude-opus-4-1").unwrap();
        assert_eq!(r.upstream.spec.name, "anthropic");
        // Anthropic does not speak Chat Completions.
        assert!(route(&ups, Endpoint::ChatCompletions, "claude-opus-4-1").is_none());
        assert!(route(&ups, Endpoint::ChatCompletions, "mystery").is_none());
        let r = route(&ups, Endpoint::OllamaChat, "qwen2.5-coder").unwrap();
        assert_eq!(r.upstream.spec.name, "ollama");
    }

    #[test]
    fn azure_puts_the_deployment_in_the_path_and_the_key_in_api_key() {
        let ups = upstreams();
        let r = route(&ups, Endpoint::ChatCompletions, "acme-gpt4").unwrap();
        assert_eq!(
            url(r.upstream, Endpoint::ChatCompletions, &r.model),
            "https://acme.openai.azure.com/openai/deployments/acme-gpt4/chat/completions?api-version=2024-10-21"
        );
        let mut client = HeaderMap::new();
        client.insert("authorization", HeaderValue::from_static("Bearer gw-key"));
        client.insert("openai-beta", HeaderValue::from_static("assistants=v2"));
        let h = request_headers(r.upstream, &client);
        assert_eq!(h["api-key"], "az-test-FAKE");
        assert!(
            h.get("authorization").is_none(),
            "the gateway key never goes upstream"
        );
        assert_eq!(h["openai-beta"], "assistants=v2");
        let mut openai = ups[0].clone();
        openai.spec.base_url = "https://api.openai.com/v1".into();
        assert_eq!(
            url(&openai, Endpoint::Responses, "x"),
            "https://api.openai.com/v1/responses"
        );
    }
}
