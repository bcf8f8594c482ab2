//! The wire dialects clients speak, and errors shaped the way each dialect's SDKs parse
//! them: an OpenAI client gets `{"error":{...}}`, an Anthropic client
//! `{"type":"error","error":{...}}`, an Ollama client `{"error":"..."}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::error::RequestError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    OpenAi,
    Anthropic,
    Ollama,
}

/// The endpoints the gateway serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    ChatCompletions,
    Completions,
    Responses,
    Embeddings,
    Messages,
    CountTokens,
    OllamaChat,
    OllamaGenerate,
}

impl Endpoint {
    pub const ALL: [Endpoint; 8] = [
        Endpoint::ChatCompletions,
        Endpoint::Completions,
        Endpoint::Responses,
        Endpoint::Embeddings,
        Endpoint::Messages,
        Endpoint::CountTokens,
        Endpoint::OllamaChat,
        Endpoint::OllamaGenerate,
    ];

    pub fn dialect(self) -> Dialect {
        match self {
            Endpoint::ChatCompletions
            | Endpoint::Completions
            | Endpoint::Responses
            | Endpoint::Embeddings => Dialect::OpenAi,
            Endpoint::Messages | Endpoint::CountTokens => Dialect::Anthropic,
            Endpoint::OllamaChat | Endpoint::OllamaGenerate => Dialect::Ollama,
        }
    }

    /// The path below the provider's base URL (OpenAI's and Anthropic's under `/v1`).
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::ChatCompletions => "/v1/chat/completions",
            Endpoint::Completions => "/v1/completions",
            Endpoint::Responses => "/v1/responses",
            Endpoint::Embeddings => "/v1/embeddings",
            Endpoint::Messages => "/v1/messages",
            Endpoint::CountTokens => "/v1/messages/count_tokens",
            Endpoint::OllamaChat => "/api/chat",
            Endpoint::OllamaGenerate => "/api/generate",
        }
    }

    /// The label in metrics and audit records.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::ChatCompletions => "chat_completions",
            Endpoint::Completions => "completions",
            Endpoint::Responses => "responses",
            Endpoint::Embeddings => "embeddings",
            Endpoint::Messages => "messages",
            Endpoint::CountTokens => "count_tokens",
            Endpoint::OllamaChat => "ollama_chat",
            Endpoint::OllamaGenerate => "ollama_generate",
        }
    }

    /// Whether answers carry text to restore and review.
    pub fn has_answer(self) -> bool {
        !matches!(self, Endpoint::Embeddings | Endpoint::CountTokens)
    }
}

/// Anthropic's error `type` for a status.
fn anthropic_type(status: StatusCode) -> &'static str {
    match status.as_u16() {
        413 => "request_too_large",
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        504 => "timeout_error",
        529 => "overloaded_error",
        _ => "api_error",
    }
}

/// OpenAI's error `type` for a status.
fn openai_type(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        400..=499 => "invalid_request_error",
        _ => "api_error",
    }
}

/// The JSON body of an error in `dialect`.
pub fn error_body(dialect: Dialect, err: &RequestError) -> serde_json::Value {
    let status = err.status();
    let message = err.to_string();
    match dialect {
        Dialect::OpenAi => json!({"error": {
            "message": message,
            "type": openai_type(status),
            "param": null,
            "code": err.code(),
        }}),
        Dialect::Anthropic => json!({"type": "error", "error": {
            "type": anthropic_type(status),
            "message": message,
        }}),
        Dialect::Ollama => json!({"error": message}),
    }
}

/// An error response in `dialect`.
pub fn error_response(dialect: Dialect, err: &RequestError) -> Response {
    let mut resp = (err.status(), axum::Json(error_body(dialect, err))).into_response();
    if matches!(err, RequestError::Unauthorized) && dialect != Dialect::Ollama {
        resp.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    resp
}
