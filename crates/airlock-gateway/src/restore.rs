//! Putting restorable values back into answers: whole JSON answers at once, and streams
//! piece by piece, where a placeholder may be split across chunks. A stream holds back
//! only a tail that could still become a placeholder, never more than the longest one.

use serde_json::Value;

use crate::inspect::{Lookup, RestoreMap};

/// How a restored value is written: as plain text, or inside a JSON string that is
/// itself carried as text (tool-call arguments), where it must be escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Text,
    JsonFragment,
}

/// The first `n` bytes of `s`, shortened to a character boundary.
fn clip(s: &str, n: usize) -> &str {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

fn push_value(out: &mut String, value: &str, mode: Mode) {
    match mode {
        Mode::Text => out.push_str(value),
        Mode::JsonFragment => {
            let quoted = serde_json::to_string(value).unwrap_or_default();
            out.push_str(&quoted[1..quoted.len() - 1]);
        }
    }
}

/// Restores every placeholder of `map` in `text`. Returns `None` when nothing changed.
pub fn restore_str(text: &str, map: &RestoreMap, mode: Mode) -> Option<String> {
    if map.is_empty() || !text.contains("[[") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut changed = false;
    while let Some(rel) = text[at..].find("[[") {
        let start = at + rel;
        out.push_str(&text[at..start]);
        let window = clip(&text[start..], map.max_len());
        let hit = window
            .find("]]")
            .map(|e| &window[..e + 2])
            .and_then(|p| map.get(p).map(|v| (p.len(), v)));
        match hit {
            Some((len, value)) => {
                push_value(&mut out, &value, mode);
                at = start + len;
                changed = true;
            }
            None => {
                out.push('[');
                at = start + 1;
            }
        }
    }
    out.push_str(&text[at..]);
    changed.then_some(out)
}

/// Restores every string in `v`, except inside signed blocks (thinking), which must stay
/// byte-exact. `arguments` and `partial_json` strings hold JSON text, so values put into
/// them are escaped. Returns how many strings changed.
pub fn restore_value(v: &mut Value, map: &RestoreMap) -> usize {
    restore_in(v, map, Mode::Text)
}

fn restore_in(v: &mut Value, map: &RestoreMap, mode: Mode) -> usize {
    match v {
        Value::String(s) => match restore_str(s, map, mode) {
            Some(r) => {
                *s = r;
                1
            }
            None => 0,
        },
        Value::Array(items) => items.iter_mut().map(|i| restore_in(i, map, mode)).sum(),
        Value::Object(obj) => {
            if matches!(
                obj.get("type").and_then(Value::as_str),
                Some("thinking" | "redacted_thinking" | "reasoning")
            ) {
                return 0;
            }
            obj.iter_mut()
                .filter(|(k, _)| !matches!(k.as_str(), "signature" | "id" | "type"))
                .map(|(k, item)| {
                    let m = if k == "arguments" || k == "partial_json" {
                        Mode::JsonFragment
                    } else {
                        mode
                    };
                    restore_in(item, map, m)
                })
                .sum()
        }
        _ => 0,
    }
}

/// Restores one stream of text deltas.
#[derive(Debug)]
pub struct StreamRestorer {
    mode: Mode,
    held: String,
}

impl StreamRestorer {
    pub fn new(mode: Mode) -> StreamRestorer {
        StreamRestorer {
            mode,
            held: String::new(),
        }
    }

    /// Takes the next delta and returns what may be sent now.
    pub fn push(&mut self, delta: &str, map: &RestoreMap) -> String {
        self.held.push_str(delta);
        let text = std::mem::take(&mut self.held);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        loop {
            let Some(rel) = text[at..].find('[') else {
                out.push_str(&text[at..]);
                break;
            };
            let start = at + rel;
            out.push_str(&text[at..start]);
            let rest = &text[start..];
            let window = clip(rest, map.max_len());
            if let Some(e) = window.find("]]") {
                match map.lookup(&window[..e + 2]) {
                    Lookup::Found(value) => {
                        push_value(&mut out, &value, self.mode);
                        at = start + e + 2;
                        continue;
                    }
                    Lookup::Pending => {
                        // The vault's database is asked before the next delta.
                        self.held.push_str(rest);
                        break;
                    }
                    Lookup::Absent => {}
                }
            }
            if map.has_prefix(rest) {
                // It may still become a placeholder: wait for the next delta.
                self.held.push_str(rest);
                break;
            }
            out.push('[');
            at = start + 1;
        }
        out
    }

    /// Whether text is held back.
    pub fn has_held(&self) -> bool {
        !self.held.is_empty()
    }

    /// The end of the stream: what was held back, with the placeholders known by now
    /// restored and the rest as it was.
    pub fn finish(&mut self, map: &RestoreMap) -> String {
        let text = std::mem::take(&mut self.held);
        if text.is_empty() {
            return text;
        }
        restore_str(&text, map, self.mode).unwrap_or(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> RestoreMap {
        let mut m = RestoreMap::default();
        m.insert(
            "[[EMAIL_0a1b2c3d]]".into(),
            "jane@airlock-fixture.dev".into(),
        );
        m.insert("[[HOST_99887766]]".into(), "db\"01\".corp".into());
        m
    }

    #[test]
    fn restores_whole_strings_and_leaves_unknown_placeholders() {
        let m = map();
        let r = restore_str(
            "mail [[EMAIL_0a1b2c3d]] not [[AWS_KEY_00000000]] [[x",
            &m,
            Mode::Text,
        );
        assert_eq!(
            r.as_deref(),
            Some("mail jane@airlock-fixture.dev not [[AWS_KEY_00000000]] [[x")
        );
        assert_eq!(restore_str("nothing here", &m, Mode::Text), None);
    }

    #[test]
    fn a_placeholder_split_at_every_byte_is_restored() {
        let m = map();
        let text = "to [[EMAIL_0a1b2c3d]] and [[HOST_99887766]]; [[ nope ]] [";
        let want = "to jane@airlock-fixture.dev and db\"01\".corp; [[ nope ]] [";
        for cut in 0..text.len() {
            for cut2 in cut..text.len() {
                let mut r = StreamRestorer::new(Mode::Text);
                let mut got = r.push(&text[..cut], &m);
                got += &r.push(&text[cut..cut2], &m);
                got += &r.push(&text[cut2..], &m);
                got += &r.finish(&m);
                assert_eq!(got, want, "cuts at {cut}, {cut2}");
            }
        }
    }

    #[test]
    fn holds_back_no_more_than_a_possible_placeholder() {
        let m = map();
        let mut r = StreamRestorer::new(Mode::Text);
        assert_eq!(r.push("abc [[EMA", &m), "abc ");
        assert!(r.has_held());
        // Not a placeholder after all: released at once.
        assert_eq!(r.push("IL]] def", &m), "[[EMAIL]] def");
        assert!(!r.has_held());
    }

    #[test]
    fn json_fragments_get_escaped_values() {
        let m = map();
        let mut r = StreamRestorer::new(Mode::JsonFragment);
        let mut got = r.push("{\"host\": \"[[HOST_998", &m);
        got += &r.push("87766]]\"}", &m);
        got += &r.finish(&m);
        assert_eq!(got, r#"{"host": "db\"01\".corp"}"#);
        let v: serde_json::Value = serde_json::from_str(&got).unwrap();
        assert_eq!(v["host"], "db\"01\".corp");
    }

    #[test]
    fn thinking_blocks_are_never_touched() {
        let m = map();
        let mut v = serde_json::json!({"content": [
            {"type": "thinking", "thinking": "[[EMAIL_0a1b2c3d]]", "signature": "sig"},
            {"type": "text", "text": "[[EMAIL_0a1b2c3d]]"},
            {"type": "tool_use", "input": {"to": "[[EMAIL_0a1b2c3d]]"}}
        ]});
        assert_eq!(restore_value(&mut v, &m), 2);
        assert_eq!(v["content"][0]["thinking"], "[[EMAIL_0a1b2c3d]]");
        assert_eq!(v["content"][1]["text"], "jane@airlock-fixture.dev");
        assert_eq!(v["content"][2]["input"]["to"], "jane@airlock-fixture.dev");
    }
}
