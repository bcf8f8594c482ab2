//! Zero-trust prompts: the policy's security requirements added to every request at a
//! fixed place that does not move between turns: after the client's own system prompt,
//! as a separate block or message. The prefix the provider caches stays the same from
//! one turn to the next, so prompt caching keeps working.

use serde_json::{json, Value};

use crate::dialect::Endpoint;

/// The text added to requests; `None` when the policy lists no requirements.
pub fn requirements_text(requirements: &[String]) -> Option<String> {
    if requirements.is_empty() {
        return None;
    }
    let mut s = String::from(
        "Security requirements of this organization (airlock). Follow them in all code you write or change:\n",
    );
    for (i, r) in requirements.iter().enumerate() {
        s.push_str(&format!("{}. {r}\n", i + 1));
    }
    Some(s)
}

/// Adds `text` to the request. Returns whether the body changed.
pub fn inject(endpoint: Endpoint, body: &mut Value, text: &str) -> bool {
    match endpoint {
        Endpoint::Messages | Endpoint::CountTokens => {
            let block = json!({"type": "text", "text": text});
            match body.get_mut("system") {
                Some(Value::Array(blocks)) => blocks.push(block),
                Some(Value::String(s)) => {
                    let first = json!({"type": "text", "text": std::mem::take(s)});
                    body["system"] = json!([first, block]);
                }
                _ => body["system"] = json!([block]),
            }
            true
        }
        Endpoint::ChatCompletions | Endpoint::OllamaChat => {
            let Some(messages) = body.get_mut("messages").and_then(Value::as_array_mut) else {
                return false;
            };
            // After the leading system/developer messages: a place that is the same in
            // every turn of the conversation.
            let lead = messages
                .iter()
                .take_while(|m| matches!(m["role"].as_str(), Some("system" | "developer")))
                .count();
            let role = if lead > 0 && messages[0]["role"] == "developer" {
                "developer"
            } else {
                "system"
            };
            messages.insert(lead, json!({"role": role, "content": text}));
            true
        }
        Endpoint::Responses => {
            match body.get_mut("instructions") {
                Some(Value::String(s)) if !s.is_empty() => {
                    s.push_str("\n\n");
                    s.push_str(text);
                }
                _ => body["instructions"] = Value::String(text.to_string()),
            }
            true
        }
        Endpoint::OllamaGenerate => {
            match body.get_mut("system") {
                Some(Value::String(s)) if !s.is_empty() => {
                    s.push_str("\n\n");
                    s.push_str(text);
                }
                _ => body["system"] = Value::String(text.to_string()),
            }
            true
        }
        // Raw prompts (FIM) and embeddings have no place for instructions.
        Endpoint::Completions | Endpoint::Embeddings => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_added_message_sits_after_the_clients_system_prompt_in_every_turn() {
        let mut turn1 = json!({"messages": [
            {"role": "system", "content": "sys"}, {"role": "user", "content": "a"}]});
        let mut turn2 = json!({"messages": [
            {"role": "system", "content": "sys"}, {"role": "user", "content": "a"},
            {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}]});
        inject(Endpoint::ChatCompletions, &mut turn1, "REQ");
        inject(Endpoint::ChatCompletions, &mut turn2, "REQ");
        let m1 = turn1["messages"].as_array().unwrap();
        let m2 = turn2["messages"].as_array().unwrap();
        assert_eq!(m1[1]["content"], "REQ");
        // The first turn is a prefix of the second: the cached prefix is unchanged.
        assert_eq!(m1[..], m2[..m1.len()]);
    }

    #[test]
    fn anthropic_system_becomes_blocks_with_the_requirements_last() {
        let mut b = json!({"system": "You are Claude Code.", "messages": []});
        inject(Endpoint::Messages, &mut b, "REQ");
        assert_eq!(b["system"][0]["text"], "You are Claude Code.");
        assert_eq!(b["system"][1]["text"], "REQ");
        let mut b = json!({"system": [{"type": "text", "text": "x", "cache_control": {"type": "ephemeral"}}]});
        inject(Endpoint::Messages, &mut b, "REQ");
        assert_eq!(b["system"][0]["cache_control"]["type"], "ephemeral");
        assert_eq!(b["system"][1]["text"], "REQ");
    }
}
