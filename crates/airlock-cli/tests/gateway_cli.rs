//! `airlock gateway` through the real binary: the setup text, and configurations it refuses
//! before listening. (Serving is tested with real SDKs and agents by
//! crates/airlock-gateway/tests/python/run.sh and tests/agents/run.sh.)

use std::fs;

use crate::{airlock, stderr, stdout};

#[test]
fn setup_prints_each_assistants_settings_for_the_configured_address() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("airlock.toml"),
        "version = 1\n[gateway]\nlisten = \"127.0.0.1:9911\"\n",
    )
    .unwrap();
    let o = airlock(d.path(), &["gateway", "setup"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    for needle in [
        "export ANTHROPIC_BASE_URL=http://127.0.0.1:9911\n",
        "base_url = \"http://127.0.0.1:9911/v1\"\n",
        "wire_api = \"responses\"\n",
        "export OPENAI_API_BASE=http://127.0.0.1:9911/v1\n",
        "apiBase: http://127.0.0.1:9911/v1\n",
        "api_base: http://127.0.0.1:9911/v1\n",
        "OpenAI(base_url=\"http://127.0.0.1:9911/v1\"",
        "Anthropic(base_url=\"http://127.0.0.1:9911\"",
        "export OLLAMA_HOST=http://127.0.0.1:9911\n",
    ] {
        assert!(s.contains(needle), "missing {needle:?} in:\n{s}");
    }
    let o = airlock(
        d.path(),
        &["gateway", "setup", "--url", "https://airlock.corp.example/"],
    );
    assert!(stdout(&o).contains("export ANTHROPIC_BASE_URL=https://airlock.corp.example\n"));
}

#[test]
fn a_mistake_in_the_gateway_section_stops_the_gateway_with_its_line() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("airlock.toml"),
        "version = 1\n\n[gateway]\nanswer_review = \"sometimes\"\n",
    )
    .unwrap();
    let o = airlock(d.path(), &["gateway"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("airlock.toml:4:"), "{e}");
}

#[test]
fn no_keys_is_refused_off_loopback() {
    let d = tempfile::tempdir().unwrap();
    let o = airlock(
        d.path(),
        &["gateway", "--auth", "none", "--listen", "0.0.0.0:0"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("allowed only on a loopback address"),
        "{}",
        stderr(&o)
    );
}
