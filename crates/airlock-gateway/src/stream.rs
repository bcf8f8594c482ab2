//! Streaming answers: OpenAI's and Anthropic's server-sent events and Ollama's NDJSON,
//! parsed event by event so that placeholders are restored (also when split across
//! chunks), answers are reviewed as code blocks close, and every way a stream can end,
//! normally, stopped by airlock, or cut off upstream, ends the client's stream in a form
//! its SDK understands.

use std::collections::HashMap;
use std::sync::Arc;

use airlock_policy::AnswerReview;
use serde_json::{json, Value};

use crate::dialect::Endpoint;
use crate::inspect::RestoreMap;
use crate::restore::{restore_value, Mode, StreamRestorer};
use crate::review::{annotation, block_reason, AnswerReviewer, AnswerText};

/// What the answer path needs from the request: the placeholders to put back and the
/// reviewer, if answers are reviewed.
#[derive(Clone)]
pub struct AnswerContext {
    pub map: Arc<RestoreMap>,
    pub reviewer: Option<Arc<dyn AnswerReviewer>>,
    pub review: AnswerReview,
}

impl AnswerContext {
    /// Whether the answer can go to the client untouched.
    pub fn passthrough(&self) -> bool {
        self.map.is_empty() && (self.reviewer.is_none() || self.review == AnswerReview::Off)
    }

    fn reviewer(&self) -> Option<&dyn AnswerReviewer> {
        match self.review {
            AnswerReview::Off => None,
            _ => self.reviewer.as_deref(),
        }
    }
}

/// Token counts seen in the stream.
#[derive(Debug, Default, Clone, Copy)]
pub struct Usage {
    pub input: Option<u64>,
    pub output: Option<u64>,
}

/// How a stream ended, for the audit record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    Complete,
    /// airlock stopped the answer; the reason names rules, never content.
    Blocked(String),
    UpstreamFailed(String),
}

/// One streaming protocol's transformer.
pub trait Transform: Send {
    /// Takes bytes from upstream; returns bytes for the client, and whether to stop
    /// reading upstream (airlock ended the stream).
    fn feed(&mut self, chunk: &[u8]) -> (Vec<u8>, bool);
    /// Upstream ended. Ends the client's stream properly, with an error if upstream
    /// stopped before its final event.
    fn end(&mut self) -> Vec<u8>;
    /// Upstream failed mid-stream.
    fn fail(&mut self, message: &str) -> Vec<u8>;
    fn usage(&self) -> Usage;
    fn ending(&self) -> Ending;
}

/// The transformer for `endpoint`'s streams.
pub fn transformer(endpoint: Endpoint, ctx: AnswerContext) -> Box<dyn Transform> {
    match endpoint {
        Endpoint::OllamaChat | Endpoint::OllamaGenerate => Box::new(Ndjson::new(endpoint, ctx)),
        _ => Box::new(Sse::new(endpoint, ctx)),
    }
}

/// Splits a byte stream into lines or events at a delimiter.
#[derive(Default)]
struct Framer {
    buf: Vec<u8>,
}

impl Framer {
    fn push(&mut self, chunk: &[u8]) {
        // SSE allows CRLF; JSON payloads never hold a raw CR, so dropping them is safe.
        self.buf
            .extend(chunk.iter().copied().filter(|b| *b != b'\r'));
    }

    fn next(&mut self, delim: &[u8]) -> Option<Vec<u8>> {
        let at = memchr::memmem::find(&self.buf, delim)?;
        let frame = self.buf[..at].to_vec();
        self.buf.drain(..at + delim.len());
        Some(frame)
    }

    fn rest(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buf)
    }
}

fn sse(event: Option<&str>, data: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(e) = event {
        out.extend_from_slice(b"event: ");
        out.extend_from_slice(e.as_bytes());
        out.push(b'\n');
    }
    out.extend_from_slice(b"data: ");
    out.extend_from_slice(&serde_json::to_vec(data).unwrap_or_default());
    out.extend_from_slice(b"\n\n");
    out
}

/// Review state of one answer: its text so far and, when answers may be stopped, the
/// text held back while a code block is open.
#[derive(Default)]
struct Review {
    answer: AnswerText,
    /// Text of an open code block, not yet sent (block mode only).
    pending: String,
}

impl Review {
    /// Passes `text` through review. Returns what may be sent now, or the reason to stop.
    fn take(&mut self, text: String, ctx: &AnswerContext) -> Result<String, String> {
        let Some(reviewer) = ctx.reviewer() else {
            return Ok(text);
        };
        let closed = self.answer.push(&text);
        if ctx.review != AnswerReview::Block {
            return Ok(text);
        }
        self.pending.push_str(&text);
        if closed {
            let findings = reviewer.review(&self.answer.text);
            if !findings.is_empty() {
                return Err(block_reason(&findings));
            }
        }
        if self.answer.in_code() && !closed {
            return Ok(String::new());
        }
        Ok(std::mem::take(&mut self.pending))
    }

    /// Releases held text after reviewing the answer so far (a text block ended with a
    /// code block still open).
    fn release(&mut self, ctx: &AnswerContext) -> Result<String, String> {
        if self.pending.is_empty() {
            return Ok(String::new());
        }
        if let Some(reviewer) = ctx.reviewer() {
            let findings = reviewer.review(&self.answer.text);
            if !findings.is_empty() {
                return Err(block_reason(&findings));
            }
        }
        Ok(std::mem::take(&mut self.pending))
    }

    /// The answer ended: the final verdict. Ok carries text still to send (held text,
    /// then an annotation); Err the reason to stop.
    fn finish(&mut self, ctx: &AnswerContext) -> Result<String, String> {
        let Some(reviewer) = ctx.reviewer() else {
            return Ok(String::new());
        };
        let mut out = std::mem::take(&mut self.pending);
        let findings = reviewer.review(&self.answer.text);
        if findings.is_empty() {
            return Ok(out);
        }
        match ctx.review {
            AnswerReview::Block => Err(block_reason(&findings)),
            _ => {
                out.push_str(&annotation(&findings));
                Ok(out)
            }
        }
    }
}

fn stop_note(reason: &str) -> String {
    format!("\n\n[airlock] answer stopped: {reason}")
}

/// Server-sent events: OpenAI Chat Completions, Completions and Responses; Anthropic
/// Messages.
struct Sse {
    endpoint: Endpoint,
    ctx: AnswerContext,
    framer: Framer,
    restorers: HashMap<String, StreamRestorer>,
    review: Review,
    usage: Usage,
    terminal: bool,
    ending: Ending,
    /// Anthropic: each open content block's index and type.
    blocks: HashMap<u64, String>,
    max_block: Option<u64>,
    /// Responses: the answer's text and the review note added to it, so that the later
    /// events carrying the whole text (`output_item.done`, `response.completed`) agree.
    response_note: Option<(String, String)>,
}

impl Sse {
    fn new(endpoint: Endpoint, ctx: AnswerContext) -> Sse {
        Sse {
            endpoint,
            ctx,
            framer: Framer::default(),
            restorers: HashMap::new(),
            review: Review::default(),
            usage: Usage::default(),
            terminal: false,
            ending: Ending::Complete,
            blocks: HashMap::new(),
            max_block: None,
            response_note: None,
        }
    }

    fn restore(&mut self, key: String, mode: Mode, delta: &str) -> String {
        let map = &self.ctx.map;
        if map.is_empty() {
            return delta.to_string();
        }
        self.restorers
            .entry(key)
            .or_insert_with(|| StreamRestorer::new(mode))
            .push(delta, map)
    }

    fn flush(&mut self, key: &str) -> String {
        let map = &self.ctx.map;
        self.restorers
            .get_mut(key)
            .map(|r| r.finish(map))
            .unwrap_or_default()
    }

    /// One event; returns bytes to send and whether to stop.
    fn event(&mut self, raw: &[u8]) -> (Vec<u8>, bool) {
        let text = String::from_utf8_lossy(raw);
        let mut name: Option<&str> = None;
        let mut data = String::new();
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("event:") {
                name = Some(v.trim());
            } else if let Some(v) = line.strip_prefix("data:") {
                if !data.is_empty() {
                    data.push('\n');
                }
                data.push_str(v.strip_prefix(' ').unwrap_or(v));
            }
        }
        let mut passthrough = raw.to_vec();
        passthrough.extend_from_slice(b"\n\n");
        if data.is_empty() {
            return (passthrough, false);
        }
        if data == "[DONE]" {
            self.terminal = true;
            return (passthrough, false);
        }
        let Ok(mut v) = serde_json::from_str::<Value>(&data) else {
            return (passthrough, false);
        };
        let name = name.map(str::to_string);
        match self.endpoint {
            Endpoint::Messages => self.anthropic(name.as_deref(), &mut v, passthrough),
            Endpoint::Responses => self.responses(name.as_deref(), &mut v, passthrough),
            _ => self.openai(&mut v, passthrough),
        }
    }

    fn openai(&mut self, v: &mut Value, passthrough: Vec<u8>) -> (Vec<u8>, bool) {
        if v.get("error").is_some() {
            self.terminal = true;
            return (passthrough, false);
        }
        if let Some(u) = v.get("usage").filter(|u| u.is_object()) {
            self.usage.input = u["prompt_tokens"].as_u64().or(self.usage.input);
            self.usage.output = u["completion_tokens"].as_u64().or(self.usage.output);
        }
        if self.ctx.passthrough() {
            return (passthrough, false);
        }
        let legacy = self.endpoint == Endpoint::Completions;
        let mut stop: Option<String> = None;
        let n = v["choices"].as_array().map_or(0, Vec::len);
        for c in 0..n {
            let choice = &mut v["choices"][c];
            let idx = choice["index"].as_u64().unwrap_or(c as u64);
            let finished = !choice["finish_reason"].is_null();
            // Text.
            let key = format!("{idx}/c");
            let text_ptr = if legacy { "/text" } else { "/delta/content" };
            let mut text = choice
                .pointer(text_ptr)
                .and_then(Value::as_str)
                .map(|s| self.restore(key.clone(), Mode::Text, s))
                .unwrap_or_default();
            if finished {
                text.push_str(&self.flush(&key));
            }
            if idx == 0 {
                match self.review.take(text, &self.ctx) {
                    Ok(t) => text = t,
                    Err(reason) => {
                        stop = Some(reason);
                        break;
                    }
                }
                if finished {
                    match self.review.finish(&self.ctx) {
                        Ok(t) => text.push_str(&t),
                        Err(reason) => {
                            stop = Some(reason);
                            break;
                        }
                    }
                }
            }
            let choice = &mut v["choices"][c];
            if !text.is_empty() || choice.pointer(text_ptr).is_some_and(Value::is_string) {
                if legacy {
                    choice["text"] = Value::String(text);
                } else if choice["delta"].is_object() {
                    choice["delta"]["content"] = Value::String(text);
                }
            }
            // Tool-call arguments: JSON text, streamed in pieces.
            let calls = choice["delta"]["tool_calls"].as_array().map_or(0, Vec::len);
            let mut seen = Vec::new();
            for t in 0..calls {
                let call = &v["choices"][c]["delta"]["tool_calls"][t];
                let ti = call["index"].as_u64().unwrap_or(t as u64);
                seen.push(ti);
                let Some(args) = call.pointer("/function/arguments").and_then(Value::as_str) else {
                    continue;
                };
                let key = format!("{idx}/t{ti}");
                let mut out = self.restore(key.clone(), Mode::JsonFragment, args);
                if finished {
                    out.push_str(&self.flush(&key));
                }
                v["choices"][c]["delta"]["tool_calls"][t]["function"]["arguments"] =
                    Value::String(out);
            }
            if finished {
                // Held-back argument text of calls not in this chunk.
                let prefix = format!("{idx}/t");
                let map = &self.ctx.map;
                let mut rest: Vec<(u64, String)> = self
                    .restorers
                    .iter_mut()
                    .filter(|(k, r)| k.starts_with(&prefix) && r.has_held())
                    .filter_map(|(k, r)| {
                        let ti: u64 = k[prefix.len()..].parse().ok()?;
                        (!seen.contains(&ti)).then(|| (ti, r.finish(map)))
                    })
                    .collect();
                rest.sort();
                if !rest.is_empty() {
                    let delta = &mut v["choices"][c]["delta"];
                    if !delta["tool_calls"].is_array() {
                        delta["tool_calls"] = json!([]);
                    }
                    for (ti, args) in rest {
                        if let Some(a) = delta["tool_calls"].as_array_mut() {
                            a.push(json!({"index": ti, "function": {"arguments": args}}));
                        }
                    }
                }
            }
        }
        if let Some(reason) = stop {
            return (self.openai_stop(v, &reason), true);
        }
        (sse(None, v), false)
    }

    fn openai_stop(&mut self, current: &Value, reason: &str) -> Vec<u8> {
        self.ending = Ending::Blocked(reason.to_string());
        let mut chunk = current.clone();
        let note = stop_note(reason);
        chunk["choices"] = if self.endpoint == Endpoint::Completions {
            json!([{"index": 0, "text": note, "finish_reason": "content_filter", "logprobs": null}])
        } else {
            json!([{"index": 0, "delta": {"content": note}, "finish_reason": "content_filter", "logprobs": null}])
        };
        if let Some(o) = chunk.as_object_mut() {
            o.remove("usage");
        }
        let mut out = sse(None, &chunk);
        out.extend_from_slice(b"data: [DONE]\n\n");
        self.terminal = true;
        out
    }

    fn responses(
        &mut self,
        name: Option<&str>,
        v: &mut Value,
        passthrough: Vec<u8>,
    ) -> (Vec<u8>, bool) {
        let kind = v["type"].as_str().unwrap_or_default().to_string();
        if matches!(
            kind.as_str(),
            "response.completed" | "response.failed" | "response.incomplete" | "error"
        ) {
            self.terminal = true;
            if let Some(u) = v.pointer("/response/usage").filter(|u| u.is_object()) {
                self.usage.input = u["input_tokens"].as_u64();
                self.usage.output = u["output_tokens"].as_u64();
            }
        }
        if self.ctx.passthrough() {
            return (passthrough, false);
        }
        let key = format!(
            "{}/{}",
            v["item_id"].as_str().unwrap_or_default(),
            v["content_index"].as_u64().unwrap_or(0)
        );
        let mut out = Vec::new();
        match kind.as_str() {
            "response.output_text.delta" => {
                let d = v["delta"].as_str().unwrap_or_default().to_string();
                let d = self.restore(key, Mode::Text, &d);
                match self.review.take(d, &self.ctx) {
                    Ok(t) if t.is_empty() => return (Vec::new(), false),
                    Ok(t) => v["delta"] = Value::String(t),
                    Err(reason) => return (self.responses_stop(v, &reason), true),
                }
            }
            "response.function_call_arguments.delta" => {
                let d = v["delta"].as_str().unwrap_or_default().to_string();
                v["delta"] = Value::String(self.restore(key, Mode::JsonFragment, &d));
            }
            "response.output_text.done" | "response.function_call_arguments.done" => {
                let mut rest = self.flush(&key);
                if kind == "response.output_text.done" {
                    restore_value(v, &self.ctx.map);
                    let reviewed = self
                        .review
                        .take(rest, &self.ctx)
                        .and_then(|t| Ok((t, self.review.finish(&self.ctx)?)));
                    match reviewed {
                        Ok((t, tail)) => {
                            // What follows the held text is the annotation, if any.
                            let pending_len = tail.find("\n\n---\n[airlock]").unwrap_or(tail.len());
                            rest = t + &tail;
                            let note = &tail[pending_len..];
                            if !note.is_empty() {
                                self.response_note = Some((
                                    v["text"].as_str().unwrap_or_default().to_string(),
                                    note.to_string(),
                                ));
                                annotate_output_text(v, self.response_note.as_ref());
                                if let Some(t) = v.get_mut("text") {
                                    if let Some(s) = t.as_str() {
                                        *t = Value::String(format!("{s}{note}"));
                                    }
                                }
                            }
                        }
                        Err(reason) => return (self.responses_stop(v, &reason), true),
                    }
                } else {
                    restore_value(v, &self.ctx.map);
                }
                if !rest.is_empty() {
                    let mut d = v.clone();
                    if let Some(o) = d.as_object_mut() {
                        o.remove("text");
                        o.remove("arguments");
                    }
                    d["type"] = Value::String(kind.replace(".done", ".delta"));
                    d["delta"] = Value::String(rest);
                    out.extend(sse(d["type"].as_str(), &d));
                }
            }
            _ => {
                restore_value(v, &self.ctx.map);
                annotate_output_text(v, self.response_note.as_ref());
            }
        }
        out.extend(sse(name, v));
        (out, false)
    }

    /// Ends a Responses stream that airlock stops: the note as a last text delta, then an
    /// `error` event, which is how the Responses API reports a failed stream.
    fn responses_stop(&mut self, current: &Value, reason: &str) -> Vec<u8> {
        self.ending = Ending::Blocked(reason.to_string());
        self.terminal = true;
        let mut d = json!({
            "type": "response.output_text.delta",
            "item_id": current["item_id"],
            "output_index": current["output_index"],
            "content_index": current["content_index"],
            "delta": stop_note(reason),
        });
        if current["item_id"].is_null() {
            d = json!({"type": "response.output_text.delta", "delta": stop_note(reason)});
        }
        let mut out = sse(Some("response.output_text.delta"), &d);
        out.extend(sse(
            Some("error"),
            &json!({"type": "error", "code": "airlock_answer_blocked", "message": format!("answer blocked by airlock: {reason}"), "param": null}),
        ));
        out
    }

    fn anthropic(
        &mut self,
        name: Option<&str>,
        v: &mut Value,
        passthrough: Vec<u8>,
    ) -> (Vec<u8>, bool) {
        let kind = v["type"].as_str().unwrap_or_default().to_string();
        match kind.as_str() {
            "message_start" => {
                self.usage.input = v
                    .pointer("/message/usage/input_tokens")
                    .and_then(Value::as_u64);
            }
            "message_delta" => {
                self.usage.output = v.pointer("/usage/output_tokens").and_then(Value::as_u64);
            }
            "message_stop" | "error" => self.terminal = true,
            "content_block_start" => {
                let i = v["index"].as_u64().unwrap_or(0);
                let t = v
                    .pointer("/content_block/type")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                self.blocks.insert(i, t.to_string());
                self.max_block = Some(self.max_block.map_or(i, |m| m.max(i)));
            }
            _ => {}
        }
        if self.ctx.passthrough() {
            return (passthrough, false);
        }
        let mut out = Vec::new();
        match kind.as_str() {
            "content_block_delta" => {
                let i = v["index"].as_u64().unwrap_or(0);
                match v.pointer("/delta/type").and_then(Value::as_str) {
                    Some("text_delta") => {
                        let t = v["delta"]["text"].as_str().unwrap_or_default().to_string();
                        let t = self.restore(format!("{i}"), Mode::Text, &t);
                        match self.review.take(t, &self.ctx) {
                            Ok(t) => {
                                if t.is_empty() {
                                    return (Vec::new(), false);
                                }
                                v["delta"]["text"] = Value::String(t);
                            }
                            Err(reason) => return (self.anthropic_stop(Some(i), &reason), true),
                        }
                    }
                    Some("input_json_delta") => {
                        let t = v["delta"]["partial_json"]
                            .as_str()
                            .unwrap_or_default()
                            .to_string();
                        let t = self.restore(format!("{i}"), Mode::JsonFragment, &t);
                        v["delta"]["partial_json"] = Value::String(t);
                    }
                    // thinking_delta, signature_delta, citations: signed or not text.
                    _ => return (passthrough, false),
                }
            }
            "content_block_stop" => {
                let i = v["index"].as_u64().unwrap_or(0);
                let held = self.flush(&format!("{i}"));
                let btype = self.blocks.get(&i).cloned().unwrap_or_default();
                if btype == "text" {
                    // Text held back in an open code block is reviewed when its block ends.
                    let verdict = self.review.take(held, &self.ctx).and_then(|mut t| {
                        t.push_str(&self.review.release(&self.ctx)?);
                        Ok(t)
                    });
                    let t = match verdict {
                        Ok(t) => t,
                        Err(reason) => return (self.anthropic_stop(Some(i), &reason), true),
                    };
                    if !t.is_empty() {
                        out.extend(delta_event(i, "text_delta", "text", &t));
                    }
                } else if !held.is_empty() {
                    out.extend(delta_event(i, "input_json_delta", "partial_json", &held));
                }
                self.blocks.remove(&i);
                return (out.into_iter().chain(passthrough).collect(), false);
            }
            "message_delta" => match self.review.finish(&self.ctx) {
                Err(reason) => return (self.anthropic_stop(None, &reason), true),
                Ok(note) if !note.is_empty() => {
                    let i = self.max_block.map_or(0, |m| m + 1);
                    out.extend(sse(
                        Some("content_block_start"),
                        &json!({"type": "content_block_start", "index": i, "content_block": {"type": "text", "text": ""}}),
                    ));
                    out.extend(delta_event(i, "text_delta", "text", &note));
                    out.extend(sse(
                        Some("content_block_stop"),
                        &json!({"type": "content_block_stop", "index": i}),
                    ));
                }
                Ok(_) => {}
            },
            "content_block_start" => {
                restore_value(v, &self.ctx.map);
            }
            _ => return (passthrough, false),
        }
        out.extend(sse(name, v));
        (out, false)
    }

    /// Ends an Anthropic stream that airlock stops: the note, the open block closed, a
    /// `refusal` stop reason and `message_stop`, as a real refusal ends.
    fn anthropic_stop(&mut self, open: Option<u64>, reason: &str) -> Vec<u8> {
        self.ending = Ending::Blocked(reason.to_string());
        let mut out = Vec::new();
        let note = stop_note(reason);
        match open.or_else(|| self.blocks.keys().copied().max()) {
            Some(i) if self.blocks.get(&i).map(String::as_str) == Some("text") => {
                out.extend(delta_event(i, "text_delta", "text", &note));
            }
            _ => {
                let i = self.max_block.map_or(0, |m| m + 1);
                out.extend(sse(
                    Some("content_block_start"),
                    &json!({"type": "content_block_start", "index": i, "content_block": {"type": "text", "text": ""}}),
                ));
                self.blocks.insert(i, "text".into());
                out.extend(delta_event(i, "text_delta", "text", &note));
            }
        }
        let mut open: Vec<u64> = self.blocks.keys().copied().collect();
        open.sort();
        for i in open {
            out.extend(sse(
                Some("content_block_stop"),
                &json!({"type": "content_block_stop", "index": i}),
            ));
        }
        self.blocks.clear();
        out.extend(sse(
            Some("message_delta"),
            &json!({"type": "message_delta", "delta": {"stop_reason": "refusal", "stop_sequence": null},
                    "usage": {"output_tokens": self.usage.output.unwrap_or(0)}}),
        ));
        out.extend(sse(Some("message_stop"), &json!({"type": "message_stop"})));
        self.terminal = true;
        out
    }

    fn error_event(&self, message: &str) -> Vec<u8> {
        match self.endpoint {
            Endpoint::Messages => sse(
                Some("error"),
                &json!({"type": "error", "error": {"type": "api_error", "message": message}}),
            ),
            Endpoint::Responses => sse(
                Some("error"),
                &json!({"type": "error", "code": "upstream_error", "message": message, "param": null}),
            ),
            _ => sse(
                None,
                &json!({"error": {"message": message, "type": "api_error", "param": null, "code": "upstream_error"}}),
            ),
        }
    }
}

/// Appends the review note to each `output_text` part whose text is the reviewed answer.
fn annotate_output_text(v: &mut Value, note: Option<&(String, String)>) {
    let Some((text, note)) = note else {
        return;
    };
    match v {
        Value::Object(o) => {
            if o.get("type").and_then(Value::as_str) == Some("output_text")
                && o.get("text").and_then(Value::as_str) == Some(text.as_str())
            {
                o.insert("text".into(), Value::String(format!("{text}{note}")));
            }
            for (_, item) in o.iter_mut() {
                annotate_output_text(item, Some(&(text.clone(), note.clone())));
            }
        }
        Value::Array(items) => {
            for item in items {
                annotate_output_text(item, Some(&(text.clone(), note.clone())));
            }
        }
        _ => {}
    }
}

fn delta_event(index: u64, dtype: &str, field: &str, text: &str) -> Vec<u8> {
    sse(
        Some("content_block_delta"),
        &json!({"type": "content_block_delta", "index": index, "delta": {"type": dtype, field: text}}),
    )
}

impl Transform for Sse {
    fn feed(&mut self, chunk: &[u8]) -> (Vec<u8>, bool) {
        self.framer.push(chunk);
        let mut out = Vec::new();
        while let Some(ev) = self.framer.next(b"\n\n") {
            let (bytes, stop) = self.event(&ev);
            out.extend(bytes);
            if stop {
                return (out, true);
            }
        }
        (out, false)
    }

    fn end(&mut self) -> Vec<u8> {
        let rest = self.framer.rest();
        let mut out = Vec::new();
        if !rest.iter().all(u8::is_ascii_whitespace) {
            out.extend(self.event(&rest).0);
        }
        if !self.terminal {
            let msg = "the upstream closed the stream before it was complete";
            self.ending = Ending::UpstreamFailed(msg.into());
            out.extend(self.error_event(&format!("airlock: {msg}")));
        }
        out
    }

    fn fail(&mut self, message: &str) -> Vec<u8> {
        self.ending = Ending::UpstreamFailed(message.into());
        self.error_event(&format!("airlock: the upstream stream failed: {message}"))
    }

    fn usage(&self) -> Usage {
        self.usage
    }

    fn ending(&self) -> Ending {
        self.ending.clone()
    }
}

/// Ollama's newline-delimited JSON.
struct Ndjson {
    endpoint: Endpoint,
    ctx: AnswerContext,
    framer: Framer,
    restorer: StreamRestorer,
    review: Review,
    usage: Usage,
    terminal: bool,
    ending: Ending,
}

impl Ndjson {
    fn new(endpoint: Endpoint, ctx: AnswerContext) -> Ndjson {
        Ndjson {
            endpoint,
            ctx,
            framer: Framer::default(),
            restorer: StreamRestorer::new(Mode::Text),
            review: Review::default(),
            usage: Usage::default(),
            terminal: false,
            ending: Ending::Complete,
        }
    }

    fn line(&mut self, raw: &[u8]) -> (Vec<u8>, bool) {
        let mut passthrough = raw.to_vec();
        passthrough.push(b'\n');
        let Ok(mut v) = serde_json::from_slice::<Value>(raw) else {
            return (passthrough, false);
        };
        let done = v["done"].as_bool() == Some(true);
        if v.get("error").is_some() || done {
            self.terminal = true;
        }
        if done {
            self.usage.input = v["prompt_eval_count"].as_u64();
            self.usage.output = v["eval_count"].as_u64();
        }
        if self.ctx.passthrough() {
            return (passthrough, false);
        }
        let ptr = if self.endpoint == Endpoint::OllamaChat {
            "/message/content"
        } else {
            "/response"
        };
        let text = v
            .pointer(ptr)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let mut text = if self.ctx.map.is_empty() {
            text
        } else {
            self.restorer.push(&text, &self.ctx.map)
        };
        if done {
            text.push_str(&self.restorer.finish(&self.ctx.map));
        }
        let verdict = self.review.take(text, &self.ctx).and_then(|mut t| {
            if done {
                t.push_str(&self.review.finish(&self.ctx)?);
            }
            Ok(t)
        });
        match verdict {
            Ok(t) => {
                if let Some(slot) = v.pointer_mut(ptr) {
                    *slot = Value::String(t);
                }
            }
            Err(reason) => {
                self.ending = Ending::Blocked(reason.clone());
                self.terminal = true;
                let mut end = json!({"model": v["model"], "created_at": v["created_at"], "done": true, "done_reason": "content_filter"});
                if self.endpoint == Endpoint::OllamaChat {
                    end["message"] = json!({"role": "assistant", "content": stop_note(&reason)});
                } else {
                    end["response"] = Value::String(stop_note(&reason));
                }
                let mut out = serde_json::to_vec(&end).unwrap_or_default();
                out.push(b'\n');
                return (out, true);
            }
        }
        if let Some(calls) = v.pointer_mut("/message/tool_calls") {
            restore_value(calls, &self.ctx.map);
        }
        let mut out = serde_json::to_vec(&v).unwrap_or_default();
        out.push(b'\n');
        (out, false)
    }
}

impl Transform for Ndjson {
    fn feed(&mut self, chunk: &[u8]) -> (Vec<u8>, bool) {
        self.framer.push(chunk);
        let mut out = Vec::new();
        while let Some(line) = self.framer.next(b"\n") {
            if line.is_empty() {
                continue;
            }
            let (bytes, stop) = self.line(&line);
            out.extend(bytes);
            if stop {
                return (out, true);
            }
        }
        (out, false)
    }

    fn end(&mut self) -> Vec<u8> {
        let rest = self.framer.rest();
        let mut out = Vec::new();
        if !rest.iter().all(u8::is_ascii_whitespace) {
            out.extend(self.line(&rest).0);
        }
        if !self.terminal {
            let msg = "the upstream closed the stream before it was complete";
            self.ending = Ending::UpstreamFailed(msg.into());
            out.extend(self.fail_line(msg));
        }
        out
    }

    fn fail(&mut self, message: &str) -> Vec<u8> {
        self.ending = Ending::UpstreamFailed(message.into());
        self.fail_line(message)
    }

    fn usage(&self) -> Usage {
        self.usage
    }

    fn ending(&self) -> Ending {
        self.ending.clone()
    }
}

impl Ndjson {
    fn fail_line(&self, message: &str) -> Vec<u8> {
        let mut out = serde_json::to_vec(&json!({"error": format!("airlock: {message}")}))
            .unwrap_or_default();
        out.push(b'\n');
        out
    }
}
