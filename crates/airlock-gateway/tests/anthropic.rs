//! Anthropic Messages through the gateway: system blocks, thinking blocks, tool use,
//! beta headers, cache_control, streaming events.

use serde_json::{json, Value};

use crate::harness::{self, sse_events, ANTHROPIC_KEY, EMAIL, GATEWAY_KEY};

fn conversation(stream: bool) -> Value {
    json!({
        "model": "claude-sonnet-4-5",
        "max_tokens": 1024,
        "stream": stream,
        "thinking": {"type": "enabled", "budget_tokens": 1024},
        "system": [{"type": "text", "text": "You are a coding assistant.", "cache_control": {"type": "ephemeral"}}],
        "tools": [{"name": "send", "description": "send mail", "input_schema": {"type": "object"}}],
        "messages": [
            {"role": "user", "content": "first question"},
            {"role": "assistant", "content": [
                {"type": "thinking", "thinking": "The user asks \u{e9}t\u{e9} things.", "signature": "RXN0aGVyIHNpZ25hdHVyZQ=="},
                {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT"},
                {"type": "tool_use", "id": "toolu_0", "name": "send", "input": {"to": "nobody"}}]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_0", "content": "sent"},
                {"type": "text", "text": format!("now write to {EMAIL}"), "cache_control": {"type": "ephemeral"}}]}
        ]
    })
}

#[tokio::test]
async fn messages_are_redacted_restored_and_thinking_passes_untouched() {
    let env = harness::start_default().await;
    let body = conversation(false);
    // As Claude Code sends it.
    let r = env
        .http
        .post(env.url("/v1/messages?beta=true"))
        .header("x-api-key", GATEWAY_KEY)
        .header("anthropic-version", "2023-06-01")
        .header("anthropic-beta", "interleaved-thinking-2025-05-14")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    // The answer: text and tool input restored, the thinking block left as the provider sent it.
    assert_eq!(v["content"][0]["type"], "thinking");
    assert_eq!(
        v["content"][0]["thinking"],
        "Let me think about [[EMAIL_00000000]]."
    );
    assert_eq!(
        v["content"][1]["text"],
        format!("You said: now write to {EMAIL}")
    );
    assert_eq!(
        v["content"][2]["input"]["to"],
        format!("now write to {EMAIL}")
    );

    let got = env.fake.last();
    assert_eq!(
        got.path, "/v1/messages?beta=true",
        "the query string is passed on"
    );
    assert!(!got.body.to_string().contains(EMAIL));
    assert_eq!(got.headers["x-api-key"], ANTHROPIC_KEY);
    assert_eq!(
        got.headers["anthropic-beta"],
        "interleaved-thinking-2025-05-14"
    );
    assert_eq!(got.headers["anthropic-version"], "2023-06-01");
    assert!(got.headers.get("authorization").is_none());
    assert!(!format!("{:?}", got.headers).contains(GATEWAY_KEY));
    // Signed blocks arrive exactly as the client sent them.
    assert_eq!(got.body["messages"][1], body["messages"][1]);
    // The client's system block keeps its cache_control; the requirements follow it.
    assert_eq!(got.body["system"][0], body["system"][0]);
    assert!(got.body["system"][1]["text"]
        .as_str()
        .unwrap()
        .contains("Argon2id"));
    assert_eq!(
        got.body["messages"][2]["content"][1]["cache_control"]["type"],
        "ephemeral"
    );
}

#[tokio::test]
async fn streamed_messages_keep_the_event_sequence_and_restore_text_and_tool_input() {
    let env = harness::start_default().await;
    let r = env.post_anthropic(conversation(true)).await;
    assert_eq!(r.status(), 200);
    let text = r.text().await.unwrap();
    let events = sse_events(&text);
    let names: Vec<&str> = events.iter().filter_map(|(n, _)| n.as_deref()).collect();
    assert_eq!(names.first(), Some(&"message_start"));
    assert_eq!(names.last(), Some(&"message_stop"));
    assert!(names.contains(&"ping"));
    let mut answer = String::new();
    let mut json_input = String::new();
    let mut thinking = String::new();
    let mut signature = String::new();
    for (name, data) in &events {
        let v: Value = serde_json::from_str(data).unwrap();
        assert_eq!(Some(v["type"].as_str().unwrap()), name.as_deref());
        match v.pointer("/delta/type").and_then(Value::as_str) {
            Some("text_delta") => answer.push_str(v["delta"]["text"].as_str().unwrap()),
            Some("input_json_delta") => {
                json_input.push_str(v["delta"]["partial_json"].as_str().unwrap())
            }
            Some("thinking_delta") => thinking.push_str(v["delta"]["thinking"].as_str().unwrap()),
            Some("signature_delta") => {
                signature.push_str(v["delta"]["signature"].as_str().unwrap())
            }
            _ => {}
        }
    }
    assert_eq!(answer, format!("You said: now write to {EMAIL}"));
    let input: Value = serde_json::from_str(&json_input).unwrap();
    assert_eq!(input["to"], format!("now write to {EMAIL}"));
    assert_eq!(thinking, "Let me think about [[EMAIL_00000000]].");
    assert_eq!(signature, "c2lnbmF0dXJl");
}

#[tokio::test]
async fn count_tokens_is_inspected_and_forwarded() {
    let env = harness::start_default().await;
    let r = env
        .http
        .post(env.url("/v1/messages/count_tokens"))
        .header("x-api-key", GATEWAY_KEY)
        .header("anthropic-version", "2023-06-01")
        .json(&json!({"model": "claude-sonnet-4-5", "system": "s", "messages": [{"role": "user", "content": format!("hi {EMAIL}")}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["input_tokens"], 42);
    let got = env.fake.last();
    assert_eq!(got.path, "/v1/messages/count_tokens");
    assert!(!got.body.to_string().contains(EMAIL));
    assert_eq!(got.body["system"][0]["text"], "s");
}
