//! The request path: read the body within the limit, inspect it, decide (allow, redact,
//! reroute, refuse, block), add the security requirements, forward to the upstream, and
//! bring the answer back restored and reviewed, streaming or not. Every request ends in
//! exactly one audit record.

use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use airlock_audit::AuditEvent;
use airlock_policy::{AnswerReview, Policy};
use airlock_secrets::Detector;
use airlock_types::BoxLevel;
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::StreamExt;
use http_body_util::BodyExt;
use serde_json::Value;

use crate::audit::{now_ms, AuditWriter};
use crate::auth::{Authenticator, Identity};
use crate::client::{BodyError, SendError};
use crate::config::GatewayConfig;
use crate::dialect::{error_response, Dialect, Endpoint};
use crate::error::RequestError;
use crate::inspect::{inspect, redact, CleanCache, RestoreMap};
use crate::metrics::Metrics;
use crate::restore::restore_value;
use crate::review::{annotation, block_reason, AnswerReviewer};
use crate::stream::{transformer, AnswerContext, Ending, Transform};
use crate::upstream::{self, Route};

/// Everything a request needs, built once and shared.
pub struct Shared {
    pub config: GatewayConfig,
    pub policy: Policy,
    pub detector: Detector,
    pub client: crate::client::UpstreamClient,
    pub metrics: Arc<Metrics>,
    pub audit: AuditWriter,
    pub auth: Arc<Authenticator>,
    pub reviewer: Option<Arc<dyn AnswerReviewer>>,
    pub requirements: Option<String>,
    pub request_ids: AtomicU64,
    pub id_prefix: String,
    pub clean_cache: CleanCache,
    /// The shared placeholder vault, when there is an audit database and a TTL.
    pub vault: Option<Arc<crate::vault::Vault>>,
}

/// The audit record of a request, filled in as it goes.
struct Draft {
    shared: Arc<Shared>,
    ev: AuditEvent,
    started: Instant,
    endpoint: Endpoint,
    overhead: Duration,
    done: bool,
}

impl Draft {
    fn new(shared: Arc<Shared>, endpoint: Endpoint, id: &Identity, headers: &HeaderMap) -> Draft {
        shared.metrics.in_flight.fetch_add(1, Ordering::Relaxed);
        let n = shared.request_ids.fetch_add(1, Ordering::Relaxed);
        let client = headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.chars().filter(|c| !c.is_control()).take(200).collect());
        let ev = AuditEvent {
            time_ms: now_ms(),
            request_id: format!("{}{n:x}", shared.id_prefix),
            user: id.user.clone(),
            team: id.team.clone(),
            client,
            endpoint: endpoint.path().to_string(),
            model_requested: None,
            model_used: None,
            upstream: None,
            decision: "allow".into(),
            box_level: 1,
            findings: Default::default(),
            redactions: 0,
            fingerprints: Vec::new(),
            input_tokens: None,
            output_tokens: None,
            latency_us: 0,
            status: 200,
            error: None,
        };
        Draft {
            shared,
            ev,
            started: Instant::now(),
            endpoint,
            overhead: Duration::ZERO,
            done: false,
        }
    }

    fn fail(&mut self, err: &RequestError) {
        self.ev.status = err.status().as_u16();
        self.ev.error = Some(err.code().to_string());
        self.ev.decision = err.decision().to_string();
    }

    fn finish(&mut self) {
        if self.done {
            return;
        }
        self.done = true;
        let m = &self.shared.metrics;
        m.in_flight.fetch_sub(1, Ordering::Relaxed);
        m.request(self.endpoint, &self.ev.decision);
        m.overhead(self.overhead);
        self.ev.latency_us = u64::try_from(self.started.elapsed().as_micros()).unwrap_or(u64::MAX);
        let ev = std::mem::replace(
            &mut self.ev,
            AuditEvent {
                time_ms: 0,
                request_id: String::new(),
                user: None,
                team: None,
                client: None,
                endpoint: String::new(),
                model_requested: None,
                model_used: None,
                upstream: None,
                decision: String::new(),
                box_level: 0,
                findings: Default::default(),
                redactions: 0,
                fingerprints: Vec::new(),
                input_tokens: None,
                output_tokens: None,
                latency_us: 0,
                status: 0,
                error: None,
            },
        );
        self.shared.audit.record(ev);
    }
}

impl Drop for Draft {
    fn drop(&mut self) {
        if !self.done {
            // The client went away before the answer was complete.
            if self.ev.error.is_none() {
                self.ev.error = Some("client_disconnected".into());
                self.ev.status = 499;
            }
            self.finish();
        }
    }
}

fn reply_error(draft: &mut Draft, dialect: Dialect, err: RequestError) -> Response {
    draft.fail(&err);
    if matches!(
        err,
        RequestError::Upstream { .. } | RequestError::UpstreamTimeout(_)
    ) {
        draft
            .shared
            .metrics
            .upstream_errors
            .fetch_add(1, Ordering::Relaxed);
    }
    draft.finish();
    let mut r = error_response(dialect, &err);
    if let Ok(v) = HeaderValue::from_str(&draft.ev_id()) {
        r.headers_mut().insert("x-airlock-request-id", v);
    }
    r
}

impl Draft {
    fn ev_id(&self) -> String {
        self.ev.request_id.clone()
    }
}

/// The audit record of a request turned away before any handler ran (no valid key).
pub fn record_refused(shared: &Shared, path: &str, headers: &HeaderMap, err: &RequestError) {
    let n = shared.request_ids.fetch_add(1, Ordering::Relaxed);
    let endpoint: String = path.chars().filter(|c| !c.is_control()).take(200).collect();
    shared.audit.record(AuditEvent {
        time_ms: now_ms(),
        request_id: format!("{}{n:x}", shared.id_prefix),
        user: None,
        team: None,
        client: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.chars().filter(|c| !c.is_control()).take(200).collect()),
        endpoint,
        model_requested: None,
        model_used: None,
        upstream: None,
        decision: err.decision().to_string(),
        box_level: 0,
        findings: Default::default(),
        redactions: 0,
        fingerprints: Vec::new(),
        input_tokens: None,
        output_tokens: None,
        latency_us: 0,
        status: err.status().as_u16(),
        error: Some(err.code().to_string()),
    });
}

/// Reads the body, refusing more than `limit` bytes.
async fn read_body(body: Body, headers: &HeaderMap, limit: usize) -> Result<Bytes, RequestError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(RequestError::TooLarge { limit });
    }
    match http_body_util::Limited::new(body, limit).collect().await {
        Ok(c) => Ok(c.to_bytes()),
        Err(e)
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some() =>
        {
            Err(RequestError::TooLarge { limit })
        }
        Err(_) => Err(RequestError::BadRequest(
            "the request body could not be read".into(),
        )),
    }
}

/// Serves one request to one of the model endpoints.
pub async fn proxy(
    shared: Arc<Shared>,
    endpoint: Endpoint,
    identity: Identity,
    query: Option<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let dialect = endpoint.dialect();
    let mut draft = Draft::new(shared.clone(), endpoint, &identity, &headers);
    if !shared.audit.healthy() {
        // Records are written behind the requests; while the store fails, fail closed.
        return reply_error(&mut draft, dialect, RequestError::Audit);
    }
    match prepare(
        &shared,
        endpoint,
        query.as_deref(),
        &headers,
        body,
        &mut draft,
    )
    .await
    {
        Ok(prepared) => forward(shared, endpoint, prepared, draft).await,
        Err(e) => reply_error(&mut draft, dialect, e),
    }
}

struct Prepared {
    url: String,
    upstream_headers: HeaderMap,
    body: Vec<u8>,
    restore: RestoreMap,
    upstream_name: String,
}

async fn prepare(
    shared: &Arc<Shared>,
    endpoint: Endpoint,
    query: Option<&str>,
    headers: &HeaderMap,
    body: Body,
    draft: &mut Draft,
) -> Result<Prepared, RequestError> {
    let bytes = read_body(body, headers, shared.config.max_body_bytes).await?;
    let t0 = Instant::now();
    let mut v: Value = serde_json::from_slice(&bytes).map_err(|e| {
        // serde's message names a line and column, never content.
        RequestError::BadJson(format!("line {} column {}", e.line(), e.column()))
    })?;
    if !v.is_object() {
        return Err(RequestError::BadRequest(
            "the request body must be a JSON object".into(),
        ));
    }
    let requested = v["model"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| RequestError::BadRequest("the request names no `model`".into()))?;
    draft.ev.model_requested = Some(requested.clone());
    let mut route = upstream::route(&shared.config.upstreams, endpoint, &requested)
        .ok_or_else(|| RequestError::NoRoute(requested.clone()))?;

    let inspection = inspect(
        &shared.detector,
        &shared.policy,
        &v,
        Some(&shared.clean_cache),
    );
    for f in &inspection.findings {
        shared.metrics.finding(f.finding.kind);
    }
    let max_box = inspection.max_box();
    draft.ev.box_level = max_box.number();
    draft.ev.findings = inspection.kinds();

    let mut rerouted = false;
    if let Some(blocked) = inspection.first_blocked() {
        let route3 = (blocked.box_level == BoxLevel::Never)
            .then_some(shared.config.box3_route.as_deref())
            .flatten()
            .filter(|r| shared.policy.is_model_approved(BoxLevel::Never, r))
            .filter(|_| {
                inspection.findings.iter().all(|f| {
                    f.box_level == BoxLevel::Never || f.action != airlock_policy::Action::Block
                })
            });
        match route3.and_then(|r| upstream::route(&shared.config.upstreams, endpoint, r)) {
            Some(r) => {
                route = r;
                rerouted = true;
                draft.ev.decision = "reroute".into();
            }
            None => {
                let box_label = format!(
                    "box {}, {}",
                    blocked.box_level.number(),
                    blocked.box_level.label()
                );
                return Err(RequestError::Blocked {
                    kind: blocked.finding.kind.as_str().to_string(),
                    box_label,
                    location: blocked.location.clone(),
                });
            }
        }
    }
    // A model trusted with a higher box is trusted with a lower one too.
    let approved = [BoxLevel::Safe, BoxLevel::Caution, BoxLevel::Never]
        .into_iter()
        .filter(|l| *l >= max_box)
        .any(|l| shared.policy.is_model_approved(l, &route.model_id));
    if !approved {
        return Err(RequestError::Refused {
            model: route.model_id.clone(),
            box_label: format!("box {} ({})", max_box.number(), max_box.label()),
        });
    }
    let mut restore = RestoreMap::default();
    if !rerouted {
        let outcome = redact(&mut v, &inspection, shared.config.secret.expose());
        if outcome.replaced > 0 {
            draft.ev.decision = "redact".into();
        }
        draft.ev.redactions = outcome.replaced;
        draft.ev.fingerprints = outcome.fingerprints;
        restore = outcome.restore;
    }
    if let Some(vault) = &shared.vault {
        // Written behind the request; the answer may also name values earlier requests
        // of this user stored, here or at another instance.
        let scope = crate::vault::scope_of(draft.ev.user.as_deref());
        if restore.has_values() {
            vault.remember(&scope, restore.entries());
        }
        restore.attach_vault(vault.clone(), scope);
    }
    if let Some(text) = &shared.requirements {
        crate::prompts::inject(endpoint, &mut v, text);
    }
    if route.model != requested {
        v["model"] = Value::String(route.model.clone());
    }
    draft.ev.model_used = Some(route.model_id.clone());
    draft.ev.upstream = Some(route.upstream.spec.name.clone());
    let Route {
        upstream, model, ..
    } = route;
    if upstream.api_key.is_none() && upstream.spec.api_key_env.is_some() {
        return Err(RequestError::NoUpstreamKey(upstream.spec.name.clone()));
    }
    let mut body = Vec::with_capacity(bytes.len() + 4096);
    serde_json::to_writer(&mut body, &v).map_err(|e| RequestError::Inspection(e.to_string()))?;
    draft.overhead += t0.elapsed();
    Ok(Prepared {
        url: upstream::with_query(upstream::url(upstream, endpoint, &model), query),
        upstream_headers: upstream::request_headers(upstream, headers),
        body,
        restore,
        upstream_name: upstream.spec.name.clone(),
    })
}

fn upstream_error(name: &str, e: SendError) -> RequestError {
    let message = match e {
        SendError::Timeout => return RequestError::UpstreamTimeout(name.to_string()),
        SendError::Connect => "could not connect",
        SendError::Failed => "the request failed",
    };
    RequestError::Upstream {
        upstream: name.to_string(),
        message: message.to_string(),
    }
}

fn body_error(name: &str, e: BodyError) -> RequestError {
    if e.timeout {
        return RequestError::UpstreamTimeout(name.to_string());
    }
    RequestError::Upstream {
        upstream: name.to_string(),
        message: "the connection broke while reading the answer".to_string(),
    }
}

async fn forward(
    shared: Arc<Shared>,
    endpoint: Endpoint,
    p: Prepared,
    mut draft: Draft,
) -> Response {
    let dialect = endpoint.dialect();
    let timeout = shared.config.upstream_timeout;
    let send = shared.client.send(
        Method::POST,
        &p.url,
        p.upstream_headers,
        Bytes::from(p.body),
    );
    let resp = match tokio::time::timeout(timeout, send).await {
        Err(_) => {
            return reply_error(
                &mut draft,
                dialect,
                RequestError::UpstreamTimeout(p.upstream_name),
            )
        }
        Ok(Err(e)) => return reply_error(&mut draft, dialect, upstream_error(&p.upstream_name, e)),
        Ok(Ok(r)) => r,
    };
    let status = resp.status;
    draft.ev.status = status.as_u16();
    let mut out_headers = HeaderMap::new();
    for (k, v) in &resp.headers {
        if upstream::response_header_allowed(k.as_str()) {
            out_headers.append(k.clone(), v.clone());
        }
    }
    if let Ok(v) = HeaderValue::from_str(&draft.ev_id()) {
        out_headers.insert("x-airlock-request-id", v);
    }
    let content_type = resp
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let ctx = AnswerContext {
        map: Arc::new(p.restore),
        reviewer: shared.reviewer.clone(),
        review: shared.config.answer_review,
    };
    let streaming = content_type.starts_with("text/event-stream")
        || content_type.starts_with("application/x-ndjson");

    if !status.is_success() {
        // The provider's own error, in the provider's dialect, which is the client's.
        draft.ev.error = Some(format!("upstream_status_{}", status.as_u16()));
        if status.is_server_error() {
            shared
                .metrics
                .upstream_errors
                .fetch_add(1, Ordering::Relaxed);
        }
        let body = match tokio::time::timeout(timeout, resp.bytes()).await {
            Ok(Ok(b)) => b,
            Ok(Err(e)) => return reply_error(&mut draft, dialect, body_error(&p.upstream_name, e)),
            Err(_) => {
                return reply_error(
                    &mut draft,
                    dialect,
                    RequestError::UpstreamTimeout(p.upstream_name),
                )
            }
        };
        draft.finish();
        let mut r = Response::new(Body::from(body));
        *r.status_mut() = status;
        *r.headers_mut() = out_headers;
        return r;
    }

    if streaming && endpoint.has_answer() {
        out_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        let stream = AnswerStream {
            map: ctx.map.clone(),
            upstream: Some(resp.stream()),
            transform: transformer(endpoint, ctx),
            draft: Some(draft),
            name: p.upstream_name,
            timeout,
        };
        let body = futures_util::stream::unfold(stream, |mut s| async move {
            let chunk = s.next_chunk().await?;
            Some((Ok::<Bytes, Infallible>(chunk), s))
        });
        let mut r = Response::new(Body::from_stream(body));
        *r.headers_mut() = out_headers;
        return r;
    }

    let body = match tokio::time::timeout(timeout, resp.bytes()).await {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => return reply_error(&mut draft, dialect, body_error(&p.upstream_name, e)),
        Err(_) => {
            return reply_error(
                &mut draft,
                dialect,
                RequestError::UpstreamTimeout(p.upstream_name),
            )
        }
    };
    let t0 = Instant::now();
    if ctx.map.has_vault() {
        if let Ok(text) = std::str::from_utf8(&body) {
            ctx.map.resolve_in(text).await;
        }
    }
    let result = answer(endpoint, &body, &ctx, &mut draft);
    draft.overhead += t0.elapsed();
    match result {
        Ok(bytes) => {
            draft.finish();
            let mut r = Response::new(Body::from(bytes));
            *r.headers_mut() = out_headers;
            r
        }
        Err(e) => reply_error(&mut draft, dialect, e),
    }
}

/// A whole (non-streamed) answer: usage noted, placeholders restored, code reviewed.
fn answer(
    endpoint: Endpoint,
    body: &Bytes,
    ctx: &AnswerContext,
    draft: &mut Draft,
) -> Result<Bytes, RequestError> {
    let Ok(mut v) = serde_json::from_slice::<Value>(body) else {
        return Ok(body.clone());
    };
    let usage = &v["usage"];
    draft.ev.input_tokens = usage["prompt_tokens"]
        .as_u64()
        .or(usage["input_tokens"].as_u64())
        .or(v["prompt_eval_count"].as_u64());
    draft.ev.output_tokens = usage["completion_tokens"]
        .as_u64()
        .or(usage["output_tokens"].as_u64())
        .or(v["eval_count"].as_u64());
    if ctx.passthrough() || !endpoint.has_answer() {
        return Ok(body.clone());
    }
    let mut changed = restore_value(&mut v, &ctx.map) > 0;
    let reviewer = match ctx.review {
        AnswerReview::Off => None,
        _ => ctx.reviewer.as_deref(),
    };
    if let Some(reviewer) = reviewer {
        let text = answer_text(endpoint, &v);
        let findings = reviewer.review(&text);
        if !findings.is_empty() {
            if ctx.review == AnswerReview::Block {
                return Err(RequestError::AnswerBlocked(block_reason(&findings)));
            }
            append_note(endpoint, &mut v, &annotation(&findings));
            changed = true;
        }
    }
    if !changed {
        // Nothing restored, nothing noted: the provider's bytes as they came.
        return Ok(body.clone());
    }
    Ok(Bytes::from(serde_json::to_vec(&v).unwrap_or_default()))
}

/// The text of the first answer in a whole response.
fn answer_text(endpoint: Endpoint, v: &Value) -> String {
    let s = |p: &str| {
        v.pointer(p)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    match endpoint {
        Endpoint::ChatCompletions => s("/choices/0/message/content"),
        Endpoint::Completions => s("/choices/0/text"),
        Endpoint::OllamaChat => s("/message/content"),
        Endpoint::OllamaGenerate => s("/response"),
        Endpoint::Messages => v["content"]
            .as_array()
            .map(|b| {
                b.iter()
                    .filter(|b| b["type"] == "text")
                    .filter_map(|b| b["text"].as_str())
                    .collect::<Vec<_>>()
                    .join("")
            })
            .unwrap_or_default(),
        Endpoint::Responses => v["output"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter(|i| i["type"] == "message")
                    .flat_map(|i| i["content"].as_array().into_iter().flatten())
                    .filter(|c| c["type"] == "output_text")
                    .filter_map(|c| c["text"].as_str())
                    .collect::<Vec<_>>()
                    .join("")
            })
            .unwrap_or_default(),
        Endpoint::Embeddings | Endpoint::CountTokens => String::new(),
    }
}

fn append_note(endpoint: Endpoint, v: &mut Value, note: &str) {
    let append = |slot: Option<&mut Value>| {
        if let Some(Value::String(s)) = slot {
            s.push_str(note);
        }
    };
    match endpoint {
        Endpoint::ChatCompletions => append(v.pointer_mut("/choices/0/message/content")),
        Endpoint::Completions => append(v.pointer_mut("/choices/0/text")),
        Endpoint::OllamaChat => append(v.pointer_mut("/message/content")),
        Endpoint::OllamaGenerate => append(v.pointer_mut("/response")),
        Endpoint::Messages => {
            if let Some(blocks) = v["content"].as_array_mut() {
                blocks.push(serde_json::json!({"type": "text", "text": note}));
            }
        }
        Endpoint::Responses => {
            let last = v["output"].as_array_mut().and_then(|items| {
                items
                    .iter_mut()
                    .filter(|i| i["type"] == "message")
                    .flat_map(|i| i["content"].as_array_mut().into_iter().flatten())
                    .filter(|c| c["type"] == "output_text")
                    .last()
            });
            if let Some(c) = last {
                append(c.get_mut("text"));
            }
        }
        Endpoint::Embeddings | Endpoint::CountTokens => {}
    }
}

/// A streamed answer on its way to the client. Dropping it (the client went away)
/// drops the upstream stream, which closes the upstream connection.
struct AnswerStream {
    map: Arc<RestoreMap>,
    upstream: Option<futures_util::stream::BoxStream<'static, Result<Bytes, BodyError>>>,
    transform: Box<dyn Transform>,
    draft: Option<Draft>,
    name: String,
    timeout: Duration,
}

impl AnswerStream {
    async fn next_chunk(&mut self) -> Option<Bytes> {
        loop {
            let up = self.upstream.as_mut()?;
            let next = tokio::time::timeout(self.timeout, up.next()).await;
            let t0 = Instant::now();
            let (out, end) = match next {
                Ok(Some(Ok(b))) if self.map.has_vault() => self.feed_resolving(&b).await,
                Ok(Some(Ok(b))) => self.transform.feed(&b),
                Ok(Some(Err(e))) => {
                    let msg = match body_error(&self.name, e) {
                        RequestError::UpstreamTimeout(_) => "timed out".to_string(),
                        RequestError::Upstream { message, .. } => message,
                        other => other.to_string(),
                    };
                    (self.transform.fail(&msg), true)
                }
                Ok(None) => (self.transform.end(), true),
                Err(_) => (
                    self.transform
                        .fail("the upstream stopped sending (timeout)"),
                    true,
                ),
            };
            if let Some(d) = self.draft.as_mut() {
                d.overhead += t0.elapsed();
            }
            if end {
                self.upstream = None;
                self.finish();
            }
            if !out.is_empty() {
                return Some(Bytes::from(out));
            }
            if end {
                return None;
            }
        }
    }

    /// Feeds `b` line by line, asking the vault about placeholders as they complete, so
    /// that a placeholder split across events is restored before its text goes out.
    async fn feed_resolving(&mut self, b: &[u8]) -> (Vec<u8>, bool) {
        if let Ok(text) = std::str::from_utf8(b) {
            // Whole placeholders in this chunk: one round of lookups before any of it.
            self.map.resolve_in(text).await;
        }
        let mut out = Vec::new();
        for piece in b.split_inclusive(|c| *c == b'\n') {
            let (o, stop) = self.transform.feed(piece);
            out.extend_from_slice(&o);
            if self.map.has_pending() {
                self.map.resolve_pending().await;
            }
            if stop {
                return (out, true);
            }
        }
        (out, false)
    }

    fn finish(&mut self) {
        if let Some(mut d) = self.draft.take() {
            let u = self.transform.usage();
            d.ev.input_tokens = u.input;
            d.ev.output_tokens = u.output;
            match self.transform.ending() {
                Ending::Complete => {}
                Ending::Blocked(_) => {
                    d.ev.decision = "block".into();
                    d.ev.error = Some("airlock_answer_blocked".into());
                }
                Ending::UpstreamFailed(_) => {
                    d.ev.decision = "error".into();
                    d.ev.error = Some("upstream_stream_failed".into());
                    d.shared
                        .metrics
                        .upstream_errors
                        .fetch_add(1, Ordering::Relaxed);
                }
            }
            d.finish();
        }
    }
}

/// `GET` passthrough for listings (`/v1/models`, `/api/tags`, `/api/version`).
pub async fn listing(
    shared: Arc<Shared>,
    path: &str,
    method: Method,
    headers: HeaderMap,
    body: Body,
) -> Response {
    use airlock_policy::UpstreamKind;
    let dialect = if path.starts_with("/api/") {
        Dialect::Ollama
    } else if headers.contains_key("anthropic-version") {
        Dialect::Anthropic
    } else {
        Dialect::OpenAi
    };
    let pick = |ok: &dyn Fn(UpstreamKind) -> bool| {
        shared
            .config
            .upstreams
            .iter()
            .find(|u| ok(u.spec.kind) && (u.api_key.is_some() || u.spec.api_key_env.is_none()))
    };
    let up = match dialect {
        Dialect::Ollama => pick(&|k| k == UpstreamKind::Ollama),
        Dialect::Anthropic => pick(&|k| k == UpstreamKind::Anthropic),
        Dialect::OpenAi => pick(&|k| {
            matches!(
                k,
                UpstreamKind::Openai | UpstreamKind::OpenaiCompatible | UpstreamKind::Ollama
            )
        }),
    };
    let Some(up) = up else {
        return error_response(dialect, &RequestError::NoRoute("(model list)".into()));
    };
    let body = match read_body(body, &headers, 64 * 1024).await {
        Ok(b) => b,
        Err(e) => return error_response(dialect, &e),
    };
    let base = up.spec.base_url.trim_end_matches('/');
    let base = base.strip_suffix("/v1").unwrap_or(base);
    let url = format!("{base}{path}");
    let send = shared
        .client
        .send(method, &url, upstream::request_headers(up, &headers), body);
    match tokio::time::timeout(shared.config.upstream_timeout, send).await {
        Ok(Ok(resp)) => {
            let status = resp.status;
            let ct = resp.headers.get(header::CONTENT_TYPE).cloned();
            match tokio::time::timeout(shared.config.upstream_timeout, resp.bytes()).await {
                Ok(Ok(b)) => {
                    let mut r = (status, b).into_response();
                    if let Some(ct) = ct {
                        r.headers_mut().insert(header::CONTENT_TYPE, ct);
                    }
                    r
                }
                Ok(Err(e)) => error_response(dialect, &body_error(&up.spec.name, e)),
                Err(_) => error_response(
                    dialect,
                    &RequestError::UpstreamTimeout(up.spec.name.clone()),
                ),
            }
        }
        Ok(Err(e)) => error_response(dialect, &upstream_error(&up.spec.name, e)),
        Err(_) => error_response(
            dialect,
            &RequestError::UpstreamTimeout(up.spec.name.clone()),
        ),
    }
}

/// The dialect of a path, for errors before any handler runs.
pub fn dialect_of(path: &str) -> Dialect {
    if path.starts_with("/v1/messages") {
        Dialect::Anthropic
    } else if path.starts_with("/api/") {
        Dialect::Ollama
    } else {
        Dialect::OpenAi
    }
}

/// 404 for unknown paths, in the dialect the path suggests.
pub fn not_found(path: &str) -> Response {
    let mut r = error_response(
        dialect_of(path),
        &RequestError::BadRequest(format!("airlock gateway has no route {path}")),
    );
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}
