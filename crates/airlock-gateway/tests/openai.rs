//! OpenAI Chat Completions through the gateway, whole and streamed.

use serde_json::{json, Value};

use crate::harness::{self, sse_events, ANTHROPIC_KEY, EMAIL, GATEWAY_KEY, OPENAI_KEY};

#[tokio::test]
async fn personal_data_is_redacted_upstream_and_restored_in_the_answer() {
    let env = harness::start_default().await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o-mini", "messages": [
                {"role": "system", "content": "You are helpful."},
                {"role": "user", "content": format!("Write to {EMAIL} please")}]}),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("x-airlock-request-id").is_some());
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v["choices"][0]["message"]["content"],
        format!("You said: Write to {EMAIL} please")
    );

    let got = env.fake.last();
    let sent = got.body.to_string();
    assert!(!sent.contains(EMAIL), "the email left the machine: {sent}");
    let user = got.body["messages"].as_array().unwrap().last().unwrap()["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(user.starts_with("Write to [[EMAIL"), "{user}");
    // The provider key from the environment goes upstream; the gateway key does not.
    assert_eq!(
        got.headers["authorization"].to_str().unwrap(),
        format!("Bearer {OPENAI_KEY}")
    );
    assert!(!format!("{:?}", got.headers).contains(GATEWAY_KEY));
    assert!(!format!("{:?}", got.headers).contains(ANTHROPIC_KEY));
    // The security requirements sit right after the client's system prompt.
    let msgs = got.body["messages"].as_array().unwrap();
    assert_eq!(msgs[0]["content"], "You are helpful.");
    assert_eq!(msgs[1]["role"], "system");
    assert!(msgs[1]["content"]
        .as_str()
        .unwrap()
        .contains("parameterized queries"));
}

#[tokio::test]
async fn the_same_value_gets_the_same_placeholder_in_every_turn() {
    let env = harness::start_default().await;
    let ask = |n: usize| {
        let mut messages = vec![json!({"role": "user", "content": format!("mail {EMAIL}")})];
        for _ in 0..n {
            messages.push(json!({"role": "assistant", "content": "ok"}));
            messages.push(json!({"role": "user", "content": format!("again {EMAIL}")}));
        }
        json!({"model": "gpt-4o", "messages": messages})
    };
    env.post("/v1/chat/completions", ask(0)).await;
    let first = env.fake.last().body["messages"][1]["content"].clone();
    env.post("/v1/chat/completions", ask(2)).await;
    let second = env.fake.last().body["messages"].clone();
    // The earlier turn reaches the provider byte for byte as before: the cache stays warm.
    assert_eq!(second[1]["content"], first);
    assert_eq!(second[0], env.fake.last().body["messages"][0]);
}

#[tokio::test]
async fn streams_restore_placeholders_split_across_chunks_and_in_tool_arguments() {
    let env = harness::start_default().await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o-mini", "stream": true,
                "tools": [{"type": "function", "function": {"name": "send", "parameters": {"type": "object"}}}],
                "messages": [{"role": "user", "content": format!("to {EMAIL}")}]}),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let text = r.text().await.unwrap();
    let events = sse_events(&text);
    assert_eq!(events.last().unwrap().1, "[DONE]");
    let mut content = String::new();
    let mut args = String::new();
    let mut finish = None;
    for (_, data) in &events[..events.len() - 1] {
        let v: Value = serde_json::from_str(data).unwrap();
        if let Some(c) = v
            .pointer("/choices/0/delta/content")
            .and_then(Value::as_str)
        {
            content.push_str(c);
        }
        if let Some(a) = v
            .pointer("/choices/0/delta/tool_calls/0/function/arguments")
            .and_then(Value::as_str)
        {
            args.push_str(a);
        }
        if let Some(f) = v
            .pointer("/choices/0/finish_reason")
            .and_then(Value::as_str)
        {
            finish = Some(f.to_string());
        }
    }
    assert_eq!(content, format!("You said: to {EMAIL}"));
    let args: Value = serde_json::from_str(&args).unwrap();
    assert_eq!(args["to"], format!("to {EMAIL}"));
    assert_eq!(finish.as_deref(), Some("tool_calls"));
    assert!(!env.fake.last().body.to_string().contains(EMAIL));
}

#[tokio::test]
async fn one_requests_placeholders_are_never_restored_in_another() {
    let env = harness::start_default().await;
    env.post(
        "/v1/chat/completions",
        json!({"model": "gpt-4o", "messages": [{"role": "user", "content": format!("{EMAIL}")}]}),
    )
    .await;
    let placeholder = env.fake.last().body["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(placeholder.starts_with("[[EMAIL_"), "{placeholder}");
    // A second request, without the email, whose answer carries the first's placeholder.
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o", "messages": [{"role": "user", "content": placeholder.clone()}]}),
        )
        .await;
    let v: Value = r.json().await.unwrap();
    let answer = v["choices"][0]["message"]["content"].as_str().unwrap();
    assert_eq!(answer, format!("You said: {placeholder}"));
    assert!(!answer.contains(EMAIL));
}

#[tokio::test]
async fn clean_requests_stream_through_byte_for_byte() {
    let env = harness::start_default().await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "hello there"}]}),
        )
        .await;
    let through_gateway = r.text().await.unwrap();
    let direct = reqwest::Client::new()
        .post(format!("{}/v1/chat/completions", env.fake_url))
        .json(&env.fake.last().body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(through_gateway, direct);
}
