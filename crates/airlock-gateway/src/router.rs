//! The route table and the authentication layer: every route needs a gateway key except
//! `/healthz`, and `/metrics` when the gateway listens on loopback only.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};

use crate::auth::{AuthResult, Identity};
use crate::dialect::{error_response, Endpoint};
use crate::error::RequestError;
use crate::server::{dialect_of, listing, not_found, proxy, record_refused, Shared};

fn model_route(endpoint: Endpoint) -> axum::routing::MethodRouter<Arc<Shared>> {
    post(
        move |State(s): State<Arc<Shared>>,
              Extension(id): Extension<Identity>,
              uri: Uri,
              headers: HeaderMap,
              body: Body| async move {
            let query = uri.query().map(str::to_string);
            proxy(s, endpoint, id, query, headers, body).await
        },
    )
}

fn listing_route() -> axum::routing::MethodRouter<Arc<Shared>> {
    let h = |State(s): State<Arc<Shared>>,
             method: Method,
             uri: Uri,
             headers: HeaderMap,
             body: Body| async move { listing(s, uri.path(), method, headers, body).await };
    get(h).post(h)
}

/// The gateway's routes over `shared`.
pub fn router(shared: Arc<Shared>) -> Router {
    let mut api = Router::new();
    for e in Endpoint::ALL {
        api = api.route(e.path(), model_route(e));
        // Clients configured with the gateway's root instead of `/v1` call these.
        if let Some(short) = e.path().strip_prefix("/v1") {
            if matches!(e.dialect(), crate::dialect::Dialect::OpenAi) {
                api = api.route(short, model_route(e));
            }
        }
    }
    let api = api
        .route("/v1/models", listing_route())
        .route("/models", listing_route())
        .route("/api/tags", listing_route())
        .route("/api/version", listing_route())
        .route("/api/show", listing_route())
        .layer(middleware::from_fn_with_state(shared.clone(), require_key));
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/metrics", get(metrics))
        .merge(api)
        .fallback(|uri: Uri| async move { not_found(uri.path()) })
        .with_state(shared)
}

async fn require_key(State(s): State<Arc<Shared>>, mut req: Request, next: Next) -> Response {
    match s.auth.check(req.headers()).await {
        AuthResult::Ok(id) => {
            req.extensions_mut().insert(id);
            next.run(req).await
        }
        AuthResult::Denied => {
            s.metrics
                .unauthorized
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let err = RequestError::Unauthorized;
            record_refused(&s, req.uri().path(), req.headers(), &err);
            error_response(dialect_of(req.uri().path()), &err)
        }
        AuthResult::StoreFailed => {
            let err = RequestError::Audit;
            record_refused(&s, req.uri().path(), req.headers(), &err);
            error_response(dialect_of(req.uri().path()), &err)
        }
    }
}

async fn metrics(State(s): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    // Open on loopback (a local scraper); behind a key anywhere else.
    if !s.config.listen.ip().is_loopback() {
        match s.auth.check(&headers).await {
            AuthResult::Ok(_) => {}
            _ => return (StatusCode::UNAUTHORIZED, "gateway key required\n").into_response(),
        }
    }
    (
        [("content-type", "text/plain; version=0.0.4")],
        s.metrics.render(),
    )
        .into_response()
}
