//! The checker against a fake registry: exists / missing per ecosystem, errors, cache, offline.

use std::path::{Path, PathBuf};
use std::time::Duration;

use airlock_deps::{Checker, CheckerConfig, Dependency, Ecosystem, RegistryConfig, RuleId, Source};
use airlock_types::Confidence;

use crate::fake_registry::*;

fn config(reg: &FakeRegistry, cache: Option<PathBuf>) -> CheckerConfig {
    let url = reg.url.clone();
    CheckerConfig {
        registry: RegistryConfig {
            pypi: url.clone(),
            npm: url.clone(),
            crates: url.clone(),
            rubygems: url.clone(),
            go_proxy: url,
            timeout: Duration::from_millis(1500),
            ..RegistryConfig::default()
        },
        cache_path: cache,
        ..CheckerConfig::default()
    }
}

pub fn dep(eco: Ecosystem, name: &str, line: u32) -> Dependency {
    Dependency {
        ecosystem: eco,
        name: name.to_string(),
        file: PathBuf::from("manifest"),
        line,
        column: 1,
        spec: None,
        source: Source::Manifest,
        alternate_index: false,
    }
}

fn rules(findings: &[airlock_deps::DepFinding]) -> Vec<(String, &'static str)> {
    findings
        .iter()
        .map(|f| (f.package.clone(), f.rule.as_str()))
        .collect()
}

#[test]
fn existing_and_missing_in_every_ecosystem() {
    let reg = FakeRegistry::start();
    reg.route(
        "/pypi/flask/json",
        pypi_project("Flask", "2010-04-06T14:00:00.000000Z", &["0.1", "3.0.0"]),
    );
    reg.route(
        "/pypi/pyyaml/json",
        pypi_project("PyYAML", "2006-05-01T00:00:00.000000Z", &["6.0"]),
    );
    reg.route(
        "/pypi/fastapi-auth-helperz/json",
        Reply::json(404, r#"{"message": "Not Found"}"#),
    );
    reg.route(
        "/left-pad",
        npm_package("left-pad", "2014-03-14T18:44:57.047Z", &["1.0.0", "1.3.0"]),
    );
    reg.route(
        "/@babel%2fcore",
        npm_package("@babel/core", "2015-10-29T18:10:00.000Z", &["7.0.0"]),
    );
    reg.route("/react-super-form-validatorx", npm_missing());
    // Every version unpublished: npm still answers 200, but nothing can be installed.
    reg.route(
        "/unpublished-thing",
        Reply::json(
            200,
            r#"{"_id": "unpublished-thing", "name": "unpublished-thing", "time": {"created": "2020-01-01T00:00:00.000Z", "modified": "2020-01-02T00:00:00.000Z", "unpublished": {"time": "2020-01-02T00:00:00.000Z", "versions": ["1.0.0"]}}}"#,
        ),
    );
    reg.route(
        "/api/v1/crates/serde",
        crate_info("serde", "2014-12-05T20:20:39.487502+00:00", 500_000_000, 3),
    );
    reg.route(
        "/api/v1/crates/tokio-magic-runtime",
        crate_missing("tokio-magic-runtime"),
    );
    reg.route("/api/v1/gems/rails.json", gem_info("rails", 500_000_000));
    reg.route("/api/v1/gems/rails-ai-helperz.json", gem_missing());
    reg.route(
        "/github.com/!burnt!sushi/toml/@v/list",
        go_versions(&["v1.3.2", "v1.4.0"]),
    );
    reg.route(
        "/github.com/acme/no-such-module/@v/list",
        go_missing("github.com/acme/no-such-module"),
    );

    let deps = vec![
        dep(Ecosystem::PyPI, "Flask", 1),
        dep(Ecosystem::PyPI, "PyYAML", 2),
        dep(Ecosystem::PyPI, "fastapi_auth.helperz", 3),
        dep(Ecosystem::Npm, "left-pad", 4),
        dep(Ecosystem::Npm, "@babel/core", 5),
        dep(Ecosystem::Npm, "react-super-form-validatorx", 6),
        dep(Ecosystem::Npm, "unpublished-thing", 6),
        dep(Ecosystem::Crates, "serde", 7),
        dep(Ecosystem::Crates, "tokio-magic-runtime", 8),
        dep(Ecosystem::RubyGems, "rails", 9),
        dep(Ecosystem::RubyGems, "rails-ai-helperz", 10),
        dep(Ecosystem::Go, "github.com/BurntSushi/toml", 11),
        dep(Ecosystem::Go, "github.com/acme/no-such-module", 12),
    ];
    let checker = Checker::new(config(&reg, None));
    let report = checker.check_report(&deps);
    assert_eq!(
        rules(&report.findings),
        vec![
            ("fastapi_auth.helperz".to_string(), "hallucinated-package"),
            (
                "react-super-form-validatorx".to_string(),
                "hallucinated-package"
            ),
            ("unpublished-thing".to_string(), "hallucinated-package"),
            ("tokio-magic-runtime".to_string(), "hallucinated-package"),
            ("rails-ai-helperz".to_string(), "hallucinated-package"),
            (
                "github.com/acme/no-such-module".to_string(),
                "hallucinated-package"
            ),
        ]
    );
    let f = &report.findings[0];
    assert_eq!((f.line, f.column), (3, 1));
    assert_eq!(f.cwe.0, 829);
    assert_eq!(f.severity, airlock_types::Severity::High);
    assert!(
        f.message.contains("does not exist on PyPI"),
        "{}",
        f.message
    );
    assert!(!f.fix.is_empty());
    // Each name was asked for once, at the URL the real registry uses.
    assert_eq!(report.requests, 13);
    assert_eq!(reg.total_hits(), 13);
    assert_eq!(reg.hits("/@babel%2fcore"), 1);
    assert_eq!(reg.hits("/github.com/!burnt!sushi/toml/@v/list"), 1);
}

#[test]
fn crates_io_gets_a_user_agent() {
    let reg = FakeRegistry::start();
    reg.require_user_agent();
    reg.route(
        "/api/v1/crates/serde",
        crate_info("serde", "2014-12-05T20:20:39+00:00", 1, 1),
    );
    let checker = Checker::new(config(&reg, None));
    let findings = checker.check(&[dep(Ecosystem::Crates, "serde", 1)]);
    assert!(findings.is_empty(), "{findings:?}");
    assert!(reg.user_agents()[0].starts_with("airlock-deps/"));
}

#[test]
fn server_errors_are_unverified_not_missing() {
    let reg = FakeRegistry::start();
    reg.route(
        "/pypi/flask/json",
        Reply::json(500, r#"{"message": "Internal Server Error"}"#),
    );
    reg.route("/left-pad", Reply::text(503, "Service Unavailable"));
    reg.route(
        "/api/v1/crates/serde",
        Reply::json(429, r#"{"errors":[{"detail":"rate limited"}]}"#),
    );
    let deps = [
        dep(Ecosystem::PyPI, "flask", 1),
        dep(Ecosystem::Npm, "left-pad", 2),
        dep(Ecosystem::Crates, "serde", 3),
    ];

    let quiet = Checker::new(config(&reg, None));
    let report = quiet.check_report(&deps);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(report.unverified, 3);

    let mut cfg = config(&reg, None);
    cfg.report_unverified = true;
    let loud = Checker::new(cfg);
    let findings = loud.check(&deps);
    assert_eq!(findings.len(), 3);
    for f in &findings {
        assert_eq!(f.rule, RuleId::UnverifiedPackage);
        assert_eq!(f.severity, airlock_types::Severity::Low);
        assert_eq!(f.cwe.0, 1357);
    }
    assert!(
        findings[0].message.contains("HTTP 500"),
        "{}",
        findings[0].message
    );
}

#[test]
fn unreachable_registry_and_timeouts_are_unverified() {
    // A port nobody listens on: bind, note the address, close.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let mut cfg = CheckerConfig {
        cache_path: None,
        report_unverified: true,
        ..CheckerConfig::default()
    };
    cfg.registry.pypi = closed;
    cfg.registry.timeout = Duration::from_millis(500);
    let findings = Checker::new(cfg).check(&[dep(Ecosystem::PyPI, "flask", 1)]);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, RuleId::UnverifiedPackage);
    assert!(
        findings[0].message.contains("could not reach PyPI"),
        "{}",
        findings[0].message
    );

    let reg = FakeRegistry::start();
    let mut slow = Reply::json(200, "{}");
    slow.delay = Duration::from_millis(1200);
    reg.route("/pypi/flask/json", slow);
    let mut cfg = config(&reg, None);
    cfg.registry.timeout = Duration::from_millis(300);
    cfg.report_unverified = true;
    let findings = Checker::new(cfg).check(&[dep(Ecosystem::PyPI, "flask", 1)]);
    assert_eq!(
        rules(&findings),
        vec![("flask".to_string(), "unverified-package")]
    );
}

#[test]
fn the_cache_saves_requests_across_checkers() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("nested/dir/cache.json");
    let reg = FakeRegistry::start();
    reg.route(
        "/pypi/flask/json",
        pypi_project("Flask", "2010-04-06T14:00:00.000000Z", &["3.0.0"]),
    );
    reg.route(
        "/pypi/flask-magic-ai/json",
        Reply::json(404, r#"{"message": "Not Found"}"#),
    );
    let deps = [
        dep(Ecosystem::PyPI, "flask", 1),
        dep(Ecosystem::PyPI, "Flask", 2),
        dep(Ecosystem::PyPI, "flask-magic-ai", 3),
    ];

    let first = Checker::new(config(&reg, Some(cache.clone()))).check_report(&deps);
    // `flask` and `Flask` are one PyPI project: one request.
    assert_eq!(reg.hits("/pypi/flask/json"), 1);
    assert_eq!(first.requests, 2);
    assert_eq!(first.findings.len(), 1);
    assert!(cache.exists());

    let second = Checker::new(config(&reg, Some(cache.clone()))).check_report(&deps);
    assert_eq!(reg.total_hits(), 2, "the second run must not ask again");
    assert_eq!(second.requests, 0);
    assert_eq!(second.cache_hits, 2);
    assert_eq!(rules(&second.findings), rules(&first.findings));
    assert!(second.cache_problem.is_none(), "{:?}", second.cache_problem);
}

fn write_cache(path: &Path, entries: &[(&str, bool, u64)]) {
    let map: Vec<String> = entries
        .iter()
        .map(|(k, exists, at)| format!(r#""{k}": {{"exists": {exists}, "checked_at": {at}}}"#))
        .collect();
    std::fs::write(
        path,
        format!(r#"{{"version": 1, "entries": {{{}}}}}"#, map.join(", ")),
    )
    .unwrap();
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[test]
fn expired_entries_are_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.json");
    let two_days_ago = now() - 2 * 86_400;
    // "missing" keeps one day, "exists" seven: only the missing one is stale.
    write_cache(
        &cache,
        &[
            ("pypi:flask", true, two_days_ago),
            ("pypi:now-registered", false, two_days_ago),
            // Dated ten days ahead: the clock moved; not trusted as fresh.
            ("pypi:numpy", true, now() + 10 * 86_400),
        ],
    );
    let reg = FakeRegistry::start();
    reg.route(
        "/pypi/now-registered/json",
        pypi_project("now-registered", "2026-01-01T00:00:00Z", &["0.1"]),
    );
    reg.route(
        "/pypi/numpy/json",
        pypi_project("numpy", "2006-12-02T00:00:00Z", &["2.0.0"]),
    );
    let findings = Checker::new(config(&reg, Some(cache.clone()))).check(&[
        dep(Ecosystem::PyPI, "flask", 1),
        dep(Ecosystem::PyPI, "now-registered", 2),
        dep(Ecosystem::PyPI, "numpy", 3),
    ]);
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(reg.hits("/pypi/flask/json"), 0);
    assert_eq!(reg.hits("/pypi/now-registered/json"), 1);
    assert_eq!(reg.hits("/pypi/numpy/json"), 1);
    let text = std::fs::read_to_string(&cache).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["entries"]["pypi:now-registered"]["exists"], true);
    assert_eq!(v["entries"]["pypi:flask"]["checked_at"], two_days_ago);
}

#[test]
fn offline_uses_only_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.json");
    let long_ago = now() - 400 * 86_400;
    write_cache(
        &cache,
        &[
            ("pypi:flask", true, long_ago),
            ("npm:left-padz-ai", false, now()),
        ],
    );
    let reg = FakeRegistry::start();
    let mut cfg = config(&reg, Some(cache));
    cfg.offline = true;
    cfg.report_unverified = true;
    let findings = Checker::new(cfg).check(&[
        dep(Ecosystem::PyPI, "flask", 1),
        dep(Ecosystem::Npm, "left-padz-ai", 2),
        dep(Ecosystem::PyPI, "never-seen-package", 3),
        dep(Ecosystem::PyPI, "reqeusts", 4),
    ]);
    assert_eq!(
        reg.total_hits(),
        0,
        "offline mode must not touch the network"
    );
    assert_eq!(
        rules(&findings),
        vec![
            ("left-padz-ai".to_string(), "hallucinated-package"),
            ("never-seen-package".to_string(), "unverified-package"),
            ("reqeusts".to_string(), "typosquat-package"),
        ]
    );
    assert!(
        findings[1].message.contains("offline"),
        "{}",
        findings[1].message
    );
    assert_eq!(findings[2].resembles.as_deref(), Some("requests"));
    assert_eq!(findings[2].confidence, Confidence::Low);
}

#[test]
fn offline_from_the_environment() {
    let mut cfg = CheckerConfig::default();
    cfg.apply_env(|k| match k {
        "AIRLOCK_OFFLINE" => Some("1".into()),
        "AIRLOCK_DEPS_CACHE" => Some("/tmp/x/cache.json".into()),
        "AIRLOCK_PYPI_URL" => Some("http://127.0.0.1:9/".into()),
        "AIRLOCK_REGISTRY_TIMEOUT_MS" => Some("250".into()),
        _ => None,
    });
    assert!(cfg.offline);
    assert_eq!(cfg.cache_path, Some(PathBuf::from("/tmp/x/cache.json")));
    assert_eq!(cfg.registry.pypi, "http://127.0.0.1:9/");
    assert_eq!(cfg.registry.timeout, Duration::from_millis(250));
    cfg.apply_env(|k| (k == "AIRLOCK_DEPS_CACHE").then(|| "off".to_string()));
    assert_eq!(cfg.cache_path, None);
}

#[test]
fn a_corrupt_cache_is_reported_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.json");
    std::fs::write(&cache, "{ not json").unwrap();
    let reg = FakeRegistry::start();
    reg.route(
        "/pypi/flask/json",
        pypi_project("Flask", "2010-04-06T14:00:00Z", &["3.0.0"]),
    );
    let report = Checker::new(config(&reg, Some(cache.clone()))).check_report(&[dep(
        Ecosystem::PyPI,
        "flask",
        1,
    )]);
    assert!(report.findings.is_empty());
    assert!(report
        .cache_problem
        .as_deref()
        .unwrap()
        .contains("not a registry cache"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cache).unwrap()).unwrap();
    assert_eq!(v["entries"]["pypi:flask"]["exists"], true);
}

#[test]
fn typosquats_that_exist_are_flagged_with_what_they_imitate() {
    let reg = FakeRegistry::start();
    let today = {
        // A creation date a few days ago makes the package "new".
        let days = now() / 86_400 - 3;
        let (y, m, d) = civil(days as i64);
        format!("{y:04}-{m:02}-{d:02}T08:00:00.000000Z")
    };
    reg.route(
        "/pypi/reqeusts/json",
        pypi_project("reqeusts", &today, &["0.0.1"]),
    );
    reg.route(
        "/pypi/requests/json",
        pypi_project("requests", "2011-02-14T00:00:00Z", &["2.31.0", "2.32.3"]),
    );
    reg.route(
        "/pypi/numpy/json",
        pypi_project("numpy", "2006-12-02T00:00:00Z", &["2.0.0"]),
    );
    reg.route(
        "/expresss",
        npm_package(
            "expresss",
            "2016-01-01T00:00:00.000Z",
            &["1.0.0", "1.0.1", "2.0.0"],
        ),
    );
    reg.route(
        "/pypi/reqests/json",
        Reply::json(404, r#"{"message": "Not Found"}"#),
    );
    let findings = Checker::new(config(&reg, None)).check(&[
        dep(Ecosystem::PyPI, "reqeusts", 1),
        dep(Ecosystem::PyPI, "requests", 2),
        dep(Ecosystem::PyPI, "numpy", 3),
        dep(Ecosystem::Npm, "expresss", 4),
        dep(Ecosystem::PyPI, "reqests", 5),
    ]);
    assert_eq!(
        rules(&findings),
        vec![
            ("reqeusts".to_string(), "typosquat-package"),
            ("expresss".to_string(), "typosquat-package"),
            ("reqests".to_string(), "hallucinated-package"),
        ]
    );
    assert_eq!(findings[0].resembles.as_deref(), Some("requests"));
    assert_eq!(
        findings[0].confidence,
        Confidence::High,
        "a 3-day-old package"
    );
    assert!(
        findings[0].message.contains("1 version"),
        "{}",
        findings[0].message
    );
    assert!(findings[0].fix.contains("`requests`"));
    assert_eq!(findings[1].resembles.as_deref(), Some("express"));
    assert_eq!(
        findings[1].confidence,
        Confidence::Medium,
        "an old package with several versions"
    );
    assert_eq!(findings[1].severity, airlock_types::Severity::Medium);
    assert_eq!(findings[0].severity, airlock_types::Severity::High);
    // A missing name that resembles a popular one says which.
    assert!(
        findings[2].message.contains("`requests`"),
        "{}",
        findings[2].message
    );
    assert!(findings[2]
        .fix
        .contains("Replace `reqests` with `requests`"));
}

/// Civil date from days since 1970-01-01 (for building test dates).
pub fn civil(mut days: i64) -> (i64, i64, i64) {
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let mut y = 1970;
    loop {
        let len = if leap(y) { 366 } else { 365 };
        if days < len {
            break;
        }
        days -= len;
        y += 1;
    }
    let months = [
        31,
        if leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while days >= months[m] {
        days -= months[m];
        m += 1;
    }
    (y, m as i64 + 1, days + 1)
}

#[test]
fn go_imports_find_their_module_among_path_prefixes() {
    let reg = FakeRegistry::start();
    reg.route(
        "/github.com/stretchr/testify/@v/list",
        go_versions(&["v1.8.4", "v1.9.0"]),
    );
    reg.route("/golang.org/x/net/@v/list", go_versions(&["v0.20.0"]));
    reg.route(
        "/golang.org/x/@v/list",
        Reply::text(410, "not found: module golang.org/x: invalid path"),
    );
    let imports = [
        Dependency::from_import(
            "go",
            "github.com/stretchr/testify/assert",
            "main_test.go",
            5,
            2,
        )
        .unwrap(),
        Dependency::from_import("go", "golang.org/x/net/html", "main.go", 6, 2).unwrap(),
        Dependency::from_import("go", "github.com/acme/imaginary/client", "main.go", 7, 2).unwrap(),
    ];
    assert!(Dependency::from_import("go", "net/http", "main.go", 1, 1).is_none());
    let findings = Checker::new(config(&reg, None)).check(&imports);
    assert_eq!(
        rules(&findings),
        vec![(
            "github.com/acme/imaginary/client".to_string(),
            "hallucinated-package"
        )]
    );
    assert_eq!(findings[0].source, Source::Import);
    assert!(
        findings[0].message.starts_with("Imported package"),
        "{}",
        findings[0].message
    );
    // The module root answered, so the deeper path was never asked.
    assert_eq!(reg.hits("/github.com/stretchr/testify/assert/@v/list"), 0);
    assert_eq!(reg.hits("/github.com/acme/imaginary/@v/list"), 1);
    assert_eq!(reg.hits("/github.com/acme/imaginary/client/@v/list"), 1);
}

#[test]
fn allow_list_skips_private_packages() {
    let reg = FakeRegistry::start();
    let mut cfg = config(&reg, None);
    cfg.allow = vec!["@mycorp/*".into(), "internal_tools".into()];
    let findings = Checker::new(cfg).check(&[
        dep(Ecosystem::Npm, "@mycorp/ui-kit", 1),
        dep(Ecosystem::PyPI, "Internal-Tools", 2),
        dep(Ecosystem::PyPI, "not-allowed-pkg", 3),
    ]);
    assert_eq!(
        rules(&findings),
        vec![("not-allowed-pkg".to_string(), "hallucinated-package")]
    );
    assert_eq!(reg.total_hits(), 1);
}

#[test]
fn a_missing_name_next_to_a_private_index_is_dependency_confusion() {
    let reg = FakeRegistry::start();
    let content = "--extra-index-url https://pypi.corp.example/simple\ncorp-billing-client==1.2\n";
    let deps = airlock_deps::parse_manifest(Path::new("requirements.txt"), content)
        .unwrap()
        .unwrap();
    assert!(deps[0].alternate_index);
    let findings = Checker::new(config(&reg, None)).check(&deps);
    assert_eq!(
        rules(&findings),
        vec![("corp-billing-client".to_string(), "hallucinated-package")]
    );
    assert_eq!(findings[0].confidence, Confidence::Medium);
    assert!(
        findings[0].message.contains("dependency confusion"),
        "{}",
        findings[0].message
    );
    assert_eq!((findings[0].line, findings[0].column), (2, 1));
}

#[test]
fn goprivate_and_first_party_modules_are_not_looked_up() {
    let reg = FakeRegistry::start();
    let gomod =
        "module github.com/mycorp/app\n\ngo 1.22\n\nrequire git.corp.example/team/lib v1.0.0\n";
    let parsed = airlock_deps::parse_manifest_full(Path::new("go.mod"), gomod)
        .unwrap()
        .unwrap();
    assert_eq!(parsed.own_name.as_deref(), Some("github.com/mycorp/app"));
    let mut cfg = config(&reg, None);
    cfg.apply_env(|k| (k == "GOPRIVATE").then(|| "*.corp.example".to_string()));
    cfg.allow.extend(parsed.first_party_names());
    let mut deps = parsed.dependencies.clone();
    deps.push(
        Dependency::from_import("go", "github.com/mycorp/app/internal/db", "main.go", 3, 2)
            .unwrap(),
    );
    deps.push(Dependency::from_import("go", "github.com/mycorp/other", "main.go", 4, 2).unwrap());
    let findings = Checker::new(cfg).check(&deps);
    assert_eq!(
        rules(&findings),
        vec![(
            "github.com/mycorp/other".to_string(),
            "hallucinated-package"
        )]
    );
    assert_eq!(reg.total_hits(), 1);
}

#[test]
fn new_packages_get_a_note_not_a_finding() {
    let reg = FakeRegistry::start();
    let created = {
        let (y, m, d) = civil((now() / 86_400) as i64 - 2);
        format!("{y:04}-{m:02}-{d:02}T08:00:00.000Z")
    };
    reg.route(
        "/brand-new-helper-lib",
        npm_package("brand-new-helper-lib", &created, &["0.1.0", "0.2.0"]),
    );
    reg.route(
        "/left-pad",
        npm_package("left-pad", "2014-03-14T18:44:57.047Z", &["1.3.0"]),
    );
    let report = Checker::new(config(&reg, None)).check_report(&[
        dep(Ecosystem::Npm, "brand-new-helper-lib", 4),
        dep(Ecosystem::Npm, "left-pad", 5),
    ]);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(report.notes.len(), 1);
    assert_eq!(
        (report.notes[0].package.as_str(), report.notes[0].line),
        ("brand-new-helper-lib", 4)
    );
    assert!(
        report.notes[0].message.contains("2 days ago"),
        "{}",
        report.notes[0].message
    );
}
