//! Answer review: annotate and block, whole and mid-stream, in each protocol.

use std::sync::Arc;

use airlock_gateway::{AnswerFinding, AnswerReviewer, Overrides};
use airlock_policy::AnswerReview;
use airlock_types::Severity;
use serde_json::{json, Value};

use crate::harness::{self, sse_events, Setup};

/// Flags `eval(` inside the answer: enough to drive the hook.
struct EvalReviewer;

impl AnswerReviewer for EvalReviewer {
    fn review(&self, answer: &str) -> Vec<AnswerFinding> {
        answer
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("eval("))
            .map(|(i, _)| AnswerFinding {
                rule_id: "py-eval".into(),
                title: "eval of input".into(),
                cwe: Some(95),
                severity: Severity::High,
                line: i + 1,
                message: "do not eval untrusted input".into(),
            })
            .collect()
    }
}

async fn start(mode: AnswerReview) -> harness::Env {
    harness::start(Setup {
        reviewer: Some(Arc::new(EvalReviewer)),
        flags: Overrides {
            answer_review: Some(mode),
            ..Overrides::default()
        },
        ..Setup::default()
    })
    .await
}

const CODE: &str = "run this:\n```py\nx = eval(input())\n```\nthat is all";

#[tokio::test]
async fn annotate_adds_a_note_after_whole_and_streamed_answers() {
    let env = start(AnswerReview::Annotate).await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o", "messages": [{"role": "user", "content": CODE}]}),
        )
        .await;
    let v: Value = r.json().await.unwrap();
    let text = v["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(text.starts_with("You said: run this:"));
    assert!(text.contains("[airlock] security review"), "{text}");
    assert!(
        text.contains("line 3: eval of input [high] (CWE-95)"),
        "{text}"
    );

    let r = env
        .post_anthropic(json!({"model": "claude-sonnet-4-5", "max_tokens": 100, "stream": true, "messages": [{"role": "user", "content": CODE}]}))
        .await;
    let events = sse_events(&r.text().await.unwrap());
    let names: Vec<_> = events.iter().filter_map(|(n, _)| n.clone()).collect();
    assert_eq!(names.last().map(String::as_str), Some("message_stop"));
    // The note is a text block of its own before message_delta.
    let md = names.iter().position(|n| n == "message_delta").unwrap();
    assert_eq!(names[md - 1], "content_block_stop");
    let note: Value = serde_json::from_str(&events[md - 2].1).unwrap();
    assert!(note["delta"]["text"].as_str().unwrap().contains("CWE-95"));
}

#[tokio::test]
async fn block_stops_streams_cleanly_before_the_code_reaches_the_client() {
    let env = start(AnswerReview::Block).await;
    let r = env
        .post("/v1/chat/completions", json!({"model": "gpt-4o", "stream": true, "messages": [{"role": "user", "content": CODE}]}))
        .await;
    let events = sse_events(&r.text().await.unwrap());
    assert_eq!(events.last().unwrap().1, "[DONE]");
    let mut text = String::new();
    let mut finish = None;
    for (_, d) in &events[..events.len() - 1] {
        let v: Value = serde_json::from_str(d).unwrap();
        if let Some(c) = v
            .pointer("/choices/0/delta/content")
            .and_then(Value::as_str)
        {
            text.push_str(c);
        }
        if let Some(f) = v
            .pointer("/choices/0/finish_reason")
            .and_then(Value::as_str)
        {
            finish = Some(f.to_string());
        }
    }
    assert!(!text.contains("eval("), "{text}");
    assert!(
        text.contains("[airlock] answer stopped: the answer's code has py-eval (CWE-95"),
        "{text}"
    );
    assert_eq!(finish.as_deref(), Some("content_filter"));

    let r = env
        .post_anthropic(json!({"model": "claude-sonnet-4-5", "max_tokens": 100, "stream": true, "messages": [{"role": "user", "content": CODE}]}))
        .await;
    let events = sse_events(&r.text().await.unwrap());
    let names: Vec<_> = events.iter().filter_map(|(n, _)| n.clone()).collect();
    let tail: Vec<&str> = names
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(
        tail,
        ["content_block_stop", "message_delta", "message_stop"]
    );
    let md: Value = serde_json::from_str(&events[events.len() - 2].1).unwrap();
    assert_eq!(md["delta"]["stop_reason"], "refusal");
    let all: String = events.iter().map(|(_, d)| d.as_str()).collect();
    assert!(!all.contains("eval("));

    // A whole answer is replaced by an error in the client's dialect.
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o", "messages": [{"role": "user", "content": CODE}]}),
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "airlock_answer_blocked"
    );
}

fn responses_events(text: &str) -> Vec<Value> {
    sse_events(text)
        .into_iter()
        .map(|(name, data)| {
            let v: Value = serde_json::from_str(&data).unwrap();
            assert_eq!(name.as_deref(), v["type"].as_str());
            v
        })
        .collect()
}

#[tokio::test]
async fn responses_streams_are_annotated_consistently_and_stopped_with_an_error_event() {
    let env = start(AnswerReview::Annotate).await;
    let body = json!({"model": "gpt-5-codex", "stream": true, "input": CODE});
    let r = env.post("/v1/responses", body.clone()).await;
    let events = responses_events(&r.text().await.unwrap());
    let deltas: String = events
        .iter()
        .filter(|e| e["type"] == "response.output_text.delta")
        .map(|e| e["delta"].as_str().unwrap())
        .collect();
    assert!(deltas.contains("CWE-95"), "{deltas}");
    let done = events
        .iter()
        .find(|e| e["type"] == "response.output_text.done")
        .unwrap();
    assert_eq!(done["text"], deltas.as_str());
    let completed = events.last().unwrap();
    assert_eq!(completed["type"], "response.completed");
    assert_eq!(
        completed["response"]["output"][0]["content"][0]["text"],
        deltas.as_str()
    );

    let env = start(AnswerReview::Block).await;
    let r = env.post("/v1/responses", body).await;
    let events = responses_events(&r.text().await.unwrap());
    let all: String = events.iter().map(Value::to_string).collect();
    assert!(!all.contains("eval("), "{all}");
    let last = events.last().unwrap();
    assert_eq!(last["type"], "error");
    assert_eq!(last["code"], "airlock_answer_blocked");
}

#[tokio::test]
async fn a_code_block_left_open_is_reviewed_when_its_text_block_ends() {
    let env = start(AnswerReview::Block).await;
    let open = "run this:\n```py\nx = eval(input())\n";
    let r = env
        .post_anthropic(json!({"model": "claude-sonnet-4-5", "max_tokens": 100, "stream": true, "messages": [{"role": "user", "content": open}]}))
        .await;
    let events = sse_events(&r.text().await.unwrap());
    let all: String = events.iter().map(|(_, d)| d.as_str()).collect();
    assert!(!all.contains("eval("), "{all}");
    assert_eq!(events.last().unwrap().0.as_deref(), Some("message_stop"));
    let md: Value = serde_json::from_str(&events[events.len() - 2].1).unwrap();
    assert_eq!(md["delta"]["stop_reason"], "refusal");
    // The stopped block is closed exactly once.
    let stops = events
        .iter()
        .filter(|(n, _)| n.as_deref() == Some("content_block_stop"))
        .count();
    let starts = events
        .iter()
        .filter(|(n, _)| n.as_deref() == Some("content_block_start"))
        .count();
    assert_eq!(starts, stops);
}
