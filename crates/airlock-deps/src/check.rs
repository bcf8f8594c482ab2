//! The checker: looks every dependency up (cache first, then the registry, a few requests at a
//! time, one per unique name), runs the typosquat check, and turns the answers into findings.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use airlock_types::{Confidence, Cwe, Severity};
use serde::Serialize;

use crate::cache::{self, Cache, Entry};
use crate::registry::{iso_date_days, Lookup, PackageFacts, RegistryClient, RegistryConfig};
use crate::typosquat::{self, Resemblance};
use crate::{Dependency, Ecosystem, Source};

/// The rules this crate reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// The package does not exist in its registry.
    HallucinatedPackage,
    /// The package name is one edit away from a popular package.
    TyposquatPackage,
    /// The registry could not be asked (reported only on request).
    UnverifiedPackage,
}

impl RuleId {
    pub const ALL: [RuleId; 3] = [
        RuleId::HallucinatedPackage,
        RuleId::TyposquatPackage,
        RuleId::UnverifiedPackage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::HallucinatedPackage => "hallucinated-package",
            RuleId::TyposquatPackage => "typosquat-package",
            RuleId::UnverifiedPackage => "unverified-package",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            RuleId::HallucinatedPackage => "Dependency that does not exist in its registry",
            RuleId::TyposquatPackage => "Dependency one edit away from a popular package",
            RuleId::UnverifiedPackage => "Dependency whose existence could not be verified",
        }
    }

    /// CWE-829 (Inclusion of Functionality from Untrusted Control Sphere) for names an
    /// attacker can own; CWE-1357 (Reliance on Insufficiently Trustworthy Component) for a
    /// component nobody could vouch for.
    pub fn cwe(self) -> Cwe {
        match self {
            RuleId::HallucinatedPackage | RuleId::TyposquatPackage => Cwe(829),
            RuleId::UnverifiedPackage => Cwe(1357),
        }
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with one dependency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepFinding {
    pub rule: RuleId,
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
    pub ecosystem: Ecosystem,
    /// The package name as written (or as an import maps to).
    pub package: String,
    pub source: Source,
    pub message: String,
    /// What to do about it.
    pub fix: String,
    pub cwe: Cwe,
    pub severity: Severity,
    pub confidence: Confidence,
    /// The popular package the name resembles, if any.
    pub resembles: Option<String>,
    /// What the registry said about the package, if it exists.
    pub facts: Option<PackageFacts>,
}

/// How the checker behaves. [`CheckerConfig::from_env`] applies the `AIRLOCK_*` variables.
#[derive(Debug, Clone)]
pub struct CheckerConfig {
    pub registry: RegistryConfig,
    /// The cache file; `None` keeps answers in memory for this checker only.
    pub cache_path: Option<PathBuf>,
    /// Use the cache only; never ask a registry. Names not in the cache are unverified.
    pub offline: bool,
    /// Report `unverified-package` findings (low severity) for names no registry answered for.
    pub report_unverified: bool,
    /// Run the typosquat check.
    pub typosquat: bool,
    /// How long "exists" answers stay fresh.
    pub exists_ttl: Duration,
    /// How long "missing" answers stay fresh (short: a name can be registered any time).
    pub missing_ttl: Duration,
    /// Concurrent registry requests.
    pub threads: usize,
    /// Names never checked (private packages), compared per ecosystem's canonical form. An
    /// entry ending in `*` allows a prefix (`@mycorp/*`, `github.com/mycorp/*`).
    pub allow: Vec<String>,
    /// A typosquat match on a package first published less than this many days ago is
    /// reported with high confidence.
    pub new_package_days: u32,
    /// Go module path patterns that are private (Go's `GOPRIVATE` / `GONOPROXY` syntax:
    /// comma-separated globs matched against path prefixes). Matching modules are not checked.
    pub go_private: Vec<String>,
}

impl Default for CheckerConfig {
    fn default() -> Self {
        CheckerConfig {
            registry: RegistryConfig::default(),
            cache_path: cache::default_path(),
            offline: false,
            report_unverified: false,
            typosquat: true,
            exists_ttl: Duration::from_secs(7 * 24 * 3600),
            missing_ttl: Duration::from_secs(24 * 3600),
            threads: 4,
            allow: Vec::new(),
            new_package_days: 30,
            go_private: Vec::new(),
        }
    }
}

impl CheckerConfig {
    /// Defaults, then `AIRLOCK_OFFLINE`, `AIRLOCK_DEPS_CACHE` (a file path, or `off`),
    /// `GOPRIVATE` and `GONOPROXY`, and the registry variables of [`RegistryConfig::with_env`].
    pub fn from_env() -> Self {
        let mut cfg = CheckerConfig::default();
        cfg.apply_env(|k| std::env::var(k).ok());
        cfg
    }

    /// Like [`CheckerConfig::from_env`] with a custom variable source (for tests).
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) {
        self.registry.apply_env(&get);
        if let Some(v) = get("AIRLOCK_OFFLINE") {
            self.offline = matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "1" | "true" | "yes" | "on"
            );
        }
        for var in ["GOPRIVATE", "GONOPROXY"] {
            if let Some(v) = get(var) {
                self.go_private.extend(
                    v.split(',')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(str::to_string),
                );
            }
        }
        if let Some(v) = get("AIRLOCK_DEPS_CACHE").filter(|v| !v.trim().is_empty()) {
            self.cache_path = match v.trim() {
                "off" | "none" | "0" => None,
                p => Some(PathBuf::from(p)),
            };
        }
    }
}

/// Everything one check produced.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub findings: Vec<DepFinding>,
    /// HTTP requests sent.
    pub requests: usize,
    /// Names answered from the cache.
    pub cache_hits: usize,
    /// Names nobody could answer for.
    pub unverified: usize,
    /// The cache could not be read or written (the check itself still ran).
    pub cache_problem: Option<String>,
    /// Packages that exist but were first published recently (less than
    /// [`CheckerConfig::new_package_days`] ago) and raised no finding: worth a look, not a
    /// finding of their own.
    pub notes: Vec<DepNote>,
}

/// Information about a dependency that is not a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepNote {
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
    pub ecosystem: Ecosystem,
    pub package: String,
    pub message: String,
    pub facts: PackageFacts,
}

/// Checks dependencies against the registries.
pub struct Checker {
    cfg: CheckerConfig,
    cache: Cache,
    client: RegistryClient,
}

impl Checker {
    pub fn new(cfg: CheckerConfig) -> Self {
        let cache = Cache::open(cfg.cache_path.clone());
        let client = RegistryClient::new(cfg.registry.clone());
        Checker { cfg, cache, client }
    }

    pub fn config(&self) -> &CheckerConfig {
        &self.cfg
    }

    pub fn cache(&self) -> &Cache {
        &self.cache
    }

    /// The findings for these dependencies, in input order.
    pub fn check(&self, deps: &[Dependency]) -> Vec<DepFinding> {
        self.check_report(deps).findings
    }

    /// Like [`Checker::check`], with request and cache counts.
    pub fn check_report(&self, deps: &[Dependency]) -> CheckReport {
        let mut report = CheckReport {
            cache_problem: self.cache.load_problem.clone(),
            ..CheckReport::default()
        };
        let deps: Vec<&Dependency> = deps.iter().filter(|d| !self.allowed(d)).collect();

        // Each dependency has one or more names to ask about (a Go import: its path prefixes,
        // shortest first). Rounds ask the next name of every dependency still undecided, each
        // unique name once, so a module found early saves the longer paths.
        let candidates: Vec<Vec<String>> = deps.iter().map(|d| lookup_names(d)).collect();
        let mut answers: HashMap<String, Lookup> = HashMap::new();
        let mut verdicts: Vec<Option<Lookup>> = vec![None; deps.len()];
        let mut pos = vec![0usize; deps.len()];
        let mut unverified: Vec<Option<String>> = vec![None; deps.len()];
        loop {
            let mut wanted: Vec<(Ecosystem, String)> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for (i, d) in deps.iter().enumerate() {
                if verdicts[i].is_none() {
                    let name = &candidates[i][pos[i]];
                    let k = cache::key(d.ecosystem, name);
                    if !answers.contains_key(&k) && seen.insert(k) {
                        wanted.push((d.ecosystem, name.clone()));
                    }
                }
            }
            for ((eco, name), answer) in wanted.iter().zip(self.resolve(&wanted, &mut report)) {
                answers.insert(cache::key(*eco, name), answer);
            }
            let mut pending = false;
            for (i, d) in deps.iter().enumerate() {
                if verdicts[i].is_some() {
                    continue;
                }
                let answer = &answers[&cache::key(d.ecosystem, &candidates[i][pos[i]])];
                if let Lookup::Unverified(r) = answer {
                    unverified[i] = Some(r.clone());
                }
                let last = pos[i] + 1 == candidates[i].len();
                match answer {
                    Lookup::Exists(_) => verdicts[i] = Some(answer.clone()),
                    _ if last => {
                        verdicts[i] = Some(match unverified[i].take() {
                            Some(r) => Lookup::Unverified(r),
                            None => Lookup::Missing,
                        })
                    }
                    _ => {
                        pos[i] += 1;
                        pending = true;
                    }
                }
            }
            if !pending {
                break;
            }
        }
        if let Err(e) = self.cache.save() {
            report.cache_problem = Some(e.to_string());
        }
        for (dep, verdict) in deps.iter().zip(verdicts) {
            let verdict = verdict.unwrap_or_else(|| Lookup::Unverified("no answer".into()));
            if matches!(verdict, Lookup::Unverified(_)) {
                report.unverified += 1;
            }
            let finding = self.judge(dep, &verdict);
            if let (None, Lookup::Exists(facts)) = (&finding, &verdict) {
                if let Some(days) = self
                    .age_days(facts)
                    .filter(|d| *d < i64::from(self.cfg.new_package_days))
                {
                    report.notes.push(DepNote {
                        file: dep.file.clone(),
                        line: dep.line,
                        column: dep.column,
                        ecosystem: dep.ecosystem,
                        package: dep.name.clone(),
                        message: format!(
                            "`{}` was first published {days} day{} ago on {}: new packages deserve a look at who publishes them",
                            dep.name,
                            if days == 1 { "" } else { "s" },
                            dep.ecosystem.registry_name()
                        ),
                        facts: facts.clone(),
                    });
                }
            }
            report.findings.extend(finding);
        }
        report
    }

    fn allowed(&self, d: &Dependency) -> bool {
        if d.ecosystem == Ecosystem::Go
            && self
                .cfg
                .go_private
                .iter()
                .any(|p| go_path_matches(p, &d.name))
        {
            return true;
        }
        let canon = d.ecosystem.canonical_name(&d.name);
        self.cfg.allow.iter().any(|a| match a.strip_suffix('*') {
            Some(prefix) => {
                canon.starts_with(&d.ecosystem.canonical_name(prefix)) || d.name.starts_with(prefix)
            }
            None => d.ecosystem.canonical_name(a) == canon,
        })
    }

    /// Answers for each wanted name: fresh cache entries first, then the network (unless
    /// offline), a few requests at a time.
    fn resolve(&self, wanted: &[(Ecosystem, String)], report: &mut CheckReport) -> Vec<Lookup> {
        let now = cache::now_secs();
        let mut answers: Vec<Option<Lookup>> = vec![None; wanted.len()];
        let mut to_fetch = Vec::new();
        for (i, (eco, name)) in wanted.iter().enumerate() {
            if let Some(e) = self.cache.get(*eco, name) {
                let ttl = if e.exists {
                    self.cfg.exists_ttl
                } else {
                    self.cfg.missing_ttl
                };
                // An answer dated in the future (clock moved back) is not trusted as fresh.
                let fresh =
                    e.checked_at <= now + 60 && now.saturating_sub(e.checked_at) < ttl.as_secs();
                // Offline, any answer beats none; a stale one is still the best knowledge.
                if fresh || self.cfg.offline {
                    report.cache_hits += 1;
                    answers[i] = Some(if e.exists {
                        Lookup::Exists(e.facts)
                    } else {
                        Lookup::Missing
                    });
                    continue;
                }
            }
            if self.cfg.offline {
                answers[i] = Some(Lookup::Unverified(format!(
                    "offline mode and `{name}` is not in the local cache"
                )));
            } else {
                to_fetch.push(i);
            }
        }
        report.requests += to_fetch.len();
        let next = AtomicUsize::new(0);
        let fetched: Mutex<Vec<(usize, Lookup)>> = Mutex::new(Vec::new());
        let workers = self.cfg.threads.clamp(1, 16).min(to_fetch.len());
        std::thread::scope(|s| {
            for _ in 0..workers {
                s.spawn(|| loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = to_fetch.get(k) else { break };
                    let (eco, name) = &wanted[i];
                    let answer = self.client.lookup(*eco, name);
                    fetched
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push((i, answer));
                });
            }
        });
        let now = cache::now_secs();
        for (i, answer) in fetched.into_inner().unwrap_or_else(|p| p.into_inner()) {
            let (eco, name) = &wanted[i];
            match &answer {
                Lookup::Exists(facts) => self.cache.put(
                    *eco,
                    name,
                    Entry {
                        exists: true,
                        checked_at: now,
                        facts: facts.clone(),
                    },
                ),
                Lookup::Missing => self.cache.put(
                    *eco,
                    name,
                    Entry {
                        exists: false,
                        checked_at: now,
                        facts: PackageFacts::default(),
                    },
                ),
                Lookup::Unverified(_) => {}
            }
            answers[i] = Some(answer);
        }
        answers
            .into_iter()
            .map(|a| a.unwrap_or_else(|| Lookup::Unverified("no answer".into())))
            .collect()
    }

    fn judge(&self, dep: &Dependency, verdict: &Lookup) -> Option<DepFinding> {
        let resembles = if self.cfg.typosquat {
            typosquat::resembles(dep.ecosystem, &dep.name)
        } else {
            None
        };
        let registry = dep.ecosystem.registry_name();
        let what = match dep.source {
            Source::Manifest => format!("Dependency `{}`", dep.name),
            Source::Import => format!("Imported package `{}`", dep.name),
        };
        let finding =
            |rule: RuleId, message: String, fix: String, severity, confidence, facts| DepFinding {
                rule,
                file: dep.file.clone(),
                line: dep.line,
                column: dep.column,
                ecosystem: dep.ecosystem,
                package: dep.name.clone(),
                source: dep.source,
                message,
                fix,
                cwe: rule.cwe(),
                severity,
                confidence,
                resembles: resembles.as_ref().map(|r| r.popular.to_string()),
                facts,
            };
        match (verdict, &resembles) {
            (Lookup::Missing, _) if dep.alternate_index => {
                let message = format!(
                    "{what} does not exist on {registry}, and this manifest also installs from another index: if it is a private package there, anyone can claim the name on {registry} and may be installed instead (dependency confusion); if not, the name is likely hallucinated"
                );
                let fix = format!(
                    "If `{}` is private, install it only from the private index (pin the index per package, or register the name on {registry} as a placeholder); otherwise remove it or replace it with the real package.",
                    dep.name
                );
                Some(finding(
                    RuleId::HallucinatedPackage,
                    message,
                    fix,
                    Severity::High,
                    Confidence::Medium,
                    None,
                ))
            }
            (Lookup::Missing, _) => {
                let mut message = format!(
                    "{what} does not exist on {registry}: the name is likely hallucinated, and anyone can register it and have this project install their code"
                );
                let fix = match &resembles {
                    Some(r) => {
                        message.push_str(&format!("; it resembles the popular package `{}`", r.popular));
                        format!("Replace `{}` with `{}` if that is what was meant; otherwise remove it.", dep.name, r.popular)
                    }
                    None => format!(
                        "Remove `{}` or replace it with the real package that provides this functionality (search {registry}); do not install the name as written.",
                        dep.name
                    ),
                };
                Some(finding(
                    RuleId::HallucinatedPackage,
                    message,
                    fix,
                    Severity::High,
                    Confidence::High,
                    None,
                ))
            }
            (Lookup::Exists(facts), Some(r)) => {
                // About one established package in a hundred sits one edit from a popular
                // name by coincidence; a new or barely used one is the squatting pattern.
                let young = self.is_young(facts);
                let (severity, confidence) = if young {
                    (Severity::High, Confidence::High)
                } else {
                    (Severity::Medium, Confidence::Medium)
                };
                let mut message = format!(
                    "{what} {} `{}` ({}); typosquats imitate popular names so they get installed by mistake",
                    resemblance_phrase(r),
                    r.popular,
                    r.confusion.describe()
                );
                if let Some(note) = facts_note(facts) {
                    message.push_str(&format!("; {note}"));
                }
                let fix = format!(
                    "If you meant `{}`, use that name. Otherwise confirm who publishes `{}` and why before installing it, and add it to the allow list.",
                    r.popular, dep.name
                );
                Some(finding(
                    RuleId::TyposquatPackage,
                    message,
                    fix,
                    severity,
                    confidence,
                    Some(facts.clone()),
                ))
            }
            (Lookup::Unverified(reason), Some(r)) => {
                let message = format!(
                    "{what} {} `{}` ({}); whether `{}` exists could not be verified: {reason}",
                    resemblance_phrase(r),
                    r.popular,
                    r.confusion.describe(),
                    dep.name
                );
                let fix = format!("If you meant `{}`, use that name; otherwise verify `{}` on {registry} before installing it.", r.popular, dep.name);
                Some(finding(
                    RuleId::TyposquatPackage,
                    message,
                    fix,
                    Severity::Medium,
                    Confidence::Low,
                    None,
                ))
            }
            (Lookup::Unverified(reason), None) if self.cfg.report_unverified => {
                let message = format!("{what} could not be verified on {registry}: {reason}");
                let fix = format!("Run the check again with network access, or confirm `{}` exists on {registry}.", dep.name);
                Some(finding(
                    RuleId::UnverifiedPackage,
                    message,
                    fix,
                    Severity::Low,
                    Confidence::Low,
                    None,
                ))
            }
            _ => None,
        }
    }

    /// Days since the package was first published, if the registry said.
    fn age_days(&self, f: &PackageFacts) -> Option<i64> {
        let today = i64::try_from(cache::now_secs() / 86_400).unwrap_or(i64::MAX);
        f.created
            .as_deref()
            .and_then(iso_date_days)
            .map(|d| today - d)
    }

    fn is_young(&self, f: &PackageFacts) -> bool {
        let new = self
            .age_days(f)
            .is_some_and(|d| d < i64::from(self.cfg.new_package_days));
        new || f.versions.is_some_and(|v| v <= 1) || f.downloads.is_some_and(|d| d < 1000)
    }

    /// Looks one package up the way [`Checker::check`] does (cache, then registry) and stores
    /// the answer.
    pub fn lookup(&self, eco: Ecosystem, name: &str) -> Lookup {
        let mut report = CheckReport::default();
        let answer = self
            .resolve(&[(eco, name.to_string())], &mut report)
            .remove(0);
        let _ = self.cache.save();
        answer
    }
}

fn resemblance_phrase(r: &Resemblance) -> &'static str {
    match r.confusion {
        typosquat::Confusion::Separator | typosquat::Confusion::Homoglyph => {
            "looks like the popular package"
        }
        _ => "is one edit away from the popular package",
    }
}

fn facts_note(f: &PackageFacts) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(c) = &f.created {
        parts.push(format!("first published {}", c.get(..10).unwrap_or(c)));
    }
    if let Some(v) = f.versions {
        parts.push(format!("{v} version{}", if v == 1 { "" } else { "s" }));
    }
    if let Some(d) = f.downloads {
        parts.push(format!("{d} downloads"));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The names to ask the registry about for one dependency. A Go import path may name a package
/// inside a module: its module is the path or one of its prefixes, so each prefix from the
/// shortest plausible module path up is asked.
fn lookup_names(d: &Dependency) -> Vec<String> {
    if d.ecosystem != Ecosystem::Go || d.source != Source::Import {
        return vec![d.name.clone()];
    }
    let parts: Vec<&str> = d.name.split('/').collect();
    let min = match parts[0] {
        "github.com" | "gitlab.com" | "bitbucket.org" => 3,
        _ => 2,
    };
    (min.min(parts.len())..=parts.len())
        .map(|n| parts[..n].join("/"))
        .collect()
}

/// Go's GOPRIVATE matching: a pattern matches a path whose leading elements (as many as the
/// pattern has) match it as a glob.
pub fn go_path_matches(pattern: &str, path: &str) -> bool {
    let pat: Vec<&str> = pattern.trim_end_matches('/').split('/').collect();
    let parts: Vec<&str> = path.split('/').collect();
    parts.len() >= pat.len()
        && pat
            .iter()
            .zip(&parts)
            .all(|(p, e)| glob(p.as_bytes(), e.as_bytes()))
}

/// A glob over one path element: `*` any run of characters, `?` one character.
fn glob(p: &[u8], s: &[u8]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some(b'*'), _) => glob(&p[1..], s) || (!s.is_empty() && glob(p, &s[1..])),
        (Some(b'?'), Some(_)) => glob(&p[1..], &s[1..]),
        (Some(a), Some(b)) if a == b => glob(&p[1..], &s[1..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goprivate_patterns() {
        assert!(go_path_matches(
            "github.com/mycorp",
            "github.com/mycorp/app/pkg"
        ));
        assert!(go_path_matches("*.corp.example", "git.corp.example/team/x"));
        assert!(go_path_matches("github.com/my*", "github.com/mycorp/x"));
        assert!(!go_path_matches("github.com/mycorp", "github.com/other/x"));
        assert!(!go_path_matches(
            "github.com/mycorp/app",
            "github.com/mycorp"
        ));
    }
}
