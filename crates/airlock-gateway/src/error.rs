//! The gateway's errors: configuration problems found at start-up, and request errors,
//! which are answered in the client's own dialect and never carry what airlock protects.

use std::net::SocketAddr;

use axum::http::StatusCode;

/// A configuration that cannot run.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("environment variable {name}: {message}")]
    Env { name: String, message: String },
    #[error("{flag}: {message}")]
    Flag { flag: String, message: String },
    #[error("no upstream named `{0}` in [gateway] upstreams")]
    UnknownUpstream(String),
    #[error(
        "no gateway keys: set {keys_env} to one or more comma-separated keys, configure an audit \
         store with keys (`airlock keys create`), or set `auth = \"none\"` for a single-user \
         loopback gateway"
    )]
    NoKeys { keys_env: String },
    #[error("`auth = \"none\"` is allowed only on a loopback address, not {0}")]
    OpenOnNetwork(SocketAddr),
    #[error("could not make a random placeholder secret: {0}")]
    Random(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("building the HTTP client: {0}")]
    Client(String),
    #[error("the detector: {0}")]
    Detector(String),
    #[error("the audit store: {0}")]
    Audit(String),
}

/// What went wrong with one request. Messages name kinds and places, never values.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RequestError {
    #[error("missing or unknown gateway key")]
    Unauthorized,
    #[error("request body is larger than the gateway's limit of {limit} bytes")]
    TooLarge { limit: usize },
    #[error("request body is not valid JSON: {0}")]
    BadJson(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("no upstream serves model `{0}`")]
    NoRoute(String),
    #[error(
        "blocked by airlock policy: {kind} ({box_label}) in {location}; remove it from the request"
    )]
    Blocked {
        kind: String,
        box_label: String,
        location: String,
    },
    #[error(
        "refused by airlock policy: this request holds {box_label} content and model `{model}` is not approved for it"
    )]
    Refused { model: String, box_label: String },
    #[error("the inspection of the request failed, so nothing was sent: {0}")]
    Inspection(String),
    #[error("upstream `{0}` did not answer in time")]
    UpstreamTimeout(String),
    #[error("upstream `{upstream}` failed: {message}")]
    Upstream { upstream: String, message: String },
    #[error("upstream `{0}` has no API key: set its api_key_env variable")]
    NoUpstreamKey(String),
    #[error("answer blocked by airlock: {0}")]
    AnswerBlocked(String),
    #[error("the audit store failed, so the request was not served")]
    Audit,
}

impl RequestError {
    pub fn status(&self) -> StatusCode {
        match self {
            RequestError::Unauthorized => StatusCode::UNAUTHORIZED,
            RequestError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            RequestError::BadJson(_) | RequestError::BadRequest(_) => StatusCode::BAD_REQUEST,
            RequestError::NoRoute(_) => StatusCode::NOT_FOUND,
            RequestError::Blocked { .. }
            | RequestError::Refused { .. }
            | RequestError::AnswerBlocked(_) => StatusCode::FORBIDDEN,
            RequestError::Inspection(_) | RequestError::Audit => StatusCode::INTERNAL_SERVER_ERROR,
            RequestError::UpstreamTimeout(_) => StatusCode::GATEWAY_TIMEOUT,
            RequestError::Upstream { .. } | RequestError::NoUpstreamKey(_) => {
                StatusCode::BAD_GATEWAY
            }
        }
    }

    /// The machine-readable code: OpenAI's `code`, and the audit record's `error`.
    pub fn code(&self) -> &'static str {
        match self {
            RequestError::Unauthorized => "invalid_api_key",
            RequestError::TooLarge { .. } => "request_too_large",
            RequestError::BadJson(_) | RequestError::BadRequest(_) => "invalid_request",
            RequestError::NoRoute(_) => "model_not_found",
            RequestError::Blocked { .. } => "airlock_blocked",
            RequestError::Refused { .. } => "airlock_model_not_approved",
            RequestError::Inspection(_) => "airlock_inspection_failed",
            RequestError::UpstreamTimeout(_) => "upstream_timeout",
            RequestError::Upstream { .. } => "upstream_error",
            RequestError::NoUpstreamKey(_) => "upstream_not_configured",
            RequestError::AnswerBlocked(_) => "airlock_answer_blocked",
            RequestError::Audit => "airlock_audit_failed",
        }
    }

    /// The audit decision this error stands for.
    pub fn decision(&self) -> &'static str {
        match self {
            RequestError::Blocked { .. } | RequestError::AnswerBlocked(_) => "block",
            RequestError::Refused { .. } => "refuse",
            _ => "error",
        }
    }
}
