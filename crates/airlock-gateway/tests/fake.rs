//! A fake model provider for the tests: OpenAI's, Anthropic's and Ollama's wire formats,
//! streaming included, answering with what it received so that the tests can see what
//! left the gateway and what came back. Model names pick fault behaviours.

use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bytes::Bytes;
use serde_json::{json, Value};

/// What the fake received.
#[derive(Clone, Debug)]
pub struct Received {
    /// The path, with the query string when there is one.
    pub path: String,
    pub headers: HeaderMap,
    pub body: Value,
}

#[derive(Clone, Default)]
pub struct Fake {
    pub received: Arc<Mutex<Vec<Received>>>,
    /// Streams closed by a client, seen as the stream's producer being dropped.
    pub dropped_streams: Arc<Mutex<u32>>,
}

impl Fake {
    pub fn last(&self) -> Received {
        self.received
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("the fake received a request")
    }

    pub fn count(&self) -> usize {
        self.received.lock().unwrap().len()
    }
}

/// The text of the last user message in any of the dialects.
fn last_user_text(body: &Value) -> String {
    if let Some(input) = body.get("input") {
        if let Some(s) = input.as_str() {
            return s.to_string();
        }
        if let Some(items) = input.as_array() {
            return items
                .iter()
                .rev()
                .find(|i| i["role"] == "user")
                .map(content_text)
                .unwrap_or_default();
        }
    }
    if let Some(p) = body.get("prompt").and_then(Value::as_str) {
        return p.to_string();
    }
    body["messages"]
        .as_array()
        .and_then(|m| m.iter().rev().find(|m| m["role"] == "user"))
        .map(content_text)
        .unwrap_or_default()
}

fn content_text(m: &Value) -> String {
    match &m["content"] {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts
            .iter()
            .filter_map(|p| p["text"].as_str())
            .collect::<Vec<_>>()
            .join(""),
        _ => String::new(),
    }
}

/// Whether the request offers a tool named `send`: the fake then calls it (real agents
/// offer tools of their own, which the fake leaves alone so that they finish a turn).
fn offers_send(body: &Value) -> bool {
    body["tools"].as_array().is_some_and(|tools| {
        tools
            .iter()
            .any(|t| t["name"] == "send" || t["function"]["name"] == "send")
    })
}

/// Cuts `s` into pieces of `n` characters.
pub fn pieces(s: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    chars.chunks(n).map(|c| c.iter().collect()).collect()
}

fn sse(event: Option<&str>, data: &Value) -> String {
    match event {
        Some(e) => format!("event: {e}\ndata: {data}\n\n"),
        None => format!("data: {data}\n\n"),
    }
}

/// Makes a streaming body from frames; `cut` ends it with a broken connection.
fn stream_body(fake: &Fake, frames: Vec<String>, delay: Duration, cut: bool) -> Body {
    struct Guard(Arc<Mutex<u32>>, AtomicBool);
    impl Drop for Guard {
        fn drop(&mut self) {
            if !self.1.load(Ordering::Relaxed) {
                *self.0.lock().unwrap() += 1;
            }
        }
    }
    let guard = Guard(fake.dropped_streams.clone(), AtomicBool::new(false));
    let n = frames.len();
    let s = futures_util::stream::unfold(
        (frames.into_iter(), 0usize, guard),
        move |(mut it, i, g)| async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            match it.next() {
                Some(f) => {
                    if cut && i == n / 2 {
                        g.1.store(true, Ordering::Relaxed);
                        return Some((
                            Err(std::io::Error::other("connection reset")),
                            (it, i + 1, g),
                        ));
                    }
                    Some((Ok::<Bytes, std::io::Error>(Bytes::from(f)), (it, i + 1, g)))
                }
                None => {
                    g.1.store(true, Ordering::Relaxed);
                    None
                }
            }
        },
    );
    Body::from_stream(s)
}

fn respond_stream(fake: &Fake, ct: &str, frames: Vec<String>, model: &str) -> Response {
    let delay = if model.contains("slow-stream") {
        Duration::from_millis(200)
    } else if model.contains("cut") {
        // Long enough for the headers and first events to leave before the cut.
        Duration::from_millis(20)
    } else {
        Duration::ZERO
    };
    let cut = model.contains("cut");
    let mut r = Response::new(stream_body(fake, frames, delay, cut));
    r.headers_mut().insert("content-type", ct.parse().unwrap());
    r
}

async fn record(fake: &Fake, path: &str, headers: HeaderMap, body: &Value) -> Option<Response> {
    {
        let mut received = fake.received.lock().unwrap();
        if received.len() >= 1000 {
            received.remove(0);
        }
        received.push(Received {
            path: path.into(),
            headers,
            body: body.clone(),
        });
    }
    let model = body["model"].as_str().unwrap_or_default();
    if model.contains("fail-500") {
        return Some(
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({"error": {"message": "upstream exploded", "type": "server_error"}})),
            )
                .into_response(),
        );
    }
    if model.contains("slow-head") {
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
    None
}

/// The answer the fake gives: it echoes the last user message.
fn reply(body: &Value) -> String {
    format!("You said: {}", last_user_text(body))
}

async fn chat(State(f): State<Fake>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if let Some(r) = record(&f, "/v1/chat/completions", headers, &body).await {
        return r;
    }
    let model = body["model"].as_str().unwrap_or_default().to_string();
    let text = reply(&body);
    let tool = offers_send(&body);
    let args = json!({"to": last_user_text(&body)}).to_string();
    if body["stream"] != true {
        let mut msg = json!({"role": "assistant", "content": text});
        if tool {
            msg["tool_calls"] = json!([{"id": "call_1", "type": "function", "function": {"name": "send", "arguments": args}}]);
        }
        return Json(json!({
            "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": model,
            "choices": [{"index": 0, "message": msg, "finish_reason": if tool {"tool_calls"} else {"stop"}, "logprobs": null}],
            "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}
        })).into_response();
    }
    let chunk = |delta: Value, finish: Value| {
        sse(
            None,
            &json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": null}]}),
        )
    };
    let mut frames = vec![chunk(
        json!({"role": "assistant", "content": ""}),
        Value::Null,
    )];
    for p in pieces(&text, 3) {
        frames.push(chunk(json!({"content": p}), Value::Null));
    }
    if tool {
        frames.push(chunk(json!({"tool_calls": [{"index": 0, "id": "call_1", "type": "function", "function": {"name": "send", "arguments": ""}}]}), Value::Null));
        for p in pieces(&args, 4) {
            frames.push(chunk(
                json!({"tool_calls": [{"index": 0, "function": {"arguments": p}}]}),
                Value::Null,
            ));
        }
    }
    frames.push(chunk(
        json!({}),
        json!(if tool { "tool_calls" } else { "stop" }),
    ));
    frames.push(sse(None, &json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": model, "choices": [],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}})));
    frames.push("data: [DONE]\n\n".into());
    respond_stream(&f, "text/event-stream", frames, &model)
}

async fn completions(
    State(f): State<Fake>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&f, "/v1/completions", headers, &body).await {
        return r;
    }
    let model = body["model"].as_str().unwrap_or_default().to_string();
    let text = reply(&body);
    if body["stream"] != true {
        return Json(
            json!({"id": "cmpl-1", "object": "text_completion", "created": 1, "model": model,
            "choices": [{"index": 0, "text": text, "finish_reason": "stop", "logprobs": null}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}}),
        )
        .into_response();
    }
    let mut frames: Vec<String> = pieces(&text, 3)
        .into_iter()
        .map(|p| {
            sse(
                None,
                &json!({"id": "cmpl-1", "object": "text_completion", "created": 1, "model": model,
            "choices": [{"index": 0, "text": p, "finish_reason": null, "logprobs": null}]}),
            )
        })
        .collect();
    frames.push(sse(
        None,
        &json!({"id": "cmpl-1", "object": "text_completion", "created": 1, "model": model,
        "choices": [{"index": 0, "text": "", "finish_reason": "stop", "logprobs": null}]}),
    ));
    frames.push("data: [DONE]\n\n".into());
    respond_stream(&f, "text/event-stream", frames, &model)
}

async fn responses(State(f): State<Fake>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if let Some(r) = record(&f, "/v1/responses", headers, &body).await {
        return r;
    }
    let model = body["model"].as_str().unwrap_or_default().to_string();
    let text = reply(&body);
    let message = |t: &str, status: &str| {
        json!({"id": "msg_1", "type": "message", "role": "assistant", "status": status,
        "content": [{"type": "output_text", "text": t, "annotations": []}]})
    };
    let response = |status: &str, output: Value| {
        json!({"id": "resp_1", "object": "response", "created_at": 1, "status": status,
        "model": model, "output": output, "usage": {"input_tokens": 9, "output_tokens": 5, "total_tokens": 14,
        "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}}})
    };
    if body["stream"] != true {
        return Json(response("completed", json!([message(&text, "completed")]))).into_response();
    }
    let mut seq = 0;
    let mut ev = |t: &str, mut d: Value| {
        d["type"] = json!(t);
        d["sequence_number"] = json!(seq);
        seq += 1;
        sse(Some(t), &d)
    };
    let mut frames = vec![
        ev(
            "response.created",
            json!({"response": response("in_progress", json!([]))}),
        ),
        ev(
            "response.output_item.added",
            json!({"output_index": 0, "item": {"id": "msg_1", "type": "message", "role": "assistant", "status": "in_progress", "content": []}}),
        ),
        ev(
            "response.content_part.added",
            json!({"item_id": "msg_1", "output_index": 0, "content_index": 0, "part": {"type": "output_text", "text": "", "annotations": []}}),
        ),
    ];
    for p in pieces(&text, 3) {
        frames.push(ev(
            "response.output_text.delta",
            json!({"item_id": "msg_1", "output_index": 0, "content_index": 0, "delta": p}),
        ));
    }
    frames.push(ev(
        "response.output_text.done",
        json!({"item_id": "msg_1", "output_index": 0, "content_index": 0, "text": text}),
    ));
    frames.push(ev("response.content_part.done", json!({"item_id": "msg_1", "output_index": 0, "content_index": 0, "part": {"type": "output_text", "text": text, "annotations": []}})));
    frames.push(ev(
        "response.output_item.done",
        json!({"output_index": 0, "item": message(&text, "completed")}),
    ));
    frames.push(ev(
        "response.completed",
        json!({"response": response("completed", json!([message(&text, "completed")]))}),
    ));
    respond_stream(&f, "text/event-stream", frames, &model)
}

async fn embeddings(
    State(f): State<Fake>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&f, "/v1/embeddings", headers, &body).await {
        return r;
    }
    Json(json!({"object": "list", "model": body["model"], "data": [{"object": "embedding", "index": 0, "embedding": [0.1, 0.2, 0.3]}],
        "usage": {"prompt_tokens": 2, "total_tokens": 2}})).into_response()
}

async fn received(State(f): State<Fake>) -> Response {
    let all: Vec<Value> = f
        .received
        .lock()
        .unwrap()
        .iter()
        .map(|r| json!({"path": r.path, "body": r.body}))
        .collect();
    Json(Value::Array(all)).into_response()
}

async fn models(State(_f): State<Fake>) -> Response {
    Json(json!({"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model", "created": 1, "owned_by": "fake"}]})).into_response()
}

async fn messages(
    State(f): State<Fake>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let path = uri
        .path_and_query()
        .map_or("/v1/messages", |p| p.as_str())
        .to_string();
    if let Some(r) = record(&f, &path, headers, &body).await {
        return r;
    }
    let model = body["model"].as_str().unwrap_or_default().to_string();
    let text = reply(&body);
    let tool = offers_send(&body);
    let input = json!({"to": last_user_text(&body)});
    let thinking = body.get("thinking").is_some();
    if body["stream"] != true {
        let mut content = Vec::new();
        if thinking {
            content.push(json!({"type": "thinking", "thinking": "Let me think about [[EMAIL_00000000]].", "signature": "c2lnbmF0dXJl"}));
        }
        content.push(json!({"type": "text", "text": text}));
        if tool {
            content
                .push(json!({"type": "tool_use", "id": "toolu_1", "name": "send", "input": input}));
        }
        return Json(json!({"id": "msg_1", "type": "message", "role": "assistant", "model": model, "content": content,
            "stop_reason": if tool {"tool_use"} else {"end_turn"}, "stop_sequence": null,
            "usage": {"input_tokens": 12, "output_tokens": 6}})).into_response();
    }
    let mut frames = vec![sse(
        Some("message_start"),
        &json!({"type": "message_start", "message": {"id": "msg_1", "type": "message",
        "role": "assistant", "model": model, "content": [], "stop_reason": null, "stop_sequence": null,
        "usage": {"input_tokens": 12, "output_tokens": 1}}}),
    )];
    let mut index = 0;
    if thinking {
        frames.push(sse(Some("content_block_start"), &json!({"type": "content_block_start", "index": index, "content_block": {"type": "thinking", "thinking": "", "signature": ""}})));
        frames.push(sse(Some("content_block_delta"), &json!({"type": "content_block_delta", "index": index, "delta": {"type": "thinking_delta", "thinking": "Let me think about [[EMAIL_00000000]]."}})));
        frames.push(sse(Some("content_block_delta"), &json!({"type": "content_block_delta", "index": index, "delta": {"type": "signature_delta", "signature": "c2lnbmF0dXJl"}})));
        frames.push(sse(
            Some("content_block_stop"),
            &json!({"type": "content_block_stop", "index": index}),
        ));
        index += 1;
    }
    frames.push(sse(Some("content_block_start"), &json!({"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}})));
    frames.push(sse(Some("ping"), &json!({"type": "ping"})));
    for p in pieces(&text, 3) {
        frames.push(sse(Some("content_block_delta"), &json!({"type": "content_block_delta", "index": index, "delta": {"type": "text_delta", "text": p}})));
    }
    frames.push(sse(
        Some("content_block_stop"),
        &json!({"type": "content_block_stop", "index": index}),
    ));
    if tool {
        index += 1;
        frames.push(sse(Some("content_block_start"), &json!({"type": "content_block_start", "index": index, "content_block": {"type": "tool_use", "id": "toolu_1", "name": "send", "input": {}}})));
        for p in pieces(&input.to_string(), 4) {
            frames.push(sse(Some("content_block_delta"), &json!({"type": "content_block_delta", "index": index, "delta": {"type": "input_json_delta", "partial_json": p}})));
        }
        frames.push(sse(
            Some("content_block_stop"),
            &json!({"type": "content_block_stop", "index": index}),
        ));
    }
    frames.push(sse(Some("message_delta"), &json!({"type": "message_delta", "delta": {"stop_reason": if tool {"tool_use"} else {"end_turn"}, "stop_sequence": null}, "usage": {"output_tokens": 6}})));
    frames.push(sse(Some("message_stop"), &json!({"type": "message_stop"})));
    respond_stream(&f, "text/event-stream", frames, &model)
}

async fn count_tokens(
    State(f): State<Fake>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Some(r) = record(&f, "/v1/messages/count_tokens", headers, &body).await {
        return r;
    }
    Json(json!({"input_tokens": 42})).into_response()
}

async fn ollama(
    State(f): State<Fake>,
    headers: HeaderMap,
    path: axum::http::Uri,
    Json(body): Json<Value>,
) -> Response {
    let path = path.path().to_string();
    if let Some(r) = record(&f, &path, headers, &body).await {
        return r;
    }
    let model = body["model"].as_str().unwrap_or_default().to_string();
    let text = reply(&body);
    let chat = path == "/api/chat";
    let line = |t: &str, done: bool| {
        let mut v = json!({"model": model, "created_at": "2026-01-01T00:00:00Z", "done": done});
        if chat {
            v["message"] = json!({"role": "assistant", "content": t});
        } else {
            v["response"] = json!(t);
        }
        if done {
            v["done_reason"] = json!("stop");
            v["prompt_eval_count"] = json!(8);
            v["eval_count"] = json!(4);
        }
        format!("{v}\n")
    };
    if body["stream"] == false {
        let l = line(&text, true);
        let mut r = Response::new(Body::from(l));
        r.headers_mut()
            .insert("content-type", "application/json".parse().unwrap());
        return r;
    }
    let mut frames: Vec<String> = pieces(&text, 3).iter().map(|p| line(p, false)).collect();
    frames.push(line("", true));
    respond_stream(&f, "application/x-ndjson", frames, &model)
}

/// Starts the fake on a free loopback port; returns its base URL.
pub async fn start() -> (String, Fake) {
    start_on(0).await
}

/// Starts the fake on loopback `port` (0: any free one). It remembers the last thousand
/// requests, so that a long benchmark does not grow its memory.
pub async fn start_on(port: u16) -> (String, Fake) {
    let fake = Fake::default();
    let app = Router::new()
        .route("/v1/chat/completions", post(chat))
        .route("/v1/completions", post(completions))
        .route("/v1/responses", post(responses))
        .route("/v1/embeddings", post(embeddings))
        .route("/v1/models", get(models))
        .route("/v1/messages", post(messages))
        .route("/v1/messages/count_tokens", post(count_tokens))
        .route("/api/chat", post(ollama))
        .route("/api/generate", post(ollama))
        // What the fake received, for scripts that run it as a process.
        .route("/_received", get(received))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let _: Option<Infallible> = None;
    (format!("http://{addr}"), fake)
}
