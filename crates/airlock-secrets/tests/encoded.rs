//! Secrets hidden behind an encoding are found, and reported on the encoded value.

use airlock_secrets::Detector;

fn rules_found(text: &str) -> Vec<(String, String)> {
    let d = Detector::builtin();
    d.scan(text.as_bytes())
        .into_iter()
        .map(|f| (f.rule_id, text[f.span.start..f.span.end].to_string()))
        .collect()
}

#[test]
fn base64_token_in_a_kubernetes_secret() {
    let b64 = "Z2hwX0FpcmxvY2tTeW50aGV0aWNGaXh0dXJlQTFiMkMzZDJVZ1RrYw==";
    let text = format!("apiVersion: v1\nkind: Secret\ndata:\n  github-token: {b64}\n");
    let found = rules_found(&text);
    assert!(
        found.iter().any(|(r, v)| r == "github-pat" && v == b64),
        "{found:?}"
    );
}

#[test]
fn hex_encoded_token() {
    let hex = "6768705f4169726c6f636b53796e7468657469634669787475726541316232433364325567546b63";
    let text = format!("github_token_hex = \"{hex}\"\n");
    let found = rules_found(&text);
    assert!(
        found.iter().any(|(r, v)| r == "github-pat" && v == hex),
        "{found:?}"
    );
}

#[test]
fn dockerconfigjson_with_nested_auth() {
    let outer = "eyJhdXRocyI6eyJyZWdpc3RyeS5haXJsb2NrLWZpeHR1cmUuZGV2Ijp7ImF1dGgiOiJaR1Z3Ykc5NU9sTjViblJvTTNScFl5MUdhWGgwZFhKbExWQjMifX19";
    let text = format!("data:\n  .dockerconfigjson: {outer}\n");
    let found = rules_found(&text);
    assert!(found.iter().any(|(_, v)| v == outer), "{found:?}");
}
