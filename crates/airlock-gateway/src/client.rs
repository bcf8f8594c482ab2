//! The HTTP client for upstreams: hyper's pooled client over rustls (HTTP/1.1, or HTTP/2
//! when the provider offers it in TLS), with Mozilla's root certificates (webpki-roots),
//! TCP_NODELAY and a 10 s connect timeout. One request through it costs less than
//! through reqwest, which wraps the same client in URL parsing, redirect and timeout
//! layers per request: measured in `bench/gateway.sh`, most of the gateway's work one
//! request at a time is its HTTP stack.
//!
//! Upstreams the environment's proxy settings (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
//! `NO_PROXY`, as curl reads them) send through a proxy go through reqwest, which speaks
//! to proxies; the rest go direct. Redirects are not followed: a provider's 3xx reaches
//! the client as the provider's answer.

use std::time::Duration;

use axum::http::{HeaderMap, Method, Request, StatusCode, Uri};
use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use http_body_util::{BodyDataStream, BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::proxy::matcher::Matcher;
use hyper_util::rt::{TokioExecutor, TokioTimer};

type Direct =
    hyper_util::client::legacy::Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>;

/// Why a request did not get an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// Connecting timed out.
    Timeout,
    /// The upstream could not be reached.
    Connect,
    /// Anything else (the connection broke, the URL is not valid).
    Failed,
}

/// The answer's body broke off (or timed out inside the proxy client).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyError {
    pub timeout: bool,
}

/// An upstream's answer: status and headers, the body still to read.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    body: AnswerBody,
}

enum AnswerBody {
    Direct(hyper::body::Incoming),
    Proxied(reqwest::Response),
}

impl Answer {
    /// The whole body.
    pub async fn bytes(self) -> Result<Bytes, BodyError> {
        match self.body {
            AnswerBody::Direct(b) => b
                .collect()
                .await
                .map(|c| c.to_bytes())
                .map_err(|_| BodyError { timeout: false }),
            AnswerBody::Proxied(r) => r.bytes().await.map_err(body_error),
        }
    }

    /// The body as it arrives. Dropping the stream before its end closes the connection.
    pub fn stream(self) -> BoxStream<'static, Result<Bytes, BodyError>> {
        match self.body {
            AnswerBody::Direct(b) => BodyDataStream::new(b)
                .map_err(|_| BodyError { timeout: false })
                .boxed(),
            AnswerBody::Proxied(r) => r.bytes_stream().map_err(body_error).boxed(),
        }
    }
}

fn body_error(e: reqwest::Error) -> BodyError {
    BodyError {
        timeout: e.is_timeout(),
    }
}

/// Sends requests to upstreams; cheap to share.
pub struct UpstreamClient {
    direct: Direct,
    /// The environment's proxy rules and the client that follows them, when any are set.
    proxied: Option<(Matcher, reqwest::Client)>,
}

/// How long connecting to an upstream may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

impl UpstreamClient {
    /// `read_timeout` bounds each read of a proxied answer (direct answers are bounded by
    /// the caller's timeouts).
    pub fn new(read_timeout: Duration) -> Result<UpstreamClient, String> {
        // reqwest reads the same variables the same way (through this matcher).
        UpstreamClient::build(
            Matcher::from_env(),
            reqwest::Client::builder(),
            read_timeout,
        )
    }

    /// With `proxies` deciding which requests go through `proxy_client`.
    fn build(
        proxies: Matcher,
        proxy_client: reqwest::ClientBuilder,
        read_timeout: Duration,
    ) -> Result<UpstreamClient, String> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        let tls = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .wrap_connector(http);
        let direct = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(90))
            .pool_max_idle_per_host(256)
            .pool_timer(TokioTimer::new())
            .timer(TokioTimer::new())
            .build(https);
        let probe = |u: &str| u.parse::<Uri>().ok().and_then(|u| proxies.intercept(&u));
        let proxied =
            if probe("http://example.com").is_some() || probe("https://example.com").is_some() {
                let client = proxy_client
                    .connect_timeout(CONNECT_TIMEOUT)
                    .read_timeout(read_timeout)
                    .pool_idle_timeout(Duration::from_secs(90))
                    .pool_max_idle_per_host(256)
                    .tcp_nodelay(true)
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .map_err(|e| e.to_string())?;
                Some((proxies, client))
            } else {
                None
            };
        Ok(UpstreamClient { direct, proxied })
    }

    /// Sends one request. Timing out the whole exchange is the caller's business.
    pub async fn send(
        &self,
        method: Method,
        url: &str,
        headers: HeaderMap,
        body: Bytes,
    ) -> Result<Answer, SendError> {
        let uri: Uri = url.parse().map_err(|_| SendError::Failed)?;
        if let Some((matcher, client)) = &self.proxied {
            if matcher.intercept(&uri).is_some() {
                let resp = client
                    .request(method, url)
                    .headers(headers)
                    .body(body)
                    .send()
                    .await
                    .map_err(|e| {
                        if e.is_timeout() {
                            SendError::Timeout
                        } else if e.is_connect() {
                            SendError::Connect
                        } else {
                            SendError::Failed
                        }
                    })?;
                return Ok(Answer {
                    status: resp.status(),
                    headers: resp.headers().clone(),
                    body: AnswerBody::Proxied(resp),
                });
            }
        }
        let mut req = Request::new(Full::new(body));
        *req.method_mut() = method;
        *req.uri_mut() = uri;
        *req.headers_mut() = headers;
        let resp = self.direct.request(req).await.map_err(|e| {
            if !e.is_connect() {
                SendError::Failed
            } else if timed_out(&e) {
                SendError::Timeout
            } else {
                SendError::Connect
            }
        })?;
        let (parts, body) = resp.into_parts();
        Ok(Answer {
            status: parts.status,
            headers: parts.headers,
            body: AnswerBody::Direct(body),
        })
    }
}

/// Whether an error's cause is a timeout.
fn timed_out(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
        {
            return true;
        }
        cause = c.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    /// A server that answers one request with `{}` and hands back the request's head.
    async fn one_shot() -> (String, tokio::task::JoinHandle<String>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let (mut conn, _) = listener.accept().await.unwrap();
            let mut got = Vec::new();
            let mut buf = [0u8; 4096];
            while !got.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = conn.read(&mut buf).await.unwrap();
                assert!(n > 0, "the connection closed before the request head");
                got.extend_from_slice(&buf[..n]);
            }
            let answer =
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}";
            conn.write_all(answer.as_bytes()).await.unwrap();
            String::from_utf8_lossy(&got).into_owned()
        });
        (url, task)
    }

    fn json_headers() -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("content-type", "application/json".parse().unwrap());
        h
    }

    #[tokio::test]
    async fn a_direct_request_reaches_the_upstream_with_its_length() {
        let (url, server) = one_shot().await;
        let client = UpstreamClient::build(
            Matcher::builder().build(),
            reqwest::Client::builder(),
            Duration::from_secs(5),
        )
        .unwrap();
        assert!(client.proxied.is_none());
        let answer = client
            .send(
                Method::POST,
                &format!("{url}/v1/chat/completions?beta=true"),
                json_headers(),
                Bytes::from_static(b"{\"model\":\"m\"}"),
            )
            .await
            .unwrap();
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.bytes().await.unwrap(), Bytes::from_static(b"{}"));
        let head = server.await.unwrap().to_ascii_lowercase();
        assert!(
            head.starts_with("post /v1/chat/completions?beta=true http/1.1\r\n"),
            "{head}"
        );
        assert!(head.contains("content-length: 13\r\n"), "{head}");
        assert!(!head.contains("transfer-encoding"), "{head}");
    }

    #[tokio::test]
    async fn an_upstream_the_proxy_rules_name_goes_through_the_proxy() {
        // The upstream's host does not resolve: only the proxy can take the request.
        let (proxy, server) = one_shot().await;
        let client = UpstreamClient::build(
            Matcher::builder().http(proxy.clone()).build(),
            reqwest::Client::builder().proxy(reqwest::Proxy::http(&proxy).unwrap()),
            Duration::from_secs(5),
        )
        .unwrap();
        let answer = client
            .send(
                Method::POST,
                "http://upstream.invalid/v1/chat/completions",
                json_headers(),
                Bytes::from_static(b"{}"),
            )
            .await
            .unwrap();
        assert_eq!(answer.status, StatusCode::OK);
        let head = server.await.unwrap().to_ascii_lowercase();
        assert!(
            head.starts_with("post http://upstream.invalid/v1/chat/completions http/1.1\r\n"),
            "{head}"
        );
    }

    #[tokio::test]
    async fn a_closed_port_is_a_connect_error() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let client = UpstreamClient::new(Duration::from_secs(5)).unwrap();
        let err = client
            .send(
                Method::POST,
                &format!("http://{addr}/v1/chat/completions"),
                json_headers(),
                Bytes::new(),
            )
            .await
            .err();
        assert_eq!(err, Some(SendError::Connect));
    }
}
