//! Faults: limits, upstream errors, timeouts, broken streams, disconnects, shutdown.

use std::time::Duration;

use airlock_gateway::Overrides;
use serde_json::{json, Value};

use crate::harness::{self, sse_events, Setup, EMAIL, GATEWAY_KEY};

#[tokio::test]
async fn a_body_over_the_limit_gets_a_clear_413() {
    let env = harness::start(Setup {
        flags: Overrides {
            max_body_bytes: Some(1000),
            ..Overrides::default()
        },
        ..Setup::default()
    })
    .await;
    let big = "x".repeat(2000);
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o", "messages": [{"role": "user", "content": big}]}),
        )
        .await;
    assert_eq!(r.status(), 413);
    let v: Value = r.json().await.unwrap();
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("1000 bytes"));
    // Also without a declared length (chunked upload).
    let chunks = futures_util::stream::iter(vec![
        Ok::<_, std::io::Error>(vec![b' '; 800]),
        Ok(vec![b' '; 800]),
    ]);
    let r = env
        .http
        .post(env.url("/v1/messages"))
        .header("x-api-key", GATEWAY_KEY)
        .body(reqwest::Body::wrap_stream(chunks))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["type"],
        "request_too_large"
    );
}

#[tokio::test]
async fn invalid_json_and_a_missing_model_are_400s() {
    let env = harness::start_default().await;
    let r = env
        .http
        .post(env.url("/v1/chat/completions"))
        .bearer_auth(GATEWAY_KEY)
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = env
        .post("/v1/chat/completions", json!({"messages": []}))
        .await;
    assert_eq!(r.status(), 400);
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "unknown-model-x", "messages": []}),
        )
        .await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn upstream_5xx_reaches_the_client_as_the_providers_error() {
    let env = harness::start_default().await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-fail-500", "messages": [{"role": "user", "content": "hi"}]}),
        )
        .await;
    assert_eq!(r.status(), 500);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["message"], "upstream exploded");
}

#[tokio::test]
async fn an_upstream_that_cannot_be_reached_gets_a_502_in_dialect() {
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let mut setup = Setup::default();
    for name in ["ANTHROPIC", "OPENAI"] {
        setup
            .env
            .insert(format!("AIRLOCK_UPSTREAM_{name}_URL"), url.clone());
    }
    let env = harness::start(setup).await;
    let r = env
        .post_anthropic(json!({"model": "claude-opus-4-1", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}))
        .await;
    assert_eq!(r.status(), 502);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["type"], "error");
    assert_eq!(
        v["error"]["message"],
        "upstream `anthropic` failed: could not connect"
    );
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}),
        )
        .await;
    assert_eq!(r.status(), 502);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v["error"]["message"],
        "upstream `openai` failed: could not connect"
    );
}

#[tokio::test]
async fn an_upstream_that_does_not_answer_in_time_gets_a_504_in_dialect() {
    let env = harness::start(Setup {
        flags: Overrides {
            upstream_timeout_secs: Some(1),
            ..Overrides::default()
        },
        ..Setup::default()
    })
    .await;
    let r = env
        .post_anthropic(json!({"model": "claude-slow-head", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}))
        .await;
    assert_eq!(r.status(), 504);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["type"], "error");
    assert_eq!(v["error"]["type"], "timeout_error");
}

#[tokio::test]
async fn a_stream_cut_upstream_ends_with_an_error_event_in_each_dialect() {
    let env = harness::start_default().await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-cut", "stream": true, "messages": [{"role": "user", "content": format!("a long message for {EMAIL}")}]}),
        )
        .await;
    let text = r.text().await.unwrap();
    let events = sse_events(&text);
    let last: Value = serde_json::from_str(&events.last().unwrap().1).expect(&text);
    assert_eq!(last["error"]["code"], "upstream_error");

    let r = env
        .post_anthropic(
            json!({"model": "claude-cut", "max_tokens": 5, "stream": true,
            "messages": [{"role": "user", "content": "a long message to cut in the middle"}]}),
        )
        .await;
    let events = sse_events(&r.text().await.unwrap());
    let (name, data) = events.last().unwrap();
    assert_eq!(name.as_deref(), Some("error"));
    let v: Value = serde_json::from_str(data).unwrap();
    assert_eq!(v["error"]["type"], "api_error");
    assert!(!events
        .iter()
        .any(|(n, _)| n.as_deref() == Some("message_stop")));

    let r = env
        .post("/api/chat", json!({"model": "llama-cut", "messages": [{"role": "user", "content": "a long message to cut"}]}))
        .await;
    let body = r.text().await.unwrap();
    let last: Value = serde_json::from_str(body.lines().last().unwrap()).unwrap();
    assert!(last["error"].as_str().unwrap().starts_with("airlock:"));
}

#[tokio::test]
async fn a_client_that_goes_away_cancels_the_upstream_stream() {
    let env = harness::start_default().await;
    let mut r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-slow-stream", "stream": true, "messages": [{"role": "user", "content": "a long enough message"}]}),
        )
        .await;
    let first = r.chunk().await.unwrap();
    assert!(first.is_some());
    drop(r);
    let mut dropped = 0;
    for _ in 0..50 {
        dropped = *env.fake.dropped_streams.lock().unwrap();
        if dropped > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(dropped, 1, "the upstream stream was not cancelled");
}

#[tokio::test]
async fn shutdown_lets_a_stream_in_flight_finish() {
    let mut env = harness::start_default().await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-slow-stream", "stream": true, "messages": [{"role": "user", "content": "drain me"}]}),
        )
        .await;
    let base = env.base.clone();
    let reader = tokio::spawn(async move { r.text().await.unwrap() });
    tokio::time::sleep(Duration::from_millis(300)).await;
    env.shutdown().await;
    let text = reader.await.unwrap();
    let events = sse_events(&text);
    assert_eq!(events.last().unwrap().1, "[DONE]");
    // And the listener is closed.
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err());
}
