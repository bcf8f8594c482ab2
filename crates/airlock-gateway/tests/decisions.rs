//! Policy decisions: block, refuse, reroute, and keys.

use serde_json::{json, Value};

use crate::harness::{self, Setup, AWS_KEY, EMAIL, GATEWAY_KEY};

#[tokio::test]
async fn box3_content_is_blocked_with_an_openai_shaped_error_naming_kind_and_place() {
    let env = harness::start_default().await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o", "messages": [
                {"role": "user", "content": "hi"},
                {"role": "assistant", "content": "hello"},
                {"role": "user", "content": format!("aws_access_key_id = {AWS_KEY}")}]}),
        )
        .await;
    assert_eq!(r.status(), 403);
    let text = r.text().await.unwrap();
    assert!(!text.contains(AWS_KEY), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(msg.contains("credential"), "{msg}");
    assert!(msg.contains("messages[2].content"), "{msg}");
    assert_eq!(v["error"]["code"], "airlock_blocked");
    assert_eq!(v["error"]["type"], "permission_error");
    assert_eq!(env.fake.count(), 0, "nothing may reach the provider");
}

#[tokio::test]
async fn anthropic_clients_get_anthropic_shaped_errors() {
    let env = harness::start_default().await;
    let r = env
        .post_anthropic(json!({"model": "claude-sonnet-4-5", "max_tokens": 10, "messages": [
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": format!("AWS_ACCESS_KEY_ID={AWS_KEY}")}]}]}))
        .await;
    assert_eq!(r.status(), 403);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["type"], "error");
    assert_eq!(v["error"]["type"], "permission_error");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("messages[0].content[0].content"));
    assert!(!v.to_string().contains(AWS_KEY));
}

#[tokio::test]
async fn box2_content_to_an_unapproved_model_is_refused() {
    let env = harness::start_default().await;
    // `o3-mini` routes to OpenAI, but [models] box2 approves only openai/gpt-* there.
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "o3-mini", "messages": [{"role": "user", "content": format!("mail {EMAIL}")}]}),
        )
        .await;
    assert_eq!(r.status(), 403);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "airlock_model_not_approved");
    assert!(!v.to_string().contains(EMAIL));
    assert_eq!(env.fake.count(), 0);
    // Box 1 content may go to it.
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "o3-mini", "messages": [{"role": "user", "content": "hello"}]}),
        )
        .await;
    assert_eq!(r.status(), 200);
}

const REROUTE: &str = r#"version = 1
[gateway]
box3_route = "ollama/qwen2.5-coder"
"#;

#[tokio::test]
async fn box3_content_is_rerouted_to_the_local_model_and_never_to_the_cloud() {
    let env = harness::start(Setup {
        policy: REROUTE.into(),
        ..Setup::default()
    })
    .await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o", "messages": [{"role": "user", "content": format!("key {AWS_KEY}")}]}),
        )
        .await;
    assert_eq!(r.status(), 200);
    let got = env.fake.last();
    assert_eq!(got.body["model"], "qwen2.5-coder");
    // No OpenAI key goes to the local model.
    assert!(got.headers.get("authorization").is_none());
}

#[tokio::test]
async fn a_reroute_whose_route_is_down_fails_closed() {
    // Nothing listens on the Ollama upstream's port.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let mut setup = Setup {
        policy: REROUTE.into(),
        ..Setup::default()
    };
    setup.env.insert(
        "AIRLOCK_UPSTREAM_OLLAMA_URL".into(),
        format!("http://127.0.0.1:{port}"),
    );
    let env = harness::start(setup).await;
    let r = env
        .post(
            "/v1/chat/completions",
            json!({"model": "gpt-4o", "messages": [{"role": "user", "content": format!("key {AWS_KEY}")}]}),
        )
        .await;
    assert_eq!(r.status(), 502);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "upstream_error");
    assert_eq!(
        env.fake.count(),
        0,
        "the cloud upstream must not get box 3 content"
    );
}

#[tokio::test]
async fn every_route_but_health_needs_a_gateway_key() {
    let env = harness::start_default().await;
    let h = env.http.get(env.url("/healthz")).send().await.unwrap();
    assert_eq!(h.status(), 200);
    let m = env.http.get(env.url("/metrics")).send().await.unwrap();
    assert_eq!(m.status(), 200, "metrics are open on loopback");

    let r = env
        .http
        .post(env.url("/v1/chat/completions"))
        .json(&json!({"model": "gpt-4o", "messages": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "invalid_api_key"
    );
    let r = env
        .http
        .post(env.url("/v1/messages"))
        .header("x-api-key", "wrong")
        .json(&json!({"model": "claude-x", "messages": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["type"],
        "authentication_error"
    );
    let r = env.http.get(env.url("/v1/models")).send().await.unwrap();
    assert_eq!(r.status(), 401);
    let r = env
        .http
        .get(env.url("/v1/models"))
        .bearer_auth(GATEWAY_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Value>().await.unwrap()["data"][0]["id"],
        "gpt-4o-mini"
    );
    assert_eq!(env.fake.count(), 0);
}
