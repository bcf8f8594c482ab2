//! Responses, legacy Completions, Embeddings and Ollama's own endpoints.

use serde_json::{json, Value};

use crate::harness::{self, sse_events, EMAIL};

#[tokio::test]
async fn responses_api_whole_and_streamed() {
    let env = harness::start_default().await;
    let body = json!({"model": "gpt-5-codex", "instructions": "You are Codex.",
        "input": [{"type": "message", "role": "user", "content": [{"type": "input_text", "text": format!("hi {EMAIL}")}]}]});
    let r = env.post("/v1/responses", body.clone()).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v["output"][0]["content"][0]["text"],
        format!("You said: hi {EMAIL}")
    );
    let got = env.fake.last();
    assert!(!got.body.to_string().contains(EMAIL));
    let instructions = got.body["instructions"].as_str().unwrap();
    assert!(instructions.starts_with("You are Codex.\n\n"));
    assert!(instructions.contains("parameterized queries"));

    let mut body = body;
    body["stream"] = json!(true);
    let r = env.post("/v1/responses", body).await;
    let events = sse_events(&r.text().await.unwrap());
    let mut deltas = String::new();
    let mut done_text = None;
    let mut completed = None;
    for (name, data) in &events {
        let v: Value = serde_json::from_str(data).unwrap();
        assert_eq!(name.as_deref(), v["type"].as_str());
        match v["type"].as_str().unwrap() {
            "response.output_text.delta" => deltas.push_str(v["delta"].as_str().unwrap()),
            "response.output_text.done" => done_text = v["text"].as_str().map(str::to_string),
            "response.completed" => completed = Some(v),
            _ => {}
        }
    }
    let want = format!("You said: hi {EMAIL}");
    assert_eq!(deltas, want);
    assert_eq!(done_text.as_deref(), Some(want.as_str()));
    assert_eq!(
        completed.unwrap()["response"]["output"][0]["content"][0]["text"],
        want
    );
}

#[tokio::test]
async fn legacy_completions_and_fim_prompts_are_inspected_but_get_no_instructions() {
    let env = harness::start_default().await;
    let r = env
        .post("/v1/completions", json!({"model": "gpt-3.5-turbo-instruct", "prompt": format!("def mail():\n  return '{EMAIL}'"), "suffix": "\n"}))
        .await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert!(v["choices"][0]["text"].as_str().unwrap().contains(EMAIL));
    let got = env.fake.last();
    assert!(!got.body.to_string().contains(EMAIL));
    assert!(got.body.get("instructions").is_none() && got.body.get("messages").is_none());

    let r = env
        .post("/v1/completions", json!({"model": "gpt-3.5-turbo-instruct", "stream": true, "prompt": format!("x {EMAIL}")}))
        .await;
    let events = sse_events(&r.text().await.unwrap());
    let text: String = events
        .iter()
        .filter(|(_, d)| d != "[DONE]")
        .map(|(_, d)| {
            serde_json::from_str::<Value>(d).unwrap()["choices"][0]["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(text, format!("You said: x {EMAIL}"));
}

#[tokio::test]
async fn embeddings_inputs_are_inspected() {
    let env = harness::start_default().await;
    // The default [models] approve only openai/gpt-* for box 2 at OpenAI.
    let r = env
        .post(
            "/v1/embeddings",
            json!({"model": "text-embedding-3-small", "input": [format!("about {EMAIL}")]}),
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(env.fake.count(), 0);
    let r = env
        .post(
            "/v1/embeddings",
            json!({"model": "text-embedding-3-small", "input": ["about the weather"]}),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Value>().await.unwrap()["data"][0]["embedding"][0],
        0.1
    );
}

#[tokio::test]
async fn ollama_chat_and_generate_stream_ndjson_with_restored_values() {
    let env = harness::start_default().await;
    let r = env
        .post("/api/chat", json!({"model": "qwen2.5-coder", "messages": [{"role": "user", "content": format!("to {EMAIL}")}]}))
        .await;
    assert_eq!(r.status(), 200);
    let body = r.text().await.unwrap();
    let lines: Vec<Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let text: String = lines
        .iter()
        .map(|l| l["message"]["content"].as_str().unwrap())
        .collect();
    assert_eq!(text, format!("You said: to {EMAIL}"));
    assert_eq!(lines.last().unwrap()["done"], true);
    let got = env.fake.last();
    assert_eq!(got.path, "/api/chat");
    assert!(!got.body.to_string().contains(EMAIL));

    let r = env
        .post("/api/generate", json!({"model": "qwen2.5-coder", "system": "sys", "prompt": format!("to {EMAIL}"), "stream": false}))
        .await;
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["response"], format!("You said: to {EMAIL}"));
    let got = env.fake.last();
    assert!(got.body["system"].as_str().unwrap().starts_with("sys\n\n"));
}
