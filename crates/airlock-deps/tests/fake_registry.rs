//! A fake package registry: real HTTP/1.1 over loopback on one thread, answering in the real
//! registries' response shapes, counting every request it receives.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    /// Wait this long before answering (to provoke client timeouts).
    pub delay: Duration,
}

impl Reply {
    pub fn json(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: body.into(),
            delay: Duration::ZERO,
        }
    }
    pub fn text(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.into(),
            delay: Duration::ZERO,
        }
    }
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Reply>,
    hits: HashMap<String, usize>,
    user_agents: Vec<String>,
    /// Answer 403 to requests without a User-Agent, as crates.io does.
    require_user_agent: bool,
}

pub struct FakeRegistry {
    pub url: String,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl FakeRegistry {
    pub fn start() -> FakeRegistry {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (state.clone(), stop.clone());
        let handle = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = conn {
                    serve(stream, &st);
                }
            }
        });
        FakeRegistry {
            url: format!("http://{addr}"),
            state,
            stop,
            handle: Some(handle),
        }
    }

    pub fn route(&self, path: &str, reply: Reply) -> &Self {
        self.state
            .lock()
            .unwrap()
            .routes
            .insert(path.to_string(), reply);
        self
    }

    pub fn require_user_agent(&self) {
        self.state.lock().unwrap().require_user_agent = true;
    }

    /// Requests received for a path.
    pub fn hits(&self, path: &str) -> usize {
        self.state
            .lock()
            .unwrap()
            .hits
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    pub fn total_hits(&self) -> usize {
        self.state.lock().unwrap().hits.values().sum()
    }

    pub fn user_agents(&self) -> Vec<String> {
        self.state.lock().unwrap().user_agents.clone()
    }
}

impl Drop for FakeRegistry {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.url.trim_start_matches("http://"));
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || request_line.is_empty() {
        return;
    }
    let mut user_agent = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("user-agent") {
                user_agent = Some(v.trim().to_string());
            }
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let reply = {
        let mut s = state.lock().unwrap();
        *s.hits.entry(path.clone()).or_default() += 1;
        s.user_agents.extend(user_agent.clone());
        if s.require_user_agent && user_agent.is_none() {
            Reply::text(
                403,
                "We require that all requests include a User-Agent header.",
            )
        } else {
            s.routes
                .get(&path)
                .cloned()
                .unwrap_or_else(|| Reply::json(404, r#"{"message": "Not Found"}"#))
        }
    };
    std::thread::sleep(reply.delay);
    let reason = match reply.status {
        200 => "OK",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    );
    let mut w = &stream;
    let _ = w.write_all(head.as_bytes());
    let _ = w.write_all(reply.body.as_bytes());
    let _ = w.flush();
}

// Response bodies in each registry's real shape (trimmed to the fields that matter).

pub fn pypi_project(name: &str, first_upload: &str, versions: &[&str]) -> Reply {
    let releases: Vec<String> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let t = if i == 0 { first_upload.to_string() } else { "2025-06-01T10:00:00.000000Z".to_string() };
            format!(
                r#""{v}": [{{"filename": "{name}-{v}.tar.gz", "packagetype": "sdist", "upload_time": "{}", "upload_time_iso_8601": "{t}", "yanked": false}}]"#,
                &t[..19]
            )
        })
        .collect();
    Reply::json(
        200,
        format!(
            r#"{{"info": {{"name": "{name}", "version": "{}", "summary": "x"}}, "last_serial": 1, "releases": {{{}}}, "urls": [], "vulnerabilities": []}}"#,
            versions.last().unwrap_or(&"0"),
            releases.join(", ")
        ),
    )
}

pub fn npm_package(name: &str, created: &str, versions: &[&str]) -> Reply {
    let vs: Vec<String> = versions
        .iter()
        .map(|v| format!(r#""{v}": {{"name": "{name}", "version": "{v}", "dist": {{"tarball": "https://example.invalid/{v}.tgz"}}}}"#))
        .collect();
    Reply::json(
        200,
        format!(
            r#"{{"_id": "{name}", "name": "{name}", "dist-tags": {{"latest": "{}"}}, "versions": {{{}}}, "time": {{"created": "{created}", "modified": "{created}"}}}}"#,
            versions.last().unwrap_or(&"0"),
            vs.join(", ")
        ),
    )
}

pub fn npm_missing() -> Reply {
    Reply::json(404, r#"{"error":"Not found"}"#)
}

pub fn crate_info(name: &str, created: &str, downloads: u64, versions: usize) -> Reply {
    let vs: Vec<String> = (0..versions)
        .map(|i| format!(r#"{{"id": {i}, "crate": "{name}", "num": "1.0.{i}", "yanked": false}}"#))
        .collect();
    Reply::json(
        200,
        format!(
            r#"{{"crate": {{"id": "{name}", "name": "{name}", "created_at": "{created}", "updated_at": "{created}", "downloads": {downloads}, "max_version": "1.0.0"}}, "versions": [{}], "keywords": [], "categories": []}}"#,
            vs.join(", ")
        ),
    )
}

pub fn crate_missing(name: &str) -> Reply {
    Reply::json(
        404,
        format!(r#"{{"errors":[{{"detail":"crate `{name}` does not exist"}}]}}"#),
    )
}

pub fn gem_info(name: &str, downloads: u64) -> Reply {
    Reply::json(
        200,
        format!(
            r#"{{"name": "{name}", "downloads": {downloads}, "version": "7.1.3", "version_created_at": "2024-01-16T22:55:31.170Z", "version_downloads": 10, "platform": "ruby", "authors": "x", "info": "x", "licenses": ["MIT"], "metadata": {{}}, "yanked": false, "sha": "0", "project_uri": "https://rubygems.org/gems/{name}", "gem_uri": "https://rubygems.org/gems/{name}-7.1.3.gem", "dependencies": {{"development": [], "runtime": []}}}}"#
        ),
    )
}

pub fn gem_missing() -> Reply {
    Reply::text(404, "This rubygem could not be found.")
}

pub fn go_versions(versions: &[&str]) -> Reply {
    let mut body = versions.join("\n");
    if !body.is_empty() {
        body.push('\n');
    }
    Reply::text(200, body)
}

pub fn go_missing(module: &str) -> Reply {
    Reply::text(
        404,
        format!("not found: module {module}: git ls-remote -q origin in /tmp: exit status 128:\n\tfatal: repository not found"),
    )
}
