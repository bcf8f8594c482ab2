//! Asking each registry whether a package exists: one small HTTP GET per name, short timeouts.
//!
//! 200 means the package exists, 404 (and the Go proxy's 410) that it does not; anything else
//! (another status, a timeout, no network) means it could not be verified, which is never
//! reported as either.

use std::io::Read;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::ecosystem::pep503_normalize;
use crate::Ecosystem;

/// Responses larger than this are not read to the end: the status already answered the
/// question, and facts are only worth having for small (new, obscure) packages.
const MAX_BODY: u64 = 4 * 1024 * 1024;

/// Where each registry lives and how to talk to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryConfig {
    /// PyPI base URL; the JSON API is `{pypi}/pypi/<name>/json`.
    pub pypi: String,
    /// npm registry base URL; metadata is `{npm}/<name>`.
    pub npm: String,
    /// crates.io base URL; the API is `{crates}/api/v1/crates/<name>`.
    pub crates: String,
    /// RubyGems base URL; the API is `{rubygems}/api/v1/gems/<name>.json`.
    pub rubygems: String,
    /// Go module proxy base URL; versions are `{go_proxy}/<module>/@v/list`.
    pub go_proxy: String,
    /// Connect and whole-request timeout.
    pub timeout: Duration,
    /// Sent with every request (crates.io refuses requests without one).
    pub user_agent: String,
}

impl Default for RegistryConfig {
    fn default() -> Self {
        RegistryConfig {
            pypi: "https://pypi.org".into(),
            npm: "https://registry.npmjs.org".into(),
            crates: "https://crates.io".into(),
            rubygems: "https://rubygems.org".into(),
            go_proxy: "https://proxy.golang.org".into(),
            timeout: Duration::from_secs(5),
            user_agent: concat!(
                "airlock-deps/",
                env!("CARGO_PKG_VERSION"),
                " (supply-chain check)"
            )
            .into(),
        }
    }
}

impl RegistryConfig {
    /// Applies `AIRLOCK_PYPI_URL`, `AIRLOCK_NPM_URL`, `AIRLOCK_CRATES_URL`,
    /// `AIRLOCK_RUBYGEMS_URL`, `AIRLOCK_GOPROXY_URL` and `AIRLOCK_REGISTRY_TIMEOUT_MS`.
    pub fn with_env(mut self) -> Self {
        self.apply_env(|k| std::env::var(k).ok());
        self
    }

    /// Like [`RegistryConfig::with_env`] with a custom variable source (for tests).
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) {
        for (var, field) in [
            ("AIRLOCK_PYPI_URL", &mut self.pypi),
            ("AIRLOCK_NPM_URL", &mut self.npm),
            ("AIRLOCK_CRATES_URL", &mut self.crates),
            ("AIRLOCK_RUBYGEMS_URL", &mut self.rubygems),
            ("AIRLOCK_GOPROXY_URL", &mut self.go_proxy),
        ] {
            if let Some(v) = get(var).filter(|v| !v.trim().is_empty()) {
                *field = v.trim().to_string();
            }
        }
        if let Some(ms) = get("AIRLOCK_REGISTRY_TIMEOUT_MS").and_then(|v| v.trim().parse().ok()) {
            self.timeout = Duration::from_millis(ms);
        }
    }

    fn base(&self, eco: Ecosystem) -> &str {
        let b = match eco {
            Ecosystem::PyPI => &self.pypi,
            Ecosystem::Npm => &self.npm,
            Ecosystem::Crates => &self.crates,
            Ecosystem::RubyGems => &self.rubygems,
            Ecosystem::Go => &self.go_proxy,
        };
        b.trim_end_matches('/')
    }

    /// The URL asked for a package, or `None` if the name cannot be a valid name there (so
    /// that no name can steer the request elsewhere).
    pub fn url(&self, eco: Ecosystem, name: &str) -> Option<String> {
        let base = self.base(eco);
        let simple = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        };
        match eco {
            Ecosystem::PyPI => {
                simple(name).then(|| format!("{base}/pypi/{}/json", pep503_normalize(name)))
            }
            Ecosystem::Npm => {
                let ok_part = |s: &str| {
                    simple(s)
                        || (!s.is_empty()
                            && s.bytes()
                                .all(|c| c.is_ascii_graphic() && !b"/?#%\\@:".contains(&c)))
                };
                match name.strip_prefix('@') {
                    Some(scoped) => {
                        let (scope, pkg) = scoped.split_once('/')?;
                        (ok_part(scope) && ok_part(pkg)).then(|| format!("{base}/@{scope}%2f{pkg}"))
                    }
                    None => ok_part(name).then(|| format!("{base}/{name}")),
                }
            }
            Ecosystem::Crates => simple(name).then(|| format!("{base}/api/v1/crates/{name}")),
            Ecosystem::RubyGems => simple(name).then(|| format!("{base}/api/v1/gems/{name}.json")),
            Ecosystem::Go => {
                let valid = !name.is_empty()
                    && !name.starts_with('/')
                    && !name.ends_with('/')
                    && !name.contains("//")
                    && name.split('/').all(|e| e != "." && e != "..")
                    && name.bytes().all(|c| {
                        c.is_ascii_alphanumeric()
                            || matches!(c, b'-' | b'_' | b'.' | b'~' | b'/' | b'+')
                    });
                valid.then(|| format!("{base}/{}/@v/list", go_case_encode(name)))
            }
        }
    }
}

/// The Go module proxy's case encoding: each capital letter becomes `!` and its lowercase.
pub fn go_case_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 4);
    for c in path.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What the registry said about a package, beyond existing. Each is absent when the
/// registry does not say it cheaply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageFacts {
    /// When the package was first published (ISO 8601 as the registry wrote it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// How many versions have been published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versions: Option<u32>,
    /// All-time downloads, where the registry reports them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloads: Option<u64>,
}

/// The answer for one package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Exists(PackageFacts),
    Missing,
    /// The registry could not be asked or gave no clear answer; the reason says why.
    Unverified(String),
}

/// A blocking HTTP client for the registries.
pub struct RegistryClient {
    agent: ureq::Agent,
    config: RegistryConfig,
    /// crates.io asks API clients for one request at a time (its crawler policy).
    crates_turn: std::sync::Mutex<()>,
}

impl RegistryClient {
    pub fn new(config: RegistryConfig) -> RegistryClient {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(config.timeout)
            .timeout(config.timeout)
            .user_agent(&config.user_agent)
            .redirects(3)
            .build();
        RegistryClient {
            agent,
            config,
            crates_turn: std::sync::Mutex::new(()),
        }
    }

    pub fn config(&self) -> &RegistryConfig {
        &self.config
    }

    /// Asks the registry about one package.
    pub fn lookup(&self, eco: Ecosystem, name: &str) -> Lookup {
        let Some(url) = self.config.url(eco, name) else {
            return Lookup::Unverified(format!("{name:?} is not a valid {eco} package name"));
        };
        let accept = match eco {
            Ecosystem::Go => "text/plain",
            _ => "application/json",
        };
        let _turn = (eco == Ecosystem::Crates)
            .then(|| self.crates_turn.lock().unwrap_or_else(|p| p.into_inner()));
        match self.agent.get(&url).set("Accept", accept).call() {
            Ok(resp) => {
                let mut body = Vec::new();
                // A body we cannot read still came with a 200: the package exists.
                let _ = resp.into_reader().take(MAX_BODY).read_to_end(&mut body);
                if eco == Ecosystem::Npm && npm_unpublished(&body) {
                    return Lookup::Missing;
                }
                Lookup::Exists(facts(eco, &body))
            }
            Err(ureq::Error::Status(404, _)) => Lookup::Missing,
            Err(ureq::Error::Status(410, _)) if eco == Ecosystem::Go => Lookup::Missing,
            Err(ureq::Error::Status(code, _)) => Lookup::Unverified(format!(
                "{} answered HTTP {code} for {url}",
                eco.registry_name()
            )),
            Err(ureq::Error::Transport(t)) => {
                Lookup::Unverified(format!("could not reach {}: {t}", eco.registry_name()))
            }
        }
    }
}

/// npm answers 200 for a name whose every version was unpublished, with `time.unpublished` and
/// no versions: nothing can be installed, and the name can be claimed again.
fn npm_unpublished(body: &[u8]) -> bool {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) else {
        return false;
    };
    let no_versions = v
        .get("versions")
        .and_then(|x| x.as_object())
        .is_none_or(|o| o.is_empty());
    no_versions && v.pointer("/time/unpublished").is_some()
}

/// Pulls the cheap facts out of a registry's answer. Unknown shapes give no facts.
pub fn facts(eco: Ecosystem, body: &[u8]) -> PackageFacts {
    let mut f = PackageFacts::default();
    if eco == Ecosystem::Go {
        let text = String::from_utf8_lossy(body);
        f.versions = Some(count(text.lines().filter(|l| !l.trim().is_empty()).count()));
        return f;
    }
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) else {
        return f;
    };
    match eco {
        Ecosystem::PyPI => {
            if let Some(releases) = v.get("releases").and_then(|r| r.as_object()) {
                f.versions = Some(count(releases.len()));
                f.created = releases
                    .values()
                    .filter_map(|files| files.as_array())
                    .flatten()
                    .filter_map(|file| {
                        file.get("upload_time_iso_8601")
                            .or_else(|| file.get("upload_time"))
                            .and_then(|t| t.as_str())
                    })
                    .min()
                    .map(str::to_string);
            }
        }
        Ecosystem::Npm => {
            f.created = v
                .pointer("/time/created")
                .and_then(|t| t.as_str())
                .map(str::to_string);
            f.versions = v
                .get("versions")
                .and_then(|x| x.as_object())
                .map(|o| count(o.len()));
        }
        Ecosystem::Crates => {
            f.created = v
                .pointer("/crate/created_at")
                .and_then(|t| t.as_str())
                .map(str::to_string);
            f.downloads = v.pointer("/crate/downloads").and_then(|d| d.as_u64());
            f.versions = v
                .get("versions")
                .and_then(|x| x.as_array())
                .map(|a| count(a.len()));
        }
        Ecosystem::RubyGems => {
            f.downloads = v.get("downloads").and_then(|d| d.as_u64());
        }
        Ecosystem::Go => {}
    }
    f
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Days since 1970-01-01 of an ISO 8601 date (`2024-03-05...`), if it starts with one.
pub fn iso_date_days(s: &str) -> Option<i64> {
    let y: i64 = s.get(0..4)?.parse().ok()?;
    let m: i64 = s.get(5..7)?.parse().ok()?;
    let d: i64 = s.get(8..10)?.parse().ok()?;
    if s.get(4..5) != Some("-")
        || s.get(7..8) != Some("-")
        || !(1..=12).contains(&m)
        || !(1..=31).contains(&d)
    {
        return None;
    }
    // Count days in whole years from 1970, then months, with the Gregorian leap rule.
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let mut days = 0i64;
    if y >= 1970 {
        for yy in 1970..y {
            days += if leap(yy) { 366 } else { 365 };
        }
    } else {
        for yy in y..1970 {
            days -= if leap(yy) { 366 } else { 365 };
        }
    }
    const MONTH: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (i, len) in MONTH.iter().enumerate().take((m - 1) as usize) {
        days += len + i64::from(i == 1 && leap(y));
    }
    Some(days + d - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let c = RegistryConfig::default();
        assert_eq!(
            c.url(Ecosystem::PyPI, "Flask_Cors").unwrap(),
            "https://pypi.org/pypi/flask-cors/json"
        );
        assert_eq!(
            c.url(Ecosystem::Npm, "@babel/core").unwrap(),
            "https://registry.npmjs.org/@babel%2fcore"
        );
        assert_eq!(
            c.url(Ecosystem::Go, "github.com/BurntSushi/toml").unwrap(),
            "https://proxy.golang.org/github.com/!burnt!sushi/toml/@v/list"
        );
        assert_eq!(
            c.url(Ecosystem::RubyGems, "rails").unwrap(),
            "https://rubygems.org/api/v1/gems/rails.json"
        );
        assert!(c.url(Ecosystem::PyPI, "../admin").is_none());
        assert!(c.url(Ecosystem::Npm, "a?b").is_none());
        assert!(c.url(Ecosystem::Go, "github.com/../x").is_none());
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date_days("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(iso_date_days("2000-03-01"), Some(11017));
        assert_eq!(iso_date_days("2024-12-31T23:59:59.000Z"), Some(20088));
        assert_eq!(iso_date_days("garbage"), None);
    }
}
